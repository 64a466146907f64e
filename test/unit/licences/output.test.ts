import { describeSummary } from '../../../core/licences';
import { HALO_PRESET } from '../../../core/psa/halo';
import { C1_TO_11, entries, licence, mapping, onlyEntry, plan, subscription } from './fixtures';

describe('summary', () => {
	const result = plan(
		[
			subscription(),
			subscription({ westcoastId: 'S2', quantity: 3 }),
			subscription({ westcoastId: 'S3', customerId: 'C2', quantity: null, quantitySource: 'none' }),
			subscription({ westcoastId: 'S4', customerId: 'C404' }),
			subscription({ westcoastId: 'S5', quantity: 'x' as never }),
		],
		[
			licence(),
			licence({ id: 102, third_party_product: 'S2', count: 1 }),
			licence({ id: 103, third_party_product: 'GONE' }),
		],
		[C1_TO_11, mapping('C2', 12)],
	);

	it('counts per action, per reason and per customer', () => {
		expect(result.summary.byAction).toEqual({
			create: 0,
			update: 1,
			deactivate: 1,
			unchanged: 1,
			skipped: 3,
		});
		expect(result.summary.byReason).toEqual({
			noQuantity: 1,
			customerNotMapped: 1,
			invalidField: 1,
			deletedUpstreamZeroed: 1,
		});
		expect(result.summary.invalidInput).toBe(1);
		// S5 cannot be read, so it is counted nowhere but in invalidInput.
		expect(result.summary.subscriptionsByQuantitySource).toEqual({ udrc: 3, none: 1 });
		expect(result.summary.subscriptionsByState).toEqual({ Active: 4 });
		expect(result.summary.unknownStates).toEqual({});
		expect(result.summary.byCustomer).toEqual([
			{
				psaCustomerId: 11,
				westcoastCustomerId: 'C1',
				customerName: 'Client 11',
				create: 0,
				update: 1,
				deactivate: 1,
				unchanged: 1,
				skipped: 1,
			},
			{
				psaCustomerId: 12,
				westcoastCustomerId: 'C2',
				customerName: 'Client 12',
				create: 0,
				update: 0,
				deactivate: 0,
				unchanged: 0,
				skipped: 1,
			},
			{
				psaCustomerId: null,
				westcoastCustomerId: 'C404',
				customerName: null,
				create: 0,
				update: 0,
				deactivate: 0,
				unchanged: 0,
				skipped: 1,
			},
		]);
	});

	it('reads as one line for an execution hint', () => {
		expect(describeSummary(result.summary)).toBe(
			'Licence Sync: 0 to create, 1 to update, 1 to deactivate or zero, 1 unchanged, 3 skipped ' +
				'(no seat count 1, customer not mapped 1, unreadable field 1, deleted in Westcoast (zeroed) 1); 1 with invalid input; ' +
				'seat counts by rule: UDRC field 3, none 1.',
		);
	});

	it('counts every subscription state by value, unknown ones apart, and says so in the hint', () => {
		const states = plan(
			[
				subscription(),
				subscription({ westcoastId: 'S2', state: 'Terminated' }),
				subscription({ westcoastId: 'S3', state: 'PendingApproval' }),
				subscription({ westcoastId: 'S4', state: 'PendingApproval' }),
			],
			[],
			[C1_TO_11],
			{ state: 'all' },
		).summary;
		expect(states.subscriptionsByState).toEqual({ Active: 1, Terminated: 1, PendingApproval: 2 });
		expect(states.unknownStates).toEqual({ PendingApproval: 2 });
		expect(describeSummary(states)).toContain(
			'unknown states (treated as not active): PendingApproval 2',
		);
	});
});

describe('emitUnchanged', () => {
	it('when off, leaves unchanged entries out but still counts them', () => {
		const result = plan([subscription()], [licence()], undefined, { emitUnchanged: false });
		expect(result.unchanged).toEqual([]);
		expect(result.summary.byAction.unchanged).toBe(1);
	});
});

describe('emitSkipped', () => {
	const input = () =>
		[
			[
				subscription({
					westcoastId: 'S3',
					customerId: 'C2',
					quantity: null,
					quantitySource: 'none',
				}),
				subscription({ westcoastId: 'S4', customerId: 'C404' }),
				subscription({ westcoastId: 'S5', quantity: 'x' as never }),
				subscription({ westcoastId: 'S6' }),
			],
			[
				licence({ id: 201, third_party_product: 'S6' }),
				licence({ id: 202, third_party_product: 'S6' }),
			],
			[C1_TO_11, mapping('C2', 12)],
		] as const;

	it('when off, keeps only the skips a person must act on, and counts every skip', () => {
		const [subscriptions, licences, mappings] = input();
		const result = plan([...subscriptions], [...licences], [...mappings], { emitSkipped: false });
		expect(result.skipped.map((entry) => entry.reason.code).sort()).toEqual([
			'duplicateLicences',
			'invalidField',
		]);
		expect(result.summary.byAction.skipped).toBe(4);
		expect(result.summary.byReason).toMatchObject({ noQuantity: 1, customerNotMapped: 1 });
	});

	it('is on by default: every skip is an item', () => {
		const [subscriptions, licences, mappings] = input();
		expect(plan([...subscriptions], [...licences], [...mappings]).skipped).toHaveLength(4);
	});
});

describe('syncPrices', () => {
	it('is off by default: prices are neither written nor compared', () => {
		expect(onlyEntry(plan([subscription()], [])).payload).not.toHaveProperty('price');
		expect(onlyEntry(plan([subscription()], [licence({ price: 1 })])).action).toBe('unchanged');
	});

	it('when on, writes price/purchase_price from salesPrice/purchasePrice and keeps them in step', () => {
		const on = { syncPrices: true };
		expect(onlyEntry(plan([subscription()], [], undefined, on)).payload).toMatchObject({
			price: 5.6,
			purchase_price: 4.5,
		});
		const stale = onlyEntry(
			plan([subscription()], [licence({ price: 5, purchase_price: 4.5 })], undefined, on),
		);
		expect(stale.payload).toEqual({ id: 101, price: 5.6 });
		const rounded = licence({ price: 5.60000001, purchase_price: 4.5 });
		expect(onlyEntry(plan([subscription()], [rounded], undefined, on)).action).toBe('unchanged');
	});

	it('never clears a PSA price the subscription does not have', () => {
		const entry = onlyEntry(
			plan(
				[subscription({ salesPrice: null, purchasePrice: null })],
				[licence({ price: 9 })],
				undefined,
				{ syncPrices: true },
			),
		);
		expect(entry.action).toBe('unchanged');
	});
});

describe('field names', () => {
	it('reads and writes the fields the options name', () => {
		const fields = {
			...HALO_PRESET.licenceFields,
			westcoastLink: 'westcoast_id',
			count: 'quantity',
			id: 'licence_id',
		};
		const custom = {
			licence_id: 'L-1',
			client_id: 11,
			name: 'Microsoft 365 Business Basic',
			quantity: 2,
			end_date: '2027-03-31',
			is_active: true,
			westcoast_id: 'S1',
		};
		const entry = onlyEntry(plan([subscription()], [custom], undefined, { fields }));
		expect(entry).toMatchObject({
			action: 'update',
			psaLicenceId: 'L-1',
			payload: { licence_id: 'L-1', quantity: 5 },
		});
		const created = onlyEntry(
			plan([subscription({ westcoastId: 'S9' })], [], undefined, { fields }),
		);
		expect(created.payload).toMatchObject({ westcoast_id: 'S9', quantity: 5 });
		expect(created.payload).not.toHaveProperty('third_party_product');
	});
});

describe('names for people', () => {
	it("every entry names the licence's product and the mapped customer", () => {
		const result = plan(
			[
				subscription(),
				subscription({ westcoastId: 'S2', customerId: 'C404', productName: 'Exchange Online' }),
			],
			[licence(), licence({ id: 103, name: 'Old Backup', third_party_product: 'GONE' })],
			[mapping('C1', 11, { psaName: 'Acme Ltd (PSA)', westcoastName: 'Acme Ltd' })],
		);
		const named = entries(result).map((entry) => [
			entry.action,
			entry.westcoastSubscriptionId,
			entry.productName,
			entry.customerName,
		]);
		expect(named).toEqual(
			expect.arrayContaining([
				['unchanged', 'S1', 'Microsoft 365 Business Basic', 'Acme Ltd (PSA)'],
				['skipped', 'S2', 'Exchange Online', null],
				['deactivate', 'GONE', 'Old Backup', 'Acme Ltd (PSA)'],
			]),
		);
		expect(named).toHaveLength(3);
	});

	it("a mapping without a PSA name gives Westcoast's", () => {
		const result = plan([subscription()], [], [mapping('C1', 11, { psaName: '' })]);
		expect(onlyEntry(result).customerName).toBe('Customer C1');
	});
});
