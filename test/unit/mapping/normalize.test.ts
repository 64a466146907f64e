import { exactNameKey, normalizedNameKey } from '../../../core/mapping';
import { buildFuzzyIndex, similarity, trigramsOf } from '../../../core/mapping/fuzzy';
import { caselessNameKey } from '../../../core/mapping/normalize';

describe('exactNameKey (Halo: identical names)', () => {
	it('ignores only surrounding whitespace', () => {
		expect(exactNameKey('  Acme Ltd ')).toBe('Acme Ltd');
		expect(exactNameKey('Acme Ltd')).not.toBe(exactNameKey('ACME Ltd'));
		expect(exactNameKey('Acme  Ltd')).not.toBe(exactNameKey('Acme Ltd'));
	});
});

describe('caselessNameKey (manual mapping table names)', () => {
	it('folds case and inner spacing', () => {
		expect(caselessNameKey(' ACME   ltd ')).toBe('acme ltd');
	});
});

describe('normalizedNameKey', () => {
	it.each([
		['Acme Ltd', 'ACME Limited'],
		['Acme Ltd.', 'acme'],
		['Smith & Sons', 'Smith and Sons'],
		['Smith & Co Ltd', 'Smith'],
		['Müller GmbH', 'Muller'],
		['Café Crème S.A.R.L.', 'cafe creme'],
		['Straße Bau AG', 'Strasse Bau'],
		['Ørsted A/S', 'orsted'],
		['  Tech-Solutions,  Inc. ', 'tech solutions'],
		["O'Neil Holdings B.V.", 'ONeil Holdings'],
		['Acme Pty Ltd', 'Acme'],
	])('%s = %s', (a, b) => {
		expect(normalizedNameKey(a)).toBe(normalizedNameKey(b));
	});

	it.each([
		['Acme Ltd', 'Acme UK Ltd'],
		['Smith and Jones', 'Smith'],
		['Alpha Holdings', 'Alpha'],
	])('%s differs from %s', (a, b) => {
		expect(normalizedNameKey(a)).not.toBe(normalizedNameKey(b));
	});

	it('gives the exact words it keeps', () => {
		expect(normalizedNameKey('Smith & Sons (UK) Ltd.')).toBe('smith and sons uk');
	});

	it('keeps one word even when every word is a suffix', () => {
		expect(normalizedNameKey('Company Ltd')).toBe('company');
		expect(normalizedNameKey('Ltd')).toBe('ltd');
	});

	it('is empty for a name of punctuation only', () => {
		expect(normalizedNameKey('!!! --')).toBe('');
	});
});

describe('fuzzy index', () => {
	const names = ['acme', 'acme widgets', 'beta systems', 'gamma', 'acne'];
	const index = buildFuzzyIndex(names, (name) => name);

	it('scores identical keys 1 and disjoint keys 0', () => {
		expect(similarity(trigramsOf('acme'), trigramsOf('acme'))).toBe(1);
		expect(similarity(trigramsOf('abc'), trigramsOf('xyz'))).toBe(0);
	});

	it('finds the closest names first, within the limit', () => {
		const found = index.find('acme widget', 2);
		expect(found.map(({ item }) => item)).toEqual(['acme widgets', 'acme']);
		expect(found[0].score).toBeGreaterThan(found[1].score);
		expect(found[0].score).toBeLessThan(1);
	});

	it('leaves out names below the minimum score', () => {
		expect(index.find('zzzz', 3)).toEqual([]);
		expect(index.find('gamma', 3).map(({ item }) => item)).toEqual(['gamma']);
	});

	it('returns nothing for an empty key or a zero limit', () => {
		expect(index.find('', 3)).toEqual([]);
		expect(index.find('acme', 0)).toEqual([]);
	});

	it('gives the same answers on repeated queries (its counters reset)', () => {
		expect(index.find('beta system', 3)).toEqual(index.find('beta system', 3));
	});

	it('still finds a match when common trigrams exceed the visit budget', () => {
		const many = [...Array.from({ length: 5000 }, (_, n) => `acme ${n}`), 'acme zebra'];
		const found = buildFuzzyIndex(many, (name) => name).find('acme zebra', 1);
		expect(found[0].item).toBe('acme zebra');
		expect(found[0].score).toBe(1);
	});
});
