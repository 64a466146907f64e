import {
	applyPlan,
	C1_TO_11,
	entries,
	licence,
	mapping,
	onlyEntry,
	plan,
	subscription,
} from './fixtures';

const parent = subscription({ westcoastId: 'P1' });
const addon = subscription({
	westcoastId: 'A1',
	parentSubscriptionId: 'P1',
	productName: 'Teams Phone',
	quantity: 2,
});
const parentLicence = licence({ id: 500, third_party_product: 'P1' });

describe('add-ons', () => {
	it('become licences of their own, linked to the parent licence via parent_id when it exists', () => {
		const result = plan([parent, addon], [parentLicence]);
		expect(result.create).toHaveLength(1);
		expect(result.create[0]).toMatchObject({
			westcoastSubscriptionId: 'A1',
			unresolvedParentSubscriptionId: null,
			payload: { name: 'Teams Phone', count: 2, parent_id: 500, third_party_product: 'A1' },
		});
	});

	it('carry the parent Westcoast ID when the parent has no licence yet, and come after the parents', () => {
		const result = plan([addon, parent], []);
		expect(result.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['P1', 'A1']);
		expect(result.create[1].unresolvedParentSubscriptionId).toBe('P1');
		expect(result.create[1].payload).not.toHaveProperty('parent_id');
		// The Summary lists them, so a workflow links them without reading every Create item.
		expect(result.summary.addOnsAwaitingParent).toEqual([
			{ westcoastSubscriptionId: 'A1', parentSubscriptionId: 'P1' },
		]);
		expect(plan([parent, addon], [parentLicence]).summary.addOnsAwaitingParent).toEqual([]);
	});

	it('get parent_id on the next run when nothing resolved it, then stay unchanged', () => {
		const first = plan([addon, parent], []);
		const created = first.create.map((entry, index) => ({ ...entry.payload, id: 900 + index }));
		const second = plan([addon, parent], created);
		expect(second.update).toHaveLength(1);
		expect(second.update[0]).toMatchObject({
			westcoastSubscriptionId: 'A1',
			payload: { id: 901, parent_id: 900 },
		});
		expect(second.update[0].changes).toEqual([{ field: 'parent_id', from: null, to: 900 }]);
		const third = plan([addon, parent], applyPlan(created, second));
		expect(entries(third).map((entry) => entry.action)).toEqual(['unchanged', 'unchanged']);
	});

	it('do not link to a parent licence that is stored twice, nor clear a parent_id they cannot resolve', () => {
		const twice = [
			parentLicence,
			licence({ id: 501, third_party_product: 'P1' }),
			licence({ id: 600, third_party_product: 'A1', parent_id: 42, name: 'Teams Phone', count: 2 }),
		];
		const entry = entries(plan([addon], twice)).find(
			(candidate) =>
				candidate.westcoastSubscriptionId === 'A1' && candidate.source.subscription === 0,
		);
		expect(entry).toMatchObject({ action: 'unchanged', unresolvedParentSubscriptionId: 'P1' });
	});

	it('are skipped, with their licence untouched, when includeAddons is off', () => {
		const result = plan(
			[parent, addon],
			[parentLicence, licence({ id: 600, third_party_product: 'A1', count: 1 })],
			undefined,
			{ includeAddons: false },
		);
		expect(result.skipped).toHaveLength(1);
		expect(result.skipped[0]).toMatchObject({
			westcoastSubscriptionId: 'A1',
			psaLicenceId: 600,
			reason: { code: 'addonNotIncluded' },
		});
		expect(result.unchanged.map((entry) => entry.westcoastSubscriptionId)).toEqual(['P1']);
	});
});

describe('filters', () => {
	const exchange = subscription({
		westcoastId: 'S2',
		productName: 'Exchange Online (Plan 1)',
		serviceName: 'EXCHANGESTANDARD',
		displayName: null,
	});
	const subscriptions = [subscription(), exchange];

	it('product filter: names match exactly, ignoring case, on productName or serviceName', () => {
		const byProduct = plan(subscriptions, [], undefined, {
			productFilter: ['exchange online (plan 1)'],
		});
		expect(byProduct.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['S2']);
		expect(byProduct.skipped[0]).toMatchObject({
			westcoastSubscriptionId: 'S1',
			reason: { code: 'productNotSelected' },
		});
		const byService = plan(subscriptions, [], undefined, {
			productFilter: ['o365_business_essentials'],
		});
		expect(byService.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['S1']);
		const partial = plan(subscriptions, [], undefined, { productFilter: ['Exchange Online'] });
		expect(partial.create).toEqual([]);
	});

	it('product filter: a pattern with * wildcards', () => {
		const result = plan(subscriptions, [], undefined, { productFilter: ['microsoft 365 *'] });
		expect(result.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['S1']);
	});

	it('customers: all mapped, or a chosen list of Westcoast customer IDs', () => {
		const two = [subscription(), subscription({ westcoastId: 'S3', customerId: 'C2' })];
		const mappings = [C1_TO_11, mapping('C2', 12)];
		expect(plan(two, [], mappings).create).toHaveLength(2);
		const chosen = plan(two, [], mappings, { customers: ['C2'] });
		expect(
			chosen.create.map((entry) => [entry.westcoastSubscriptionId, entry.psaCustomerId]),
		).toEqual([['S3', 12]]);
		expect(chosen.skipped[0]).toMatchObject({
			westcoastSubscriptionId: 'S1',
			reason: { code: 'customerNotSelected' },
		});
		expect(plan(two, [], mappings, { customers: [] }).create).toEqual([]);
	});

	it('skips subscriptions of unmapped customers, with the licence they have', () => {
		const entry = onlyEntry(plan([subscription({ customerId: 'C404' })], [licence()]));
		expect(entry).toMatchObject({
			action: 'skipped',
			westcoastCustomerId: 'C404',
			psaLicenceId: 101,
			psaCustomerId: 11,
			reason: { code: 'customerNotMapped' },
			source: { subscription: 0, licence: 0 },
		});
		expect(entry.reason?.message).toContain('C404');
	});
});
