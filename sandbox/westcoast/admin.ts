import type { RawCompany } from '../../core/westcoast/protocol';
import type { CallLog, CallLogEntry } from './call-log';
import { findProduct, type Product } from './catalog';
import { buildCompany, SALES_PEOPLE, UK_PLACES } from './companies';
import { DATE_FORMATS, type DateFormat } from './dates';
import { FaultInputError, type FaultInput, type FaultPlan, type PendingFaults } from './faults';
import type { GenerateOptions, SandboxCompany, SandboxSubscription } from './model';
import type { SessionStore } from './sessions';
import type { MarketplaceStore } from './store';
import { buildSubscription, quantityField } from './subscriptions';

/** A refused admin request; `status` is what the admin HTTP API answers. */
export class AdminError extends Error {
	constructor(
		message: string,
		readonly status = 400,
	) {
		super(message);
		this.name = 'AdminError';
	}
}

export interface WestcoastState {
	resellerAccountId: number;
	reseller: SandboxCompany;
	customers: SandboxCompany[];
	subscriptions: SandboxSubscription[];
	/** Sessions that are open and not expired. */
	sessions: number;
	/** API calls answered, per call name, since the last reset. */
	calls: Record<string, number>;
	faults: PendingFaults;
}

/** `POST /__admin/customers`: a company name and any raw Company fields to set. */
export interface NewCustomer extends Partial<RawCompany> {
	CompanyName: string;
}

export interface NewSubscription {
	customerId: number;
	/** A catalog product (see catalog.ts) or any other name (then a product with a "Quantity" seat field). */
	productName: string;
	quantity?: number;
	state?: string;
	/** Makes it an add-on of this subscription. */
	addonOf?: number;
	/** Makes it user-level (ParentType 'User'). */
	userLevel?: boolean;
	/** Overrides the name of the seat-count field. */
	fieldName?: string;
	dateFormat?: DateFormat;
	/** Months after the reference date (2026-11-01); null = no ContractEndDate. Default 12. */
	contractEndMonths?: number | null;
	/** Days after the reference date; null = none. Default none. */
	scheduledTerminationDays?: number | null;
}

export interface WestcoastAdmin {
	state(): WestcoastState;
	/** Regenerates the data (unset options keep their current values); clears faults, counters and the call log. */
	reset(options?: Partial<GenerateOptions>): WestcoastState;
	/** Deletes a subscription and its add-ons; returns the ids removed. */
	deleteSubscription(id: number): { deleted: number[] };
	cancelSubscription(id: number): SandboxSubscription;
	setSubscriptionState(id: number, state: string): SandboxSubscription;
	setSubscriptionQuantity(id: number, quantity: number): SandboxSubscription;
	createSubscription(input: NewSubscription): SandboxSubscription;
	createCustomer(input: NewCustomer): SandboxCompany;
	renameCustomer(id: number, name: string): SandboxCompany;
	/** Deletes a customer and its subscriptions. */
	deleteCustomer(id: number): { deleted: number; subscriptions: number[] };
	expireSessions(): void;
	setFaults(input: FaultInput): PendingFaults;
	clearFaults(): void;
	calls(): CallLogEntry[];
}

export interface AdminDependencies {
	store: MarketplaceStore;
	sessions: SessionStore;
	faults: FaultPlan;
	log: CallLog;
}

const copy = <T>(value: T): T => structuredClone(value);

function wholeNumber(value: unknown, name: string, min = 0): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new AdminError(`${name} must be a whole number of at least ${min}`);
	}
	return value;
}

/** undefined = the default; null = none. */
function optionalInteger<D extends number | null>(
	value: unknown,
	name: string,
	fallback: D,
): number | D | null {
	if (value === undefined) return fallback;
	if (value === null) return null;
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw new AdminError(`${name} must be a whole number or null`);
	return value;
}

function text(value: unknown, name: string): string {
	if (typeof value !== 'string' || value.trim() === '')
		throw new AdminError(`${name} must be a non-empty string`);
	return value;
}

/** A product for a name the catalog does not know: seats in "Quantity", unless told otherwise. */
function adHocProduct(productName: string): Product {
	return {
		productName,
		serviceName: 'MicrosoftCSP',
		serviceDisplayName: 'Microsoft Cloud Solution Provider',
		materialNumber: 'SANDBOX-ADHOC',
		productNumber: 'SANDBOX-ADHOC:0001',
		udrcField: { name: 'Quantity', displayName: 'Quantity' },
		chargeType: 'Recurring',
		term: { billingCycle: 'Monthly', commitmentMonths: 1, prepaidMonths: 1 },
		purchasePrice: 5,
		salesPrice: 6,
		suggestedRetailPrice: 6.5,
		minQuantity: 1,
		maxQuantity: 100,
		addons: [],
		addonOnly: false,
		otherItems: [],
		otherFields: [],
	};
}

export function createAdmin({ store, sessions, faults, log }: AdminDependencies): WestcoastAdmin {
	const subscription = (id: unknown): SandboxSubscription => {
		const found = store.subscription(wholeNumber(id, 'subscription id'));
		if (!found) throw new AdminError(`subscription ${String(id)} not found`, 404);
		return found;
	};
	const customer = (id: unknown): SandboxCompany => {
		const found = store.customer(wholeNumber(id, 'customer id'));
		if (!found) throw new AdminError(`customer ${String(id)} not found`, 404);
		return found;
	};

	const admin: WestcoastAdmin = {
		state: () => ({
			resellerAccountId: store.reseller.AccountId,
			reseller: copy(store.reseller),
			customers: copy([...store.customers]),
			subscriptions: copy([...store.subscriptions]),
			sessions: sessions.activeCount(),
			calls: log.counts(),
			faults: faults.pending(),
		}),
		reset: (options = {}) => {
			const next = { ...store.options };
			if (options.seed !== undefined) next.seed = wholeNumber(options.seed, 'seed');
			if (options.customers !== undefined)
				next.customers = wholeNumber(options.customers, 'customers');
			if (options.subscriptionsPerCustomer !== undefined) {
				next.subscriptionsPerCustomer = wholeNumber(
					options.subscriptionsPerCustomer,
					'subscriptionsPerCustomer',
				);
			}
			store.reset(next);
			faults.clear();
			log.clear();
			return admin.state();
		},
		deleteSubscription: (id) => {
			const target = subscription(id);
			const ids = new Set([
				target.AccountId,
				...store.addonsOf(target.AccountId).map((addon) => addon.AccountId),
			]);
			return { deleted: store.removeSubscriptions(ids) };
		},
		cancelSubscription: (id) => admin.setSubscriptionState(id, 'Cancelled'),
		setSubscriptionState: (id, state) => {
			const target = subscription(id);
			target.AccountState = text(state, 'state');
			return copy(target);
		},
		setSubscriptionQuantity: (id, quantity) => {
			const target = subscription(id);
			const field = quantityField(target);
			if (!field)
				throw new AdminError(
					`subscription ${target.AccountId} has no seat count (flat fee or usage)`,
				);
			field.Value = String(wholeNumber(quantity, 'quantity'));
			return copy(target);
		},
		createSubscription: (input) => {
			const owner = customer(input?.customerId);
			const productName = text(input.productName, 'productName');
			const known = findProduct(productName);
			let product = known ?? adHocProduct(productName);
			if (input.fieldName !== undefined) {
				product = {
					...product,
					udrcField: { name: text(input.fieldName, 'fieldName'), displayName: input.fieldName },
				};
			}
			const parent = input.addonOf === undefined ? undefined : subscription(input.addonOf);
			if (parent && parent.CompanyAccountId !== owner.AccountId) {
				throw new AdminError(`subscription ${parent.AccountId} belongs to another customer`);
			}
			if (input.dateFormat !== undefined && !DATE_FORMATS.includes(input.dateFormat)) {
				throw new AdminError(`dateFormat must be one of ${DATE_FORMATS.join(', ')}`);
			}
			const accountId = store.nextSubscriptionId();
			const created = buildSubscription({
				accountId,
				customer: owner,
				product,
				quantity: wholeNumber(input.quantity ?? 1, 'quantity'),
				state: input.state === undefined ? 'Active' : text(input.state, 'state'),
				dateFormat: input.dateFormat ?? 'iso',
				contractEndMonths: optionalInteger(input.contractEndMonths, 'contractEndMonths', 12),
				scheduledTerminationDays: optionalInteger(
					input.scheduledTerminationDays,
					'scheduledTerminationDays',
					null,
				),
				provisioningStatus: 'Provisioned',
				parent,
				userAccountId: input.userLevel ? store.nextUserId() : undefined,
				vendorReferenceId: `00000000-0000-4000-b000-${String(accountId).padStart(12, '0')}`,
			});
			store.addSubscription(created);
			return copy(created);
		},
		createCustomer: (input) => {
			const name = text(input?.CompanyName, 'CompanyName');
			const accountId = store.nextCustomerId();
			const place = UK_PLACES[accountId % UK_PLACES.length];
			const defaults = buildCompany({
				accountId,
				name,
				state: 'Active',
				address: `1 ${place.street}`,
				city: place.city,
				zip: place.zip,
				country: 'GB',
				currency: 'GBP',
				language: 'en-GB',
				vatId: `GB${String(accountId).padStart(9, '0')}`,
				billingStartMonthsAgo: 0,
				billingStartFormat: 'iso',
				salesMan: SALES_PEOPLE[0],
				mpnId: null,
				purchaseOrderNumber: null,
			});
			// Any raw field may be set, except the ids the marketplace assigns.
			const created: SandboxCompany = {
				...defaults,
				...input,
				AccountId: defaults.AccountId,
				ParentAccountId: defaults.ParentAccountId,
				CompanyName: name,
				AccountState:
					input.AccountState == null ? 'Active' : text(input.AccountState, 'AccountState'),
			};
			store.addCustomer(created);
			return copy(created);
		},
		renameCustomer: (id, name) => {
			const target = customer(id);
			target.CompanyName = text(name, 'name');
			return copy(target);
		},
		deleteCustomer: (id) => {
			const target = customer(id);
			const removed = store.removeSubscriptions(
				new Set(store.subscriptionsOf(target.AccountId).map((item) => item.AccountId)),
			);
			store.removeCustomer(target.AccountId);
			return { deleted: target.AccountId, subscriptions: removed };
		},
		expireSessions: () => sessions.expireAll(),
		setFaults: (input) => {
			try {
				return faults.add(input);
			} catch (error) {
				throw error instanceof FaultInputError ? new AdminError(error.message) : error;
			}
		},
		clearFaults: () => faults.clear(),
		calls: () => log.recent(),
	};
	return admin;
}
