import { ACCOUNT_STATES } from '../westcoast/protocol';
import type { QuantitySource } from '../westcoast/quantity';
import { INVALID_INPUT_REASONS, LICENCE_REASON_WORDS, type ReasonCode } from './reasons';
import type { SubscriptionItem } from './subscriptions';
import type {
	ActionCounts,
	CustomerSummary,
	LicencePlanEntry,
	LicencePlanSummary,
	PlanAction,
} from './types';

const ACTIONS: readonly PlanAction[] = ['create', 'update', 'deactivate', 'unchanged', 'skipped'];

const noActions = (): ActionCounts => ({
	create: 0,
	update: 0,
	deactivate: 0,
	unchanged: 0,
	skipped: 0,
});

export const isInvalidInput = (entry: LicencePlanEntry): boolean =>
	entry.action === 'skipped' && INVALID_INPUT_REASONS.has(entry.reason.code);

/** Per customer: the PSA customer when known, else the Westcoast customer. */
function customerKey(entry: LicencePlanEntry): string {
	if (entry.psaCustomerId !== null) return `psa:${entry.psaCustomerId}`;
	return entry.westcoastCustomerId === null ? 'none' : `westcoast:${entry.westcoastCustomerId}`;
}

const KNOWN_STATES: ReadonlySet<string> = new Set(ACCOUNT_STATES);

/** The seat-count rules in plain words, for the execution hint. */
const QUANTITY_SOURCE_WORDS: Record<QuantitySource, string> = {
	udrc: 'UDRC field',
	quantityField: 'Quantity field',
	namedField: 'named field',
	none: 'none',
};

const countBy = (counts: Record<string, number>, key: string) => {
	counts[key] = (counts[key] ?? 0) + 1;
};

/** What the subscription input held: states (unknown ones apart) and where seat counts came from. */
function subscriptionCounts(subscriptions: readonly SubscriptionItem[]) {
	const subscriptionsByState: Record<string, number> = {};
	const unknownStates: Record<string, number> = {};
	const subscriptionsByQuantitySource: Record<string, number> = {};
	for (const { record } of subscriptions) {
		if (!record) continue;
		countBy(subscriptionsByState, record.state);
		if (!KNOWN_STATES.has(record.state)) countBy(unknownStates, record.state);
		if (record.quantitySource !== null)
			countBy(subscriptionsByQuantitySource, record.quantitySource);
	}
	return { subscriptionsByState, unknownStates, subscriptionsByQuantitySource };
}

export function summarisePlan(
	entries: readonly LicencePlanEntry[],
	subscriptions: readonly SubscriptionItem[],
): LicencePlanSummary {
	const byAction = noActions();
	const byReason: Partial<Record<ReasonCode, number>> = {};
	const byCustomer = new Map<string, CustomerSummary>();
	let invalidInput = 0;
	for (const entry of entries) {
		byAction[entry.action]++;
		if (entry.reason) byReason[entry.reason.code] = (byReason[entry.reason.code] ?? 0) + 1;
		if (isInvalidInput(entry)) invalidInput++;
		const key = customerKey(entry);
		let customer = byCustomer.get(key);
		if (!customer) {
			customer = {
				psaCustomerId: entry.psaCustomerId,
				westcoastCustomerId: entry.westcoastCustomerId,
				customerName: entry.customerName,
				...noActions(),
			};
			byCustomer.set(key, customer);
		}
		customer.westcoastCustomerId ??= entry.westcoastCustomerId;
		customer.customerName ??= entry.customerName;
		customer[entry.action]++;
	}
	const addOnsAwaitingParent = entries.flatMap((entry) =>
		entry.action === 'create' &&
		entry.unresolvedParentSubscriptionId !== null &&
		entry.westcoastSubscriptionId !== null
			? [
					{
						westcoastSubscriptionId: entry.westcoastSubscriptionId,
						parentSubscriptionId: entry.unresolvedParentSubscriptionId,
					},
				]
			: [],
	);
	return {
		byAction,
		addOnsAwaitingParent,
		byReason,
		byCustomer: [...byCustomer.values()],
		invalidInput,
		...subscriptionCounts(subscriptions),
	};
}

/** One line for an execution hint, e.g. "Licence Sync: 2 to create, 1 to update, ... (no seat count 1)". */
export function describeSummary(summary: LicencePlanSummary): string {
	const labels: Record<PlanAction, string> = {
		create: 'to create',
		update: 'to update',
		deactivate: 'to deactivate or zero',
		unchanged: 'unchanged',
		skipped: 'skipped',
	};
	const actions = ACTIONS.map((action) => `${summary.byAction[action]} ${labels[action]}`).join(
		', ',
	);
	const reasons = Object.entries(summary.byReason)
		.map(([code, count]) => `${LICENCE_REASON_WORDS[code as ReasonCode]} ${count}`)
		.join(', ');
	const invalid = summary.invalidInput > 0 ? `; ${summary.invalidInput} with invalid input` : '';
	const list = (counts: Record<string, number>, words: Record<string, string> = {}) =>
		Object.entries(counts)
			.map(([key, count]) => `${words[key] ?? key} ${count}`)
			.join(', ');
	const unknown = Object.keys(summary.unknownStates).length
		? `; unknown states (treated as not active): ${list(summary.unknownStates)}`
		: '';
	const seats = Object.keys(summary.subscriptionsByQuantitySource).length
		? `; seat counts by rule: ${list(summary.subscriptionsByQuantitySource, QUANTITY_SOURCE_WORDS)}`
		: '';
	return `Licence Sync: ${actions}${reasons ? ` (${reasons})` : ''}${invalid}${unknown}${seats}.`;
}
