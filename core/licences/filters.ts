import type { LicencePlanOptions } from './types';

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

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
	const patterns = entries
		.filter((entry) => entry.includes('*'))
		.map((entry) => new RegExp(`^${entry.split('*').map(escapeRegExp).join('.*')}$`, 's'));
	return (names) =>
		names.some((name) => {
			if (name === null) return false;
			const lower = name.toLowerCase();
			return exact.has(lower) || patterns.some((pattern) => pattern.test(lower));
		});
}

export function customerSelector(
	customers: LicencePlanOptions['customers'],
): (westcoastCustomerId: string) => boolean {
	if (customers === 'allMapped') return () => true;
	const chosen = new Set(customers.map((id) => String(id).trim()));
	return (westcoastCustomerId) => chosen.has(westcoastCustomerId);
}
