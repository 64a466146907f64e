import {
	INVALID_INPUT_REASONS,
	exactNameKey,
	normalizedNameKey,
	planCustomerMapping,
	type MappingOptions,
	type MappingPlan,
} from '../../../core/mapping';
import { HALO_PRESET } from '../../../core/psa/halo';
import type { PsaFieldNames } from '../../../core/psa/preset';
import { customFields } from '../psa/fixtures';
import { applyPlan, random, reviewedIndexes, type Random } from './fixtures';

const CASES = 400;

const STEMS = [
	'Acme',
	'Beta',
	'Gamma',
	'Müller',
	'Nova',
	'Apex',
	'Blue Sky',
	'Smith & Sons',
	'Zen',
	'Omega',
];
const SUFFIXES = ['', '', ' Ltd', ' Limited', ' LTD.', ' GmbH', ' Inc'];
const STREETS = [null, '1 High St', '2 Low Rd', ' 1 High St '];
const CITIES = [null, 'Leeds', 'York', ''];

const CUSTOM_FIELDS = customFields({
	id: 'key',
	name: 'title',
	topLevelId: 'group',
	mainSiteId: 'site',
	mainAddress: 'addr',
	externalLinks: 'refs',
	newExternalLink: 'add_ref',
	newClientAddress: 'new_addr',
	linkId: 'ref',
	linkDesc: 'label',
	linkType: 'source',
	westcoastLinkType: 'WCC',
	siteId: 'site_key',
	siteAddress: 'postal',
	addressParts: { street: 's', city: 'c', postcode: 'p', country: 'n' },
	addressLines: ['s', 'c', 'p', 'n', 'extra'],
});

const nameFrom = (rng: Random): string => {
	const name = rng.pick(STEMS) + rng.pick(SUFFIXES);
	return rng.chance(0.2) ? name.toUpperCase() : name;
};

interface Scenario {
	westcoast: unknown[];
	psa: unknown[];
	options: Partial<MappingOptions> & { fields: PsaFieldNames };
}

function scenario(seed: number): Scenario {
	const rng = random(seed);
	const fields = rng.chance(0.5) ? HALO_PRESET.customerFields : CUSTOM_FIELDS;
	const westcoastCount = rng.int(30);
	const westcoastIds = Array.from(
		{ length: westcoastCount },
		() => `W${rng.int(westcoastCount + 5)}`,
	);
	const westcoast: unknown[] = westcoastIds.map((westcoastId) => {
		if (rng.chance(0.04))
			return rng.pick([
				null,
				{ westcoastId },
				{ name: 'No id' },
				{ westcoastId, name: 7, address: 'x' },
			]);
		const name = nameFrom(rng);
		const street = rng.pick(STREETS);
		const city = rng.pick(CITIES);
		const state = rng.pick(['Active', 'Active', 'Active', 'Cancelled']);
		return rng.chance(0.1)
			? {
					AccountId: westcoastId,
					CompanyName: name,
					AccountState: state,
					Address: street,
					City: city,
				}
			: {
					westcoastId,
					name,
					state,
					address: rng.chance(0.1) ? null : { street, city, postcode: null, country: 'GB' },
				};
	});
	const psa: unknown[] = [];
	for (let id = 1; id <= rng.int(30); id++) {
		if (rng.chance(0.03)) {
			psa.push(rng.pick(['junk', { [fields.name]: 'No id' }, { [fields.id]: id }]));
			continue;
		}
		const links = rng.chance(0.3)
			? [
					{
						[fields.linkId]:
							rng.chance(0.8) && westcoastIds.length > 0 ? rng.pick(westcoastIds) : `W${100 + id}`,
						[fields.linkType]: rng.pick([fields.westcoastLinkType, null, 'Other']),
					},
				]
			: [];
		const item = {
			[fields.id]: id,
			[fields.name]: nameFrom(rng),
			[fields.mainSiteId]: rng.chance(0.8) ? id * 10 : null,
			[fields.mainAddress]: rng.chance(0.8)
				? {
						[fields.addressParts.street]: rng.pick(STREETS),
						[fields.addressParts.city]: rng.pick(CITIES),
					}
				: null,
			[fields.externalLinks]: links,
		};
		psa.push(item);
		// Paging overlap: the same record twice.
		if (rng.chance(0.03)) psa.push(structuredClone(item));
	}
	const manualMappings = Array.from({ length: rng.int(3) }, () => ({
		westcoast: rng.chance(0.5) && westcoastIds.length > 0 ? rng.pick(westcoastIds) : nameFrom(rng),
		psaId: rng.int(35),
	}));
	return {
		westcoast,
		psa,
		options: {
			fields,
			manualMappings,
			matchExactName: rng.chance(0.7),
			matchNormalizedName: rng.chance(0.5),
			createMissing: rng.chance(0.6),
			createInactive: rng.chance(0.3),
			updateSiteAddress: rng.chance(0.5),
			topLevelId: rng.chance(0.5) ? 9 : null,
		},
	};
}

const seeds = Array.from({ length: CASES }, (_, n) => n + 1);

/** The outcome index of each Westcoast item, from the three lists. */
function outcomeIndexes(plan: MappingPlan): number[] {
	return [
		...plan.mapped.map((entry) => entry.source.westcoast),
		...plan.create.map((entry) => entry.source.westcoast),
		...reviewedIndexes(plan),
	].sort((a, b) => a - b);
}

describe(`mapping properties over ${CASES} random cases`, () => {
	it('generates varied cases (the properties below are not vacuous)', () => {
		const totals = { mapped: 0, create: 0, review: 0, link: 0, address: 0 };
		const rules = new Set<string>();
		for (const seed of seeds) {
			const { westcoast, psa, options } = scenario(seed);
			const plan = planCustomerMapping(
				{ westcoastCustomers: westcoast, psaCustomers: psa },
				options,
			);
			totals.mapped += plan.mapped.length;
			totals.create += plan.create.length;
			totals.review += reviewedIndexes(plan).length;
			totals.link += plan.mapped.filter((entry) => entry.link).length;
			totals.address += plan.addressChanges.length;
			plan.mapped.forEach((entry) => rules.add(entry.matchedBy));
		}
		expect(Object.values(totals).every((total) => total > 50)).toBe(true);
		expect([...rules].sort()).toEqual(['exactName', 'link', 'manual', 'normalizedName']);
	});

	it.each(seeds)(
		'seed %i: every Westcoast item lands in exactly one of mapped/create/review',
		(seed) => {
			const { westcoast, psa, options } = scenario(seed);
			const plan = planCustomerMapping(
				{ westcoastCustomers: westcoast, psaCustomers: psa },
				options,
			);
			const indexes = westcoast.map((_, index) => index);
			expect(outcomeIndexes(plan)).toEqual(indexes);
			expect(plan.table.map((row) => row.source.westcoast)).toEqual(indexes);
			for (const entry of plan.mapped)
				expect(plan.table[entry.source.westcoast].status).toBe('mapped');
			for (const entry of plan.create)
				expect(plan.table[entry.source.westcoast].status).toBe('create');
			expect(
				plan.invalidInput.every(
					(entry) => INVALID_INPUT_REASONS.has(entry.reason) && plan.review.includes(entry),
				),
			).toBe(true);
		},
	);

	it.each(seeds)('seed %i: never creates a duplicate name', (seed) => {
		const { westcoast, psa, options } = scenario(seed);
		const plan = planCustomerMapping({ westcoastCustomers: westcoast, psaCustomers: psa }, options);
		const psaNames = psa.flatMap((item) => {
			const name = (item as Record<string, unknown> | null)?.[options.fields.name];
			return typeof name === 'string' ? [exactNameKey(name), normalizedNameKey(name)] : [];
		});
		const createdKeys = plan.create.map((entry) => normalizedNameKey(entry.westcoastName));
		const taken = new Set(psaNames);
		for (const entry of plan.create) {
			expect(taken.has(exactNameKey(entry.westcoastName))).toBe(false);
			expect(taken.has(normalizedNameKey(entry.westcoastName))).toBe(false);
		}
		expect(new Set(createdKeys).size).toBe(createdKeys.length);
	});

	it.each(seeds)(
		'seed %i: no PSA customer is claimed twice, and each match obeys its rule',
		(seed) => {
			const { westcoast, psa, options } = scenario(seed);
			const plan = planCustomerMapping(
				{ westcoastCustomers: westcoast, psaCustomers: psa },
				options,
			);
			const psaIds = plan.mapped.map((entry) => entry.psaId);
			expect(new Set(psaIds).size).toBe(psaIds.length);
			for (const entry of plan.mapped) {
				expect(Boolean(entry.link)).toBe(
					entry.matchedBy === 'exactName' || entry.matchedBy === 'normalizedName',
				);
				if (entry.matchedBy === 'exactName')
					expect(exactNameKey(entry.psaName)).toBe(exactNameKey(entry.westcoastName));
				if (entry.matchedBy === 'normalizedName') {
					expect(normalizedNameKey(entry.psaName)).toBe(normalizedNameKey(entry.westcoastName));
				}
			}
		},
	);

	it.each(seeds)(
		'seed %i: after applying the plan, the next plan creates nothing and keeps the pairs',
		(seed) => {
			const { westcoast, psa, options } = scenario(seed);
			const first = planCustomerMapping(
				{ westcoastCustomers: westcoast, psaCustomers: psa },
				options,
			);
			const second = planCustomerMapping(
				{ westcoastCustomers: westcoast, psaCustomers: applyPlan(psa, first, options.fields) },
				options,
			);

			expect(second.create).toEqual([]);
			expect(second.mapped.filter((entry) => entry.link)).toEqual([]);
			if (options.updateSiteAddress) expect(second.addressChanges).toEqual([]);
			expect(reviewedIndexes(second)).toEqual(reviewedIndexes(first));

			const pairs = new Map(second.mapped.map((entry) => [entry.westcoastId, entry]));
			for (const entry of first.mapped) {
				expect(pairs.get(entry.westcoastId)?.psaId).toBe(entry.psaId);
				expect(pairs.get(entry.westcoastId)?.matchedBy).toBe(
					entry.matchedBy === 'manual' ? 'manual' : 'link',
				);
			}
			for (const entry of first.create) {
				expect(pairs.get(entry.westcoastId)).toMatchObject({
					matchedBy: 'link',
					psaName: entry.westcoastName,
				});
			}
			expect(second.mapped).toHaveLength(first.mapped.length + first.create.length);
		},
	);

	it('is deterministic', () => {
		const { westcoast, psa, options } = scenario(7);
		expect(
			planCustomerMapping({ westcoastCustomers: westcoast, psaCustomers: psa }, options),
		).toEqual(planCustomerMapping({ westcoastCustomers: westcoast, psaCustomers: psa }, options));
	});
});
