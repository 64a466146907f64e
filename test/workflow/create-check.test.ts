/**
 * PSA Create Check in n8n's engine: the Create items of Licence Sync (one per
 * change, numbered into write batches, as the shipped workflows emit them) and
 * the pages of the lookups; out come the creates still to make, the updates
 * (in the batch of their create) and what was found.
 */
import { planLicences, readableEntry } from '../../core/licences';
import { HALO_PRESET } from '../../core/psa/halo';
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
	const creates = plan.create.map((entry) => ({ ...readableEntry(entry), batch: 1 }));
	const written = (index: number, overrides: object = {}) => ({
		...plan.create[index].payload,
		id: 600 + index,
		...overrides,
	});
	const parameters = {
		recordType: 'licences',
		westcoastLinkField: HALO_PRESET.licenceFields.westcoastLink,
	};

	it('keeps the missing creates with their batch number, updates a found licence that differs, leaves one in step', async () => {
		const pages = [
			{ record_count: 2, licences: [written(0), written(1, { count: 1 })] },
			{ record_count: 2, licences: [] },
		];
		const result = await runWorkflow(
			workflowFeeding('psaCreateCheck', parameters, [creates, pages]),
		);

		expect(result.error).toBeUndefined();
		const create = result.output(FED_NODE, OUTPUT.create);
		expect(create.map((item) => item.json)).toEqual([creates[2]]);
		expect(create[0].pairedItem).toEqual([{ input: 0, item: 2 }]);
		const update = result.output(FED_NODE, OUTPUT.update);
		expect(update.map((item) => item.json)).toEqual([
			expect.objectContaining({
				action: 'update',
				westcoastSubscriptionId: 'S2',
				productName: 'Product S2',
				payload: { id: 601, count: 5 },
				batch: 1,
			}),
		]);
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
			workflowFeeding('psaCreateCheck', parameters, [creates, pages]),
		);
		expect(result.error?.message).toMatch(/Halo client 11's licences .* is doubtful/);
	});
});
