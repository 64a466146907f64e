import {
	CALLS,
	PARAMETERS,
	SUBSCRIPTION_FIELDS,
	type MarketplaceCall,
} from '../../core/westcoast/protocol';
import { presentAddons, presentCompany, presentSubscription, type Dialect } from './dialect';
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
	dialect: Dialect;
}

export type RequestBody = Record<string, unknown>;

type Handler = (body: RequestBody, context: CallContext) => unknown;

export const MISSING_ROLE_MESSAGE = 'Access denied: the Reseller Admin role is required.';

function requireResellerAdmin(caller: Caller): void {
	if (!caller.resellerAdmin) throw new ApiFault(MISSING_ROLE_MESSAGE);
}

/**
 * An AccountId parameter: a JSON number (the platform's IDs are Int32; in the
 * legacy dialect a numeric string is accepted too); undefined when absent.
 * Names are case-sensitive: `AccountId` is not `accountId` and is ignored, as
 * WCF ignores members it does not know.
 */
function accountIdParameter(body: RequestBody, name: string, dialect: Dialect): number | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	const lenient = dialect === 'legacy' && typeof value === 'string' && /^\s*\d+\s*$/.test(value);
	const id = lenient ? Number(value) : value;
	if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
		// Echoes the value like WCF's deserializer does (never done for credentials).
		throw new ApiFault(
			`The value '${String(JSON.stringify(value)).slice(0, 40)}' of parameter '${name}' is not a whole number.`,
		);
	}
	return id;
}

function requiredAccountId(body: RequestBody, name: string, dialect: Dialect): number {
	const id = accountIdParameter(body, name, dialect);
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

/** `resellerContext` (optional): the reseller whose prices apply; only the caller's own here. */
function checkResellerContext(body: RequestBody, { store, dialect }: CallContext): void {
	const context = accountIdParameter(body, PARAMETERS.resellerContext, dialect);
	if (context !== undefined && context !== store.reseller.AccountId) {
		throw new ApiFault(`Reseller context ${context} is not a reseller account you can act for.`);
	}
}

function subscription(body: RequestBody, context: CallContext) {
	requireResellerAdmin(context.caller);
	checkResellerContext(body, context);
	const id = requiredAccountId(body, PARAMETERS.accountId, context.dialect);
	const found = context.store.subscription(id);
	if (!found) throw subscriptionNotFound(id);
	return found;
}

/** The answer of every call but the session calls (which the server handles itself). */
export const HANDLERS: Record<
	Exclude<MarketplaceCall, typeof CALLS.getSessionToken | typeof CALLS.terminateSessionToken>,
	Handler
> = {
	[CALLS.getCompany]: (body, { store, caller, dialect }) => {
		const id = accountIdParameter(body, PARAMETERS.accountId, dialect) ?? store.reseller.AccountId;
		if (id !== store.reseller.AccountId) requireResellerAdmin(caller);
		const company = store.company(id);
		if (!company) throw companyNotFound(id);
		return presentCompany(company, dialect);
	},
	[CALLS.getCompanies]: (body, { store, caller, dialect }) => {
		requireResellerAdmin(caller);
		const parentId = requiredAccountId(body, PARAMETERS.parentAccountId, dialect);
		if (parentId === store.reseller.AccountId)
			return store.customers.map((company) => presentCompany(company, dialect));
		if (!store.company(parentId)) throw companyNotFound(parentId);
		throw new ApiFault(
			`Companies can only be listed for your own account (${store.reseller.AccountId}).`,
		);
	},
	[CALLS.getSubscriptions]: (body, context) => {
		const { store, caller, dialect } = context;
		requireResellerAdmin(caller);
		checkResellerContext(body, context);
		const parentId = requiredAccountId(body, PARAMETERS.parentAccountId, dialect);
		const excludeUserLevel = booleanParameter(body, PARAMETERS.excludeUserLevel);
		let subscriptions;
		if (parentId === store.reseller.AccountId) subscriptions = store.subscriptions;
		else if (store.customer(parentId)) subscriptions = store.subscriptionsOf(parentId);
		else throw companyNotFound(parentId);
		return subscriptions
			.filter((item) => !excludeUserLevel || item.ParentType !== 'User')
			.map((item) => presentSubscription(item, dialect));
	},
	[CALLS.getSubscription]: (body, context) =>
		presentSubscription(subscription(body, context), context.dialect),
	[CALLS.getSubscriptionWithAddons]: (body, context) => {
		const found = subscription(body, context);
		return {
			...presentSubscription(found, context.dialect),
			[SUBSCRIPTION_FIELDS.addons]: presentAddons(
				context.store.addonsOf(found.AccountId),
				context.dialect,
			),
		};
	},
	/** The subscriptions this one depends on (its parent, for an add-on). */
	[CALLS.getSubscriptionDependencies]: (body, context) => {
		const found = subscription(body, context);
		const parent =
			found.DependencyAccountId === null || found.DependencyAccountId === undefined
				? undefined
				: context.store.subscription(Number(found.DependencyAccountId));
		return parent
			? [
					{
						AccountId: parent.AccountId,
						AccountState: parent.AccountState,
						ServiceName: parent.ServiceName,
						ProductName: parent.ProductName,
					},
				]
			: [];
	},
	[CALLS.getMarketplaces]: (_body, { baseUrl }) => ownedMarketplaces(baseUrl),
	[CALLS.pingPong]: () => null,
};
