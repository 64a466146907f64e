import type { PlanContext } from './context';
import type { LicenceItem } from './licences';
import { reason } from './reasons';
import type { EntryIdentity, SkippedEntry } from './types';

/** How a licence of a duplicate group is named: its PSA id, else its input item. */
const licenceName = (item: LicenceItem): string =>
	item.id === null ? `(licence item ${item.index})` : String(item.id);

/**
 * The one entry for a Westcoast subscription that several PSA licences store
 * (a duplicate left by an earlier run, or made by hand). Which licence is its
 * own is a person's call, so the subscription and all those licences are left
 * alone, and only they: everything else plans as usual. The entry names every
 * licence (`psaLicenceIds`) and sources them all, so each is accounted for once.
 */
export function duplicateLicencesEntry(
	context: PlanContext,
	identity: EntryIdentity,
	group: readonly LicenceItem[],
): SkippedEntry {
	const [first, ...others] = group;
	const ids = group.map(licenceName);
	const listed = `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
	const linkField = context.options.fields.westcoastLink;
	const message =
		`PSA licences ${listed} all store Westcoast subscription ${first.link} in ${linkField}, so which one is its ` +
		'licence is unclear. Nothing is written for this subscription until a person deletes the extra licence(s) or ' +
		`clears their ${linkField}; every other subscription is planned as usual.`;
	return {
		action: 'skipped',
		...identity,
		psaLicenceId: first.id,
		psaLicenceIds: group.map((item) => item.id),
		psaCustomerId: identity.psaCustomerId ?? first.record?.clientId ?? null,
		source: {
			...identity.source,
			licence: first.index,
			otherLicences: others.map((item) => item.index),
		},
		changes: [],
		reason: { ...reason('duplicateLicences', message), field: linkField },
		payload: null,
	};
}
