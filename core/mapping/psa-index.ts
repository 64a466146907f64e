import { buildFuzzyIndex, type FuzzyIndex } from './fuzzy';
import { groupBy } from './group';
import { exactNameKey, normalizedNameKey, type NameKeys } from './normalize';
import type { PsaCustomer } from './types';

/** PSA customers by every key a rule looks up, built once. */
export interface PsaIndex {
	byId: ReadonlyMap<string, PsaCustomer>;
	byWestcoastLink: ReadonlyMap<string, PsaCustomer[]>;
	byExactName: ReadonlyMap<string, PsaCustomer[]>;
	byNormalizedName: ReadonlyMap<string, PsaCustomer[]>;
	/** Built on first use: only unmatched customers need it. */
	fuzzy(): FuzzyIndex<PsaCustomer>;
}

const keyList = (key: string): string[] => (key === '' ? [] : [key]);

export function indexPsaCustomers(customers: readonly PsaCustomer[]): PsaIndex {
	const normalizedKeys = new Map(
		customers.map((customer) => [customer, normalizedNameKey(customer.name)]),
	);
	const normalizedKeyOf = (customer: PsaCustomer): string => normalizedKeys.get(customer) ?? '';
	let fuzzy: FuzzyIndex<PsaCustomer> | undefined;
	return {
		byId: new Map(customers.map((customer) => [customer.id, customer])),
		byWestcoastLink: groupBy(customers, (customer) => customer.westcoastLinks),
		byExactName: groupBy(customers, (customer) => keyList(exactNameKey(customer.name))),
		byNormalizedName: groupBy(customers, (customer) => keyList(normalizedKeyOf(customer))),
		fuzzy: () => (fuzzy ??= buildFuzzyIndex(customers, normalizedKeyOf)),
	};
}

/**
 * Customers with this exact or normalized name: a create would duplicate them.
 * Equal exact names have equal normalized names, so the normalized group holds
 * both (unless the name has no normalized form).
 */
export function sameNamed(index: PsaIndex, keys: NameKeys): readonly PsaCustomer[] {
	const named = keys.normalized
		? index.byNormalizedName.get(keys.normalized)
		: index.byExactName.get(keys.exact);
	return named ?? [];
}
