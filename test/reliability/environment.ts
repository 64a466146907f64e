/**
 * The shipped daily sync on one running real n8n (`n8n start`, started once),
 * each run started over the editor's REST API (`POST /rest/workflows/:id/run`,
 * a manual run like "Execute workflow") and read back from
 * `GET /rest/executions/:id`: a run costs the workflow's own time, not an n8n
 * boot as `n8n execute` does.
 */
import { startPairedSandboxes, type PairedSandboxes } from '../../sandbox/paired';
import type { HaloRequestLogEntry } from '../../sandbox/halo';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import { NODE } from '../../workflows/source/workflows';
import { sandboxCredentials } from '../real-n8n/daily-sync/credentials';
import { readDailySyncWorkflow, withSettings } from '../real-n8n/daily-sync/workflow-file';
import {
	createN8nHome,
	importCredentials,
	importWorkflow,
	installPackage,
	packPackage,
	type Log,
	type N8nHome,
	type WorkflowToImport,
} from '../real-n8n/real-n8n';
import { startN8nServer, type N8nServer } from '../real-n8n/server';

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
	run(): Promise<RunOutcome>;
	close(): Promise<void>;
}

/** n8n's "flatted" run data: one JSON array; string values in objects and arrays are indexes into it. */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const value = table[index];
		if (typeof value !== 'object' || value === null) {
			revived.set(index, value);
			return value;
		}
		const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		revived.set(index, copy);
		for (const [key, inner] of Object.entries(value))
			(copy as Record<string, unknown>)[key] =
				typeof inner === 'string' ? revive(Number(inner)) : inner;
		return copy;
	};
	return revive(0);
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

async function startRun(server: N8nServer, workflowId: string): Promise<string> {
	const answer = await server.rest('POST', `/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: NODE.runNow },
	});
	const id =
		answer.status === 200
			? (JSON.parse(answer.body) as { data?: { executionId?: string } }).data?.executionId
			: undefined;
	if (!id) throw new Error(`n8n did not start the daily sync: HTTP ${answer.status} ${answer.body}`);
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
		const workflow = options.adjust ? options.adjust(shipped) : shipped;
		await importWorkflow(home, workflow);
		server = await startN8nServer(home);
	} catch (error) {
		await Promise.all([server?.stop(), sandboxes.close()]);
		await home?.remove();
		throw error;
	}
	const n8nHome = home;
	const n8n = server;
	const workflowId = readDailySyncWorkflow().id;
	return {
		sandboxes,
		server: n8n,
		settings: options.settings,
		run: async () => {
			const started = Date.now();
			const before = sandboxes.halo.admin.requests().length;
			const executionId = await startRun(n8n, workflowId);
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
		},
		close: async () => {
			await n8n.stop();
			await sandboxes.close();
			await n8nHome.remove();
		},
	};
}
