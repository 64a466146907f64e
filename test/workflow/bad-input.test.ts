import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO } from '../../core/node-io';
import { workflowFeeding } from '../../harness/in-process/fixture-workflow';
import { runWorkflow } from '../../harness/in-process/run-workflow';

const { outputs: MAPPING } = MAPPING_RESOLVER_IO;
const { outputs: LICENCES } = LICENCE_SYNC_IO;

const customer = (westcoastId: string, name: string) => ({
	westcoastId,
	name,
	state: 'Active',
	address: { street: null, city: null, postcode: null, country: null },
});

describe('Mapping Resolver with items of the wrong shape', () => {
	const westcoast = [customer('W1', 'Acme Ltd'), { name: 'No Id Ltd' }, customer('W3', 'Beta Ltd')];
	const psa = [{ id: 1, name: 'Acme Ltd', external_links: [] }];

	it('fails naming the item and the field', async () => {
		const { error } = await runWorkflow(
			workflowFeeding('mappingResolver', { psaPreset: 'haloPsa' }, [westcoast, psa]),
		);
		expect(error?.message).toMatch(/item 1/i);
		expect(error?.message).toMatch(/westcoastId/);
	});

	it("refuses a Top Level ID that is not a number (Halo's toplevel_id is an integer)", async () => {
		const { error } = await runWorkflow(
			workflowFeeding('mappingResolver', { psaPreset: 'haloPsa', topLevelId: 'Main' }, [
				[customer('W9', 'New Customer Ltd')],
				psa,
			]),
		);
		expect(error?.message).toBe(
			'Top Level ID must be the number of a Halo top level, e.g. 12 (got "Main")',
		);
		const numeric = await runWorkflow(
			workflowFeeding('mappingResolver', { psaPreset: 'haloPsa', topLevelId: ' 12 ' }, [
				[customer('W9', 'New Customer Ltd')],
				psa,
			]),
		);
		expect(numeric.error).toBeUndefined();
		expect(numeric.output('Node', MAPPING.create.index)[0].json.payload).toMatchObject({
			toplevel_id: 12,
		});
	});

	it('with Continue On Fail, sends it to Review and loses nothing', async () => {
		const result = await runWorkflow(
			workflowFeeding('mappingResolver', { psaPreset: 'haloPsa' }, [westcoast, psa], {
				continueOnFail: true,
			}),
		);
		expect(result.error).toBeUndefined();
		const review = result.output('Node', MAPPING.review.index).map((item) => item.json);
		expect(review).toEqual([
			expect.objectContaining({
				reason: 'invalidWestcoastItem',
				field: 'westcoastId',
				message: expect.stringMatching(/^Westcoast item 1: /),
			}),
		]);
		expect(
			result.output('Node', MAPPING.mapped.index).map((item) => item.json.westcoastId),
		).toEqual(['W1']);
		expect(
			result.output('Node', MAPPING.create.index).map((item) => item.json.westcoastId),
		).toEqual(['W3']);
		expect(result.output('Node', MAPPING.table.index)).toHaveLength(3);
	});

	it("keeps HaloPSA's name for a Custom field name left empty (as Licence Sync does)", async () => {
		const result = await runWorkflow(
			workflowFeeding(
				'mappingResolver',
				{ psaPreset: 'custom', psaFields: { id: '', name: ' ' } },
				[[customer('W1', 'Acme Ltd')], psa],
			),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Node', 0).map((item) => item.json)).toEqual([
			expect.objectContaining({ westcoastId: 'W1', psaId: 1, matchedBy: 'exactName' }),
		]);
	});
});

describe('Licence Sync with bad input and bad reads', () => {
	const subscription = (westcoastId: string, quantity: unknown) => ({
		westcoastId,
		customerId: 'W1',
		productName: 'Microsoft 365 Business Basic',
		serviceName: 'MicrosoftCSP',
		displayName: null,
		quantity,
		state: 'Active',
		endDate: '2027-03-31T00:00:00.000Z',
		parentSubscriptionId: null,
		sku: 'SKU1',
	});
	const mappings = [
		{
			westcoastId: 'W1',
			westcoastName: 'Acme Ltd',
			psaId: 1,
			psaName: 'Acme Ltd',
			matchedBy: 'link',
		},
	];
	const licences = [
		{
			id: 10,
			client_id: 1,
			name: 'Microsoft 365 Business Basic',
			count: 5,
			end_date: '2027-03-31T00:00:00',
			is_active: true,
			third_party_product: 'S1',
		},
	];

	it('fails naming the item and field of a seat count that is not a number', async () => {
		const { error } = await runWorkflow(
			workflowFeeding('licenceSync', { psaPreset: 'haloPsa' }, [
				[subscription('S1', 'five')],
				licences,
				mappings,
			]),
		);
		expect(error?.message).toMatch(/quantity/);
	});

	it('with Continue On Fail, skips it and leaves its licence alone', async () => {
		const result = await runWorkflow(
			workflowFeeding(
				'licenceSync',
				{ psaPreset: 'haloPsa' },
				[[subscription('S1', 'five')], licences, mappings],
				{ continueOnFail: true },
			),
		);
		expect(result.error).toBeUndefined();
		for (const output of [LICENCES.create, LICENCES.update, LICENCES.deactivate])
			expect(result.output('Node', output.index)).toHaveLength(0);
		const skipped = result.output('Node', LICENCES.skipped.index).map((item) => item.json);
		expect(skipped.map((entry) => (entry.reason as { field?: string }).field)).toContain(
			'quantity',
		);
	});

	it('refuses to plan when the subscription read failed upstream, even with Continue On Fail', async () => {
		const failedRead = [
			{
				error: 'Cannot reach marketplace.example for GetSubscriptions: the connection was refused',
			},
		];
		const stopped = await runWorkflow(
			workflowFeeding('licenceSync', { psaPreset: 'haloPsa' }, [failedRead, licences, mappings]),
		);
		expect(stopped.error?.message).toMatch(/error/i);
		const continued = await runWorkflow(
			workflowFeeding('licenceSync', { psaPreset: 'haloPsa' }, [failedRead, licences, mappings], {
				continueOnFail: true,
			}),
		);
		for (const output of LICENCE_SYNC_IO.outputList.filter((port) => port !== LICENCES.summary))
			expect(continued.output('Node', output.index)).toHaveLength(0);
		expect(continued.output('Node', LICENCES.summary.index)[0].json).toMatchObject({
			refused: true,
			code: 'errorItemInInput',
		});
	});

	it("keeps HaloPSA's name for a Custom field name left empty (as Mapping Resolver does)", async () => {
		const result = await runWorkflow(
			workflowFeeding(
				'licenceSync',
				{
					psaPreset: 'custom',
					licenceFields: { count: '', clientId: ' ' },
					westcoastLinkField: '',
				},
				[[subscription('S1', 7)], licences, mappings],
			),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Node', 1).map((item) => item.json.payload)).toEqual([
			expect.objectContaining({ id: 10, count: 7 }),
		]);
	});
});
