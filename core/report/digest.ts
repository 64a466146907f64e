/**
 * The review digest: the customers a person must map, as one message, and a
 * fingerprint of them so that a workflow sends it only when they changed.
 */
import type { ReviewEntry } from '../mapping/types';

export interface ReviewDigest {
	/** Same entries (in any order), same fingerprint; a changed reason or candidate list changes it. */
	fingerprint: string;
	count: number;
	subject: string;
	text: string;
}

/** cyrb53: a small, stable 53-bit string hash (no crypto needed: it only tells lists apart). */
function hash53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

const who = (entry: ReviewEntry) =>
	entry.westcoastName ?? entry.psaName ?? entry.westcoastId ?? `PSA customer ${entry.psaId ?? '?'}`;

export function reviewDigest(workflowName: string, review: readonly ReviewEntry[]): ReviewDigest {
	const keys = review
		.map((entry) =>
			JSON.stringify([
				entry.subject,
				entry.reason,
				entry.westcoastId ?? null,
				entry.psaId ?? null,
				(entry.candidates ?? []).map((candidate) => String(candidate.psaId)),
			]),
		)
		.sort();
	const lines = review.map((entry) => {
		const candidates = (entry.candidates ?? [])
			.map((candidate) => `${candidate.psaName} (${candidate.psaId})`)
			.join(', ');
		return `- ${who(entry)}: ${entry.message}${candidates ? ` Possible Halo clients: ${candidates}.` : ''}`;
	});
	const count = review.length;
	return {
		fingerprint: hash53(keys.join('\n')),
		count,
		subject: `${workflowName}: ${count} customer(s) to review`,
		text: count
			? [
					`${count} customer(s) need a person before "${workflowName}" syncs them. Nothing is written for them until then.`,
					...lines,
					'What to do: add a manual mapping for each in both Mapping Resolvers (Manual Mappings), or fix the name in Westcoast or Halo; the next run picks it up.',
				].join('\n')
			: `No customer needs review in "${workflowName}" any more.`,
	};
}
