import { INVALID_INPUT_REASONS, type ReasonCode } from './reasons';
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

export function summarisePlan(entries: readonly LicencePlanEntry[]): LicencePlanSummary {
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
				...noActions(),
			};
			byCustomer.set(key, customer);
		}
		customer.westcoastCustomerId ??= entry.westcoastCustomerId;
		customer[entry.action]++;
	}
	return { byAction, byReason, byCustomer: [...byCustomer.values()], invalidInput };
}

/** One line for an execution hint, e.g. "Licence Sync: 2 to create, 1 to update, ... (noQuantity 1)". */
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
		.map(([code, count]) => `${code} ${count}`)
		.join(', ');
	const invalid = summary.invalidInput > 0 ? `; ${summary.invalidInput} with invalid input` : '';
	return `Licence Sync: ${actions}${reasons ? ` (${reasons})` : ''}${invalid}.`;
}
