import { planLicences } from '../../../core/licences';
import { planCustomerMapping } from '../../../core/mapping';
import {
	confirmCustomerCreates,
	confirmLicenceCreates,
	CreateCheckError,
} from '../../../core/psa/create-check';
import { HALO_LINK_TABLE, HALO_PRESET, WESTCOAST_LINK_TYPE } from '../../../core/psa/halo';
import { licence, subscription, type Json } from '../licences/fixtures';

/** Create items as the nodes emit them with a batch size: one per change, numbered into write batches. */
const inBatch = (entries: readonly object[]): Json[] =>
	entries.map((entry) => ({ ...(entry as Json), batch: 1 }));

/** One page of a Halo list answer holding every record given. */
const page = (key: string, records: Json[], recordCount = records.length): Json => ({
	record_count: recordCount,
	[key]: records,
});

describe('confirm before create: customers', () => {
	const westcoast = [
		{ westcoastId: 'W1', name: 'Acme Ltd', state: 'Active', address: {} },
		{ westcoastId: 'W2', name: 'Brick Co', state: 'Active', address: {} },
	];
	// The list read saw no client: both are planned as creates.
	const plan = planCustomerMapping(
		{ westcoastCustomers: westcoast, psaCustomers: [] },
		{ topLevelId: 2 },
	);
	const creates = inBatch(plan.create);
	const link = (overrides: Json = {}): Json => ({
		id: 901,
		table_id: HALO_LINK_TABLE.client,
		halo_id: 15,
		third_party_id: 'W1',
		third_party_desc: 'Acme Ltd',
		third_party_type: WESTCOAST_LINK_TYPE,
		...overrides,
	});

	it('maps a create whose Westcoast ID a client link holds, and keeps the other create with its batch', () => {
		expect(plan.create.map((entry) => entry.westcoastId)).toEqual(['W1', 'W2']);
		const result = confirmCustomerCreates(creates, [
			page('links', [link()]),
			page('links', []),
			page('links', [], 0),
		]);

		expect(result.existing).toEqual([
			{
				itemIndex: 0,
				json: expect.objectContaining({
					westcoastId: 'W1',
					westcoastName: 'Acme Ltd',
					psaId: 15,
					matchedBy: 'link',
					reason: 'foundBeforeCreate',
				}),
			},
		]);
		expect(result.create).toHaveLength(1);
		expect(result.create[0]).toMatchObject({
			itemIndex: 1,
			record: { westcoastId: 'W2', batch: 1 },
		});
		expect(result.create[0].payload).toMatchObject({ name: 'Brick Co' });
	});

	it('counts only client links of the Westcoast type or untyped, as Mapping Resolver does', () => {
		const notOurs = [
			link({ third_party_type: 'Pax8' }),
			link({ id: 902, table_id: HALO_LINK_TABLE.site }),
		];
		const result = confirmCustomerCreates(creates, [page('links', notOurs)]);
		expect(result.existing).toEqual([]);
		expect(result.create).toHaveLength(2);

		const untyped = confirmCustomerCreates(creates, [
			page('links', [link({ third_party_type: null })]),
		]);
		expect(untyped.existing).toHaveLength(1);
	});

	it('creates nothing when several clients hold the link: a person decides', () => {
		const result = confirmCustomerCreates(creates, [
			page('links', [link(), link({ id: 903, halo_id: 16 })]),
		]);
		expect(result.existing[0].json).toMatchObject({
			westcoastId: 'W1',
			psaIds: [15, 16],
			reason: 'duplicateFoundBeforeCreate',
		});
		expect(result.create.map((create) => create.record.westcoastId)).toEqual(['W2']);
	});

	it('takes an answer that is a bare list (one record per item) too', () => {
		const result = confirmCustomerCreates(creates, [link()]);
		expect(result.existing).toHaveLength(1);
	});

	it('refuses a lookup whose pages fall short of the record_count Halo reports', () => {
		expect(() => confirmCustomerCreates(creates, [page('links', [link()], 2)])).toThrow(
			/links to Westcoast customer W1 \(GET \/api\/ExternalLink\) is doubtful: Halo reported 2 record\(s\), the pages held 1/,
		);
	});

	it('refuses items that are not Create items, naming the item', () => {
		expect(() => confirmCustomerCreates([{ westcoastId: 'W1' }], [])).toThrow(CreateCheckError);
		expect(() => confirmCustomerCreates([{ westcoastId: 'W1' }], [])).toThrow(
			/Planned create item 0 has no payload/,
		);
		// A hand-built item among the planner's is named by its own index.
		expect(() => confirmCustomerCreates([...creates, { westcoastId: 'W3' }], [])).toThrow(
			/Planned create item 2 has no payload: connect the Create output/,
		);
	});
});

describe('confirm before create: licences', () => {
	const fields = HALO_PRESET.licenceFields;
	const mappings = [{ westcoastId: 'C1', psaId: 11 }];
	const subscriptions = [
		subscription(),
		subscription({ westcoastId: 'S2', productName: 'Exchange Online' }),
	];
	// The licence read saw nothing: both subscriptions are planned as creates.
	const plan = planLicences({ subscriptions, licences: [], mappings });
	const creates = inBatch(plan.create);
	/** The licence Halo holds after the planned create of S1 was written. */
	const written = (overrides: Json = {}): Json => ({
		...(plan.create[0].payload as Json),
		id: 501,
		...overrides,
	});

	it('leaves a licence alone that already holds what the create would write', () => {
		expect(plan.create.map((entry) => entry.westcoastSubscriptionId)).toEqual(['S1', 'S2']);
		const result = confirmLicenceCreates(creates, [page('licences', [written()])], fields);

		expect(result.update).toEqual([]);
		expect(result.existing).toEqual([
			{
				itemIndex: 0,
				json: expect.objectContaining({
					action: 'unchanged',
					westcoastSubscriptionId: 'S1',
					psaLicenceId: 501,
					reason: expect.objectContaining({ code: 'foundBeforeCreate' }),
				}),
			},
		]);
		expect(result.create.map((create) => create.record.westcoastSubscriptionId)).toEqual(['S2']);
	});

	it('updates only the fields that differ, read as Licence Sync reads them', () => {
		const found = written({
			count: 3,
			// The same date in another spelling is no change.
			end_date: '2027-03-31T00:00:00.000Z',
			price: 5.60001,
		});
		const result = confirmLicenceCreates(creates, [page('licences', [found])], fields);

		expect(result.update).toHaveLength(1);
		expect(result.update[0]).toEqual({
			itemIndex: 0,
			json: expect.objectContaining({
				action: 'update',
				psaLicenceId: 501,
				changes: [{ field: 'count', from: 3, to: 5 }],
				payload: { id: 501, count: 5 },
				// Kept, so the update is POSTed with the create's write batch.
				batch: 1,
			}),
		});
		expect(result.existing).toEqual([]);
	});

	it('ignores a licence of another client or another distributor: the create stays', () => {
		const result = confirmLicenceCreates(
			creates,
			[
				page('licences', [written({ client_id: 12 })]),
				page('licences', [written({ id: 502, distributor: 'Another Distributor' })]),
			],
			fields,
		);
		expect(result.update).toEqual([]);
		expect(result.existing).toEqual([]);
		expect(result.create).toHaveLength(2);
	});

	it('creates nothing when two licences of the client hold the ID: a person decides', () => {
		const result = confirmLicenceCreates(
			creates,
			[page('licences', [written(), licence({ id: 777 })])],
			fields,
		);
		expect(result.existing[0].json).toMatchObject({
			action: 'skipped',
			psaLicenceIds: [501, 777],
			reason: expect.objectContaining({ code: 'duplicateFoundBeforeCreate' }),
		});
	});

	it("refuses a client's licence read that fell short, naming the client", () => {
		expect(() =>
			confirmLicenceCreates(creates, [page('licences', [written()], 4)], fields),
		).toThrow(
			/Halo client 11's licences \(GET \/api\/SoftwareLicence\) is doubtful: Halo reported 4 record\(s\), the pages held 1/,
		);
		expect(() =>
			confirmLicenceCreates(
				creates,
				[
					page('licences', [written()], 1),
					page('licences', [licence({ id: 778, third_party_product: 'X' })], 2),
				],
				fields,
			),
		).toThrow(/record_count 1 and 2/);
	});
});
