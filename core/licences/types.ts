import type { LicenceFieldNames } from '../psa/preset';
import type { AcceptedPlan, GuardFigures } from './guard';
import type { PlanReason, ReasonCode } from './reasons';

/**
 * The three inputs, each the `json` of the node's input items in order: an
 * item's position is its index for n8n's pairedItem.
 */
export interface LicencePlanInput {
	/** SimpleSubscription items (Westcoast Cloud node, Simplify on). */
	subscriptions: readonly unknown[];
	/** PSA licences (Halo `GET /api/SoftwareLicence` items with the HaloPSA preset). */
	licences: readonly unknown[];
	/** Mapping Resolver "Mapped" items: `{ westcoastId, psaId, ... }`. */
	mappings: readonly unknown[];
}

export type StateFilter = 'all' | 'activeOnly';

/** The term fields (NCE) Licence Sync can keep in step, each switchable. */
export const TERM_FIELDS = ['billingCycle', 'termDuration', 'autoRenew', 'startDate'] as const;
export type TermField = (typeof TERM_FIELDS)[number];

/**
 * How a licence is named. `auto`: the product name, unless it is an internal
 * key (no spaces, with `_` and a digit, e.g. `521266_BackupOrder_91798`), then
 * the vendor's display name, then the service's display name, then the service
 * name. `custom`: one name per subscription item (n8n evaluates the expression).
 */
export type LicenceNameRule =
	| 'auto'
	| 'productName'
	| 'vendorDisplayName'
	| 'serviceDisplayName'
	| { custom: readonly (string | null)[] };

/** Which customers' missing subscriptions count as deleted upstream. */
export type DeletionScope =
	/** Every mapped (and selected) customer: the input is the reseller-wide read. */
	| 'allMapped'
	/** Only customers with at least one subscription in the input: for workflows that read one customer. */
	| 'customersInInput';

export interface LicencePlanOptions {
	/**
	 * `activeOnly`: subscriptions that are not Active get no new licence. It never
	 * protects an existing licence: a subscription made inactive upstream always
	 * makes its licence inactive.
	 */
	state: StateFilter;
	/**
	 * Product/service names (case-insensitive, exact) or patterns with `*`
	 * wildcards, matched against productName and serviceName. Empty: all products.
	 */
	productFilter: readonly string[];
	/** `allMapped`, or the Westcoast customer IDs to sync (an empty list selects none). */
	customers: 'allMapped' | readonly string[];
	/** Deleted upstream: make the licence inactive (on) or set its count to 0, status untouched (off). */
	deactivateDeleted: boolean;
	deletionScope: DeletionScope;
	/** Add-ons become licences of their own, with parent_id set to the parent's licence when it exists. */
	includeAddons: boolean;
	/** Write price/purchase_price from salesPrice/purchasePrice and keep them in step. */
	syncPrices: boolean;
	/** Term fields kept in step (a subscription without a value leaves the licence's as it is). */
	syncTerms: readonly TermField[];
	licenceName: LicenceNameRule;
	/**
	 * Refuse a plan that deactivates or zeroes (deactivate entries, and updates
	 * setting the count to 0 or the licence inactive) more than this percent of
	 * the live linked licences it manages (update, deactivate, and unchanged
	 * entries except those already zeroed or inactive) and more than
	 * `minDeactivationsBeforeLimit`. An empty subscription input is refused
	 * while any linked licence is managed, live or not. 100 lifts the limit,
	 * and allows an empty subscription input.
	 */
	maxDeactivationPercent: number;
	minDeactivationsBeforeLimit: number;
	/** Emit unchanged entries (they are counted in the summary either way). */
	emitUnchanged: boolean;
	/**
	 * Emit every skipped entry; when off, only those a person must act on
	 * (`SKIPS_TO_ACT_ON`): the rest are counted in the summary's byReason.
	 */
	emitSkipped: boolean;
	fields: LicenceFieldNames;
}

/** What planLicences takes: options left out get their defaults, fields the HaloPSA preset. */
export type PartialLicencePlanOptions = Partial<Omit<LicencePlanOptions, 'fields'>> & {
	fields?: Partial<LicenceFieldNames>;
};

export type PlanAction = 'create' | 'update' | 'deactivate' | 'unchanged' | 'skipped';

export type PayloadValue = string | number | boolean | null;

/** A PSA licence write element (Halo: one element of the `POST /api/SoftwareLicence` array). */
export type LicencePayload = Record<string, PayloadValue>;

export interface FieldChange {
	/** The PSA field name. */
	field: string;
	/** The licence's value as read (null on create). */
	from: unknown;
	/** The value written (as in the payload). */
	to: PayloadValue;
}

/** The input items an entry came from: for pairedItem (input 0, 1, 2 of the node). */
export interface EntrySource {
	subscription?: number;
	licence?: number;
	mapping?: number;
	/** Further licences an entry is about (several licences storing one subscription ID). */
	otherLicences?: number[];
}

/** Who and what an entry is about. */
export interface EntryIdentity {
	westcoastSubscriptionId: string | null;
	westcoastCustomerId: string | null;
	/** As the PSA gave it (Halo: a number). */
	psaLicenceId: string | number | null;
	/** The licence's customer after the change (the mapped one for create/update). */
	psaCustomerId: string | number | null;
	/** For a person reading the entry: the licence's name (the subscription's, else the licence's). */
	productName: string | null;
	/** The customer's name from its mapping (the PSA's, else Westcoast's), when mapped. */
	customerName: string | null;
	/**
	 * An add-on whose parent subscription has no licence yet: the parent's
	 * Westcoast ID, for a later step (or the next run) to turn into parent_id.
	 */
	unresolvedParentSubscriptionId: string | null;
	/** Every licence storing the subscription's ID, when there are several (duplicateLicences). */
	psaLicenceIds?: (string | number | null)[];
	source: EntrySource;
}

interface EntryBase extends EntryIdentity {
	changes: FieldChange[];
	reason: PlanReason | null;
}

export interface CreateEntry extends EntryBase {
	action: 'create';
	psaLicenceId: null;
	payload: LicencePayload;
}

export interface UpdateEntry extends EntryBase {
	action: 'update';
	psaLicenceId: string | number;
	payload: LicencePayload;
}

export interface DeactivateEntry extends EntryBase {
	action: 'deactivate';
	psaLicenceId: string | number;
	payload: LicencePayload;
	reason: PlanReason;
}

export interface UnchangedEntry extends EntryBase {
	action: 'unchanged';
	psaLicenceId: string | number;
	payload: null;
}

export interface SkippedEntry extends EntryBase {
	action: 'skipped';
	payload: null;
	reason: PlanReason;
}

export type LicencePlanEntry =
	| CreateEntry
	| UpdateEntry
	| DeactivateEntry
	| UnchangedEntry
	| SkippedEntry;

export type ActionCounts = Record<PlanAction, number>;

export interface CustomerSummary extends ActionCounts {
	psaCustomerId: string | number | null;
	westcoastCustomerId: string | null;
	customerName: string | null;
}

/** An add-on created in the same plan as its parent: its parent_id can be set once both exist. */
export interface AddOnAwaitingParent {
	westcoastSubscriptionId: string;
	parentSubscriptionId: string;
}

export interface LicencePlanSummary {
	/** Counted whether or not unchanged entries are emitted. */
	byAction: ActionCounts;
	/**
	 * The creates that are add-ons of a subscription created in the same plan,
	 * so a workflow can link them after the creates without reading every Create item.
	 */
	addOnsAwaitingParent: AddOnAwaitingParent[];
	byReason: Partial<Record<ReasonCode, number>>;
	/** One row per PSA customer (or Westcoast customer when unmapped), in order of first appearance. */
	byCustomer: CustomerSummary[];
	invalidInput: number;
	/** Subscription items by AccountState value, every value counted (Active included). */
	subscriptionsByState: Record<string, number>;
	/** The states among them that the package does not know (each treated as not active). */
	unknownStates: Record<string, number>;
	/** Subscription items by the rule that found their seat count (`none`: no rule did). */
	subscriptionsByQuantitySource: Record<string, number>;
	/** The rolling window's figures, when the plan was made with a guard. */
	window?: GuardFigures;
}

export interface LicencePlan {
	/** Parents before add-ons, so writing in order lets a workflow resolve parent_id. */
	create: CreateEntry[];
	update: UpdateEntry[];
	deactivate: DeactivateEntry[];
	/** Empty when `emitUnchanged` is off. */
	unchanged: UnchangedEntry[];
	/** With `emitSkipped` off, only the skips a person must act on. */
	skipped: SkippedEntry[];
	/** The skipped entries caused by input of the wrong shape (also in `skipped`). */
	invalidInput: SkippedEntry[];
	summary: LicencePlanSummary;
	/** With a guard: the accepted plans to remember (null for a manual run, which keeps none). */
	history?: AcceptedPlan[] | null;
}
