import { describePsa, describeWestcoast, listIds, MATCH_RULE_WORDS } from './describe';
import { groupBy } from './group';
import type { ReviewNote } from './resolve';
import type { MatchRule, PsaCustomer, WestcoastCustomer } from './types';

export interface Claim {
	customer: WestcoastCustomer;
	psa: PsaCustomer;
	rule: MatchRule;
}

/** Lower is stronger: a manual mapping beats a stored link beats a name. */
const RULE_STRENGTH: Record<MatchRule, number> = {
	manual: 0,
	link: 1,
	exactName: 2,
	normalizedName: 3,
};

/**
 * A PSA customer links to one Westcoast customer at most. When several claim
 * it, the one matched by the strongest rule keeps it; when the strongest rule
 * is shared, nobody does (a person decides). Returns each losing claim's review note.
 */
export function settleClaims(claims: readonly Claim[]): Map<Claim, ReviewNote> {
	const losers = new Map<Claim, ReviewNote>();
	for (const group of groupBy(claims, (claim) => [claim.psa.id]).values()) {
		if (group.length < 2) continue;
		const strongest = group.reduce(
			(min, claim) => Math.min(min, RULE_STRENGTH[claim.rule]),
			Infinity,
		);
		const top = group.filter((claim) => RULE_STRENGTH[claim.rule] === strongest);
		const winner = top.length === 1 ? top[0] : null;
		const claimants = listIds(group, (claim) => claim.customer.westcoastId);
		for (const claim of group) {
			if (claim === winner) continue;
			const matches = `${describeWestcoast(claim.customer)} matches ${describePsa(claim.psa)} ${MATCH_RULE_WORDS[claim.rule]}`;
			losers.set(claim, {
				reason: 'psaCustomerConflict',
				message: winner
					? `${matches}, but Westcoast customer ${winner.customer.westcoastId} matches it ${MATCH_RULE_WORDS[winner.rule]}, a stronger rule.`
					: `${matches}; so do other Westcoast customers (all: ${claimants}).`,
				psa: claim.psa,
			});
		}
	}
	return losers;
}
