import type { LicencePlanOptions } from './types';

/**
 * Whether `text` matches `pattern`, where `*` matches any run of characters.
 * No regular expression: the parts between stars are found left to right,
 * each at its first place after the previous one (the leftmost place never
 * loses a match), so the time is linear in the text for a given pattern.
 */
export function globMatches(pattern: string, text: string): boolean {
	const parts = pattern.split('*');
	if (parts.length === 1) return pattern === text;
	const first = parts[0];
	const last = parts[parts.length - 1];
	if (first.length + last.length > text.length) return false;
	if (!text.startsWith(first) || !text.endsWith(last)) return false;
	let at = first.length;
	const end = text.length - last.length;
	for (const part of parts.slice(1, -1)) {
		if (part === '') continue;
		const found = text.indexOf(part, at);
		if (found < 0 || found + part.length > end) return false;
		at = found + part.length;
	}
	return true;
}

/**
 * The entries of a typed product filter: one per line or comma, and a name
 * that holds a comma in double quotes (`"Microsoft 365 E3, Annual", Exchange*`;
 * `""` inside quotes is a quote).
 */
export function parseProductFilter(text: string): string[] {
	const entries: string[] = [];
	let current = '';
	let quoted = false;
	let wasQuoted = false;
	const finish = () => {
		const entry = wasQuoted ? current : current.trim();
		if (entry.trim() !== '') entries.push(entry);
		current = '';
		wasQuoted = false;
	};
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				current += '"';
				i++;
			} else if (char === '"') quoted = false;
			else current += char;
		} else if (char === '"' && current.trim() === '') {
			quoted = wasQuoted = true;
			current = '';
		} else if (char === ',' || char === '\n') finish();
		else if (!(wasQuoted && /\s/.test(char))) current += char;
	}
	finish();
	return entries;
}

/**
 * Whether one of a subscription's product/service names passes the product
 * filter: each filter entry is a name (case-insensitive, exact) or a pattern
 * with `*` wildcards. An empty filter passes everything.
 */
export function productMatcher(
	filter: readonly string[],
): (names: readonly (string | null)[]) => boolean {
	const entries = filter.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '');
	if (entries.length === 0) return () => true;
	const exact = new Set(entries.filter((entry) => !entry.includes('*')));
	const patterns = entries.filter((entry) => entry.includes('*'));
	return (names) =>
		names.some((name) => {
			if (name === null) return false;
			const lower = name.toLowerCase();
			return exact.has(lower) || patterns.some((pattern) => globMatches(pattern, lower));
		});
}

export function customerSelector(
	customers: LicencePlanOptions['customers'],
): (westcoastCustomerId: string) => boolean {
	if (customers === 'allMapped') return () => true;
	const chosen = new Set(customers.map((id) => String(id).trim()));
	return (westcoastCustomerId) => chosen.has(westcoastCustomerId);
}
