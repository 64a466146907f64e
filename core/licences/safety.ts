import { LICENCE_SYNC_IO } from '../node-io';
import type { LicenceFieldNames } from '../psa/preset';
import { isRecord } from '../read';
import { PlanRefusedError } from '../refusal';
import { findMiswiring } from '../wiring';
import { OPTION_LABEL } from './options';
import type { PlanInputName, ReasonCode } from './reasons';
import type { LicencePlanEntry, LicencePlanInput, LicencePlanOptions } from './types';

/** n8n's error items (Continue On Fail upstream) carry an `error` key: the read behind them is incomplete. */
export function refuseErrorItems(input: LicencePlanInput): void {
	for (const name of [
		'subscriptions',
		'licences',
		'mappings',
	] as const satisfies readonly PlanInputName[]) {
		const errorItems = input[name].flatMap((item, index) =>
			isRecord(item) && 'error' in item ? [index] : [],
		);
		if (errorItems.length === 0) continue;
		throw new PlanRefusedError(
			'errorItemInInput',
			`The ${name} input holds ${errorItems.length} error item(s) (first: item ${errorItems[0]}): an earlier node failed, ` +
				'so the input may be incomplete and a plan from it could deactivate licences wrongly. Nothing was planned. ' +
				'Fix the failing node (or remove its error items) and run again.',
			{ input: name, errorItems: errorItems.length, firstErrorItem: errorItems[0] },
		);
	}
}

/** Items that plainly belong on another input: the node is wired wrongly, so nothing is planned. */
export function refuseMiswiredInput(input: LicencePlanInput): void {
	const wrong = findMiswiring(
		(['subscriptions', 'licences', 'mappings'] as const).map((name) => ({
			input: LICENCE_SYNC_IO.inputs[name],
			items: input[name],
		})),
	);
	if (!wrong) return;
	throw new PlanRefusedError('wrongInput', wrong.message, {
		input: wrong.input,
		item: wrong.itemIndex,
		received: wrong.received,
	});
}

const ALREADY_DONE: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
	'alreadyZero',
	'alreadyInactive',
]);

/** Update, unchanged and deactivate entries: the linked licences the plan manages. */
const isManagedLicence = (entry: LicencePlanEntry) =>
	entry.action === 'deactivate' || entry.action === 'update' || entry.action === 'unchanged';

/**
 * A managed licence that is live: not one an earlier run already zeroed or
 * made inactive (unchanged with alreadyZero/alreadyInactive). Counting those
 * would let the limit weaken a little with every run.
 */
export const isLiveLicence = (entry: LicencePlanEntry) =>
	isManagedLicence(entry) &&
	!(entry.action === 'unchanged' && entry.reason !== null && ALREADY_DONE.has(entry.reason.code));

/** A deactivate entry, or an update that sets the count to 0 or the status to inactive. */
export function deactivatesOrZeroes(entry: LicencePlanEntry, fields: LicenceFieldNames): boolean {
	if (entry.action === 'deactivate') return true;
	if (entry.action !== 'update') return false;
	return entry.changes.some(
		({ field, to }) =>
			(field === fields.count && to === 0) || (field === fields.isActive && to === false),
	);
}

/**
 * Refuses plans that look like a bad read. The limit counts every licence the
 * plan would deactivate or zero (deactivate entries, and updates that zero the
 * count or make the licence inactive) against the live linked licences it
 * manages: update, deactivate, and unchanged entries other than licences
 * already zeroed or inactive. An empty subscription input is refused while the
 * plan manages any linked licence, live or not (the read is what is suspect).
 * A maxDeactivationPercent of 100 lifts both checks.
 */
export function refuseUnsafePlan(
	entries: readonly LicencePlanEntry[],
	subscriptionItems: number,
	options: Pick<
		LicencePlanOptions,
		'maxDeactivationPercent' | 'minDeactivationsBeforeLimit' | 'fields'
	>,
): void {
	const { maxDeactivationPercent: percent, minDeactivationsBeforeLimit: floor, fields } = options;
	if (percent >= 100) return;
	const managed = entries.filter(isManagedLicence).length;
	if (subscriptionItems === 0 && managed > 0) {
		// With no subscriptions every managed licence is an in-scope deletion candidate.
		throw new PlanRefusedError(
			'emptySubscriptionInput',
			`The subscription input is empty, but ${managed} linked licence(s) of mapped customers exist. An empty read is ` +
				'more likely a failed read than every subscription deleted, so nothing was planned. If every subscription ' +
				`really was deleted, set "${OPTION_LABEL.maxDeactivationPercent}" to 100 for one run.`,
			{ linkedLicences: managed },
		);
	}
	const live = entries.filter(isLiveLicence).length;
	const deactivations = entries.filter((entry) => deactivatesOrZeroes(entry, fields)).length;
	const allowed = Math.max((percent / 100) * live, floor);
	if (deactivations > allowed) {
		const share = Math.round((deactivations / live) * 1000) / 10;
		const label = OPTION_LABEL.maxDeactivationPercent;
		const needed = Math.min(100, Math.ceil((deactivations / live) * 100));
		throw new PlanRefusedError(
			'deactivationLimitExceeded',
			`The plan would deactivate or zero ${deactivations} of ${live} live linked licences (${share}%), more than ` +
				`"${label}" (${percent}%, with at least ${floor} always allowed). This often means an incomplete ` +
				`read, so nothing was planned. If these changes are right (a first clean-up, say), set "${label}" to ${needed} ` +
				`for one run, then back to ${percent}.`,
			{
				deactivations,
				linkedLicences: live,
				maxDeactivationPercent: percent,
				minDeactivationsBeforeLimit: floor,
			},
		);
	}
}
