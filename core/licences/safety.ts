import { PlanRefusedError } from './errors';
import type { PlanInputName } from './reasons';
import type { LicencePlanEntry, LicencePlanInput, LicencePlanOptions } from './types';
import { isJsonObject } from './values';

/** n8n's error items (Continue On Fail upstream) carry an `error` key: the read behind them is incomplete. */
export function refuseErrorItems(input: LicencePlanInput): void {
	for (const name of [
		'subscriptions',
		'licences',
		'mappings',
	] as const satisfies readonly PlanInputName[]) {
		const errorItems = input[name].flatMap((item, index) =>
			isJsonObject(item) && 'error' in item ? [index] : [],
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

const isDeactivation = (entry: LicencePlanEntry) => entry.action === 'deactivate';
const isManagedLicence = (entry: LicencePlanEntry) =>
	entry.action === 'deactivate' || entry.action === 'update' || entry.action === 'unchanged';

/**
 * Refuses plans that look like a bad read. The limit counts every licence the
 * plan would deactivate or zero, against the licences it manages (update,
 * unchanged, deactivate); a maxDeactivationPercent of 100 lifts both checks.
 */
export function refuseUnsafePlan(
	entries: readonly LicencePlanEntry[],
	subscriptionItems: number,
	options: Pick<LicencePlanOptions, 'maxDeactivationPercent' | 'minDeactivationsBeforeLimit'>,
): void {
	const { maxDeactivationPercent: percent, minDeactivationsBeforeLimit: floor } = options;
	if (percent >= 100) return;
	const managed = entries.filter(isManagedLicence).length;
	if (subscriptionItems === 0 && managed > 0) {
		// With no subscriptions every managed licence is an in-scope deletion candidate.
		throw new PlanRefusedError(
			'emptySubscriptionInput',
			`The subscription input is empty, but ${managed} linked licence(s) of mapped customers exist. An empty read is ` +
				'more likely a failed read than every subscription deleted, so nothing was planned. If every subscription ' +
				'really was deleted, set "Max Deactivation Percent" to 100.',
			{ linkedLicences: managed },
		);
	}
	const deactivations = entries.filter(isDeactivation).length;
	const allowed = Math.max((percent / 100) * managed, floor);
	if (deactivations > allowed) {
		const share = Math.round((deactivations / managed) * 1000) / 10;
		throw new PlanRefusedError(
			'deactivationLimitExceeded',
			`The plan would deactivate or zero ${deactivations} of ${managed} linked licences (${share}%), more than ` +
				`"Max Deactivation Percent" (${percent}%, with at least ${floor} always allowed). This often means an incomplete ` +
				'read, so nothing was planned. If these changes are right, raise "Max Deactivation Percent" (100 lifts the limit).',
			{
				deactivations,
				linkedLicences: managed,
				maxDeactivationPercent: percent,
				minDeactivationsBeforeLimit: floor,
			},
		);
	}
}
