/**
 * The documented, stable shapes the Westcoast Cloud node emits when Simplify is
 * on (the default). Mapping Resolver and Licence Sync read these shapes.
 * IDs are strings so that they compare equal to IDs stored in a PSA as text.
 * Dates are ISO 8601 with the marketplace's own offset (so the calendar date
 * is the one it meant), or null.
 */

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
}

export interface SimpleSubscription {
	westcoastId: string;
	customerId: string;
	productName: string | null;
	serviceName: string | null;
	displayName: string | null;
	/** Seat count from the UDRC field; null when the subscription has none. */
	quantity: number | null;
	state: string;
	provisioningStatus: string | null;
	contractId: string | null;
	contractEndDate: string | null;
	scheduledTerminationDate: string | null;
	/** Scheduled termination date, else contract end date (Halo's rule). */
	endDate: string | null;
	/** Set on add-ons: the subscription they depend on. */
	parentSubscriptionId: string | null;
	vendorReference: string | null;
	/** Material/product number of the priced (UDRC) item, for the PSA's SKU. */
	sku: string | null;
	purchasePrice: number | null;
	salesPrice: number | null;
	currency: string | null;
}
