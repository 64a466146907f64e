/** Name keys: each rule's idea of "the same name". An empty key matches nothing. */

/** Halo's rule: identical names; whitespace around a name is not part of it. */
export function exactNameKey(name: string): string {
	return name.trim();
}

/** Names typed into the manual mapping table: case and spacing don't count. */
export function caselessNameKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Legal forms, each spelling mapped to its one canonical form. Only spellings
 * of the same form are equal ("Ltd" = "Limited"); different forms are never
 * equal ("Ltd" vs "Co", "AS" vs "AB"), nor is a form equal to none.
 */
const LEGAL_FORMS: Readonly<Record<string, string>> = {
	ltd: 'ltd',
	limited: 'ltd',
	plc: 'plc',
	llc: 'llc',
	llp: 'llp',
	lp: 'lp',
	cic: 'cic',
	inc: 'inc',
	incorporated: 'inc',
	corp: 'corp',
	corporation: 'corp',
	co: 'co',
	company: 'co',
	pty: 'pty',
	proprietary: 'pty',
	pte: 'pte',
	pvt: 'pvt',
	private: 'pvt',
	gmbh: 'gmbh',
	mbh: 'mbh',
	ag: 'ag',
	aktiengesellschaft: 'ag',
	kg: 'kg',
	kommanditgesellschaft: 'kg',
	kgaa: 'kgaa',
	ug: 'ug',
	ohg: 'ohg',
	ev: 'ev',
	ek: 'ek',
	eg: 'eg',
	se: 'se',
	bv: 'bv',
	nv: 'nv',
	vof: 'vof',
	sa: 'sa',
	sas: 'sas',
	sasu: 'sasu',
	sarl: 'sarl',
	eurl: 'eurl',
	srl: 'srl',
	spa: 'spa',
	sl: 'sl',
	slu: 'slu',
	ab: 'ab',
	aktiebolag: 'ab',
	as: 'as',
	asa: 'asa',
	aps: 'aps',
	oy: 'oy',
	oyj: 'oyj',
	kft: 'kft',
	sro: 'sro',
};

/** Written-out legal forms of several words, with their canonical forms. */
const LEGAL_FORM_PHRASES: ReadonlyArray<readonly [string[], string[]]> = (
	[
		['public limited company', 'plc'],
		['limited liability company', 'llc'],
		['limited liability partnership', 'llp'],
		['limited partnership', 'lp'],
		['community interest company', 'cic'],
		['gesellschaft mit beschrankter haftung', 'gmbh'],
		['besloten vennootschap', 'bv'],
		['naamloze vennootschap', 'nv'],
		['societe anonyme', 'sa'],
		['sociedad anonima', 'sa'],
		['societa per azioni', 'spa'],
		['societa a responsabilita limitata', 'srl'],
		['societe a responsabilite limitee', 'sarl'],
		['sociedad limitada', 'sl'],
		['sp z oo', 'sp zoo'],
	] as const
).map(([phrase, canonical]) => [phrase.split(' '), canonical.split(' ')] as const);

/** Separates a name's words from its legal forms in a normalized key. */
const FORM_SEPARATOR = ' / ';

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

/** The words of a name, folded: case, diacritics, punctuation, spacing and `&` = `and`. */
function foldedWords(name: string): string[] {
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
	return joinInitials(words);
}

const endsWith = (words: readonly string[], phrase: readonly string[]): boolean =>
	words.length > phrase.length &&
	phrase.every((word, i) => words[words.length - phrase.length + i] === word);

/**
 * A name's words and its trailing legal forms, canonical ("Smith & Co Ltd" ->
 * words `smith`, forms `co ltd`). One word always stays; a dangling "and"
 * ("Smith & Co") is dropped.
 */
function splitLegalForms(name: string): { words: string[]; forms: string[] } {
	const words = foldedWords(name);
	const forms: string[] = [];
	while (words.length > 1) {
		const last = words[words.length - 1];
		const phrase = LEGAL_FORM_PHRASES.find(([spelled]) => endsWith(words, spelled));
		if (phrase) {
			words.splice(words.length - phrase[0].length);
			forms.unshift(...phrase[1]);
		} else if (Object.hasOwn(LEGAL_FORMS, last)) {
			words.pop();
			forms.unshift(LEGAL_FORMS[last]);
		} else if (last === 'and') words.pop();
		else break;
	}
	return { words, forms };
}

const keyOf = (words: readonly string[], forms: readonly string[]): string =>
	forms.length === 0 ? words.join(' ') : words.join(' ') + FORM_SEPARATOR + forms.join(' ');

/**
 * Folds case, diacritics, punctuation, spacing, `&`/`and` and the spelling of
 * legal forms: "Smith & Sons (UK) Limited." = "smith and sons uk / ltd", while
 * "Acme Ltd", "Acme Co" and "Acme" are three different names.
 */
export function normalizedNameKey(name: string): string {
	const { words, forms } = splitLegalForms(name);
	return keyOf(words, forms);
}

/**
 * The name without its legal forms ("Acme Ltd" and "Acme Co" give "acme"):
 * never a match, but a create under it could duplicate, and suggestions are
 * scored on it.
 */
export function baseNameKey(name: string): string {
	return splitLegalForms(name).words.join(' ');
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
	/** Without legal forms: for duplicate guards and suggestions, never a match. */
	base: string;
}

export function nameKeysOf(name: string): NameKeys {
	const { words, forms } = splitLegalForms(name);
	return { exact: exactNameKey(name), normalized: keyOf(words, forms), base: words.join(' ') };
}
