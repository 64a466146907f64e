/**
 * Everything this package knows about the Westcoast Cloud marketplace API, in
 * one place. Westcoast publishes no API documentation: the protocol is the
 * "Cloud Marketplace" SimpleAPI (namespace Nervogrid.Platform.API), the same
 * platform that runs ALSO's marketplaces. Facts marked GUESS are not in any
 * public source; a difference found against the live service is a change here.
 */

export const DEFAULT_MARKETPLACE_URL = 'https://marketplace.westcoastcloud.co.uk';

/** Every call is `POST {marketplaceUrl}{API_PATH}{call}` with a JSON body. */
export const API_PATH = '/SimpleAPI/SimpleAPIService.svc/rest/';

export const CALLS = {
	getSessionToken: 'GetSessionToken',
	getCompany: 'GetCompany',
	getCompanies: 'GetCompanies',
	getSubscriptions: 'GetSubscriptions',
	getSubscription: 'GetSubscription',
	getSubscriptionWithAddons: 'GetSubscriptionWithAddons',
	getMarketplaces: 'GetMarketplaces',
	pingPong: 'PingPong',
} as const;

export type MarketplaceCall = (typeof CALLS)[keyof typeof CALLS];

/** Header that carries the session: `Authenticate: CCPSessionId <token>`. */
export const SESSION_HEADER = 'Authenticate';
export const SESSION_SCHEME = 'CCPSessionId';

export const ACCOUNT_STATES = ['Active', 'Inactive', 'Suspended', 'Cancelled'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
/** Only `Active` counts as active; unknown states are treated as not active. */
export const ACTIVE_STATE: AccountState = 'Active';

/**
 * GUESS: the reference names `GetSubscriptionWithAddons` ("Subscription with its
 * add-ons") but not the property that holds them.
 */
export const ADDONS_FIELD = 'Addons';

/*
 * GUESS: `GetSubscriptions` with the reseller's own account as parent returns
 * the subscriptions of all its customers (add-ons included, each naming its
 * parent in DependencyAccountId), in one answer (no paging is known).
 * Subscription > Get Many for all customers relies on it.
 */

/**
 * Fault texts are not documented beyond "Invalid login!". These patterns tell
 * the credential test which case a fault is (GUESS except `invalidLogin`; the
 * platform's docs say "MFA users are not supported" for API sessions).
 */
export const FAULT_PATTERNS = {
	invalidLogin: /invalid login|invalid (user ?name|username) or password|wrong password/i,
	mfa: /\b(mfa|2fa|two[- ]factor|multi[- ]factor)\b/i,
	missingRole: /access denied|permission|not authori[sz]ed|reseller admin|\brole\b/i,
} as const;

/**
 * GUESS: the HTTP status of the fault for a call the user's role does not
 * allow (the sandbox answers 400, as WCF does for a caller's mistake). The
 * credential test's rule turns it into the missing-role words.
 */
export const MISSING_ROLE_STATUS = 400;

/** Raw `Company` as the API returns it (fields from the reference). */
export interface RawCompany {
	ParentAccountId?: number | string | null;
	AccountId?: number | string | null;
	AccountState?: string | null;
	CompanyName?: string | null;
	VatId?: string | null;
	Domain?: string[] | null;
	BillingStartDate?: string | null;
	ContractId?: string | null;
	PurchaseOrderNumber?: string | null;
	CustomerId?: string | null;
	Currency?: string | null;
	Address?: string | null;
	City?: string | null;
	Country?: string | null;
	Zip?: string | null;
	Email?: string | null;
	TechnicalEmail?: string | null;
	SalesMan?: string | null;
	Marketplace?: string | null;
	Marketplaces?: string[] | null;
	MpnId?: string | null;
	Vat?: number | string | null;
	AccountType?: string | null;
	NumericId?: number | null;
	Language?: string | null;
	[key: string]: unknown;
}

export interface RawField {
	Name: string;
	DisplayName?: string | null;
	Value?: string | number | null;
}

export interface RawPriceableItem {
	ChargeType?: string | null;
	PriceableItemDescription?: string | null;
	IsUdrcField?: boolean | null;
	PurchasePrice?: number | null;
	SalesPrice?: number | null;
	SuggestedRetailPrice?: number | null;
	Currency?: string | null;
	PriceableItemId?: number | string | null;
	MaterialNumber?: string | null;
	FieldName?: string | null;
	ProductNumber?: string | null;
}

/** Raw `Subscription` as the API returns it (fields from the reference). */
export interface RawSubscription {
	ParentAccountId?: number | string | null;
	CompanyAccountId?: number | string | null;
	ParentType?: string | null;
	AccountId?: number | string | null;
	AccountState?: string | null;
	ServiceName?: string | null;
	ServiceDisplayName?: string | null;
	ContractId?: string | null;
	ProvisioningStatus?: string | null;
	DependencyAccountId?: number | string | null;
	DependencyServiceName?: string | null;
	ErrorDetails?: string | null;
	VendorReferenceId?: string | null;
	SecondVendorReferenceId?: string | null;
	ProductName?: string | null;
	ContractEndDate?: string | null;
	PriceProtectionEndDate?: string | null;
	ScheduledTerminationDate?: string | null;
	AdvancePeriodEndDate?: string | null;
	PurchaseOrderNumber?: string | null;
	HasRenewActionValuesConfigured?: boolean | null;
	RemainingCreditLimit?: number | null;
	Fields?: RawField[] | null;
	RenewFields?: RawField[] | null;
	PriceableItems?: RawPriceableItem[] | null;
	[key: string]: unknown;
}
