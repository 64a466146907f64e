/**
 * Records the Halo sandbox keeps. Keys come from core/psa/halo.ts where that
 * file names them, so the sandbox and the nodes cannot drift apart silently.
 */
import {
	HALO_ADDRESS_FIELDS as ADDRESS,
	HALO_CLIENT_FIELDS as CLIENT,
	HALO_EXTERNAL_LINK_FIELDS as LINK,
	HALO_LICENCE_FIELDS as LICENCE,
	HALO_SITE_FIELDS as SITE,
} from '../../core/psa/halo';

/** Halo records have far more fields than the sandbox reads; a write may set any of them. */
export interface OtherFields {
	[field: string]: unknown;
}

/** Schema `AddressStore`. */
export interface AddressStore extends OtherFields {
	[ADDRESS.line1]?: string | null;
	[ADDRESS.line2]?: string | null;
	[ADDRESS.line3]?: string | null;
	[ADDRESS.line4]?: string | null;
	[ADDRESS.postcode]?: string | null;
}

/** Schema `Tree` (`/api/TopLevel`). */
export interface TopLevelRecord extends OtherFields {
	id: number;
	name: string;
}

/** Schema `Area` (`/api/Client`) as stored: names and links are joined in on read. */
export interface ClientRecord extends OtherFields {
	[CLIENT.id]: number;
	[CLIENT.name]: string;
	[CLIENT.topLevelId]: number;
	[CLIENT.inactive]: boolean;
	[CLIENT.mainSiteId]: number;
}

/** Schema `Site` (`/api/Site`). */
export interface SiteRecord extends OtherFields {
	[SITE.id]: number;
	name: string;
	[SITE.clientId]: number;
	inactive: boolean;
	[SITE.deliveryAddress]: AddressStore;
}

/** Schema `Licence_List` (`/api/SoftwareLicence`). */
export interface LicenceRecord extends OtherFields {
	[LICENCE.id]: number;
	[LICENCE.clientId]: number;
	[LICENCE.name]: string;
	[LICENCE.count]: number;
	[LICENCE.isActive]: boolean;
}

/** The part of `ExternalLink_List` that names the third-party record. */
export interface ThirdPartyRef extends OtherFields {
	[LINK.thirdPartyId]: string;
	[LINK.thirdPartyDesc]?: string | null;
	[LINK.thirdPartyType]?: string | null;
}

/** Schema `ExternalLink_List` (`/api/ExternalLink`): `halo_id` is a record of table `table_id`. */
export interface ExternalLinkRecord extends ThirdPartyRef {
	id: number;
	table_id: number;
	halo_id: number;
}

export interface HaloTables {
	toplevels: TopLevelRecord[];
	clients: ClientRecord[];
	sites: SiteRecord[];
	licences: LicenceRecord[];
	externalLinks: ExternalLinkRecord[];
}

export type HaloTableName = keyof HaloTables;

/** A client as seed data: its main site and links are created with it. */
export interface HaloSeedClient {
	id: number;
	name: string;
	toplevel_id: number;
	inactive?: boolean;
	mainSite?: { name?: string; address?: AddressStore };
	links?: ThirdPartyRef[];
	/** Any other `Area` fields (website, domain, ...). */
	fields?: OtherFields;
}

/** Plain data the sandbox starts from (and returns to on reset). */
export interface HaloSeed {
	topLevels: TopLevelRecord[];
	clients: HaloSeedClient[];
	licences: LicenceRecord[];
}

/** Answer of a handler, sent and logged by the server. */
export interface HaloResponse {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}
