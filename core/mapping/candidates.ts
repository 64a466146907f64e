import { similarity, trigramsOf, type Scored } from './fuzzy';
import { baseNameKey, type NameKeys } from './normalize';
import type { PsaCandidate, PsaCustomer } from './types';

const ROUNDING = 1000;

export function toCandidate({ item, score }: Scored<PsaCustomer>): PsaCandidate {
	return {
		psaIndex: item.psaIndex,
		psaId: item.idValue,
		psaName: item.name,
		score: Math.round(score * ROUNDING) / ROUNDING,
	};
}

/** Scores a short, already chosen list of PSA customers against a Westcoast name. */
export function scoredCandidates(
	keys: NameKeys,
	customers: readonly PsaCustomer[],
): PsaCandidate[] {
	const grams = trigramsOf(keys.base);
	return customers.map((item) =>
		toCandidate({ item, score: similarity(grams, trigramsOf(baseNameKey(item.name))) }),
	);
}
