import { MAX_LISTED, describePsa, describeWestcoast, listPsaIds } from './describe';
import { manualRowsFor, type ManualIndex, type ManualRow } from './manual';
import type { NameKeys } from './normalize';
import type { PsaIndex } from './psa-index';
import type { ReviewReason } from './review-reasons';
import type { MatchRule, PsaCandidate, PsaCustomer, PsaId, WestcoastCustomer } from './types';
import { scoredCandidates } from './fuzzy';

/** Why a Westcoast customer goes to review: becomes its review entry. */
export interface ReviewNote {
	reason: ReviewReason;
	message: string;
	psa?: PsaCustomer;
	/** Every PSA customer the case is about, when there are several (linkAmbiguous). */
	psaIds?: PsaId[];
	candidates?: PsaCandidate[];
}

/** What the precedence rules say about one Westcoast customer, before claims are settled. */
export type Resolution =
	| { outcome: 'match'; psa: PsaCustomer; rule: MatchRule }
	| ({ outcome: 'review' } & ReviewNote)
	| { outcome: 'none' };

export interface ResolveContext {
	psa: PsaIndex;
	manual: ManualIndex;
	matchExactName: boolean;
	matchNormalizedName: boolean;
}

/** A manual row is an instruction: when it cannot be followed, a person decides (no falling through). */
function byManual(
	customer: WestcoastCustomer,
	rows: readonly ManualRow[],
	index: PsaIndex,
): Resolution {
	const psaIds = [...new Set(rows.map((row) => row.psaId))];
	if (psaIds.length > 1) {
		return {
			outcome: 'review',
			reason: 'manualMappingConflict',
			message: `${describeWestcoast(customer)}: manual mapping rows name different PSA IDs: ${psaIds.join(', ')}.`,
		};
	}
	const psa = index.byId.get(psaIds[0]);
	if (!psa) {
		return {
			outcome: 'review',
			reason: 'manualPsaNotFound',
			message: `${describeWestcoast(customer)}: manual mapping names PSA ID ${psaIds[0]}, which is not among the PSA customers.`,
		};
	}
	return { outcome: 'match', psa, rule: 'manual' };
}

function byName(
	customer: WestcoastCustomer,
	keys: NameKeys,
	named: readonly PsaCustomer[] | undefined,
	rule: MatchRule,
): Resolution | null {
	if (!named) return null;
	if (named.length > 1) {
		return {
			outcome: 'review',
			reason: 'psaNameAmbiguous',
			message: `${describeWestcoast(customer)}: several PSA customers have this name: ${listPsaIds(named)}.`,
			candidates: scoredCandidates(keys, named.slice(0, MAX_LISTED)),
		};
	}
	const [psa] = named;
	// Had it been linked to this customer, the link rule would have matched it already.
	const [linkedTo] = psa.westcoastLinks;
	if (linkedTo !== undefined) {
		return {
			outcome: 'review',
			reason: 'psaLinkedElsewhere',
			message: `${describeWestcoast(customer)}: ${describePsa(psa)} has this name but is linked to Westcoast customer ${linkedTo}.`,
			psa,
		};
	}
	return { outcome: 'match', psa, rule };
}

/** Precedence: manual, link, exact name, normalized name; the first that applies decides. */
export function resolveMatch(
	customer: WestcoastCustomer,
	keys: NameKeys,
	context: ResolveContext,
): Resolution {
	const manualRows = manualRowsFor(context.manual, customer);
	if (manualRows.length > 0) return byManual(customer, manualRows, context.psa);
	const linked = context.psa.byWestcoastLink.get(customer.westcoastId) ?? [];
	if (linked.length > 1) {
		return {
			outcome: 'review',
			reason: 'linkAmbiguous',
			message:
				`${describeWestcoast(customer)}: PSA customers ${listPsaIds(linked)} all carry its Westcoast link, so it is ` +
				'mapped to none of them and its licences are left alone. A person removes the extra link (or merges the ' +
				'customers); every other customer is mapped as usual.',
			psaIds: linked.map((psa) => psa.idValue),
			candidates: scoredCandidates(keys, linked.slice(0, MAX_LISTED)),
		};
	}
	if (linked.length === 1) return { outcome: 'match', psa: linked[0], rule: 'link' };
	const byExact = context.matchExactName
		? byName(customer, keys, context.psa.byExactName.get(keys.exact), 'exactName')
		: null;
	if (byExact) return byExact;
	const byNormalized = context.matchNormalizedName
		? byName(customer, keys, context.psa.byNormalizedName.get(keys.normalized), 'normalizedName')
		: null;
	return byNormalized ?? { outcome: 'none' };
}
