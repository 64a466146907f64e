/**
 * The ways an MSP's PSA spells a customer a little differently from the
 * distributor: each keeps the name recognisable to a normalising matcher.
 */

export const NEAR_MISS_KINDS = [
	'case',
	'spacing',
	'punctuation',
	'ltdLimited',
	'ampersand',
] as const;
export type NearMissKind = (typeof NEAR_MISS_KINDS)[number];

const titleCase = (name: string) =>
	name
		.toLowerCase()
		.replace(
			/(^|\s)(\p{L})/gu,
			(_match, space: string, letter: string) => space + letter.toUpperCase(),
		);

const VARIANTS: Record<NearMissKind, (name: string) => string> = {
	case: (name) => (name === name.toLowerCase() ? titleCase(name) : name.toLowerCase()),
	spacing: (name) => (/\s{2,}/.test(name) ? name.replace(/\s+/g, ' ') : name.replace(' ', '  ')),
	punctuation: (name) => (/[.,'’]/.test(name) ? name.replace(/[.,'’]/g, '') : `${name}.`),
	ltdLimited: (name) =>
		/\bltd\b\.?/i.test(name)
			? name.replace(/\bltd\b\.?/gi, 'Limited')
			: name.replace(/\blimited\b/gi, 'Ltd'),
	ampersand: (name) =>
		name.includes('&') ? name.replace(/\s*&\s*/g, ' and ') : name.replace(/\s+and\s+/gi, ' & '),
};

/** The kinds that change this name. */
export function nearMissKindsFor(name: string): NearMissKind[] {
	return NEAR_MISS_KINDS.filter((kind) => VARIANTS[kind](name) !== name);
}

export function nearMissName(name: string, kind: NearMissKind): string {
	return VARIANTS[kind](name);
}
