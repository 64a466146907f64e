import { C1_TO_11, entries, licence, mapping, onlyEntry, plan, subscription } from './fixtures';

/** S1 stays; the licence linked to GONE is absent from the input. */
const present = subscription();
const kept = licence();
const gone = (overrides = {}) =>
	licence({ id: 202, third_party_product: 'GONE', count: 7, ...overrides });

function entryOfGone(...args: Parameters<typeof plan>) {
	const found = entries(plan(...args)).filter((entry) => entry.westcoastSubscriptionId === 'GONE');
	expect(found).toHaveLength(1);
	return found[0];
}

describe('deleted upstream', () => {
	it('sets the count to 0 and leaves the status alone when deactivateDeleted is off (default)', () => {
		const entry = entryOfGone([present], [kept, gone()]);
		expect(entry).toMatchObject({
			action: 'deactivate',
			psaLicenceId: 202,
			psaCustomerId: 11,
			westcoastCustomerId: 'C1',
			reason: { code: 'deletedUpstreamZeroed' },
			source: { licence: 1, mapping: 0 },
		});
		expect(entry.payload).toEqual({ id: 202, count: 0 });
		expect(entry.changes).toEqual([{ field: 'count', from: 7, to: 0 }]);
	});

	it('makes the licence inactive when deactivateDeleted is on, count untouched', () => {
		const entry = entryOfGone([present], [kept, gone()], undefined, { deactivateDeleted: true });
		expect(entry).toMatchObject({ action: 'deactivate', reason: { code: 'deletedUpstream' } });
		expect(entry.payload).toEqual({ id: 202, is_active: false });
	});

	it('leaves a licence already at 0 (option off) or already inactive (option on) unchanged', () => {
		expect(entryOfGone([present], [kept, gone({ count: 0 })])).toMatchObject({
			action: 'unchanged',
			reason: { code: 'alreadyZero' },
		});
		expect(
			entryOfGone([present], [kept, gone({ is_active: false })], undefined, {
				deactivateDeleted: true,
			}),
		).toMatchObject({
			action: 'unchanged',
			reason: { code: 'alreadyInactive' },
		});
		// Option off: an inactive licence with seats is still zeroed; option on: a zeroed active one is still deactivated.
		expect(entryOfGone([present], [kept, gone({ is_active: false })]).action).toBe('deactivate');
		expect(
			entryOfGone([present], [kept, gone({ count: 0 })], undefined, { deactivateDeleted: true })
				.action,
		).toBe('deactivate');
	});

	it('never zeroes the licence of a subscription that is only filtered out', () => {
		const cases = [
			[{ productFilter: ['Exchange*'] }, 'productNotSelected'],
			[{ customers: ['C2'] }, 'customerNotSelected'],
			[{ includeAddons: false }, 'addonNotIncluded'],
		] as const;
		for (const [options, code] of cases) {
			const addon = subscription({ parentSubscriptionId: 'P' });
			const entry = onlyEntry(plan([addon], [licence({ count: 3 })], undefined, options));
			expect(entry).toMatchObject({
				action: 'skipped',
				psaLicenceId: 101,
				reason: { code },
				source: { subscription: 0, licence: 0 },
			});
		}
	});

	it('never zeroes a licence of an absent subscription whose name is outside the product filter', () => {
		const options = { productFilter: ['microsoft 365 *', 'Exchange Online (Plan 1)'] };
		for (const name of ['Azure Plan', null]) {
			expect(entryOfGone([present], [kept, gone({ name })], undefined, options)).toMatchObject({
				action: 'skipped',
				psaLicenceId: 202,
				reason: { code: 'productNotSelected' },
			});
		}
		for (const name of ['Microsoft 365 E3', 'exchange online (plan 1)']) {
			expect(entryOfGone([present], [kept, gone({ name })], undefined, options)).toMatchObject({
				action: 'deactivate',
				reason: { code: 'deletedUpstreamZeroed' },
			});
		}
		expect(entryOfGone([present], [kept, gone({ name: null })]).action).toBe('deactivate');
	});

	it('never zeroes an add-on licence (one with a parent) of an absent subscription when add-ons are not included', () => {
		const addonLicence = gone({ parent_id: 101 });
		expect(
			entryOfGone([present], [kept, addonLicence], undefined, { includeAddons: false }),
		).toMatchObject({
			action: 'skipped',
			psaLicenceId: 202,
			reason: { code: 'addonNotIncluded' },
		});
		expect(entryOfGone([present], [kept, gone()], undefined, { includeAddons: false }).action).toBe(
			'deactivate',
		);
		expect(entryOfGone([present], [kept, addonLicence]).action).toBe('deactivate');
	});

	it('skips, untouched, a licence whose PSA customer maps to no Westcoast customer', () => {
		expect(entryOfGone([present], [kept, gone({ client_id: 77 })])).toMatchObject({
			action: 'skipped',
			psaCustomerId: 77,
			reason: { code: 'licenceCustomerNotMapped' },
		});
	});

	it('skips a licence whose customer is outside the customer filter', () => {
		const mappings = [C1_TO_11, mapping('C2', 12)];
		const entry = entryOfGone([present], [kept, gone({ client_id: 12 })], mappings, {
			customers: ['C1'],
		});
		expect(entry).toMatchObject({ action: 'skipped', reason: { code: 'customerNotSelected' } });
	});

	it('needs every Westcoast customer of a shared PSA customer in scope', () => {
		const shared = [C1_TO_11, mapping('C2', 11)];
		expect(entryOfGone([present], [kept, gone()], shared, { customers: ['C1'] }).reason?.code).toBe(
			'customerNotSelected',
		);
		expect(
			entryOfGone([present], [kept, gone()], shared, { deletionScope: 'customersInInput' }).reason
				?.code,
		).toBe('customerNotInInput');
		const bothRead = [present, subscription({ westcoastId: 'S2', customerId: 'C2' })];
		const entry = entryOfGone(bothRead, [kept, gone()], shared, {
			deletionScope: 'customersInInput',
		});
		expect(entry).toMatchObject({ action: 'deactivate', westcoastCustomerId: null });
		expect(entry.source).toEqual({ licence: 1 });
	});

	it('skips a licence that names another distributor: its link field may hold that distributor reference', () => {
		expect(entryOfGone([present], [kept, gone({ distributor: 'Pax8' })])).toMatchObject({
			action: 'skipped',
			reason: { code: 'otherDistributor' },
		});
		expect(entryOfGone([present], [kept, gone({ distributor: 'WESTCOAST CLOUD' })]).action).toBe(
			'deactivate',
		);
		expect(entryOfGone([present], [kept, gone({ distributor: null })]).action).toBe('deactivate');
	});
});

describe("another distributor's licence", () => {
	const pax8 = (overrides = {}) =>
		licence({ id: 700, distributor: 'Pax8', count: 3, ...overrides });

	it('is never updated: the Westcoast subscription with the same ID gets a licence of its own', () => {
		const result = plan([subscription()], [pax8()]);
		expect(result.update).toEqual([]);
		expect(result.create).toHaveLength(1);
		expect(result.create[0]).toMatchObject({
			westcoastSubscriptionId: 'S1',
			psaLicenceId: null,
			source: { subscription: 0, mapping: 0 },
			payload: { third_party_product: 'S1', distributor: 'Westcoast Cloud' },
		});
		expect(result.skipped).toHaveLength(1);
		expect(result.skipped[0]).toMatchObject({
			psaLicenceId: 700,
			reason: { code: 'otherDistributor' },
			source: { licence: 0 },
		});
		expect(result.skipped[0].reason.message).toContain('Pax8');
	});

	it('is never made inactive when the subscription with the same ID is not Active', () => {
		const suspended = subscription({ state: 'Suspended' });
		for (const state of ['activeOnly', 'all'] as const) {
			const result = plan([suspended], [pax8()], undefined, { state });
			expect(result.deactivate).toEqual([]);
			expect(result.skipped.map((entry) => entry.reason.code)).toContain('otherDistributor');
		}
		expect(
			plan([suspended], [pax8()], undefined, { state: 'all' }).create[0].payload,
		).toMatchObject({ is_active: false, third_party_product: 'S1' });
	});

	it('does not make the Westcoast licence storing the same ID "linked twice"', () => {
		const result = plan([subscription()], [pax8(), licence()]);
		expect(result.unchanged).toHaveLength(1);
		expect(result.unchanged[0]).toMatchObject({ psaLicenceId: 101, source: { licence: 1 } });
		expect(result.skipped).toHaveLength(1);
		expect(result.skipped[0]).toMatchObject({
			psaLicenceId: 700,
			reason: { code: 'otherDistributor' },
		});
	});

	it('is skipped as otherDistributor even when unreadable or its ID is duplicated in the input', () => {
		expect(onlyEntry(plan([], [pax8({ count: 'many' })])).reason?.code).toBe('otherDistributor');
		expect(onlyEntry(plan([], [pax8({ third_party_product: { ref: 1 } })])).reason?.code).toBe(
			'otherDistributor',
		);
		const twice = plan([subscription(), subscription()], [pax8()]);
		expect(twice.skipped.map((entry) => entry.reason.code)).toEqual([
			'duplicateSubscriptionId',
			'duplicateSubscriptionId',
			'otherDistributor',
		]);
	});

	it('is never taken for the parent of an add-on', () => {
		const addon = subscription({ westcoastId: 'A1', parentSubscriptionId: 'S1' });
		const result = plan([addon], [pax8()]);
		expect(result.create[0]).toMatchObject({ unresolvedParentSubscriptionId: 'S1' });
		expect(result.create[0].payload).not.toHaveProperty('parent_id');
	});

	it('counts a blank distributor, or Westcoast in any case, as Westcoast', () => {
		for (const distributor of ['  ', 'westcoast cloud', ' Westcoast Cloud ']) {
			expect(onlyEntry(plan([subscription()], [pax8({ distributor })]))).toMatchObject({
				action: 'update',
				psaLicenceId: 700,
			});
		}
	});
});

describe('deletion scope', () => {
	const mappings = [C1_TO_11, mapping('C2', 12)];
	const licences = [kept, gone({ client_id: 12 })];

	it('allMapped (default): a mapped customer with no subscription in the input had them all deleted', () => {
		expect(entryOfGone([present], licences, mappings).action).toBe('deactivate');
	});

	it('customersInInput: only customers with a subscription in the input are checked', () => {
		const entry = entryOfGone([present], licences, mappings, { deletionScope: 'customersInInput' });
		expect(entry).toMatchObject({
			action: 'skipped',
			psaCustomerId: 12,
			westcoastCustomerId: 'C2',
			reason: { code: 'customerNotInInput' },
		});
		const c2Read = [
			present,
			subscription({ westcoastId: 'S5', customerId: 'C2', state: 'Cancelled' }),
		];
		expect(
			entryOfGone(c2Read, licences, mappings, { deletionScope: 'customersInInput' }).action,
		).toBe('deactivate');
	});

	it('counts a customer as read even when its only subscription is filtered out or invalid', () => {
		const c2Filtered = [
			present,
			subscription({
				westcoastId: 'S5',
				customerId: 'C2',
				productName: 'Azure',
				serviceName: 'Azure',
			}),
		];
		const options = { deletionScope: 'customersInInput' as const, productFilter: ['Microsoft*'] };
		expect(entryOfGone(c2Filtered, licences, mappings, options).action).toBe('deactivate');
		const c2Invalid = [
			present,
			subscription({ westcoastId: 'S5', customerId: 'C2', quantity: 'many' as never }),
		];
		expect(
			entryOfGone(c2Invalid, licences, mappings, { deletionScope: 'customersInInput' }).action,
		).toBe('deactivate');
	});
});

describe('unlinked licences', () => {
	it('are never touched and never in the output', () => {
		const unlinked = [
			licence({ id: 301, third_party_product: null, name: 'M365 Basic' }),
			licence({ id: 302, third_party_product: '' }),
			licence({ id: 303, third_party_product: '   ' }),
			licence({ id: 304, third_party_product: undefined }),
		];
		const result = plan([subscription({ westcoastId: 'S9' })], unlinked);
		expect(entries(result).map((entry) => entry.action)).toEqual(['create']);
		expect(entries(result).some((entry) => entry.source.licence !== undefined)).toBe(false);
	});

	it('do not match a subscription by name', () => {
		const result = plan([subscription()], [licence({ third_party_product: null })]);
		expect(result.create).toHaveLength(1);
	});
});

describe('customers deleted upstream (Mapping Resolver marks their mapping westcoastDeleted)', () => {
	const gone = mapping('C9', 19, { westcoastName: null, westcoastDeleted: true });
	const licencesOfGone = [
		licence({ id: 901, client_id: 19, third_party_product: 'S91' }),
		licence({ id: 902, client_id: 19, third_party_product: 'S92', count: 0 }),
	];
	const live = Array.from({ length: 20 }, (_, i) =>
		licence({ id: 1000 + i, third_party_product: `S${i}` }),
	);
	const present = live.map((_, i) => subscription({ westcoastId: `S${i}` }));

	it('zeroes its licences (or makes them inactive with Deactivate Deleted), saying the customer is gone', () => {
		const result = plan(present, [...live, ...licencesOfGone], [C1_TO_11, gone]);
		expect(result.deactivate.map((entry) => [entry.psaLicenceId, entry.payload])).toEqual([
			[901, { id: 901, count: 0 }],
		]);
		expect(result.deactivate[0].reason.message).toBe(
			'Westcoast customer C9 is no longer in Westcoast, nor is its subscription S91: the count is set to 0, the status is left alone.',
		);
		expect(result.unchanged.find((entry) => entry.psaLicenceId === 902)?.reason?.code).toBe(
			'alreadyZero',
		);
		const inactive = plan(present, [...live, ...licencesOfGone], [C1_TO_11, gone], {
			deactivateDeleted: true,
		});
		expect(inactive.deactivate.map((entry) => [entry.psaLicenceId, entry.payload])).toEqual([
			[901, { id: 901, is_active: false }],
			[902, { id: 902, is_active: false }],
		]);
	});

	it('is under the same limits: a customer read that lost many customers is refused', () => {
		const many = Array.from({ length: 6 }, (_, i) =>
			licence({ id: 950 + i, client_id: 19, third_party_product: `S9${i}` }),
		);
		expect(() => plan(present, [...live, ...many], [C1_TO_11, gone])).toThrow(
			/would deactivate or zero 6 of 26 live linked licences/,
		);
	});

	it('without the mark, a PSA customer that maps to nobody keeps its licences untouched', () => {
		const result = plan(present, [...live, ...licencesOfGone], [C1_TO_11]);
		expect(result.deactivate).toEqual([]);
		expect(
			result.skipped.filter((entry) => entry.reason.code === 'licenceCustomerNotMapped'),
		).toHaveLength(2);
	});
});
