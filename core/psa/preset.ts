/**
 * A PSA preset: everything the planners, nodes, workflows and sandbox need to
 * know about one PSA's API. A second PSA is one more module like ./halo.ts
 * and one line in PSA_PRESETS (./presets.ts).
 */

/** Where each part of a Westcoast address goes in the PSA's address object ('' = in none of its lines). */
export interface PsaAddressParts {
	street: string;
	city: string;
	postcode: string;
	country: string;
}

/** The PSA customer fields Mapping Resolver reads and writes. */
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

/** The PSA licence fields Licence Sync reads and writes. */
export interface LicenceFieldNames {
	id: string;
	clientId: string;
	name: string;
	count: string;
	endDate: string;
	isActive: string;
	distributor: string;
	productSku: string;
	parentId: string;
	/** Where a licence stores its Westcoast subscription ID: the only link between the two. */
	westcoastLink: string;
	price: string;
	purchasePrice: string;
	billingCycle: string;
	termDuration: string;
	autoRenew: string;
	startDate: string;
}

/** The PSA's record types, as its API names them (Halo: `/api/<Entity>`). */
export interface PsaEntities {
	customer: string;
	site: string;
	licence: string;
	externalLink: string;
	topLevel: string;
}

/** A Top Level ID as typed by a user: the value to write, or why it cannot be one. */
export type TopLevelIdRead = { value: string | number | null } | { problem: string };

export interface PsaPreset {
	/** The node parameter value (`psaPreset`). */
	key: string;
	label: string;
	customerFields: Readonly<PsaFieldNames>;
	licenceFields: Readonly<LicenceFieldNames>;
	entities: Readonly<PsaEntities>;
	/** Reads the Top Level for New Customers parameter. */
	readTopLevelId(text: string): TopLevelIdRead;
	/**
	 * Which fields a user may rename under this preset (undefined: every one).
	 * A preset of a known PSA fixes its names but the licence link field.
	 */
	renamable?: {
		customer: readonly (keyof PsaFieldNames)[];
		licence: readonly (keyof LicenceFieldNames)[];
	};
}

/** Renames as a user types them: each may be missing or blank. */
export interface PsaRenames {
	customer?: Partial<Record<keyof Omit<PsaFieldNames, 'addressParts'>, unknown>> & {
		addressParts?: Partial<Record<keyof PsaAddressParts, unknown>>;
	};
	licence?: Partial<Record<keyof LicenceFieldNames, unknown>>;
}

export interface PsaFields {
	customer: PsaFieldNames;
	licence: LicenceFieldNames;
}

/** The one blank-field rule: a missing or blank rename (or an empty list) keeps the preset's name. */
function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

function renamed<T extends object>(
	base: Readonly<T>,
	renames: object,
	allowed: readonly string[] | undefined,
): T {
	const result = { ...base } as Record<string, unknown>;
	for (const [key, value] of Object.entries(renames)) {
		if (!(key in base) || isBlank(value) || (allowed && !allowed.includes(key))) continue;
		result[key] = typeof value === 'string' ? value.trim() : value;
	}
	return result as T;
}

/** The field names a plan uses: the preset's, with the user's renames where the preset allows them. */
export function fieldsFor(preset: PsaPreset, renames: PsaRenames = {}): PsaFields {
	const { addressParts = {}, ...customer } = renames.customer ?? {};
	const allowed = preset.renamable;
	const names = renamed(preset.customerFields, customer, allowed?.customer);
	return {
		customer: {
			...names,
			addressParts: renamed(
				preset.customerFields.addressParts,
				addressParts,
				allowed && !allowed.customer.includes('addressParts') ? [] : undefined,
			),
		},
		licence: renamed(preset.licenceFields, renames.licence ?? {}, allowed?.licence),
	};
}
