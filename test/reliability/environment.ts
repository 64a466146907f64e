/**
 * The shipped daily sync on one running real n8n (`n8n start`, started once).
 * A run is a production run, as the Daily Schedule starts it: n8n 2.41.1 has
 * no call that fires a Schedule Trigger on demand, so the test adds a Webhook
 * trigger beside it (and disables the Schedule); n8n keeps workflow static
 * data for such runs (PSA List Check's last record count, Licence Sync's
 * memory), and not for manual runs (the editor's "Execute workflow",
 * `POST /rest/workflows/:id/run`), which `run({ manual: true })` starts.
 * Each run is read back from `GET /rest/executions/:id`: a run costs the
 * workflow's own time, not an n8n boot as `n8n execute` does.
 */
import { startPairedSandboxes, type PairedSandboxes } from '../../sandbox/paired';
import type { HaloRequestLogEntry } from '../../sandbox/halo';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import {
	CUSTOMER_IMPORT_SETTINGS,
	IMPORT_CUSTOMERS_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
	NODE,
	SUBSCRIPTION_IMPORT_SETTINGS,
	WEBHOOK_PATH,
} from '../../workflows/source/workflows';
import { sandboxCredentials } from '../../harness/daily-sync/credentials';
import { callWebhook, publishWorkflow, waitForWebhook } from '../../harness/daily-sync/webhooks';
import {
	readDailySyncWorkflow,
	readWorkflowFile,
	withProductionTrigger,
	withSettings,
} from '../../harness/daily-sync/workflow-file';
import { ALERT_FILE } from '../../workflows/source/report-nodes';
import {
	createN8nHome,
	importCredentials,
	importWorkflow,
	installPackage,
	packPackage,
	type Log,
	type N8nHome,
	type WorkflowToImport,
} from '../../harness/real-n8n/real-n8n';
import { startN8nServer, type N8nServer } from '../../harness/real-n8n/server';
import { unflatten } from '../../harness/real-n8n/flatted';

const RUN_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 100;

export interface RunOutcome {
	executionId: string;
	status: string;
	/** The node that failed the run, and its message (none when it succeeded). */
	errorNode?: string;
	errorMessage?: string;
	/** The nodes that ran, in n8n's run data. */
	nodesRun: string[];
	haloRequests: HaloRequestLogEntry[];
	ms: number;
}

export interface ReliabilityEnvironment {
	sandboxes: PairedSandboxes;
	server: N8nServer;
	settings: SettingValues;
	run(options?: { manual?: boolean }): Promise<RunOutcome>;
	/**
	 * A production daily sync and both import webhooks started at once (the
	 * imports as shipped, with the same Settings): the daily sync's outcome,
	 * and the HTTP status each import answered once it had run.
	 */
	race(): Promise<{ outcome: RunOutcome; imports: number[] }>;
	/** Starts a production run without waiting; answers its execution id. */
	start(): Promise<string>;
	/** The execution's status after at most `ms` (it may still be running). */
	statusWithin(id: string, ms: number): Promise<string>;
	close(): Promise<void>;
}

interface StoredExecution {
	status: string;
	finished?: boolean;
	data?: string;
}

interface RunData {
	resultData?: {
		error?: { message?: string; node?: { name?: string } };
		runData?: Record<string, unknown>;
		lastNodeExecuted?: string;
	};
}

const ENDED = (status: string) => !['new', 'running', 'waiting', 'unknown'].includes(status);

const PRODUCTION_WEBHOOK_PATH = 'reliability-test/daily-sync';

async function newestExecution(server: N8nServer, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await server.rest('GET', `/executions?filter=${filter}&limit=1`);
	if (answer.status !== 200)
		throw new Error(`GET /rest/executions: HTTP ${answer.status} ${answer.body}`);
	const { results } = (JSON.parse(answer.body) as { data: { results: Array<{ id: string }> } })
		.data;
	return Number(results[0]?.id ?? 0);
}

/** Calls the test webhook and answers the id of the production run it started. */
async function startProductionRun(server: N8nServer, workflowId: string): Promise<string> {
	const before = await newestExecution(server, workflowId);
	const answer = await callWebhook(server.url, PRODUCTION_WEBHOOK_PATH);
	if (answer.status !== 200)
		throw new Error(
			`the test webhook answered HTTP ${answer.status} ${JSON.stringify(answer.body)}`,
		);
	const deadline = Date.now() + RUN_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const newest = await newestExecution(server, workflowId);
		if (newest > before) return String(newest);
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	throw new Error('the test webhook started no execution');
}

async function startManualRun(server: N8nServer, workflowId: string): Promise<string> {
	const answer = await server.rest('POST', `/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: NODE.runNow },
	});
	const id =
		answer.status === 200
			? (JSON.parse(answer.body) as { data?: { executionId?: string } }).data?.executionId
			: undefined;
	if (!id)
		throw new Error(`n8n did not start the daily sync: HTTP ${answer.status} ${answer.body}`);
	return id;
}

async function waitForRun(server: N8nServer, id: string): Promise<StoredExecution> {
	const deadline = Date.now() + RUN_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const answer = await server.rest('GET', `/executions/${id}`);
		if (answer.status === 200) {
			const execution = (JSON.parse(answer.body) as { data: StoredExecution }).data;
			if (execution && ENDED(execution.status) && execution.data) return execution;
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	throw new Error(`execution ${id} did not end within ${RUN_TIMEOUT_MS / 1000} s`);
}

/** The values of `names` in `settings` (an import's Settings node has only its own fields). */
const pick = (settings: SettingValues, names: readonly string[]): SettingValues =>
	Object.fromEntries(Object.entries(settings).filter(([name]) => names.includes(name)));

export interface ReliabilityOptions {
	log: Log;
	settings: SettingValues;
	seed?: number;
	/** Changes the test makes to the shipped workflow (each named where it is used). */
	adjust?: (workflow: WorkflowToImport) => WorkflowToImport;
}

export async function startReliabilityEnvironment(
	options: ReliabilityOptions,
): Promise<ReliabilityEnvironment> {
	const { log } = options;
	await packPackage({ log });
	const sandboxes = await startPairedSandboxes({ seed: options.seed ?? 1 });
	let home: N8nHome | undefined;
	let server: N8nServer | undefined;
	try {
		home = await createN8nHome({ log });
		await installPackage(home.userFolder, { log });
		await importCredentials(home, sandboxCredentials(sandboxes));
		const shipped = withSettings(readDailySyncWorkflow(), {
			[SETTING.haloBaseUrl]: sandboxes.halo.url,
			...options.settings,
		});
		const workflow = withProductionTrigger(
			options.adjust ? options.adjust(shipped) : shipped,
			PRODUCTION_WEBHOOK_PATH,
		);
		// As shipped: the alert workflow (published, as n8n runs only a published error workflow) gives a failed run's lock back.
		const alert = readWorkflowFile(ALERT_FILE);
		const imports = [IMPORT_CUSTOMERS_FILE, IMPORT_SUBSCRIPTIONS_FILE].map((file) => {
			const shippedImport = withSettings(readWorkflowFile(file), {
				[SETTING.haloBaseUrl]: sandboxes.halo.url,
				...pick(
					options.settings,
					file === IMPORT_CUSTOMERS_FILE ? CUSTOMER_IMPORT_SETTINGS : SUBSCRIPTION_IMPORT_SETTINGS,
				),
			});
			return options.adjust && file === IMPORT_SUBSCRIPTIONS_FILE
				? options.adjust(shippedImport)
				: shippedImport;
		});
		await importWorkflow(home, [workflow, alert, ...imports]);
		for (const published of [workflow, alert, ...imports])
			await publishWorkflow(home, published.id);
		server = await startN8nServer(home);
		await waitForWebhook(server.url, PRODUCTION_WEBHOOK_PATH);
		for (const path of Object.values(WEBHOOK_PATH)) await waitForWebhook(server.url, path);
	} catch (error) {
		await Promise.all([server?.stop(), sandboxes.close()]);
		await home?.remove();
		throw error;
	}
	const n8nHome = home;
	const n8n = server;
	const workflowId = readDailySyncWorkflow().id;
	/** Starts a run with `start`, waits for it to end, and tells it from n8n's stored execution. */
	const outcomeOf = async (start: () => Promise<string>): Promise<RunOutcome> => {
		const started = Date.now();
		const before = sandboxes.halo.admin.requests().length;
		const executionId = await start();
		const execution = await waitForRun(n8n, executionId);
		const data = unflatten(execution.data as string) as RunData;
		const error = data.resultData?.error;
		return {
			executionId,
			status: execution.status,
			errorNode: error?.node?.name,
			errorMessage: error?.message,
			nodesRun: Object.keys(data.resultData?.runData ?? {}),
			haloRequests: sandboxes.halo.admin.requests().slice(before),
			ms: Date.now() - started,
		};
	};
	return {
		sandboxes,
		server: n8n,
		settings: options.settings,
		run: ({ manual = false } = {}) =>
			outcomeOf(() => (manual ? startManualRun : startProductionRun)(n8n, workflowId)),
		race: async () => {
			let imports: Promise<number[]> = Promise.resolve([]);
			const outcome = await outcomeOf(async () => {
				const started = startProductionRun(n8n, workflowId);
				imports = Promise.all(
					Object.values(WEBHOOK_PATH).map(
						async (path) => (await callWebhook(n8n.url, path)).status,
					),
				);
				return await started;
			});
			return { outcome, imports: await imports };
		},
		start: () => startProductionRun(n8n, workflowId),
		statusWithin: async (id, ms) => {
			const deadline = Date.now() + ms;
			let status = 'unknown';
			do {
				const answer = await n8n.rest('GET', `/executions/${id}`);
				if (answer.status === 200)
					status = (JSON.parse(answer.body) as { data: StoredExecution }).data.status;
				if (ENDED(status)) return status;
				await new Promise((resolve) => setTimeout(resolve, POLL_MS));
			} while (Date.now() < deadline);
			return status;
		},
		close: async () => {
			await n8n.stop();
			await sandboxes.close();
			await n8nHome.remove();
		},
	};
}
