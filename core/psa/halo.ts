/**
 * HaloPSA facts (Halo API v2, see README "HaloPSA"): field names of the records
 * the nodes read and the payloads they emit. The "HaloPSA" preset of Mapping
 * Resolver and Licence Sync is built from here (HALO_PRESET, at the end);
 * "Custom" lets a user rename each.
 */
import type { PsaEntities, PsaPreset } from './preset';

/**
 * GUESS: the page size asked of Halo's list reads (`pageinate=true&page_size=N`).
 * Halo's document names `page_size` without a maximum or a default, and
 * says nothing of the paging order. A smaller cap is learned from the first
 * page (core/psa/list-read.ts `planPageReads`); the order is not relied on.
 */
export const HALO_LIST_PAGE_SIZE = 100;

/** `GET /api/Client` items (schema `Area`). */
export const HALO_CLIENT_FIELDS = {
	id: 'id',
	name: 'name',
	topLevelId: 'toplevel_id',
	inactive: 'inactive',
	mainSiteId: 'main_site_id',
	externalLinks: 'external_links',
	newExternalLink: 'new_external_link',
	/** The main site's address as the client list returns it (AddressStore). */
	mainAddress: 'main_delivery_address',
	/** On create: the address Halo gives the new client's main site. */
	newClientAddress: 'newclient_delivery_address',
	/** On create: the new main site's country (GUESS: an ISO code, as Westcoast's `Country`). */
	newClientCountry: 'newclient_countrycode',
} as const;

/** An element of `external_links` / `new_external_link` (schema `ExternalLink_List`). */
export const HALO_EXTERNAL_LINK_FIELDS = {
	thirdPartyId: 'third_party_id',
	thirdPartyDesc: 'third_party_desc',
	thirdPartyType: 'third_party_type',
	/** On `GET /api/ExternalLink` rows: the Halo record the link belongs to, and its table. */
	haloId: 'halo_id',
	tableId: 'table_id',
} as const;

/**
 * GUESS: Halo's numbers for `ExternalLink.table_id` (the document's TableEnum
 * lists numbers without names).
 */
export const HALO_LINK_TABLE = { client: 1, site: 2 } as const;

/**
 * The key of the records in a `GET /api/<Entity>` list answer (`{ record_count, <key>: [...] }`).
 * GUESS: `links` for ExternalLink is not in Halo's document.
 */
export const HALO_LIST_KEY = {
	client: 'clients',
	site: 'sites',
	licence: 'licences',
	externalLink: 'links',
} as const;

/**
 * Filters of the reads that confirm a create (Halo's document, GET query
 * parameters): `GET /api/ExternalLink?third_party_id=` finds the links holding
 * a Westcoast ID whatever the client is called now; `GET
 * /api/SoftwareLicence?client_id=&includeinactive=true` one client's licences,
 * inactive ones too (Halo has no filter on a licence's distributor reference).
 */
export const HALO_LOOKUP_FILTERS = {
	linkThirdPartyId: 'third_party_id',
	licenceClientId: 'client_id',
	includeInactive: 'includeinactive',
} as const;

/**
 * GUESS: Halo's module id for its Westcoast integration is not in the API
 * document; links this package writes are told apart by this type text.
 */
export const WESTCOAST_LINK_TYPE = 'Westcoast Cloud';

/** Address (schema `AddressStore`) on a client's main site (schema `Site`). */
export const HALO_ADDRESS_FIELDS = {
	line1: 'line1',
	line2: 'line2',
	line3: 'line3',
	line4: 'line4',
	postcode: 'postcode',
} as const;
/**
 * How a Westcoast address fills Halo's AddressStore. Halo's lines are free
 * text (line 3 is shown as town/city; GUESS: a layout choice, not from Halo's
 * document). AddressStore has no country: Halo keeps it on the site
 * (`Site.country_code`; on create `newclient_countrycode`), never on a line,
 * so line 4 (often a county) is never overwritten with a country.
 */
export const WESTCOAST_ADDRESS_TO_HALO = {
	street: 'line1',
	city: 'line3',
	postcode: 'postcode',
} as const;

/** Existing clients' addresses change with `POST /api/Site [{ id: main_site_id, delivery_address }]`. */
export const HALO_SITE_FIELDS = {
	id: 'id',
	clientId: 'client_id',
	deliveryAddress: 'delivery_address',
} as const;

/** `GET /api/SoftwareLicence` items (schema `Licence_List`). */
export const HALO_LICENCE_FIELDS = {
	id: 'id',
	clientId: 'client_id',
	name: 'name',
	count: 'count',
	startDate: 'start_date',
	endDate: 'end_date',
	isActive: 'is_active',
	vendor: 'vendor',
	distributor: 'distributor',
	productSku: 'product_sku',
	parentId: 'parent_id',
	/**
	 * Where the Westcoast subscription ID is kept. `Licence_List` has no
	 * external-link array; `third_party_product` is its free text field meant
	 * for a distributor's product reference. A parameter overrides it.
	 */
	westcoastLink: 'third_party_product',
} as const;

export const HALO_DISTRIBUTOR_NAME = 'Westcoast Cloud';

/** Licence term fields (schema `Licence_List`: strings, a boolean and a date-time). */
export const HALO_LICENCE_TERM_FIELDS = {
	billingCycle: 'billing_cycle',
	termDuration: 'term_duration',
	autoRenew: 'autorenew',
	startDate: 'start_date',
} as const;

/**
 * GUESS: `term_duration` is free text in Halo's schema; Halo's screens show
 * terms as e.g. "1 Month", "12 Months", so a commitment is written that way.
 */
export function toHaloTermDuration(months: number): string {
	return `${months} ${months === 1 ? 'Month' : 'Months'}`;
}

/** Licence price fields (schema `Licence_List`, doubles). */
export const HALO_LICENCE_PRICE_FIELDS = {
	price: 'price',
	purchasePrice: 'purchase_price',
} as const;

/**
 * Halo's date-time fields are written and read as `YYYY-MM-DDThh:mm:ss` with no
 * offset (it returns e.g. `2027-03-31T00:00:00`). GUESS: a date written at
 * midnight reads back as the same calendar date.
 */
export function toHaloDateTime(calendarDate: string): string {
	return `${calendarDate}T00:00:00`;
}

/** GUESS: some Halo lists report an empty date as 1900-01-01; read it as "no date". */
export const HALO_EMPTY_DATE = '1900-01-01';

/**
 * GUESS: the calendar dates Halo can store (SQL Server `datetime`). A date
 * outside them, or on HALO_EMPTY_DATE, would not read back as written.
 */
export const HALO_DATE_RANGE = { first: '1753-01-01', last: '9999-12-31' } as const;

/** Halo's integers (schema `int32`). */
export const HALO_INT32 = { min: -2147483648, max: 2147483647 } as const;

/** Halo's record types (`/api/<Entity>`). */
export const HALO_ENTITIES: PsaEntities = {
	customer: 'Client',
	site: 'Site',
	licence: 'SoftwareLicence',
	externalLink: 'ExternalLink',
	topLevel: 'TopLevel',
};

/** Halo's `toplevel_id` is an integer: a name or a typo would be written as text. */
export const HALO_TOP_LEVEL_ID = /^\d{1,9}$/;

/** The HaloPSA preset: Halo's names, fixed but for the licence field that holds the Westcoast ID. */
export const HALO_PRESET: PsaPreset = {
	key: 'haloPsa',
	label: 'HaloPSA',
	customerFields: {
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
	},
	licenceFields: {
		id: HALO_LICENCE_FIELDS.id,
		clientId: HALO_LICENCE_FIELDS.clientId,
		name: HALO_LICENCE_FIELDS.name,
		count: HALO_LICENCE_FIELDS.count,
		endDate: HALO_LICENCE_FIELDS.endDate,
		isActive: HALO_LICENCE_FIELDS.isActive,
		distributor: HALO_LICENCE_FIELDS.distributor,
		productSku: HALO_LICENCE_FIELDS.productSku,
		parentId: HALO_LICENCE_FIELDS.parentId,
		westcoastLink: HALO_LICENCE_FIELDS.westcoastLink,
		price: HALO_LICENCE_PRICE_FIELDS.price,
		purchasePrice: HALO_LICENCE_PRICE_FIELDS.purchasePrice,
		billingCycle: HALO_LICENCE_TERM_FIELDS.billingCycle,
		termDuration: HALO_LICENCE_TERM_FIELDS.termDuration,
		autoRenew: HALO_LICENCE_TERM_FIELDS.autoRenew,
		startDate: HALO_LICENCE_TERM_FIELDS.startDate,
	},
	entities: HALO_ENTITIES,
	readTopLevelId(text) {
		const id = text.trim();
		if (id === '') return { value: null };
		if (!HALO_TOP_LEVEL_ID.test(id))
			return {
				problem: `Top Level ID must be the number of a Halo top level, e.g. 12 (got "${id}")`,
			};
		return { value: Number(id) };
	},
	renamable: { customer: [], licence: ['westcoastLink'] },
};
