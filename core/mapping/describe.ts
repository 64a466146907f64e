import type { MappingPlan, MatchRule, PsaCustomer, WestcoastCustomer } from './types';

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

/** One line for the execution list: how many customers went where, and by which rule. */
export function describeMappingPlan(plan: MappingPlan): string {
	const byRule = new Map<MatchRule, number>();
	for (const entry of plan.mapped)
		byRule.set(entry.matchedBy, (byRule.get(entry.matchedBy) ?? 0) + 1);
	const rules = [...byRule].map(([rule, count]) => `${count} ${MATCH_RULE_WORDS[rule]}`).join(', ');
	const reviewed = plan.table.filter((row) => row.status === 'review').length;
	return `Mapping Resolver: ${plan.mapped.length} mapped${rules ? ` (${rules})` : ''}, ${plan.create.length} to create, ${plan.addressChanges.length} address change(s), ${reviewed} need review.`;
}
