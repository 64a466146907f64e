import { ACTIVE_STATE } from '../westcoast/protocol';
import { scoredCandidates, toCandidate } from './fuzzy';
import { MAX_LISTED, describeWestcoast, listIds, listPsaIds } from './describe';
import { groupBy } from './group';
import type { NameKeys } from './normalize';
import { sameNamed, type PsaIndex } from './psa-index';
import type { ReviewNote } from './resolve';
import type { WestcoastCustomer } from './types';

/** A Westcoast customer no rule matched. */
export interface Unmatched {
	customer: WestcoastCustomer;
	keys: NameKeys;
}

export interface MissingContext {
	psa: PsaIndex;
	/** Some PSA item was unreadable: a create could duplicate it unseen. */
	psaIncomplete: boolean;
	createMissing: boolean;
	createInactive: boolean;
	maxCandidates: number;
}

function unmatchedNote({ customer, keys }: Unmatched, context: MissingContext): ReviewNote {
	const candidates = context.psa.fuzzy().find(keys.base, context.maxCandidates).map(toCandidate);
	return {
		reason: 'unmatched',
		message: `${describeWestcoast(customer)}: no PSA customer matches and creating is off${
			candidates.length > 0
				? `; similar: ${listIds(candidates, (candidate) => String(candidate.psaId))}`
				: ''
		}.`,
		candidates,
	};
}

/** Guards a create: never duplicate a PSA customer, never create blind or for a customer that is gone. */
function createGuard({ customer, keys }: Unmatched, context: MissingContext): ReviewNote | null {
	const named = sameNamed(context.psa, keys);
	if (named.length > 0) {
		return {
			reason: 'wouldDuplicate',
			message: `${describeWestcoast(customer)}: not created, the PSA already has this name (normalized, or with another legal form): ${listPsaIds(named)}.`,
			candidates: scoredCandidates(keys, named.slice(0, MAX_LISTED)),
		};
	}
	if (context.psaIncomplete) {
		return {
			reason: 'createBlockedByInvalidPsa',
			message: `${describeWestcoast(customer)}: not created, some PSA items are unreadable and one could be this customer.`,
		};
	}
	if (!context.createInactive && customer.state !== ACTIVE_STATE) {
		return {
			reason: 'inactiveNotCreated',
			message: `${describeWestcoast(customer)}: not created, its state is ${customer.state === null ? 'missing' : `"${customer.state}"`}.`,
		};
	}
	return null;
}

/**
 * What happens to customers no rule matched: review with suggestions when
 * creating is off; otherwise create, unless a guard stops it or several would
 * be created under one name. Maps each to its review note, or null to create.
 */
export function decideUnmatched<T extends Unmatched>(
	unmatched: readonly T[],
	context: MissingContext,
): Map<T, ReviewNote | null> {
	if (!context.createMissing)
		return new Map(unmatched.map((item) => [item, unmatchedNote(item, context)]));
	const decisions = new Map(unmatched.map((item) => [item, createGuard(item, context)]));
	const toCreate = unmatched.filter((item) => decisions.get(item) === null);
	const byName = groupBy(toCreate, ({ keys }) => [keys.normalized || keys.exact]);
	for (const group of byName.values()) {
		if (group.length < 2) continue;
		const ids = listIds(group, ({ customer }) => customer.westcoastId);
		for (const item of group) {
			decisions.set(item, {
				reason: 'duplicateCreateName',
				message: `${describeWestcoast(item.customer)}: not created, Westcoast customers ${ids} would all be created under this name.`,
			});
		}
	}
	return decisions;
}
