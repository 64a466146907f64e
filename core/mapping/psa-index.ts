import { buildFuzzyIndex, type FuzzyIndex } from './fuzzy';
import { groupBy } from './group';
import { nameKeysOf, type NameKeys } from './normalize';
import type { PsaCustomer } from './types';

/** PSA customers by every key a rule looks up, built once. */
export interface PsaIndex {
	byId: ReadonlyMap<string, PsaCustomer>;
	byWestcoastLink: ReadonlyMap<string, PsaCustomer[]>;
	byExactName: ReadonlyMap<string, PsaCustomer[]>;
	byNormalizedName: ReadonlyMap<string, PsaCustomer[]>;
	/** By name without legal forms: who a create could duplicate, never a match. */
	byBaseName: ReadonlyMap<string, PsaCustomer[]>;
	/** Built on first use: only unmatched customers need it. */
	fuzzy(): FuzzyIndex<PsaCustomer>;
}

const keyList = (key: string): string[] => (key === '' ? [] : [key]);

export function indexPsaCustomers(customers: readonly PsaCustomer[]): PsaIndex {
	const keys = new Map(customers.map((customer) => [customer, nameKeysOf(customer.name)]));
	const keysOf = (customer: PsaCustomer): NameKeys =>
		keys.get(customer) ?? { exact: '', normalized: '', base: '' };
	let fuzzy: FuzzyIndex<PsaCustomer> | undefined;
	return {
		byId: new Map(customers.map((customer) => [customer.id, customer])),
		byWestcoastLink: groupBy(customers, (customer) => customer.westcoastLinks),
		byExactName: groupBy(customers, (customer) => keyList(keysOf(customer).exact)),
		byNormalizedName: groupBy(customers, (customer) => keyList(keysOf(customer).normalized)),
		byBaseName: groupBy(customers, (customer) => keyList(keysOf(customer).base)),
		fuzzy: () => (fuzzy ??= buildFuzzyIndex(customers, (customer) => keysOf(customer).base)),
	};
}

/**
 * Customers with this name, normalized, whatever their legal form ("Acme Co"
 * for "Acme Ltd"): a create could duplicate them. Equal exact names have equal
 * base names, so the base group holds both (unless the name has no base form).
 */
export function sameNamed(index: PsaIndex, keys: NameKeys): readonly PsaCustomer[] {
	const named = keys.base ? index.byBaseName.get(keys.base) : index.byExactName.get(keys.exact);
	return named ?? [];
}
