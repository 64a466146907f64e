import {
	PlanRefusedError,
	type LicencePlan,
	type LicencePlanOptions,
} from '../../../core/licences';
import { ACTIVE_STATE } from '../../../core/westcoast/protocol';
import { random } from '../../../sandbox/random';
import { applyPlan, entries, type Json, plan } from './fixtures';

type Random = ReturnType<typeof random>;

interface World {
	subscriptions: Json[];
	licences: Json[];
	mappings: Json[];
	options: Partial<LicencePlanOptions>;
}

const SUBSCRIPTION_IDS = Array.from({ length: 14 }, (_, i) => `S${i}`);
const CUSTOMERS = ['C0', 'C1', 'C2', 'C3', 'C4'];
const DATES = [
	null,
	'2027-03-31T00:00:00.000+01:00',
	'2027-03-30T23:00:00Z',
	'2026-01-01',
	'2026-01-01T10:00:00-08:00',
];
const HALO_DATES = [
	null,
	'2027-03-31T00:00:00',
	'2027-03-30T00:00:00',
	'2026-01-01T00:00:00',
	'1900-01-01T00:00:00',
];
const NAMES = [null, 'Microsoft 365 E3', 'Exchange Online (Plan 1)', 'Teams Phone'];

/** Small worlds with every awkward case the planner knows of, mixed at random. */
function randomWorld(r: Random, maxDeactivationPercent = 100): World {
	const mappings: Json[] = [];
	for (const westcoastId of CUSTOMERS) {
		if (r.chance(0.75))
			mappings.push({
				westcoastId,
				westcoastName: westcoastId,
				psaId: r.pick([1, 2, 3, 4, '2']),
				psaName: 'x',
				matchedBy: 'link',
			});
		if (r.chance(0.05)) mappings.push({ westcoastId, psaId: r.int(5) + 1 });
	}
	if (r.chance(0.05)) mappings.push({ westcoastId: 'C9' });

	const subscriptions: Json[] = Array.from(
		{ length: r.chance(0.15) ? 0 : 1 + r.int(11) },
		(_, i) => {
			const id = r.chance(0.05) ? r.pick([null, '', 7]) : `S${r.chance(0.04) ? r.int(i + 1) : i}`;
			return {
				westcoastId: id,
				customerId: r.chance(0.03) ? null : r.pick(CUSTOMERS),
				productName: r.pick(NAMES),
				serviceName: r.pick([null, 'SVC']),
				displayName: r.pick([null, null, 'Display']),
				quantity: r.chance(0.05) ? r.pick(['5', 2.5, -1]) : r.pick([null, 0, 1, 5, 10]),
				state: r.pick([
					ACTIVE_STATE,
					ACTIVE_STATE,
					ACTIVE_STATE,
					'Suspended',
					'Cancelled',
					'Pending',
				]),
				endDate: r.chance(0.03) ? 'never' : r.pick(DATES),
				parentSubscriptionId: r.chance(0.25) ? r.pick(SUBSCRIPTION_IDS) : null,
				sku: r.pick([null, 'SKU1']),
				salesPrice: r.pick([null, 5.6, 7]),
				purchasePrice: r.pick([null, 4.5]),
			};
		},
	);

	/** Mostly one licence per subscription (or per deleted one), usually on the mapped client; sometimes shared, unlinked or odd. */
	const psaIdOf = (customerId: unknown) =>
		mappings.find((item) => item.westcoastId === customerId)?.psaId;
	const licences: Json[] = Array.from({ length: r.int(12) }, (_, i) => {
		const own = r.chance(0.65) ? subscriptions[i] : undefined;
		const link = r.chance(0.03)
			? { bad: true }
			: r.chance(0.1)
				? r.pick([null, '', '  '])
				: r.chance(0.05)
					? r.pick(SUBSCRIPTION_IDS)
					: (own?.westcoastId ?? `GONE${i}`);
		const mappedClient = own ? psaIdOf(own.customerId) : r.pick(mappings)?.psaId;
		return {
			id: r.chance(0.03) ? null : 1000 + i,
			client_id:
				mappedClient !== undefined && r.chance(0.8)
					? mappedClient
					: r.pick([1, 2, 3, 4, 5, null, '2']),
			name: r.pick(NAMES),
			count: r.chance(0.03) ? 'many' : r.pick([null, 0, 1, 5, 10]),
			end_date: r.pick(HALO_DATES),
			is_active: r.pick([true, true, false, null]),
			distributor: r.pick(['Westcoast Cloud', 'Westcoast Cloud', null, 'Pax8']),
			parent_id: r.pick([null, 1000, 1001]),
			price: r.pick([null, 5.6]),
			purchase_price: r.pick([null, 4.5]),
			third_party_product: link,
		};
	});

	const options: Partial<LicencePlanOptions> = {
		state: r.pick(['all', 'activeOnly'] as const),
		deactivateDeleted: r.chance(0.5),
		includeAddons: r.chance(0.7),
		syncPrices: r.chance(0.3),
		deletionScope: r.pick(['allMapped', 'customersInInput'] as const),
		productFilter: r.pick([[], [], ['microsoft*'], ['exchange online (plan 1)', 'svc']]),
		customers: r.pick(['allMapped', 'allMapped', ['C1', 'C2']] as const),
		maxDeactivationPercent,
	};
	return { subscriptions, licences, mappings, options };
}

const isLinked = (item: Json) => {
	const link = item.third_party_product;
	return link !== null && link !== undefined && !(typeof link === 'string' && link.trim() === '');
};

const planWorld = (world: World): LicencePlan =>
	plan(world.subscriptions, world.licences, world.mappings, world.options);

/** How often each input index appears in the entries' sources. */
function sourceCounts(result: LicencePlan, input: 'subscription' | 'licence'): Map<number, number> {
	const counts = new Map<number, number>();
	for (const entry of entries(result)) {
		const others = input === 'licence' ? (entry.source.otherLicences ?? []) : [];
		for (const index of [entry.source[input], ...others]) {
			if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
		}
	}
	return counts;
}

const skippedKeys = (result: LicencePlan) =>
	result.skipped
		.map(
			(entry) =>
				`${entry.source.subscription}|${entry.source.licence}|${entry.source.mapping}|${entry.reason.code}`,
		)
		.sort();

const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);

describe('planner properties (seeded random worlds)', () => {
	it('accounts for every subscription item and every linked licence exactly once, and for nothing else', () => {
		let planned = 0;
		for (const seed of SEEDS) {
			const world = randomWorld(random(seed));
			const result = planWorld(world);
			planned += world.subscriptions.length;
			const subscriptions = sourceCounts(result, 'subscription');
			const licences = sourceCounts(result, 'licence');
			expect({ seed, counts: [...subscriptions.values()].filter((n) => n !== 1) }).toEqual({
				seed,
				counts: [],
			});
			expect({ seed, accounted: subscriptions.size }).toEqual({
				seed,
				accounted: world.subscriptions.length,
			});
			const linked = world.licences.flatMap((item, index) => (isLinked(item) ? [index] : []));
			expect({ seed, licences: [...licences.keys()].sort((a, b) => a - b) }).toEqual({
				seed,
				licences: linked,
			});
			expect({ seed, counts: [...licences.values()].filter((n) => n !== 1) }).toEqual({
				seed,
				counts: [],
			});
			const { byAction } = result.summary;
			expect(
				byAction.create +
					byAction.update +
					byAction.deactivate +
					byAction.unchanged +
					byAction.skipped,
			).toBe(entries(result).length);
		}
		expect(planned).toBeGreaterThan(1500);
	});

	it('writes only to licences it read, and never zeroes or deactivates a licence whose subscription is in the input', () => {
		for (const seed of SEEDS) {
			const world = randomWorld(random(seed));
			const result = planWorld(world);
			const readIds = new Set(world.licences.map((item) => String(item.id)));
			const inputIds = new Set(world.subscriptions.map((item) => String(item.westcoastId).trim()));
			for (const entry of [...result.update, ...result.deactivate]) {
				expect({ seed, id: readIds.has(String(entry.payload.id)) }).toEqual({ seed, id: true });
			}
			for (const entry of result.deactivate) {
				const deleted = entry.reason.code !== 'inactiveUpstream';
				const subscription = world.subscriptions[entry.source.subscription ?? -1];
				expect({
					seed,
					deleted,
					present: inputIds.has(String(entry.westcoastSubscriptionId)),
				}).toEqual({ seed, deleted, present: !deleted });
				if (!deleted) expect(subscription.state).not.toBe(ACTIVE_STATE);
			}
		}
	});

	it("never writes to, nor links anything to, another distributor's licence", () => {
		let seen = 0;
		for (const seed of SEEDS) {
			const world = randomWorld(random(seed));
			const result = planWorld(world);
			const others = new Set(
				world.licences.flatMap((item, index) =>
					isLinked(item) && item.distributor === 'Pax8' ? [index] : [],
				),
			);
			seen += others.size;
			for (const entry of entries(result)) {
				if (entry.source.licence === undefined || !others.has(entry.source.licence)) continue;
				expect({
					seed,
					entry: [entry.action, entry.reason?.code, entry.source.subscription],
				}).toEqual({ seed, entry: ['skipped', 'otherDistributor', undefined] });
			}
			const otherIds = new Set([...others].map((index) => String(world.licences[index].id)));
			for (const entry of [...result.create, ...result.update]) {
				const parent = entry.payload.parent_id;
				expect({ seed, parent: parent !== undefined && otherIds.has(String(parent)) }).toEqual({
					seed,
					parent: false,
				});
			}
		}
		expect(seen).toBeGreaterThan(200);
	});

	it('is idempotent: apply the plan to a PSA, plan again, and everything is unchanged (skipped ones stay skipped)', () => {
		const written = { create: 0, update: 0, deactivate: 0 };
		for (const seed of SEEDS) {
			const world = randomWorld(random(seed));
			const first = planWorld(world);
			written.create += first.create.length;
			written.update += first.update.length;
			written.deactivate += first.deactivate.length;
			const second = planWorld({ ...world, licences: applyPlan(world.licences, first) });
			expect({ seed, writes: [...second.create, ...second.update, ...second.deactivate] }).toEqual({
				seed,
				writes: [],
			});
			expect({ seed, skipped: skippedKeys(second) }).toEqual({ seed, skipped: skippedKeys(first) });
			const managed =
				first.create.length +
				first.update.length +
				first.deactivate.length +
				first.unchanged.length;
			expect({ seed, unchanged: second.unchanged.length }).toEqual({ seed, unchanged: managed });
		}
		expect(written.create).toBeGreaterThan(150);
		expect(written.update).toBeGreaterThan(40);
		expect(written.deactivate).toBeGreaterThan(150);
	});

	it('refuses exactly the plans the safety limit describes', () => {
		const refused = { emptySubscriptionInput: 0, deactivationLimitExceeded: 0 };
		for (const seed of SEEDS) {
			const r = random(seed);
			const percent = r.pick([0, 10, 20, 50]);
			const world = randomWorld(r, percent);
			const unlimited = planWorld({
				...world,
				options: { ...world.options, maxDeactivationPercent: 100 },
			});
			const managed =
				unlimited.update.length + unlimited.unchanged.length + unlimited.deactivate.length;
			// The limit's denominator: live licences only (not those already zeroed or inactive).
			const alreadyDone = unlimited.unchanged.filter((entry) =>
				['alreadyZero', 'alreadyInactive'].includes(entry.reason?.code ?? ''),
			).length;
			const live = managed - alreadyDone;
			// Its numerator: deactivations, and updates that zero the count or make the licence inactive.
			const zeroingUpdates = unlimited.update.filter((entry) =>
				entry.changes.some(
					({ field, to }) =>
						(field === 'count' && to === 0) || (field === 'is_active' && to === false),
				),
			).length;
			const reductions = unlimited.deactivate.length + zeroingUpdates;
			const tooMany = reductions > Math.max((percent / 100) * live, 3);
			const emptyRead = world.subscriptions.length === 0 && managed > 0;
			let code: string | null = null;
			try {
				planWorld(world);
			} catch (error) {
				expect(error).toBeInstanceOf(PlanRefusedError);
				code = (error as PlanRefusedError).code;
				refused[code as keyof typeof refused]++;
			}
			const expected = emptyRead
				? 'emptySubscriptionInput'
				: tooMany
					? 'deactivationLimitExceeded'
					: null;
			expect({ seed, code }).toEqual({ seed, code: expected });
		}
		expect(refused.emptySubscriptionInput).toBeGreaterThan(3);
		expect(refused.deactivationLimitExceeded).toBeGreaterThan(3);
	});

	it('refuses any plan with an error item, wherever it is', () => {
		for (const seed of SEEDS.slice(0, 100)) {
			const r = random(seed);
			const world = randomWorld(r);
			const input = r.pick(['subscriptions', 'licences', 'mappings'] as const);
			const items = [...world[input]];
			items.splice(r.int(items.length + 1), 0, { error: 'upstream failed' });
			expect(() => planWorld({ ...world, [input]: items })).toThrow(
				expect.objectContaining({ code: 'errorItemInInput' }),
			);
		}
	});
});
