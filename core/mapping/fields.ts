import {
	HALO_ADDRESS_FIELDS,
	HALO_CLIENT_FIELDS,
	HALO_EXTERNAL_LINK_FIELDS,
	HALO_SITE_FIELDS,
	WESTCOAST_ADDRESS_TO_HALO,
	WESTCOAST_LINK_TYPE,
} from '../psa/halo';

/** Where each part of a Westcoast address goes in the PSA's address object ('' = in none of its lines). */
export interface PsaAddressParts {
	street: string;
	city: string;
	postcode: string;
	country: string;
}

/** The PSA-side names the planner reads and writes; a preset fills them. */
export interface PsaFieldNames {
	/** Customer list items. */
	id: string;
	name: string;
	topLevelId: string;
	mainSiteId: string;
	/** The main site's address object on a customer list item. */
	mainAddress: string;
	/** Array of link objects on a customer list item. */
	externalLinks: string;
	/** Link object added by a customer write. */
	newExternalLink: string;
	/** Address object of a customer create. */
	newClientAddress: string;
	/** Country of a customer create, outside the address object ('' = not written). */
	newClientCountry: string;
	/** Inside a link object. */
	linkId: string;
	linkDesc: string;
	linkType: string;
	/** A value, not a field name: the link type that marks a Westcoast link. */
	westcoastLinkType: string;
	/** Site update. */
	siteId: string;
	siteAddress: string;
	addressParts: PsaAddressParts;
	/**
	 * Every line of the PSA's address object. A site update carries each one
	 * (Westcoast's value, else the PSA's current one) so lines Westcoast does
	 * not fill keep their values.
	 */
	addressLines: readonly string[];
}

export const HALO_PSA_PRESET: PsaFieldNames = {
	id: HALO_CLIENT_FIELDS.id,
	name: HALO_CLIENT_FIELDS.name,
	topLevelId: HALO_CLIENT_FIELDS.topLevelId,
	mainSiteId: HALO_CLIENT_FIELDS.mainSiteId,
	mainAddress: HALO_CLIENT_FIELDS.mainAddress,
	externalLinks: HALO_CLIENT_FIELDS.externalLinks,
	newExternalLink: HALO_CLIENT_FIELDS.newExternalLink,
	newClientAddress: HALO_CLIENT_FIELDS.newClientAddress,
	newClientCountry: HALO_CLIENT_FIELDS.newClientCountry,
	linkId: HALO_EXTERNAL_LINK_FIELDS.thirdPartyId,
	linkDesc: HALO_EXTERNAL_LINK_FIELDS.thirdPartyDesc,
	linkType: HALO_EXTERNAL_LINK_FIELDS.thirdPartyType,
	westcoastLinkType: WESTCOAST_LINK_TYPE,
	siteId: HALO_SITE_FIELDS.id,
	siteAddress: HALO_SITE_FIELDS.deliveryAddress,
	addressParts: { ...WESTCOAST_ADDRESS_TO_HALO, country: '' },
	addressLines: Object.values(HALO_ADDRESS_FIELDS),
};

export type PsaPreset = 'haloPsa' | 'custom';

export type PsaFieldOverrides = Partial<Omit<PsaFieldNames, 'addressParts'>> & {
	addressParts?: Partial<PsaAddressParts>;
};

/** Drops unset and empty values (an empty n8n text parameter means "keep the default"). */
function filled<T extends object>(values: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(values).filter(
			([, value]) =>
				value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
		),
	) as Partial<T>;
}

/** HaloPSA: Halo's names, overrides ignored. Custom: each name given, else Halo's. */
export function psaFieldsFor(preset: PsaPreset, overrides: PsaFieldOverrides = {}): PsaFieldNames {
	if (preset === 'haloPsa') return HALO_PSA_PRESET;
	const { addressParts = {}, ...names } = overrides;
	return {
		...HALO_PSA_PRESET,
		// Halo's create-only country field means nothing to another PSA unless named.
		newClientCountry: '',
		...filled(names),
		addressParts: { ...HALO_PSA_PRESET.addressParts, ...filled(addressParts) },
	};
}
