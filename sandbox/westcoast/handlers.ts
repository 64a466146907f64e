import { ADDONS_FIELD, CALLS, type MarketplaceCall } from '../../core/westcoast/protocol';
import { ApiFault } from './fault-xml';
import { ownedMarketplaces } from './marketplaces';
import type { MarketplaceStore } from './store';

/** Who is calling, from their session. */
export interface Caller {
	resellerAdmin: boolean;
}

export interface CallContext {
	store: MarketplaceStore;
	caller: Caller;
	baseUrl: string;
}

export type RequestBody = Record<string, unknown>;

type Handler = (body: RequestBody, context: CallContext) => unknown;

export const MISSING_ROLE_MESSAGE = 'Access denied: the Reseller Admin role is required.';

function requireResellerAdmin(caller: Caller): void {
	if (!caller.resellerAdmin) throw new ApiFault(MISSING_ROLE_MESSAGE);
}

/** An AccountId parameter: a whole number (a numeric string is accepted too); undefined when absent. */
function accountIdParameter(body: RequestBody, name: string): number | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
		// Echoes the value like WCF's deserializer does (never done for credentials).
		throw new ApiFault(
			`The value '${String(JSON.stringify(value)).slice(0, 40)}' of parameter '${name}' is not a whole number.`,
		);
	}
	return id;
}

function requiredAccountId(body: RequestBody, name: string): number {
	const id = accountIdParameter(body, name);
	if (id === undefined) throw new ApiFault(`The parameter '${name}' is required.`);
	return id;
}

function booleanParameter(body: RequestBody, name: string): boolean {
	const value = body[name];
	if (value === undefined || value === null) return false;
	if (typeof value !== 'boolean')
		throw new ApiFault(`The parameter '${name}' must be true or false.`);
	return value;
}

const companyNotFound = (id: number) => new ApiFault(`Company with AccountId ${id} was not found.`);
const subscriptionNotFound = (id: number) =>
	new ApiFault(`Subscription with AccountId ${id} was not found.`);

function subscription(body: RequestBody, { store, caller }: CallContext) {
	requireResellerAdmin(caller);
	const id = requiredAccountId(body, 'accountId');
	const found = store.subscription(id);
	if (!found) throw subscriptionNotFound(id);
	return found;
}

/** The answer of every call but GetSessionToken (which the server handles before sessions exist). */
export const HANDLERS: Record<Exclude<MarketplaceCall, typeof CALLS.getSessionToken>, Handler> = {
	[CALLS.getCompany]: (body, { store, caller }) => {
		const id = accountIdParameter(body, 'accountId') ?? store.reseller.AccountId;
		if (id !== store.reseller.AccountId) requireResellerAdmin(caller);
		const company = store.company(id);
		if (!company) throw companyNotFound(id);
		return company;
	},
	[CALLS.getCompanies]: (body, { store, caller }) => {
		requireResellerAdmin(caller);
		const parentId = requiredAccountId(body, 'parentAccountId');
		if (parentId === store.reseller.AccountId) return store.customers;
		if (!store.company(parentId)) throw companyNotFound(parentId);
		throw new ApiFault(
			`Companies can only be listed for your own account (${store.reseller.AccountId}).`,
		);
	},
	[CALLS.getSubscriptions]: (body, { store, caller }) => {
		requireResellerAdmin(caller);
		const parentId = requiredAccountId(body, 'parentAccountId');
		const excludeUserLevel = booleanParameter(body, 'excludeUserLevel');
		let subscriptions;
		if (parentId === store.reseller.AccountId) subscriptions = store.subscriptions;
		else if (store.customer(parentId)) subscriptions = store.subscriptionsOf(parentId);
		else throw companyNotFound(parentId);
		return excludeUserLevel
			? subscriptions.filter((item) => item.ParentType !== 'User')
			: subscriptions;
	},
	[CALLS.getSubscription]: subscription,
	[CALLS.getSubscriptionWithAddons]: (body, context) => {
		const found = subscription(body, context);
		return { ...found, [ADDONS_FIELD]: context.store.addonsOf(found.AccountId) };
	},
	[CALLS.getMarketplaces]: (_body, { baseUrl }) => ownedMarketplaces(baseUrl),
	[CALLS.pingPong]: () => null,
};
