/**
 * A wrongly wired planner says so, in n8n's engine against the sandboxes:
 * the wiring "+" on Mapping Resolver's Mapped output gives (Licence Sync's
 * first input), and Mapping Resolver's inputs swapped. Halo is left as it was.
 */
import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO } from '../../core/node-io';
import { workflowFeeding } from '../../harness/in-process/fixture-workflow';
import { runWorkflow, type WorkflowJson } from '../../harness/in-process/run-workflow';
import { NODES, syncWorkflow } from '../harness/sync-workflow';
import { sandboxCredential } from '../harness/westcoast';
import { usePairedSandboxes } from '../harness/paired';

jest.setTimeout(60_000);

const env = usePairedSandboxes();

/** The sync plan with Mapped on Licence Sync's input 1 and the subscriptions on input 3. */
async function trapWorkflow(continueOnFail: boolean): Promise<WorkflowJson> {
	const workflow = syncWorkflow({
		psaCustomers: await env.halo.list('Client', 'clients'),
		psaLicences: await env.halo.list('SoftwareLicence', 'licences'),
	});
	const { inputs } = LICENCE_SYNC_IO;
	workflow.connections[NODES.mapping].main[MAPPING_RESOLVER_IO.outputs.mapped.index]![0].index =
		inputs.subscriptions.index;
	workflow.connections[NODES.subscriptions].main[0]![0].index = inputs.mappings.index;
	if (continueOnFail) {
		const sync = workflow.nodes.find((node) => node.name === NODES.licences)!;
		sync.onError = 'continueRegularOutput';
	}
	return workflow;
}

describe('Licence Sync wired by the Mapped output\'s "+"', () => {
	it('stops naming the input to use, and nothing reaches an output', async () => {
		const before = await env.halo.list('SoftwareLicence', 'licences');
		const result = await runWorkflow(await trapWorkflow(false), {
			credentials: [sandboxCredential(env.sandboxes.westcoast)],
		});
		expect(result.error?.message).toMatch(
			/^The "Westcoast Subscriptions" input \(input 1\) received customer mappings \(Mapping Resolver's Mapped output\), first at item 0: they belong on Licence Sync's "Customer Mappings" input\. Connect the Westcoast Cloud node \(Subscription > Get Many\) to this input instead\./,
		);
		expect((result.error as { node?: { name: string } })?.node?.name).toBe(NODES.licences);
		expect(await env.halo.list('SoftwareLicence', 'licences')).toEqual(before);
	});

	it('with Continue On Fail: only the Summary says why, every change output is empty', async () => {
		const result = await runWorkflow(await trapWorkflow(true), {
			credentials: [sandboxCredential(env.sandboxes.westcoast)],
		});
		expect(result.error).toBeUndefined();
		const { outputs, outputList } = LICENCE_SYNC_IO;
		for (const output of outputList.filter((port) => port !== outputs.summary))
			expect(result.output(NODES.licences, output.index)).toEqual([]);
		expect(result.output(NODES.licences, outputs.summary.index).map((item) => item.json)).toEqual([
			expect.objectContaining({
				refused: true,
				code: 'wrongInput',
				input: 'Westcoast Subscriptions',
				received: 'customerMapping',
			}),
		]);
	});
});

describe('Mapping Resolver with its inputs swapped', () => {
	const westcoast = [
		{
			westcoastId: 'W1',
			name: 'Acme Ltd',
			state: 'Active',
			address: { street: null, city: null, postcode: null, country: null },
		},
	];
	const psa = [{ id: 1, name: 'Acme Ltd', toplevel_id: 1, main_site_id: 10, external_links: [] }];

	it('stops naming the input to use', async () => {
		const { error } = await runWorkflow(
			workflowFeeding('mappingResolver', { psaPreset: 'haloPsa' }, [psa, westcoast]),
		);
		expect(error?.message).toMatch(
			/^The "Westcoast Customers" input \(input 1\) received PSA customers, first at item 0: they belong on Mapping Resolver's "PSA Customers" input\./,
		);
	});

	it('with Continue On Fail: one Review item says why, nothing to write', async () => {
		const result = await runWorkflow(
			workflowFeeding('mappingResolver', { psaPreset: 'haloPsa' }, [psa, westcoast], {
				continueOnFail: true,
			}),
		);
		expect(result.error).toBeUndefined();
		const { outputs, outputList } = MAPPING_RESOLVER_IO;
		for (const output of outputList.filter((port) => port !== outputs.review))
			expect(result.output('Node', output.index)).toEqual([]);
		expect(result.output('Node', outputs.review.index).map((item) => item.json)).toEqual([
			expect.objectContaining({ reason: 'wrongInput', input: 'Westcoast Customers', item: 0 }),
		]);
	});
});
