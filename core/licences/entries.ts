import type { LicenceFieldNames } from '../psa/preset';
import type { LicenceRecord } from './licences';
import { updatePayload } from './payloads';
import type { PlanReason } from './reasons';
import type {
	CreateEntry,
	DeactivateEntry,
	EntryIdentity,
	FieldChange,
	LicencePayload,
	LicencePlanEntry,
	SkippedEntry,
	UnchangedEntry,
	UpdateEntry,
} from './types';

/** A licence-side identity: the entry is about this existing licence. */
type LicenceIdentity = EntryIdentity & { psaLicenceId: string | number };

export const skippedEntry = (identity: EntryIdentity, reason: PlanReason): SkippedEntry => ({
	action: 'skipped',
	...identity,
	changes: [],
	reason,
	payload: null,
});

export const unchangedEntry = (
	identity: LicenceIdentity,
	reason: PlanReason | null = null,
): UnchangedEntry => ({
	action: 'unchanged',
	...identity,
	changes: [],
	reason,
	payload: null,
});

export const createEntry = (
	identity: EntryIdentity & { psaLicenceId: null },
	payload: LicencePayload,
): CreateEntry => ({
	action: 'create',
	...identity,
	changes: Object.entries(payload).map(([field, to]) => ({ field, from: null, to })),
	reason: null,
	payload,
});

export const updateEntry = (
	identity: LicenceIdentity,
	changes: FieldChange[],
	payload: LicencePayload,
): UpdateEntry => ({
	action: 'update',
	...identity,
	changes,
	reason: null,
	payload,
});

/** Makes a licence inactive or zeroes it: one field, written alone. */
export function deactivateEntry(
	identity: LicenceIdentity,
	licence: LicenceRecord,
	field: string,
	to: false | 0,
	reason: PlanReason,
	fields: LicenceFieldNames,
): DeactivateEntry {
	const change: FieldChange = { field, from: licence.json[field] ?? null, to };
	return {
		action: 'deactivate',
		...identity,
		changes: [change],
		reason,
		payload: updatePayload(licence, [change], fields),
	};
}

/** A value as a person reads it in a change line. */
const shown = (value: unknown): string =>
	value === null || value === undefined || value === '' ? 'none' : String(value);

/** The changes as one line: "count 5 → 7; is_active true → false" (a create lists what it writes). */
export function describeChanges(
	action: LicencePlanEntry['action'],
	changes: readonly FieldChange[],
): string {
	if (action === 'create')
		return `new: ${changes
			.filter(({ to }) => to !== null)
			.map(({ field, to }) => `${field} ${shown(to)}`)
			.join(', ')}`;
	return changes.map(({ field, from, to }) => `${field} ${shown(from)} → ${shown(to)}`).join('; ');
}

const WHY_BY_ACTION: Partial<Record<LicencePlanEntry['action'], string>> = {
	create: 'The Westcoast subscription has no licence yet.',
	update: 'The licence differs from its Westcoast subscription.',
	unchanged: 'The licence is in step with its Westcoast subscription.',
};

const READ_FIRST = ['action', 'customerName', 'productName'] as const;
/** Left out of an output item: planner bookkeeping, and the keys put first. */
const NOT_IN_DETAILS = new Set<string>([...READ_FIRST, 'source']);

/**
 * An entry as an output item: what a person reads first (customer, product,
 * the change, why) at the top level, then the IDs, the details and the PSA
 * payload. Planner bookkeeping (`source`) is left out.
 */
export function readableEntry(entry: LicencePlanEntry) {
	const { action, customerName, productName, changes, reason } = entry;
	const details = Object.fromEntries(
		Object.entries(entry).filter(([key]) => !NOT_IN_DETAILS.has(key)),
	) as Omit<LicencePlanEntry, (typeof READ_FIRST)[number] | 'source'>;
	return {
		action,
		customerName,
		productName,
		change: describeChanges(action, changes),
		why: reason?.message ?? WHY_BY_ACTION[action] ?? null,
		...details,
	};
}
