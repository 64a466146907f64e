/** Builders and a fake PSA for the mapping tests (the seeded PRNG is the sandboxes'). */
import type { SimpleAddress, SimpleCustomer } from '../../../core/westcoast/simple';
import type { MappingPlan } from '../../../core/mapping';
import { HALO_PRESET } from '../../../core/psa/halo';
import type { PsaFieldNames } from '../../../core/psa/preset';

export const NO_ADDRESS: SimpleAddress = {
	street: null,
	city: null,
	postcode: null,
	country: null,
};

export function westcoastCustomer(
	westcoastId: string,
	name: string,
	extra: Partial<SimpleCustomer> = {},
): SimpleCustomer {
	return {
		westcoastId,
		name,
		state: 'Active',
		vatId: null,
		domains: [],
		email: null,
		address: NO_ADDRESS,
		currency: 'GBP',
		salesman: null,
		...extra,
	};
}

export interface HaloLink {
	third_party_id: string;
	third_party_type?: string | null;
	third_party_desc?: string;
}

/** A `GET /api/Client` item. */
export function haloClient(
	id: number,
	name: string,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		id,
		name,
		toplevel_id: 1,
		inactive: false,
		main_site_id: id * 10,
		external_links: [],
		...extra,
	};
}

export const westcoastLink = (westcoastId: string): HaloLink => ({
	third_party_id: westcoastId,
	third_party_type: 'Westcoast Cloud',
});

export { random, type Random } from '../../../sandbox/random';

/** Items by a field's value; a repeated value (a paging overlap) keeps its first item, as the planner does. */
function firstBy(
	items: readonly Record<string, unknown>[],
	field: string,
): Map<string, Record<string, unknown>> {
	const byValue = new Map<string, Record<string, unknown>>();
	for (const item of items) {
		const value = item?.[field];
		if (value !== undefined && value !== null && !byValue.has(String(value)))
			byValue.set(String(value), item);
	}
	return byValue;
}

/**
 * Applies a plan's writes to PSA items the way HaloPSA would: creates get a
 * new id and main site, link updates append to the links, site updates
 * replace the main address. Returns new items; the input is left alone.
 */
export function applyPlan(
	psaItems: readonly unknown[],
	plan: MappingPlan,
	fields: PsaFieldNames = HALO_PRESET.customerFields,
): unknown[] {
	const items = psaItems.map((item) =>
		typeof item === 'object' && item !== null && !Array.isArray(item)
			? structuredClone(item)
			: item,
	) as Record<string, unknown>[];
	const byId = firstBy(items, fields.id);
	const bySite = firstBy(items, fields.mainSiteId);
	let nextId = 1_000_000;
	for (const { payload } of plan.create) {
		const id = nextId++;
		items.push({
			[fields.id]: id,
			[fields.name]: payload[fields.name],
			[fields.mainSiteId]: id * 10,
			[fields.mainAddress]: payload[fields.newClientAddress] ?? null,
			[fields.externalLinks]: [payload[fields.newExternalLink]],
		});
	}
	for (const { link } of plan.mapped) {
		if (!link) continue;
		const client = byId.get(String(link[fields.id]));
		if (!client) throw new Error(`link for unknown PSA customer ${String(link[fields.id])}`);
		const links = Array.isArray(client[fields.externalLinks])
			? (client[fields.externalLinks] as unknown[])
			: [];
		client[fields.externalLinks] = [...links, link[fields.newExternalLink]];
	}
	for (const { payload } of plan.addressChanges) {
		const client = bySite.get(String(payload[fields.siteId]));
		if (!client) throw new Error(`site update for unknown site ${String(payload[fields.siteId])}`);
		client[fields.mainAddress] = payload[fields.siteAddress];
	}
	return items;
}

/** "westcoastId->psaId" pairs of a plan's mapped entries, sorted. */
export const mappedPairs = (plan: MappingPlan): string[] =>
	plan.mapped.map((entry) => `${entry.westcoastId}->${entry.psaId}`).sort();

/** Input indexes of the Westcoast items a plan sends to review. */
export const reviewedIndexes = (plan: MappingPlan): number[] =>
	plan.review
		.filter((entry) => entry.subject === 'westcoastCustomer')
		.map((entry) => entry.source.westcoast as number)
		.sort((a, b) => a - b);
