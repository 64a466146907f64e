/**
 * Racing runs in ONE real n8n 2.41.1 process (`n8n start`, regular mode):
 * the daily sync (started as the editor's Run Now does) and both import
 * webhooks at once, and a write made outside n8n between a run's read and
 * its create. Halo sits behind a gate that holds a chosen request, so the
 * overlap is certain, not a matter of timing. Halo's end state is judged by
 * the independent check (daily-sync/halo-check.ts), never by the planners.
 */
import { LINK_TABLE, type HaloSandbox, type HaloState } from '../../sandbox/halo';
import { startPairedSandboxes, type PairedSandboxes } from '../../sandbox/paired';
import { HALO_DISTRIBUTOR_NAME, WESTCOAST_LINK_TYPE } from '../../core/psa/halo';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import {
	DAILY_SYNC_FILE,
	IMPORT_CUSTOMERS_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
	NODE,
	WEBHOOK_PATH,
} from '../../workflows/source/workflows';
import { ALERT_FILE } from '../../workflows/source/report-nodes';
import { sandboxCredentials } from '../../harness/daily-sync/credentials';
import { TEST_SETTINGS, TEST_TOP_LEVEL } from '../../harness/daily-sync/environment';
import { haloProblems } from './daily-sync/halo-check';
import { callWebhook, publishWorkflow, waitForWebhook } from '../../harness/daily-sync/webhooks';
import { companyLevel, isActive, seatsOf } from '../../harness/daily-sync/westcoast-facts';
import { readWorkflowFile, withSettings } from '../../harness/daily-sync/workflow-file';
import { startHaloGate, type HaloGate, type HeldRequest } from './queue/gate';
import { waitFor } from './queue/wait';
import {
	createN8nHome,
	importCredentials,
	importWorkflow,
	installPackage,
	packPackage,
	type N8nHome,
} from '../../harness/real-n8n/real-n8n';
import { startN8nServer, type N8nServer } from '../../harness/real-n8n/server';

const MINUTE = 60_000;
const IN_STEP = { customers: [], licences: [] };
const RUN_TIMEOUT_MS = 4 * MINUTE;

function log(line: string): void {
	process.stderr.write(`[race] ${line}\n`);
}

/** Settings per workflow: each Settings node has only its own fields. */
const SETTINGS_OF: Record<string, SettingValues> = {
	[DAILY_SYNC_FILE]: TEST_SETTINGS,
	[IMPORT_CUSTOMERS_FILE]: {
		[SETTING.topLevel]: TEST_SETTINGS[SETTING.topLevel],
		[SETTING.updateSiteAddress]: TEST_SETTINGS[SETTING.updateSiteAddress],
	},
	[IMPORT_SUBSCRIPTIONS_FILE]: {
		[SETTING.deactivateDeleted]: TEST_SETTINGS[SETTING.deactivateDeleted],
	},
};

interface ExecutionRow {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
}

/** What Halo holds twice that must be once: clients per Westcoast ID, a link on one client, licences per subscription. */
function duplicates(state: HaloState) {
	const count = (keys: string[]) => {
		const seen = new Map<string, number>();
		for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
		return [...seen].filter(([, copies]) => copies > 1).map(([key]) => key);
	};
	const clientLinks = state.externalLinks.filter(
		(link) =>
			link.table_id === LINK_TABLE.client &&
			(link.third_party_type ?? WESTCOAST_LINK_TYPE) === WESTCOAST_LINK_TYPE,
	);
	const clientsPerWestcoastId = new Map<string, Set<number>>();
	for (const link of clientLinks)
		clientsPerWestcoastId.set(
			link.third_party_id,
			(clientsPerWestcoastId.get(link.third_party_id) ?? new Set()).add(link.halo_id),
		);
	return {
		clients: [...clientsPerWestcoastId].filter(([, ids]) => ids.size > 1).map(([id]) => id),
		links: count(clientLinks.map((link) => `${link.halo_id}/${link.third_party_id}`)),
		licences: count(
			state.licences
				.map((licence) => String(licence.third_party_product ?? ''))
				.filter((link) => link !== ''),
		),
	};
}
const NO_DUPLICATES = { clients: [], links: [], licences: [] };

const queryOf = (url: string) => new URL(url, 'http://halo').searchParams;

/** A POST to the Halo sandbox's own API with a token of its own: a writer outside n8n (a person, another integration). */
async function writeToHalo(halo: HaloSandbox, entity: string, records: object[]) {
	const token = await fetch(halo.tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: halo.clientId,
			client_secret: halo.clientSecret,
			scope: 'all',
		}),
	}).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
	const response = await fetch(`${halo.url}/api/${entity}`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(records),
	});
	if (!response.ok) throw new Error(`Halo refused the outside write: ${await response.text()}`);
	return (await response.json()) as { id: number };
}

describe('racing runs in one real n8n: no duplicate client, link or licence', () => {
	let sandboxes: PairedSandboxes;
	let gate: HaloGate;
	let home: N8nHome;
	let server: N8nServer;
	let haloBefore: HaloState;
	const dailySyncId = readWorkflowFile(DAILY_SYNC_FILE).id;

	const problems = () =>
		haloProblems({
			westcoast: sandboxes.westcoast.state(),
			haloBefore,
			haloNow: sandboxes.halo.state(),
			topLevelId: TEST_TOP_LEVEL,
			updateSiteAddress: true,
		});

	const executions = async (): Promise<ExecutionRow[]> => {
		const answer = await server.rest('GET', '/executions?limit=100');
		if (answer.status !== 200) throw new Error(`GET /rest/executions: HTTP ${answer.status}`);
		const { data } = JSON.parse(answer.body) as { data: { results: ExecutionRow[] } };
		return data.results;
	};
	const startDailySync = async (): Promise<string> => {
		const answer = await server.rest('POST', `/workflows/${dailySyncId}/run`, {
			triggerToStartFrom: { name: NODE.runNow },
		});
		const id = (JSON.parse(answer.body) as { data?: { executionId?: string } }).data?.executionId;
		if (answer.status !== 200 || !id)
			throw new Error(`n8n did not start the daily sync: HTTP ${answer.status} ${answer.body}`);
		return id;
	};
	const finished = async (id: string): Promise<ExecutionRow> => {
		let row: ExecutionRow | undefined;
		await waitFor(
			`execution ${id} ended`,
			async () => {
				row = (await executions()).find((execution) => execution.id === id);
				return row !== undefined && !['new', 'running', 'waiting'].includes(row.status);
			},
			{ timeoutMs: RUN_TIMEOUT_MS },
		);
		return row as ExecutionRow;
	};
	const running = async () =>
		(await executions()).filter((execution) => execution.status === 'running');

	beforeAll(async () => {
		await packPackage({ log });
		sandboxes = await startPairedSandboxes({ seed: 1 });
		gate = await startHaloGate(sandboxes.halo.url);
		home = await createN8nHome({ log });
		await installPackage(home.userFolder, { log });
		await importCredentials(home, sandboxCredentials(sandboxes));
		const workflows = [DAILY_SYNC_FILE, IMPORT_CUSTOMERS_FILE, IMPORT_SUBSCRIPTIONS_FILE].map(
			(file) =>
				withSettings(readWorkflowFile(file), {
					...SETTINGS_OF[file],
					[SETTING.haloBaseUrl]: gate.url,
				}),
		);
		// The alert workflow gives a failed run's lock back; n8n runs it only once published.
		const alert = readWorkflowFile(ALERT_FILE);
		await importWorkflow(home, [...workflows, alert]);
		for (const workflow of [...workflows.slice(1), alert]) await publishWorkflow(home, workflow.id);
		server = await startN8nServer(home);
		for (const path of Object.values(WEBHOOK_PATH)) await waitForWebhook(server.url, path);
	}, 10 * MINUTE);

	afterAll(async () => {
		await server?.stop();
		await gate?.close();
		await sandboxes?.close();
		await home?.remove();
	});

	beforeEach(() => {
		// Every race starts from the seed: every run has clients and licences to create.
		sandboxes.westcoast.admin.reset();
		sandboxes.halo.admin.reset();
		haloBefore = sandboxes.halo.state();
	});

	test(
		'the daily sync and both imports started together, each import called twice at once',
		async () => {
			expect(problems()).not.toEqual(IN_STEP);
			// The sync holds the Run Lock before its first Halo call: held there, it is mid-run with the lock.
			const syncHeld = gate.holdNext((_method, path) => path.startsWith('/api/'));
			const sync = await startDailySync();
			const held = await syncHeld;
			const calls = [
				WEBHOOK_PATH.customers,
				WEBHOOK_PATH.subscriptions,
				WEBHOOK_PATH.customers,
				WEBHOOK_PATH.subscriptions,
			].map((path) => callWebhook(server.url, path));
			// All five runs are under way before the sync goes on.
			await waitFor(
				'the four webhook runs and the sync running at once',
				async () => (await running()).length === 5,
				{ timeoutMs: RUN_TIMEOUT_MS },
			);
			const racing = await running();
			log(`running together: ${racing.map((run) => `${run.id} (${run.mode})`).join(', ')}`);
			held.release();

			const answers = await Promise.all(calls);
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
			expect((await finished(sync)).status).toBe('success');
			expect(sandboxes.halo.admin.requests().filter((request) => request.status >= 400)).toEqual(
				[],
			);
			const found = duplicates(sandboxes.halo.state());
			log(`after the race: duplicates ${JSON.stringify(found)}`);
			expect(found).toEqual(NO_DUPLICATES);
			expect(problems()).toEqual(IN_STEP);
		},
		RUN_TIMEOUT_MS + 2 * MINUTE,
	);

	test(
		'a client and a licence written outside n8n between the read and the create are found just before the create: mapped and updated, not created again',
		async () => {
			const { westcoast, halo } = sandboxes;
			// A new customer the sync will create, and a subscription of a customer matched by name whose licence it will create.
			const newcomer = westcoast.admin.createCustomer({ CompanyName: 'Race Outside Writer Ltd' });
			const state = westcoast.state();
			const pairs = state.customers.flatMap((customer) => {
				const clients = haloBefore.clients.filter((client) => client.name === customer.CompanyName);
				const linked = haloBefore.externalLinks.some(
					(link) => link.third_party_id === String(customer.AccountId),
				);
				if (!isActive(customer) || clients.length !== 1 || linked) return [];
				const parents = new Set(state.subscriptions.map((s) => s.DependencyAccountId));
				const subscription = companyLevel(state).find(
					(candidate) =>
						candidate.CompanyAccountId === customer.AccountId &&
						isActive(candidate) &&
						seatsOf(candidate) !== null &&
						!parents.has(candidate.AccountId) &&
						!haloBefore.licences.some(
							(licence) => licence.third_party_product === String(candidate.AccountId),
						),
				);
				return subscription ? [{ client: clients[0], subscription }] : [];
			});
			expect(pairs.length).toBeGreaterThan(0);
			const [{ client, subscription }] = pairs;
			const seats = seatsOf(subscription) as number;

			const clientLookup = gate.holdNext(
				(method, path, url) =>
					method === 'GET' &&
					path === '/api/ExternalLink' &&
					queryOf(url).get('third_party_id') === String(newcomer.AccountId),
			);
			const sync = await startDailySync();
			let held: HeldRequest = await clientLookup;
			// Between the sync's client read and its create: the client appears, with its Westcoast link.
			const outside = await writeToHalo(halo, 'Client', [
				{
					name: newcomer.CompanyName,
					toplevel_id: TEST_TOP_LEVEL,
					new_external_link: {
						third_party_id: String(newcomer.AccountId),
						third_party_desc: newcomer.CompanyName,
						third_party_type: WESTCOAST_LINK_TYPE,
					},
					newclient_delivery_address: {
						line1: newcomer.Address,
						line3: newcomer.City ?? undefined,
						postcode: newcomer.Zip,
					},
				},
			]);
			const licenceLookup = gate.holdNext(
				(method, path, url) =>
					method === 'GET' &&
					path === '/api/SoftwareLicence' &&
					queryOf(url).get('client_id') === String(client.id),
			);
			held.release();
			held = await licenceLookup;
			// Between the sync's licence read and its create: the licence appears, with a wrong count.
			const licence = await writeToHalo(halo, 'SoftwareLicence', [
				{
					name: String(subscription.ProductName),
					client_id: client.id,
					count: seats + 7,
					is_active: true,
					distributor: HALO_DISTRIBUTOR_NAME,
					third_party_product: String(subscription.AccountId),
				},
			]);
			held.release();

			expect((await finished(sync)).status).toBe('success');
			const now = halo.state();
			expect(now.clients.filter((each) => each.name === newcomer.CompanyName)).toEqual([
				expect.objectContaining({ id: outside.id }),
			]);
			expect(
				now.licences.filter((each) => each.third_party_product === String(subscription.AccountId)),
			).toEqual([expect.objectContaining({ id: licence.id, count: seats })]);
			expect(duplicates(now)).toEqual(NO_DUPLICATES);
			expect(problems()).toEqual(IN_STEP);
		},
		RUN_TIMEOUT_MS + MINUTE,
	);

	test(
		'a run that fails while holding the Run Lock gives it back at once (the alert workflow releases it): the next call is not held up',
		async () => {
			const { westcoast } = sandboxes;
			// The customer import takes the lock, then its Westcoast read fails for good.
			westcoast.admin.setFaults({ calls: ['GetCompanies'], unavailable: { count: 100 } });
			const failed = await callWebhook(server.url, WEBHOOK_PATH.customers);
			westcoast.admin.clearFaults();
			expect(failed.status).toBeGreaterThanOrEqual(500);

			// Held until Hold Up To (15 minutes) otherwise: the call's own timeout (2 minutes) would fail first.
			const next = await callWebhook(server.url, WEBHOOK_PATH.customers);
			expect(next.status).toBe(200);
			const errorRuns = (await executions()).filter((execution) => execution.mode === 'error');
			log(`error-trigger runs: ${errorRuns.map((run) => `${run.id} ${run.status}`).join(', ')}`);
			expect(errorRuns).toContainEqual(expect.objectContaining({ status: 'success' }));
			expect(duplicates(sandboxes.halo.state())).toEqual(NO_DUPLICATES);
		},
		RUN_TIMEOUT_MS,
	);
});
