/**
 * Fuzzy name candidates without comparing all pairs: an inverted index from
 * trigrams of normalized names to the items holding them. A query walks the
 * posting lists of its rarest trigrams first, within a fixed budget, so its
 * cost is bounded whatever the data; only a short list is then scored, into
 * the PSA candidates a review entry suggests.
 */
import { baseNameKey, type NameKeys } from './normalize';
import type { PsaCandidate, PsaCustomer } from './types';

/** Posting entries one query may visit. */
const POSTINGS_BUDGET = 500;
/** Items scored exactly per candidate wanted. */
const SHORTLIST_PER_CANDIDATE = 4;
/** Below this a candidate is noise, not a suggestion. */
const MIN_CANDIDATE_SCORE = 0.3;

/** A trigram packed into one number (three UTF-16 code units), cheaper to hash than a string. */
type Trigram = number;

/** Trigrams of a normalized name, padded so that word starts and ends count. */
export function trigramsOf(key: string): Set<Trigram> {
	const padded = ` ${key} `;
	const grams = new Set<Trigram>();
	for (let at = 0; at + 3 <= padded.length; at++) {
		grams.add(
			padded.charCodeAt(at) * 2 ** 32 +
				padded.charCodeAt(at + 1) * 2 ** 16 +
				padded.charCodeAt(at + 2),
		);
	}
	return grams;
}

/** Dice coefficient of two trigram sets: 0 (nothing shared) .. 1 (same). */
export function similarity(a: ReadonlySet<Trigram>, b: ReadonlySet<Trigram>): number {
	if (a.size === 0 || b.size === 0) return 0;
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const gram of small) if (large.has(gram)) shared++;
	return (2 * shared) / (a.size + b.size);
}

export interface Scored<T> {
	item: T;
	score: number;
}

export interface FuzzyIndex<T> {
	/** Up to `limit` items whose key is like `key`, best first (ties: input order). */
	find(key: string, limit: number): Scored<T>[];
}

export function buildFuzzyIndex<T>(items: readonly T[], keyOf: (item: T) => string): FuzzyIndex<T> {
	const gramsByPosition = items.map((item) => trigramsOf(keyOf(item)));
	const postings = new Map<Trigram, number[]>();
	gramsByPosition.forEach((grams, position) => {
		for (const gram of grams) {
			const list = postings.get(gram);
			if (list) list.push(position);
			else postings.set(gram, [position]);
		}
	});
	// Reused across queries: shared-trigram counts, reset after each query.
	const sharedCounts = new Int32Array(items.length);

	function shortlist(queryGrams: ReadonlySet<Trigram>, size: number): number[] {
		const lists = [...queryGrams]
			.map((gram) => postings.get(gram))
			.filter((list): list is number[] => list !== undefined)
			.sort((a, b) => a.length - b.length);
		const touched: number[] = [];
		let budget = POSTINGS_BUDGET;
		for (const list of lists) {
			const visits = Math.min(list.length, budget);
			for (let at = 0; at < visits; at++) {
				if (sharedCounts[list[at]]++ === 0) touched.push(list[at]);
			}
			budget -= visits;
			if (budget === 0) break;
		}
		// Counting sort by shared trigrams (at most queryGrams.size), most first.
		const byCount: number[][] = Array.from({ length: queryGrams.size + 1 }, () => []);
		for (const position of touched) byCount[sharedCounts[position]].push(position);
		for (const position of touched) sharedCounts[position] = 0;
		const chosen: number[] = [];
		for (let count = queryGrams.size; count > 0 && chosen.length < size; count--) {
			chosen.push(...byCount[count].slice(0, size - chosen.length));
		}
		return chosen;
	}

	return {
		find(key, limit) {
			if (limit <= 0 || key === '') return [];
			const queryGrams = trigramsOf(key);
			return shortlist(queryGrams, limit * SHORTLIST_PER_CANDIDATE)
				.map((position) => ({ position, score: similarity(queryGrams, gramsByPosition[position]) }))
				.filter(({ score }) => score >= MIN_CANDIDATE_SCORE)
				.sort((a, b) => b.score - a.score || a.position - b.position)
				.slice(0, limit)
				.map(({ position, score }) => ({ item: items[position], score }));
		},
	};
}

const ROUNDING = 1000;

export function toCandidate({ item, score }: Scored<PsaCustomer>): PsaCandidate {
	return {
		source: { psa: item.index },
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
