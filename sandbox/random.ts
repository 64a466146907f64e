/** Deterministic randomness for seeded sandbox data, property tests and benchmarks: same seed, same data, on every machine. */

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface Random {
	next(): number;
	/** A whole number in [0, below). */
	int(below: number): number;
	chance(probability: number): boolean;
	pick<T>(values: readonly T[]): T;
}

export function random(seed: number): Random {
	const next = seededRandom(seed);
	return {
		next,
		int: (below) => Math.floor(next() * below),
		chance: (probability) => next() < probability,
		pick: (values) => values[Math.floor(next() * values.length)],
	};
}
