/**
 * Westcoast Cloud's Subscription > Confirm Deleted in n8n's engine against the
 * marketplace sandbox: Licence Sync's Deactivate items go on only when every
 * subscription they treat as deleted is really gone (or no longer active).
 */
import { startWestcoastSandbox, type WestcoastSandbox } from '../../sandbox/westcoast';
import { testDialect } from '../harness/dialect';
import { FED_NODE, workflowFeeding } from '../../harness/in-process/fixture-workflow';
import { runWorkflow } from '../../harness/in-process/run-workflow';
import { sandboxCredential } from '../harness/westcoast';

jest.setTimeout(60_000);

let sandbox: WestcoastSandbox;
beforeAll(async () => {
	sandbox = await startWestcoastSandbox({ seed: 7, dialect: testDialect() });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.admin.reset({ seed: 7 }));

const activeSubscriptions = () =>
	sandbox.state().subscriptions.filter((subscription) => subscription.AccountState === 'Active');

/** Deactivate items as Licence Sync emits them: one per licence, numbered into write batches. */
const deactivationsOf = (ids: string[], code = 'deletedUpstreamZeroed') =>
	ids.map((id, index) => ({
		action: 'deactivate',
		customerName: null,
		productName: `Product ${id}`,
		change: 'count 5 → 0',
		why: '',
		westcoastSubscriptionId: id,
		psaLicenceId: 100 + index,
		reason: { code, message: '' },
		payload: { id: 100 + index, count: 0 },
		batch: 1,
	}));

async function confirm(items: unknown[]) {
	const workflow = workflowFeeding(
		'westcoastCloud',
		{ resource: 'subscription', operation: 'confirmDeleted' },
		[items],
	);
	for (const node of workflow.nodes)
		if (node.name === FED_NODE)
			node.credentials = { westcoastCloudApi: { id: 'wc-1', name: 'Westcoast Sandbox' } };
	const result = await runWorkflow(workflow, { credentials: [sandboxCredential(sandbox)] });
	return { error: result.error, items: result.output(FED_NODE) };
}

describe('Subscription > Confirm Deleted', () => {
	test('deletions the marketplace confirms (the subscriptions are gone) pass through unchanged', async () => {
		// A subscription with its add-ons: all of them gone.
		const [first] = activeSubscriptions();
		const { deleted } = sandbox.admin.deleteSubscription(Number(first.AccountId));
		const planned = deactivationsOf(deleted.map(String));
		const { error, items } = await confirm(planned);
		expect(error).toBeUndefined();
		expect(items.map((output) => output.json)).toEqual(planned);
	});

	test('a subscription left out of the list but still active stops the run, naming it', async () => {
		const [gone] = activeSubscriptions();
		// Its add-ons go with it: the one still there is another subscription.
		sandbox.admin.deleteSubscription(Number(gone.AccountId));
		const [stillThere] = activeSubscriptions();
		const { error, items } = await confirm(
			deactivationsOf([String(gone.AccountId), String(stillThere.AccountId)]),
		);
		expect(items).toEqual([]);
		expect(error?.message).toContain(
			`left out 1 subscription it still has as active: ${stillThere.AccountId} (Product ${stillThere.AccountId})`,
		);
		expect(error?.message).toContain('no licence was made inactive or zeroed');
	});

	test('deactivations the list itself shows (not active upstream) are not read again', async () => {
		const [active] = activeSubscriptions();
		const planned = deactivationsOf([String(active.AccountId)], 'inactiveUpstream');
		const { error, items } = await confirm(planned);
		expect(error).toBeUndefined();
		expect(items.map((output) => output.json)).toEqual(planned);
		expect(sandbox.admin.calls().filter((call) => call.call === 'GetSubscription')).toEqual([]);
	});

	test('a failed read is not a confirmation: the run stops', async () => {
		const [active] = activeSubscriptions();
		sandbox.admin.deleteSubscription(Number(active.AccountId));
		sandbox.admin.setFaults({ calls: ['GetSubscription'], unavailable: { count: 20 } });
		const { error, items } = await confirm(deactivationsOf([String(active.AccountId)]));
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/GetSubscription/);
	});
});
