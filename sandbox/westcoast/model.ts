import type {
	RawCompany,
	RawField,
	RawPriceableItem,
	RawSubscription,
} from '../../core/westcoast/protocol';

/** A company as the sandbox stores it: the raw API shape with the fields it relies on made required. */
export interface SandboxCompany extends RawCompany {
	ParentAccountId: number;
	AccountId: number;
	AccountState: string;
	CompanyName: string;
}

export interface SandboxSubscription extends RawSubscription {
	ParentAccountId: number;
	CompanyAccountId: number;
	ParentType: 'Company' | 'User';
	AccountId: number;
	AccountState: string;
	ProductName: string;
	Fields: RawField[];
	RenewFields: RawField[];
	PriceableItems: RawPriceableItem[];
}

export interface Dataset {
	reseller: SandboxCompany;
	customers: SandboxCompany[];
	subscriptions: SandboxSubscription[];
}

export interface GenerateOptions {
	seed: number;
	/** Total customers, story customers included (they are always present). */
	customers: number;
	/** Generated top-level subscriptions per customer (add-ons and story subscriptions come on top). */
	subscriptionsPerCustomer: number;
}

export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = {
	seed: 1,
	customers: 15,
	subscriptionsPerCustomer: 3,
};

/**
 * AccountIds are integers from one id space on the platform (companies, users and
 * subscriptions are all "accounts"), so the sandbox keeps the kinds in disjoint ranges.
 */
export const ID_RANGES = {
	distributor: 100_001,
	reseller: 100_200,
	storyCustomers: 200_101,
	generatedCustomers: 300_001,
	subscriptions: 5_000_001,
	users: 7_000_001,
} as const;
