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
	terminateSessionToken: 'TerminateSessionToken',
	getCompany: 'GetCompany',
	getCompanies: 'GetCompanies',
	getSubscriptions: 'GetSubscriptions',
	getSubscription: 'GetSubscription',
	getSubscriptionWithAddons: 'GetSubscriptionWithAddons',
	getSubscriptionDependencies: 'GetSubscriptionDependencies',
	getMarketplaces: 'GetMarketplaces',
	pingPong: 'PingPong',
} as const;

export type MarketplaceCall = (typeof CALLS)[keyof typeof CALLS];

/**
 * Header that carries the session: `Authenticate: CCPSessionId <token>` (ACMP,
 * the PowerShell module and the Go client send the prefix; one PHP client sends
 * the bare token, which the platform accepts too).
 */
export const SESSION_HEADER = 'Authenticate';
export const SESSION_SCHEME = 'CCPSessionId';

/**
 * Request parameter names. The platform's names are case-sensitive (PowerShell
 * module); its IDs are integers, sent as JSON numbers (every public client).
 */
export const PARAMETERS = {
	accountId: 'accountId',
	parentAccountId: 'parentAccountId',
	excludeUserLevel: 'excludeUserLevel',
	/** The reseller whose purchase prices apply (optional; default: the caller's reseller). */
	resellerContext: 'resellerContext',
	username: 'username',
	password: 'password',
} as const;

/** An account ID as a request sends it: a JSON number when it is a whole number (the platform's IDs are integers). */
export function accountIdValue(id: string | number): number | string {
	const text = String(id).trim();
	return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

/**
 * How `GetCompany` names the reseller's company: the configured Reseller
 * Account ID, else nothing, which means the logged-in user's own company.
 */
export function resellerCompanyQuery(configured: unknown): Record<string, number | string> {
	const accountId = configured == null ? '' : String(configured).trim();
	return accountId ? { [PARAMETERS.accountId]: accountIdValue(accountId) } : {};
}

/** Calls that take `resellerContext` (the Swagger-generated client's request models). */
export const RESELLER_CONTEXT_CALLS: ReadonlySet<MarketplaceCall> = new Set([
	CALLS.getSubscription,
	CALLS.getSubscriptions,
	CALLS.getSubscriptionWithAddons,
	CALLS.getSubscriptionDependencies,
]);

/**
 * `AccountState` values: the first round's list, and `Terminated` from ACMP's
 * enum (`Active, Terminated`). Only `Active` counts as active; any other value
 * (unknown ones included) is treated as not active, and counted by value.
 */
export const ACCOUNT_STATES = [
	'Active',
	'Inactive',
	'Suspended',
	'Cancelled',
	'Terminated',
] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
export const ACTIVE_STATE: AccountState = 'Active';

/**
 * Field names as the first round read them. Every lookup is case-insensitive
 * (record.ts), which is what makes one name cover each spelling that public
 * clients show: `VatId`/`VATID`, `SalesMan`/`Salesman`, `IsUdrcField`/`IsUDRCField`.
 */
export const COMPANY_FIELDS = {
	accountId: 'AccountId',
	parentAccountId: 'ParentAccountId',
	state: 'AccountState',
	name: 'CompanyName',
	vatId: 'VatId',
	domains: 'Domain',
	email: 'Email',
	street: 'Address',
	city: 'City',
	postcode: 'Zip',
	country: 'Country',
	currency: 'Currency',
	salesman: 'SalesMan',
	/** A display number that differs from AccountId; the API never takes it (Intcomex note). */
	numericId: 'NumericId',
} as const;

export const SUBSCRIPTION_FIELDS = {
	accountId: 'AccountId',
	parentAccountId: 'ParentAccountId',
	companyAccountId: 'CompanyAccountId',
	state: 'AccountState',
	/** A second status beside AccountState (ACMP); read as it comes. */
	status: 'Status',
	serviceName: 'ServiceName',
	serviceDisplayName: 'ServiceDisplayName',
	vendorDisplayName: 'VendorDisplayName',
	productName: 'ProductName',
	provisioningStatus: 'ProvisioningStatus',
	contractId: 'ContractId',
	contractEndDate: 'ContractEndDate',
	scheduledTerminationDate: 'ScheduledTerminationDate',
	billingStartDate: 'BillingStartDate',
	/** `Renew` or `Terminate` at the end of the term (ACMP's enum). */
	periodEndAction: 'AdvancePeriodEndAction',
	/** An add-on names the subscription it depends on here. */
	parentSubscriptionId: 'DependencyAccountId',
	vendorReference: 'VendorReferenceId',
	fields: 'Fields',
	priceableItems: 'PriceableItems',
	/** GetSubscriptionWithAddons: one object or a list, of summaries or full subscriptions (ACMP). */
	addons: 'Addons',
} as const;

export const PRICEABLE_ITEM_FIELDS = {
	isUdrc: 'IsUdrcField',
	fieldName: 'FieldName',
	materialNumber: 'MaterialNumber',
	productNumber: 'ProductNumber',
	purchasePrice: 'PurchasePrice',
	salesPrice: 'SalesPrice',
	currency: 'Currency',
	/** The billing cycle, e.g. `Monthly`. */
	billingCycle: 'PriceableItemType',
	/** Spelt as the platform spells it. */
	commitmentMonths: 'CommitementPeriodInMonths',
	prepaidMonths: 'PrepaidPeriodInMonths',
} as const;

/** `Fields[]` entries: `{Name, DisplayName, Value}`; Value is text, a number or a boolean. */
export const SUBSCRIPTION_FIELD_ENTRY = { name: 'Name', value: 'Value' } as const;

/** The `Fields` entry that holds the seat count when no priceable item is marked UDRC (Intcomex pipeline). */
export const QUANTITY_FIELD_NAME = 'Quantity';

/** `AdvancePeriodEndAction` values (ACMP). */
export const PERIOD_END_ACTIONS = { renew: 'Renew', terminate: 'Terminate' } as const;

/*
 * GUESS: `GetSubscriptions` with the reseller's own account as parent returns
 * the subscriptions of all its customers (add-ons included, each naming its
 * parent in DependencyAccountId), in one answer (no paging is known).
 * Subscription > Get Many for all customers relies on it.
 */

/**
 * What login and access faults say. `invalidLogin` and `mfa` are the live
 * service's texts (sybr-hub; the official MFA text); the older patterns stay
 * for other installations. GUESS: the texts for a user not enabled for the API
 * and for a refused IP address are not public; they are recognised by the words
 * such a refusal must use.
 */
export const FAULT_PATTERNS = {
	invalidLogin:
		/could not sign you in|check your username and password|invalid login|invalid (user ?name|username) or password|wrong password/i,
	mfa: /\b(mfa|2fa|two[- ]factor|multi[- ]factor)\b/i,
	ipRefused:
		/\bip\b.*\b(not allowed|not whitelisted|not permitted|blocked|denied|refused)|\b(allow[- ]?list|white[- ]?list)/i,
	apiNotEnabled:
		/not (enabled|allowed|authori[sz]ed|activated) for (the )?api|\bapi\b[^.]*\b(not enabled|disabled|not activated)/i,
	missingRole: /access denied|permission|not authori[sz]ed|reseller admin|\brole\b/i,
	/**
	 * GUESS: the words of the fault for an account ID the marketplace does not
	 * have (not published; the sandbox answers "Subscription with AccountId N
	 * was not found.").
	 */
	notFound: /\bnot (be )?found\b|does not exist|\bno such\b/i,
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
	VATID?: string | null;
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
	Salesman?: string | null;
	Marketplace?: number | string | null;
	Marketplaces?: Array<number | string> | null;
	MpnId?: string | null;
	Vat?: number | string | null;
	AccountType?: string | null;
	NumericId?: number | string | null;
	Language?: string | null;
	[key: string]: unknown;
}

export interface RawField {
	Name: string;
	DisplayName?: string | null;
	Value?: string | number | boolean | null;
}

export interface RawPriceableItem {
	ChargeType?: string | null;
	PriceableItemDescription?: string | null;
	IsUdrcField?: boolean | null;
	IsUDRCField?: boolean | null;
	PriceableItemType?: string | null;
	CommitementPeriodInMonths?: number | null;
	PrepaidPeriodInMonths?: number | null;
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
	Status?: string | null;
	ServiceName?: string | null;
	VendorDisplayName?: string | null;
	BillingStartDate?: string | null;
	AdvancePeriodEndAction?: string | null;
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
