import { isInvalidInput } from '../../../core/licences';
import { C1_TO_11, entries, licence, mapping, onlyEntry, plan, subscription } from './fixtures';

describe('invalid subscription items', () => {
	it.each([
		[{ westcoastId: undefined }, 'missingField', 'westcoastId'],
		[{ westcoastId: '  ' }, 'missingField', 'westcoastId'],
		[{ westcoastId: { id: 1 } }, 'invalidField', 'westcoastId'],
		[{ customerId: null }, 'missingField', 'customerId'],
		[{ state: null }, 'missingField', 'state'],
		[{ quantity: '5' }, 'invalidField', 'quantity'],
		[{ quantity: 2.5 }, 'invalidField', 'quantity'],
		[{ quantity: -1 }, 'invalidField', 'quantity'],
		[{ quantity: Number.NaN }, 'invalidField', 'quantity'],
		[{ endDate: '31/03/2027' }, 'invalidField', 'endDate'],
		[{ endDate: 20270331 }, 'invalidField', 'endDate'],
		[{ displayName: 42 }, 'invalidField', 'displayName'],
		[{ parentSubscriptionId: true }, 'invalidField', 'parentSubscriptionId'],
	])('%j is skipped as %s naming %s and the item index', (overrides, code, field) => {
		const items = [subscription({ westcoastId: 'OK' }), { ...subscription(), ...overrides }];
		const result = plan(items, []);
		expect(result.invalidInput).toHaveLength(1);
		expect(result.invalidInput[0].reason).toMatchObject({
			code,
			field,
			input: 'subscriptions',
			itemIndex: 1,
		});
		expect(result.invalidInput[0].reason.message).toMatch(/^Subscription item 1: /);
		expect(result.invalidInput[0].source.subscription).toBe(1);
		expect(result.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['OK']);
	});

	it('keeps the licence of an invalid subscription untouched instead of taking it for deleted', () => {
		const entry = onlyEntry(
			plan([subscription({ quantity: 'lots' as never, state: 'Cancelled' })], [licence()]),
		);
		expect(entry).toMatchObject({
			action: 'skipped',
			psaLicenceId: 101,
			reason: { code: 'invalidField', field: 'quantity' },
		});
		expect(entry.source).toEqual({ subscription: 0, licence: 0, mapping: 0 });
	});

	it('does not take any licence of a customer for deleted while one of its items has no ID', () => {
		const result = plan(
			[{ ...subscription(), westcoastId: null }, subscription({ westcoastId: 'S2' })],
			[licence()],
		);
		const licenceEntry = entries(result).find((entry) => entry.source.licence === 0);
		expect(licenceEntry).toMatchObject({
			action: 'skipped',
			reason: {
				code: 'unidentifiedSubscription',
				input: 'subscriptions',
				itemIndex: 0,
				field: 'westcoastId',
			},
		});
		expect(result.deactivate).toEqual([]);
		// With neither ID nor customer, no licence of any customer is taken for deleted.
		const blind = plan([{ state: 'Active' }, subscription({ westcoastId: 'S2' })], [licence()]);
		expect(entries(blind).find((entry) => entry.source.licence === 0)?.reason?.code).toBe(
			'unidentifiedSubscription',
		);
	});
});

describe('invalid licence items', () => {
	it.each([
		[{ id: null }, 'missingField', 'id'],
		[{ count: '5' }, 'invalidField', 'count'],
		[{ count: 1.5 }, 'invalidField', 'count'],
		[{ is_active: 'true' }, 'invalidField', 'is_active'],
		[{ end_date: 'soon' }, 'invalidField', 'end_date'],
		[{ client_id: [] }, 'invalidField', 'client_id'],
		[{ third_party_product: { id: 'S1' } }, 'invalidField', 'third_party_product'],
	])('%j is skipped as %s naming %s, never zeroed or deactivated', (overrides, code, field) => {
		for (const subscriptions of [
			[subscription({ quantity: 9 })],
			[subscription({ westcoastId: 'OTHER' })],
		]) {
			const result = plan(subscriptions, [
				licence({ id: 7, third_party_product: null }),
				licence(overrides),
			]);
			const bad = entries(result).find((entry) => entry.source.licence === 1);
			expect(bad).toMatchObject({
				action: 'skipped',
				reason: { code, field, input: 'licences', itemIndex: 1 },
			});
			expect(result.invalidInput).toContain(bad);
			expect(
				[...result.update, ...result.deactivate].some((entry) => entry.source.licence === 1),
			).toBe(false);
		}
	});
});

describe('duplicates', () => {
	it('skips every copy of a duplicated subscription ID and the licence linked to it', () => {
		const result = plan(
			[subscription(), subscription({ state: 'Cancelled' }), subscription({ westcoastId: 'S2' })],
			[licence()],
		);
		const skipped = result.skipped.map((entry) => [entry.source, entry.reason.code]);
		expect(skipped).toEqual([
			[{ subscription: 0, mapping: 0 }, 'duplicateSubscriptionId'],
			[{ subscription: 1, mapping: 0 }, 'duplicateSubscriptionId'],
			[{ licence: 0, mapping: 0 }, 'duplicateSubscriptionId'],
		]);
		expect(result.skipped[2].reason).toMatchObject({
			input: 'licences',
			itemIndex: 0,
			field: 'third_party_product',
		});
		expect(result.deactivate).toEqual([]);
		expect(result.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['S2']);
	});

	it('a subscription whose ID two licences store goes to Skipped alone, naming both licences', () => {
		const result = plan(
			[subscription({ quantity: 9 }), subscription({ westcoastId: 'S2', quantity: 3 })],
			[licence(), licence({ id: 102 }), licence({ id: 103, third_party_product: 'S2', count: 2 })],
		);
		expect(result.skipped).toHaveLength(1);
		const [entry] = result.skipped;
		expect(entry).toMatchObject({
			westcoastSubscriptionId: 'S1',
			psaLicenceId: 101,
			psaLicenceIds: [101, 102],
			psaCustomerId: 11,
			source: { subscription: 0, licence: 0, otherLicences: [1], mapping: 0 },
			reason: { code: 'duplicateLicences', field: 'third_party_product' },
		});
		expect(entry.reason.message).toBe(
			'PSA licences 101 and 102 all store Westcoast subscription S1 in third_party_product, so which one is its ' +
				'licence is unclear. Nothing is written for this subscription until a person deletes the extra licence(s) or ' +
				'clears their third_party_product; every other subscription is planned as usual.',
		);
		// Not input of the wrong shape: the node does not fail, and the other subscription is planned.
		expect(result.invalidInput).toEqual([]);
		expect(result.update.map((update) => [update.psaLicenceId, update.payload.count])).toEqual([
			[103, 3],
		]);
	});

	it('never zeroes licences linked twice to an absent subscription: one skipped entry for the pair', () => {
		const result = plan(
			[subscription({ westcoastId: 'S2' })],
			[licence(), licence({ id: 102 })],
			undefined,
			{ maxDeactivationPercent: 100 },
		);
		expect(result.deactivate).toEqual([]);
		expect(
			result.skipped.map((entry) => [entry.reason.code, entry.psaLicenceIds, entry.source]),
		).toEqual([['duplicateLicences', [101, 102], { licence: 0, otherLicences: [1], mapping: 0 }]]);
		expect(result.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['S2']);
	});

	it('an unreadable subscription whose ID two licences store still accounts for both licences', () => {
		const result = plan([subscription({ quantity: 'many' as unknown as number })], [
			licence(),
			licence({ id: 102 }),
		]);
		expect(result.skipped.map((entry) => [entry.reason.code, entry.source])).toEqual([
			['invalidField', { subscription: 0, licence: 0, otherLicences: [1], mapping: 0 }],
		]);
	});
});

describe('customer mappings', () => {
	it('skips, as invalid input, mapping items without IDs', () => {
		const result = plan([subscription()], [], [C1_TO_11, { westcoastId: 'C2' }, { psaId: 3 }]);
		expect(result.invalidInput.map((entry) => [entry.source, entry.reason.field])).toEqual([
			[{ mapping: 1 }, 'psaId'],
			[{ mapping: 2 }, 'westcoastId'],
		]);
		expect(result.create).toHaveLength(1);
	});

	it('touches nothing of a Westcoast customer mapped to two PSA customers', () => {
		const mappings = [C1_TO_11, mapping('C1', 12), mapping('C1', 11)];
		const result = plan(
			[subscription(), subscription({ westcoastId: 'S2' })],
			[licence(), licence({ id: 102, third_party_product: 'GONE' })],
			mappings,
		);
		expect(result.create).toEqual([]);
		expect(result.deactivate).toEqual([]);
		expect(result.skipped.map((entry) => [entry.source, entry.reason.code])).toEqual([
			[{ subscription: 0, licence: 0 }, 'conflictingMapping'],
			[{ subscription: 1 }, 'conflictingMapping'],
			[{ licence: 1 }, 'conflictingMapping'],
			[{ mapping: 0 }, 'conflictingMapping'],
			[{ mapping: 1 }, 'conflictingMapping'],
		]);
		expect(result.skipped.every(isInvalidInput)).toBe(true);
	});

	it('accepts one PSA customer mapped from two Westcoast customers', () => {
		const result = plan(
			[subscription(), subscription({ westcoastId: 'S2', customerId: 'C2' })],
			[],
			[C1_TO_11, mapping('C2', '11')],
		);
		expect(result.create.map((entry) => entry.payload.client_id)).toEqual([11, 11]);
	});
});
