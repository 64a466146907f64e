/**
 * The documented, stable shapes the Westcoast Cloud node emits when Simplify is
 * on (the default). Mapping Resolver and Licence Sync read these shapes.
 * IDs are strings so that they compare equal to IDs stored in a PSA as text.
 * Dates are ISO 8601 with the marketplace's own offset (so the calendar date
 * is the one it meant), or null.
 */

import type { QuantitySource } from './quantity';

export interface SimpleAddress {
	street: string | null;
	city: string | null;
	postcode: string | null;
	country: string | null;
}

export interface SimpleCustomer {
	westcoastId: string;
	name: string;
	state: string;
	vatId: string | null;
	domains: string[];
	email: string | null;
	address: SimpleAddress;
	currency: string | null;
	/** The account manager (`SalesMan`, or `Salesman` as ACMP spells it). */
	salesman: string | null;
}

export interface SimpleSubscription {
	westcoastId: string;
	customerId: string;
	productName: string | null;
	serviceName: string | null;
	/** The service's display name (shared by all products of the service). */
	displayName: string | null;
	/** The vendor's name for the product; readable where productName is an internal key. */
	vendorDisplayName: string | null;
	/** Seat count; null when no rule finds one (see quantitySource). */
	quantity: number | null;
	/** Which rule produced the seat count (`udrc`, `quantityField`, `namedField`) or `none`. */
	quantitySource: QuantitySource;
	/** AccountState: `Active`, `Terminated`, ... (anything but Active counts as not active). */
	state: string;
	/** The platform's separate Status field, as it comes. */
	status: string | null;
	provisioningStatus: string | null;
	contractId: string | null;
	contractEndDate: string | null;
	scheduledTerminationDate: string | null;
	/** Scheduled termination date, else contract end date (Halo's rule). */
	endDate: string | null;
	billingStartDate: string | null;
	/** Term (NCE): the priced item's billing cycle, e.g. `Monthly` (PriceableItemType). */
	billingCycle: string | null;
	/** Commitment term in months (CommitementPeriodInMonths). */
	commitmentMonths: number | null;
	prepaidMonths: number | null;
	/** AdvancePeriodEndAction: Renew → true, Terminate → false. */
	autoRenew: boolean | null;
	/** Set on add-ons: the subscription they depend on. */
	parentSubscriptionId: string | null;
	vendorReference: string | null;
	/** Material/product number of the priced (UDRC) item, for the PSA's SKU. */
	sku: string | null;
	purchasePrice: number | null;
	salesPrice: number | null;
	currency: string | null;
}
