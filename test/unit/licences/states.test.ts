import { C1_TO_11, licence, mapping, onlyEntry, plan, subscription } from './fixtures';

describe('create', () => {
	it('creates a licence for a mapped customer subscription with no licence, with a ready Halo payload', () => {
		const result = plan(
			[subscription({ westcoastId: 'S7', quantity: 12 })],
			[licence({ third_party_product: 'OTHER', id: 5, distributor: null, client_id: 99 })],
			[mapping('C0', 3), C1_TO_11],
		);
		expect(result.create).toHaveLength(1);
		const entry = result.create[0];
		expect(entry).toMatchObject({
			action: 'create',
			westcoastSubscriptionId: 'S7',
			westcoastCustomerId: 'C1',
			psaLicenceId: null,
			psaCustomerId: 11,
			reason: null,
			unresolvedParentSubscriptionId: null,
			source: { subscription: 0, mapping: 1 },
		});
		expect(entry.payload).toEqual({
			name: 'Microsoft 365 Business Basic',
			client_id: 11,
			count: 12,
			end_date: '2027-03-31T00:00:00',
			is_active: true,
			distributor: 'Westcoast Cloud',
			product_sku: 'CFQ7TTC0LH18',
			third_party_product: 'S7',
		});
		expect(entry.changes).toContainEqual({ field: 'count', from: null, to: 12 });
		expect(entry.changes).toHaveLength(Object.keys(entry.payload).length);
	});

	it('leaves product_sku out when the subscription has no SKU, and writes a null end date as null', () => {
		const entry = onlyEntry(plan([subscription({ sku: null, endDate: null })], []));
		expect(entry.payload).not.toHaveProperty('product_sku');
		expect(entry.payload).toHaveProperty('end_date', null);
	});

	it('creates an inactive subscription inactive when the state filter is all, and skips it with activeOnly', () => {
		const suspended = subscription({ state: 'Suspended' });
		expect(onlyEntry(plan([suspended], [], undefined, { state: 'all' }))).toMatchObject({
			action: 'create',
			payload: { is_active: false, count: 5 },
		});
		const skipped = onlyEntry(plan([suspended], [], undefined, { state: 'activeOnly' }));
		expect(skipped).toMatchObject({
			action: 'skipped',
			reason: { code: 'inactiveNotImported' },
			payload: null,
		});
		expect(skipped.reason?.message).toContain('Suspended');
	});
});

describe('licence name', () => {
	it.each([
		[{}, 'Microsoft 365 Business Basic'],
		[{ productName: null }, 'M365 Basic'],
		[{ productName: '  ' }, 'M365 Basic'],
		[{ productName: null, displayName: null }, 'O365_BUSINESS_ESSENTIALS'],
		[{ productName: '  Trimmed  ' }, 'Trimmed'],
	])('uses productName, else displayName, else serviceName (%j)', (overrides, name) => {
		expect(onlyEntry(plan([subscription(overrides)], [])).payload).toHaveProperty('name', name);
	});

	it('skips a subscription with no name at all as invalid input naming the field', () => {
		const result = plan(
			[subscription({ displayName: null, productName: null, serviceName: null })],
			[],
		);
		expect(result.invalidInput).toHaveLength(1);
		expect(result.invalidInput[0].reason).toMatchObject({
			code: 'missingField',
			field: 'productName',
			input: 'subscriptions',
			itemIndex: 0,
		});
	});
});

describe('update and unchanged', () => {
	it('leaves a licence in step unchanged', () => {
		const entry = onlyEntry(plan([subscription()], [licence()]));
		expect(entry).toMatchObject({
			action: 'unchanged',
			psaLicenceId: 101,
			psaCustomerId: 11,
			changes: [],
			payload: null,
			reason: null,
			source: { subscription: 0, licence: 0, mapping: 0 },
		});
	});

	it('updates only the fields that differ, field by field', () => {
		const entry = onlyEntry(
			plan(
				[subscription({ quantity: 8, productName: 'Microsoft 365 Business Basic (new)' })],
				[licence()],
			),
		);
		expect(entry.action).toBe('update');
		expect(entry.changes).toEqual([
			{
				field: 'name',
				from: 'Microsoft 365 Business Basic',
				to: 'Microsoft 365 Business Basic (new)',
			},
			{ field: 'count', from: 5, to: 8 },
		]);
		expect(entry.payload).toEqual({
			id: 101,
			name: 'Microsoft 365 Business Basic (new)',
			count: 8,
		});
	});

	it('reactivates an inactive licence whose subscription is Active', () => {
		const entry = onlyEntry(plan([subscription()], [licence({ is_active: false })]));
		expect(entry).toMatchObject({ action: 'update', payload: { id: 101, is_active: true } });
		expect(entry.changes).toEqual([{ field: 'is_active', from: false, to: true }]);
	});

	it('moves a licence to the mapped PSA customer (client change)', () => {
		const entry = onlyEntry(
			plan([subscription()], [licence({ client_id: 44 })], [mapping('C1', 12)]),
		);
		expect(entry).toMatchObject({
			action: 'update',
			psaCustomerId: 12,
			payload: { id: 101, client_id: 12 },
		});
		expect(entry.changes).toEqual([{ field: 'client_id', from: 44, to: 12 }]);
	});

	it('does not rewrite fields it does not manage (SKU, distributor, vendor, start date)', () => {
		const other = licence({ product_sku: 'OLD', vendor: 'X', start_date: null });
		expect(onlyEntry(plan([subscription({ sku: 'NEW' })], [other])).action).toBe('unchanged');
	});

	it('compares IDs as strings (numeric link, text client id)', () => {
		const entry = onlyEntry(
			plan(
				[subscription({ westcoastId: '12345' })],
				[licence({ third_party_product: 12345, client_id: '11' })],
			),
		);
		expect(entry.action).toBe('unchanged');
	});
});

describe('end date comparison', () => {
	it.each([
		['2027-03-31T00:00:00.000+01:00', '2027-03-31T00:00:00'],
		['2027-03-31T23:00:00-05:00', '2027-03-31T00:00:00'],
		['2027-03-31', '2027-03-31T12:34:56'],
		[null, null],
		[null, '1900-01-01T00:00:00'],
	])('sees %j and Halo %j as the same calendar date', (endDate, haloEnd) => {
		expect(
			onlyEntry(plan([subscription({ endDate })], [licence({ end_date: haloEnd })])).action,
		).toBe('unchanged');
	});

	it('takes the date as written in the source offset, not in UTC', () => {
		const entry = onlyEntry(plan([subscription({ endDate: '2027-03-30T23:00:00Z' })], [licence()]));
		expect(entry.changes).toEqual([
			{ field: 'end_date', from: '2027-03-31T00:00:00', to: '2027-03-30T00:00:00' },
		]);
	});

	it('clears the end date when the subscription has none', () => {
		const entry = onlyEntry(plan([subscription({ endDate: null })], [licence()]));
		expect(entry.payload).toEqual({ id: 101, end_date: null });
	});

	it('sets the end date on a licence without one', () => {
		const entry = onlyEntry(plan([subscription()], [licence({ end_date: null })]));
		expect(entry.payload).toEqual({ id: 101, end_date: '2027-03-31T00:00:00' });
	});
});

describe('inactive upstream', () => {
	it.each(['Suspended', 'Cancelled', 'Inactive', 'SomethingNew', 'active'])(
		'makes the licence of a %s subscription inactive, whatever the state filter',
		(state) => {
			for (const filter of ['all', 'activeOnly'] as const) {
				const entry = onlyEntry(
					plan([subscription({ state, quantity: 9 })], [licence()], undefined, { state: filter }),
				);
				expect(entry).toMatchObject({
					action: 'deactivate',
					psaLicenceId: 101,
					reason: { code: 'inactiveUpstream' },
					payload: { id: 101, is_active: false },
				});
				expect(entry.changes).toEqual([{ field: 'is_active', from: true, to: false }]);
			}
		},
	);

	it('leaves an already inactive licence unchanged, even when other fields differ', () => {
		const entry = onlyEntry(
			plan([subscription({ state: 'Cancelled', quantity: 0 })], [licence({ is_active: false })]),
		);
		expect(entry).toMatchObject({
			action: 'unchanged',
			reason: { code: 'alreadyInactive' },
			payload: null,
		});
	});

	it('deactivates even when the subscription has no quantity', () => {
		expect(
			onlyEntry(plan([subscription({ state: 'Suspended', quantity: null })], [licence()])).action,
		).toBe('deactivate');
	});
});

describe('quantity', () => {
	it('skips a subscription with no quantity (not invalid input) and leaves its licence alone', () => {
		const result = plan(
			[subscription({ quantity: null }), subscription({ westcoastId: 'S2', quantity: null })],
			[licence()],
		);
		expect(
			result.skipped.map((entry) => [
				entry.westcoastSubscriptionId,
				entry.reason.code,
				entry.psaLicenceId,
			]),
		).toEqual([
			['S1', 'noQuantity', 101],
			['S2', 'noQuantity', null],
		]);
		expect(result.invalidInput).toEqual([]);
	});

	it('writes a quantity of 0 as a count of 0', () => {
		expect(onlyEntry(plan([subscription({ quantity: 0 })], [licence()])).payload).toEqual({
			id: 101,
			count: 0,
		});
	});
});
