/** Name keys: each rule's idea of "the same name". An empty key matches nothing. */

/** Halo's rule: identical names; whitespace around a name is not part of it. */
export function exactNameKey(name: string): string {
	return name.trim();
}

/** Names typed into the manual mapping table: case and spacing don't count. */
export function caselessNameKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Legal-form words dropped from the end of a name ("Acme Ltd" = "ACME Limited" = "Acme"). */
const COMPANY_SUFFIXES = new Set(
	(
		'ltd limited plc llc llp lp cic inc incorporated corp corporation co company ' +
		'gmbh mbh ag kg ug ohg se bv nv sa sas sarl srl spa ab as asa aps oy oyj pty pte'
	).split(' '),
);

const isDroppedAtEnd = (word: string): boolean => COMPANY_SUFFIXES.has(word) || word === 'and';

/** Letters Unicode decomposition leaves whole. */
const LETTER_FOLDS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	ø: 'o',
	œ: 'oe',
	ł: 'l',
	đ: 'd',
	þ: 'th',
};

/**
 * Folds case, diacritics, punctuation, spacing, `&`/`and` and trailing
 * company suffixes: "Smith & Sons (UK) Ltd." and "smith and sons uk" agree.
 */
export function normalizedNameKey(name: string): string {
	// Decomposition is slow; most names are plain ASCII and need none.
	const plain = /[^\x20-\x7e]/.test(name)
		? name
				.normalize('NFKD')
				.replace(/\p{M}/gu, '')
				.toLowerCase()
				.replace(/[ßæøœłđþ]/g, (letter) => LETTER_FOLDS[letter])
		: name.toLowerCase();
	const words = plain
		.replace(/&/g, ' and ')
		// Dots and apostrophes join: "B.V." = "BV", "O'Neil" = "ONeil".
		.replace(/['’.]/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
	const joined = joinInitials(words);
	// "Smith & Co Ltd" -> "smith": a suffix may leave a dangling "and"; one word always stays.
	while (joined.length > 1 && isDroppedAtEnd(joined[joined.length - 1])) joined.pop();
	return joined.join(' ');
}

/** Runs of single letters are one initialism: "A/S" = "AS", "I B M" = "IBM". */
function joinInitials(words: readonly string[]): string[] {
	const joined: string[] = [];
	let previousWasLetter = false;
	for (const word of words) {
		const isLetter = word.length === 1 && /\p{L}/u.test(word);
		if (isLetter && previousWasLetter) joined[joined.length - 1] += word;
		else joined.push(word);
		previousWasLetter = isLetter;
	}
	return joined;
}

export interface NameKeys {
	exact: string;
	normalized: string;
}

export function nameKeysOf(name: string): NameKeys {
	return { exact: exactNameKey(name), normalized: normalizedNameKey(name) };
}
