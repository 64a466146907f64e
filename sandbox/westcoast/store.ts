import { generateDataset } from './data';
import {
	ID_RANGES,
	type Dataset,
	type GenerateOptions,
	type SandboxCompany,
	type SandboxSubscription,
} from './model';

function groupBy<T>(items: readonly T[], key: (item: T) => unknown): Map<number, T[]> {
	const groups = new Map<number, T[]>();
	for (const item of items) {
		const value = key(item);
		if (typeof value !== 'number') continue;
		const group = groups.get(value);
		if (group) group.push(item);
		else groups.set(value, [item]);
	}
	return groups;
}

/** The marketplace's data with id indexes; the only place that mutates it. */
export class MarketplaceStore {
	private data!: Dataset;
	private companies = new Map<number, SandboxCompany>();
	private subscriptionsById = new Map<number, SandboxSubscription>();
	/** Subscriptions by customer and add-ons by parent, built on first use after a change. */
	private byCustomer?: Map<number, SandboxSubscription[]>;
	private byParent?: Map<number, SandboxSubscription[]>;
	private generatedWith!: GenerateOptions;

	constructor(options: GenerateOptions) {
		this.reset(options);
	}

	reset(options: GenerateOptions): void {
		this.generatedWith = { ...options };
		this.data = generateDataset(options);
		this.reindex();
	}

	get options(): GenerateOptions {
		return { ...this.generatedWith };
	}

	get reseller(): SandboxCompany {
		return this.data.reseller;
	}

	get customers(): readonly SandboxCompany[] {
		return this.data.customers;
	}

	get subscriptions(): readonly SandboxSubscription[] {
		return this.data.subscriptions;
	}

	/** The reseller or one of its customers. */
	company(accountId: number): SandboxCompany | undefined {
		return this.companies.get(accountId);
	}

	customer(accountId: number): SandboxCompany | undefined {
		return accountId === this.data.reseller.AccountId ? undefined : this.companies.get(accountId);
	}

	subscription(accountId: number): SandboxSubscription | undefined {
		return this.subscriptionsById.get(accountId);
	}

	subscriptionsOf(customerId: number): SandboxSubscription[] {
		this.byCustomer ??= groupBy(this.data.subscriptions, (item) => item.CompanyAccountId);
		return [...(this.byCustomer.get(customerId) ?? [])];
	}

	addonsOf(subscriptionId: number): SandboxSubscription[] {
		this.byParent ??= groupBy(this.data.subscriptions, (item) => item.DependencyAccountId);
		return [...(this.byParent.get(subscriptionId) ?? [])];
	}

	nextCustomerId(): number {
		let max = this.data.reseller.AccountId;
		for (const customer of this.data.customers) max = Math.max(max, customer.AccountId);
		return max + 1;
	}

	nextSubscriptionId(): number {
		let max = 0;
		for (const subscription of this.data.subscriptions) max = Math.max(max, subscription.AccountId);
		return max + 1;
	}

	/** User accounts exist only as owners of user-level subscriptions. */
	nextUserId(): number {
		let max = ID_RANGES.users - 1;
		for (const subscription of this.data.subscriptions) {
			if (subscription.ParentType === 'User') max = Math.max(max, subscription.ParentAccountId);
		}
		return max + 1;
	}

	addCustomer(customer: SandboxCompany): void {
		this.data.customers.push(customer);
		this.companies.set(customer.AccountId, customer);
	}

	addSubscription(subscription: SandboxSubscription): void {
		this.data.subscriptions.push(subscription);
		this.subscriptionsById.set(subscription.AccountId, subscription);
		this.groupsChanged();
	}

	/** Removes subscriptions (and nothing else); returns the ids removed. */
	removeSubscriptions(ids: ReadonlySet<number>): number[] {
		this.data.subscriptions = this.data.subscriptions.filter(
			(subscription) => !ids.has(subscription.AccountId),
		);
		for (const id of ids) this.subscriptionsById.delete(id);
		this.groupsChanged();
		return [...ids];
	}

	removeCustomer(accountId: number): void {
		this.data.customers = this.data.customers.filter(
			(customer) => customer.AccountId !== accountId,
		);
		this.companies.delete(accountId);
	}

	private groupsChanged(): void {
		this.byCustomer = undefined;
		this.byParent = undefined;
	}

	private reindex(): void {
		this.groupsChanged();
		this.companies = new Map(
			[this.data.reseller, ...this.data.customers].map((company) => [company.AccountId, company]),
		);
		this.subscriptionsById = new Map(
			this.data.subscriptions.map((subscription) => [subscription.AccountId, subscription]),
		);
	}
}
