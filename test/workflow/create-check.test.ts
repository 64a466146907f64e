/**
 * PSA Create Check in n8n's engine: the Create items of Licence Sync (in
 * batches, as the shipped workflows emit them) and the pages of the lookups,
 * out come the batches still to create, the updates and what was found.
 */
import { HALO_LICENCE_FIELD_NAMES, planLicences } from '../../core/licences';
import { FED_NODE, workflowFeeding } from '../../harness/in-process/fixture-workflow';
import { runWorkflow } from '../../harness/in-process/run-workflow';
import { subscription } from '../unit/licences/fixtures';

const OUTPUT = { create: 0, update: 1, existing: 2 };

describe('PSA Create Check in a workflow', () => {
	const subscriptions = ['S1', 'S2', 'S3'].map((westcoastId) =>
		subscription({ westcoastId, productName: `Product ${westcoastId}` }),
	);
	const plan = planLicences({
		subscriptions,
		licences: [],
		mappings: [{ westcoastId: 'C1', psaId: 11 }],
	});
	const batch = {
		batch: 1,
		count: plan.create.length,
		payloads: plan.create.map((entry) => entry.payload),
		records: plan.create.map(({ source: _source, ...entry }) => entry),
	};
	const written = (index: number, overrides: object = {}) => ({
		...plan.create[index].payload,
		id: 600 + index,
		...overrides,
	});
	const parameters = {
		recordType: 'licences',
		westcoastLinkField: HALO_LICENCE_FIELD_NAMES.westcoastLink,
	};

	it('keeps the missing creates in their batch, updates a found licence that differs, leaves one in step', async () => {
		const pages = [
			{ record_count: 2, licences: [written(0), written(1, { count: 1 })] },
			{ record_count: 2, licences: [] },
		];
		const result = await runWorkflow(
			workflowFeeding('psaCreateCheck', parameters, [[batch], pages]),
		);

		expect(result.error).toBeUndefined();
		const [create] = result.output(FED_NODE, OUTPUT.create);
		expect(create.json).toMatchObject({
			batch: 1,
			count: 1,
			records: [{ westcoastSubscriptionId: 'S3' }],
		});
		expect(create.pairedItem).toEqual([{ input: 0, item: 0 }]);
		const [update] = result.output(FED_NODE, OUTPUT.update);
		expect(update.json).toMatchObject({ count: 1, payloads: [{ id: 601, count: 5 }] });
		expect(result.output(FED_NODE, OUTPUT.existing).map((item) => item.json)).toEqual([
			expect.objectContaining({
				action: 'unchanged',
				westcoastSubscriptionId: 'S1',
				psaLicenceId: 600,
			}),
		]);
	});

	it('stops the run on a lookup that fell short, naming the client', async () => {
		const pages = [{ record_count: 3, licences: [written(0)] }];
		const result = await runWorkflow(
			workflowFeeding('psaCreateCheck', parameters, [[batch], pages]),
		);
		expect(result.error?.message).toMatch(/Halo client 11's licences .* is doubtful/);
	});
});
