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
