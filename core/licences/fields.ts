import {
	HALO_LICENCE_FIELDS,
	HALO_LICENCE_PRICE_FIELDS,
	HALO_LICENCE_TERM_FIELDS,
} from '../psa/halo';

/** Names of the PSA licence fields the planner reads and writes ("Custom" renames each). */
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

/** The HaloPSA preset (`GET /api/SoftwareLicence` items, `POST /api/SoftwareLicence` elements). */
export const HALO_LICENCE_FIELD_NAMES: Readonly<LicenceFieldNames> = {
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
};
