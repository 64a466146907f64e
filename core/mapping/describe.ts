import type { MatchRule, PsaCustomer, WestcoastCustomer } from './types';

/** Each match rule in plain words, for sentences such as the execution hint. */
export const MATCH_RULE_WORDS: Record<MatchRule, string> = {
	manual: 'by manual mapping',
	link: 'by stored link',
	exactName: 'by exact name',
	normalizedName: 'by normalized name',
};

/** Lists in messages and candidate lists stop here, so output stays linear in the input. */
export const MAX_LISTED = 10;

/** How messages name records: `Westcoast customer "Acme Ltd" (12345)`. */
export const describeWestcoast = (customer: WestcoastCustomer): string =>
	`Westcoast customer "${customer.name}" (${customer.westcoastId})`;

export const describePsa = (customer: PsaCustomer): string =>
	`PSA customer "${customer.name}" (${customer.id})`;

/** "1, 2, 3" or "1, 2, ... and 5 more"; reads only the items it shows. */
export function listIds<T>(items: readonly T[], idOf: (item: T) => string): string {
	const shown = items.slice(0, MAX_LISTED).map(idOf).join(', ');
	return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

export const listPsaIds = (customers: readonly PsaCustomer[]): string =>
	listIds(customers, (customer) => customer.id);
