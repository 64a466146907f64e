import { globMatches, parseProductFilter, productMatcher } from '../../../core/licences/filters';

/**
 * Oracle: glob matching by dynamic programming over (pattern, text) positions,
 * written from the definition of `*` (any run of characters) alone.
 */
function globOracle(pattern: string, text: string): boolean {
	let row = Array.from({ length: text.length + 1 }, (_, j) => j === 0);
	for (const p of pattern) {
		const next = new Array<boolean>(text.length + 1).fill(false);
		next[0] = p === '*' && row[0];
		for (let j = 1; j <= text.length; j++) {
			next[j] = p === '*' ? row[j] || next[j - 1] : row[j - 1] && text[j - 1] === p;
		}
		row = next;
	}
	return row[text.length];
}

/** Small deterministic generator (no flaky randomness). */
function* cases(count: number): Generator<[string, string]> {
	let seed = 12345;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
	const from = (alphabet: string, max: number) =>
		Array.from({ length: next() % (max + 1) }, () => alphabet[next() % alphabet.length]).join('');
	for (let i = 0; i < count; i++) yield [from('ab*', 7), from('ab', 9)];
}

describe('globMatches (product filter patterns)', () => {
	it.each([
		['microsoft 365 *', 'microsoft 365 business premium', true],
		['*premium', 'microsoft 365 business premium', true],
		['*365*', 'microsoft 365 business premium', true],
		['m*t*m', 'microsoft 365 business premium', true],
		['*', '', true],
		['a*a', 'a', false],
		['ab*ba', 'aba', false],
		['*plan 1)', 'exchange online (plan 1)', true],
		['exchange*(plan 2)', 'exchange online (plan 1)', false],
		['a.c*', 'abc', false],
		['(plan 1)*', '(plan 1) extra', true],
	])('%s against %s is %s', (pattern, text, expected) => {
		expect(globMatches(pattern, text)).toBe(expected);
		expect(globOracle(pattern, text)).toBe(expected);
	});

	it('agrees with the oracle on 5,000 generated patterns and names', () => {
		for (const [pattern, text] of cases(5000)) {
			expect([pattern, text, globMatches(pattern, text)]).toEqual([
				pattern,
				text,
				globOracle(pattern, text),
			]);
		}
	});

	it('answers the backtracking trap at once (no regular expression)', () => {
		const name = 'a'.repeat(60) + 'b';
		const trap = '*a*a*a*a*a*a*a*ac';
		expect(globMatches(trap, name)).toBe(false);
		expect(globMatches(trap, `${name}ac`)).toBe(true);
		expect(productMatcher([trap])([name.repeat(1000)])).toBe(false);
	});
});

describe('parseProductFilter (the Products parameter)', () => {
	it.each([
		['', []],
		['Microsoft 365*, Exchange Online (Plan 1)', ['Microsoft 365*', 'Exchange Online (Plan 1)']],
		['One\nTwo,\n Three ', ['One', 'Two', 'Three']],
		['"Microsoft 365 E3, Annual", Exchange*', ['Microsoft 365 E3, Annual', 'Exchange*']],
		['"Say ""hi"", then go"', ['Say "hi", then go']],
		['  "Padded, Name"  ,x', ['Padded, Name', 'x']],
	])('%j gives %j', (text, entries) => {
		expect(parseProductFilter(text)).toEqual(entries);
	});

	it('a name with a comma, quoted, selects exactly that product', () => {
		const isSelected = productMatcher(parseProductFilter('"Backup, Cloud Edition"'));
		expect(isSelected(['Backup, Cloud Edition'])).toBe(true);
		expect(isSelected(['Backup'])).toBe(false);
		expect(isSelected(['Cloud Edition'])).toBe(false);
	});
});
