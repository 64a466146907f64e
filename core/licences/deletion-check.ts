/**
 * A subscription missing from the marketplace's list may be deleted, or the
 * list may have come back short (HTTP 200, records left out). Before a
 * licence is zeroed or made inactive for being deleted upstream, each such
 * subscription is read again on its own: one the marketplace still has, and
 * active, proves the list incomplete, and no deletion of that read may be
 * written.
 */
import { ACTIVE_STATE } from '../westcoast/protocol';
import type { ReasonCode } from './reasons';

/** The deactivations that rest on a subscription's absence from the list. */
const ABSENCE_REASONS: ReadonlySet<ReasonCode> = new Set([
	'deletedUpstream',
	'deletedUpstreamZeroed',
]);

/** A planned deactivation, as Licence Sync's Deactivate output carries it. */
export interface PlannedDeactivation {
	westcoastSubscriptionId: string | null;
	productName?: string | null;
	customerName?: string | null;
	reason?: { code?: string } | null;
}

/** What reading one subscription again answered. */
export type FreshRead = { found: true; state: string | null } | { found: false };

/** The subscription IDs whose deactivation rests on their absence from the list. */
export function absencesToConfirm(planned: PlannedDeactivation[]): string[] {
	const ids = planned
		.filter((entry) => ABSENCE_REASONS.has(entry.reason?.code as ReasonCode))
		.map((entry) => entry.westcoastSubscriptionId)
		.filter((id): id is string => typeof id === 'string' && id !== '');
	return [...new Set(ids)];
}

/** The planned deactivations the fresh reads contradict: still there, and active. */
export function contradictedAbsences(
	planned: PlannedDeactivation[],
	fresh: ReadonlyMap<string, FreshRead>,
): PlannedDeactivation[] {
	const toConfirm = new Set(absencesToConfirm(planned));
	return planned.filter((entry) => {
		const id = entry.westcoastSubscriptionId;
		if (id === null || !toConfirm.has(id)) return false;
		const read = fresh.get(id);
		if (read === undefined) throw new Error(`Subscription ${id} was not read again`);
		return read.found && read.state === ACTIVE_STATE;
	});
}

/** The run's stop message when the list was proven incomplete. */
export function incompleteListMessage(contradicted: PlannedDeactivation[]): string {
	const named = contradicted
		.slice(0, 5)
		.map(
			(entry) =>
				`${entry.westcoastSubscriptionId}${entry.productName ? ` (${entry.productName}${entry.customerName ? `, ${entry.customerName}` : ''})` : ''}`,
		)
		.join(', ');
	const more = contradicted.length > 5 ? ` and ${contradicted.length - 5} more` : '';
	return `The marketplace's subscription list left out ${contradicted.length} subscription${contradicted.length === 1 ? '' : 's'} it still has as active: ${named}${more}. The list was incomplete, so no licence was made inactive or zeroed. Run again later.`;
}
