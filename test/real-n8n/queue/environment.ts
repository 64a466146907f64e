/**
 * n8n 2.41.1 in queue mode, as n8n recommends at scale: Redis as the queue,
 * Postgres as the database, a main instance (`n8n start`: webhooks, the UI's
 * runs) and two workers (`n8n worker`) that execute, each with the package
 * installed in its own user folder; in front of them both sandboxes, Halo
 * behind a gate that can hold a request. The queue-mode workflow files
 * (workflows/queue-mode) keep their lock and guard memory in n8n's own
 * Postgres database, through a Postgres credential as a user sets it up.
 * Started and stopped from here only.
 */
import { startPairedSandboxes, type PairedSandboxes } from '../../../sandbox/paired';
import { SETTING, type SettingValues } from '../../../workflows/source/settings';
import { POSTGRES_CREDENTIAL } from '../../../workflows/source/queue-mode';
import {
	DAILY_SYNC_FILE,
	IMPORT_CUSTOMERS_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
	NODE,
	queueModeFile,
} from '../../../workflows/source/workflows';
import { sandboxCredentials } from '../../../harness/daily-sync/credentials';
import { ALERT_FILE } from '../../../workflows/source/report-nodes';
import { callWebhook, publishWorkflow, waitForWebhook } from '../../../harness/daily-sync/webhooks';
import {
	readWorkflowFile,
	withProductionTrigger,
	withSettings,
} from '../../../harness/daily-sync/workflow-file';
import { createN8nHome, findFreePort, type N8nHome } from '../../../harness/real-n8n/home';
import {
	importCredentials,
	importWorkflow,
	type CredentialToImport,
	type WorkflowToImport,
} from '../../../harness/real-n8n/cli';
import { installPackage, packPackage } from '../../../harness/real-n8n/install';
import {
	seconds,
	silentLog,
	startProcessGroup,
	type GroupProcess,
	type Log,
} from '../../../harness/real-n8n/process';
import { startN8nServer, type N8nServer } from '../../../harness/real-n8n/server';
import { startHaloGate, type HaloGate } from './gate';
import {
	ensureQueueServices,
	startPostgres,
	startRedis,
	type RunningPostgres,
	type RunningService,
} from './services';
import { waitFor } from './wait';
import { unflatten } from '../../../harness/real-n8n/flatted';

const WORKER_READY_TIMEOUT_MS = 3 * 60_000;
const EXECUTION_TIMEOUT_MS = 3 * 60_000;
/** One execution at a time per worker, so that a second job must go to the other worker. */
const WORKER_CONCURRENCY = 1;
export const WORKER_NAMES = ['worker-1', 'worker-2'] as const;

/** The files a queue-mode user imports. */
const readQueueModeWorkflow = (file: string) => readWorkflowFile(queueModeFile(file));

export const DAILY_SYNC_ID = readQueueModeWorkflow(DAILY_SYNC_FILE).id;
/** The test-only trigger that starts the daily sync as a production run (mode "webhook"). */
const DAILY_SYNC_WEBHOOK_PATH = 'queue-test/daily-sync';

export interface QueueWorker {
	name: string;
	home: N8nHome;
	/** Everything every run of this worker printed. */
	output(): string;
	/** SIGKILL to the worker and its task runners: a crash. */
	crash(): Promise<void>;
	/** Starts `n8n worker` again on the same home and waits until it takes jobs. */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

/** A row of n8n's execution_entity, and the worker whose log says it started it. */
export interface ExecutionRecord {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	/** The size of the run data n8n stored for it (execution_data.data). */
	dataBytes: number;
	worker: string | undefined;
}

export interface QueueEnvironment {
	sandboxes: PairedSandboxes;
	gate: HaloGate;
	main: N8nServer;
	workers: QueueWorker[];
	postgres: RunningPostgres;
	/** From the first step to every instance ready. */
	startMs: number;
	/** Imports the daily sync again with these Settings values (Halo through the gate). */
	configureDailySync(values: SettingValues): Promise<void>;
	/** What the editor's "Execute workflow" does: queued, then run by a worker. Answers the execution id. */
	startDailySync(): Promise<string>;
	/** A production run (mode "webhook", as Licence Sync's guard counts it), queued by the main. Answers the execution id. */
	triggerDailySync(): Promise<string>;
	/** Waits until the execution has ended (any status but new/running/waiting). */
	waitForExecution(id: string): Promise<ExecutionRecord>;
	executions(): Promise<ExecutionRecord[]>;
	/** The strings in the run data n8n stored for an execution (messages, notes, errors). */
	storedStrings(id: string): Promise<string[]>;
	/** The nodes of an execution in the order they ran, one entry per run of a node. */
	runOrder(id: string): Promise<string[]>;
	workerOf(executionId: string): string | undefined;
	close(): Promise<void>;
}

/** The Postgres credential of the queue-mode workflows: n8n's own database, as a user may choose. */
function postgresCredential(postgres: RunningPostgres): CredentialToImport {
	return {
		id: POSTGRES_CREDENTIAL.id,
		name: POSTGRES_CREDENTIAL.name,
		type: POSTGRES_CREDENTIAL.type,
		data: {
			host: '127.0.0.1',
			port: postgres.port,
			database: postgres.env.DB_POSTGRESDB_DATABASE,
			user: postgres.env.DB_POSTGRESDB_USER,
			password: postgres.env.DB_POSTGRESDB_PASSWORD,
			ssl: 'disable',
			allowUnauthorizedCerts: false,
			sshTunnel: false,
		},
	};
}

/**
 * n8n saves a run's data after each node (the workflow setting "Save
 * execution progress"), so that a test can see how far a running execution
 * has got, e.g. that it is waiting for the lock.
 */
const withProgressSaved = (workflow: WorkflowToImport): WorkflowToImport => ({
	...workflow,
	settings: { ...workflow.settings, saveExecutionProgress: true },
});

/** What every instance shares: the queue, the database and the key that encrypts the credentials. */
function queueEnv(redis: RunningService, postgres: RunningPostgres): NodeJS.ProcessEnv {
	return {
		...postgres.env,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Runs started in the editor go to the workers too (n8n 3's only behaviour).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

async function startWorker(name: string, home: N8nHome, log: Log): Promise<QueueWorker> {
	const healthPort = await findFreePort();
	const env = {
		...home.env,
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
	const outputs: GroupProcess[] = [];
	let current: GroupProcess;
	const start = async () => {
		const started = Date.now();
		current = startProcessGroup(
			home.n8n.nodeBin,
			[home.n8n.n8nBin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`],
			{ cwd: home.userFolder, env },
		);
		outputs.push(current);
		// Ready = connected to Postgres and Redis and taking jobs from the queue.
		await waitFor(
			`${name} ready`,
			() =>
				fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`).then(
					(response) => response.ok,
					() => false,
				),
			{ timeoutMs: WORKER_READY_TIMEOUT_MS, process: current },
		);
		log(`${name} ready in ${seconds(Date.now() - started)} (health on 127.0.0.1:${healthPort})`);
	};
	await start();
	return {
		name,
		home,
		output: () => outputs.map((run) => run.output()).join('\n'),
		crash: async () => {
			await current.kill('SIGKILL');
			log(`${name} killed with SIGKILL`);
		},
		restart: start,
		stop: () => current.stop(),
	};
}

const RUNNING_STATUSES = ['new', 'running', 'waiting'];

interface StoredRun {
	resultData?: { runData?: Record<string, Array<{ startTime: number; executionIndex?: number }>> };
}

export async function startQueueEnvironment(
	options: {
		log?: Log;
		/** The daily sync's Settings values. */
		settings?: SettingValues;
		customerImportSettings?: SettingValues;
	} = {},
): Promise<QueueEnvironment> {
	const log = options.log ?? silentLog;
	const started = Date.now();
	const cleanups: Array<() => Promise<void>> = [];
	const closeAll = async () => {
		// Last started, first stopped: the instances before the services they use.
		for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
	};
	try {
		await packPackage({ log }); // fails at once when dist/ is missing
		const binaries = await ensureQueueServices(log);
		const [redis, postgres, sandboxes] = await Promise.all([
			startRedis(binaries),
			startPostgres(binaries, log),
			startPairedSandboxes({ seed: 1 }),
		]);
		cleanups.push(redis.stop, postgres.stop, sandboxes.close);
		log(
			`Redis on 127.0.0.1:${redis.port}; sandboxes ${sandboxes.westcoast.url}, ${sandboxes.halo.url}`,
		);
		const gate = await startHaloGate(sandboxes.halo.url);
		cleanups.push(gate.close);

		// One user folder per instance, each with the package installed as n8n installs it.
		const shared = queueEnv(redis, postgres);
		const homes = await Promise.all(
			['main', ...WORKER_NAMES].map(async () => {
				const home = await createN8nHome({ log });
				cleanups.push(home.remove);
				Object.assign(home.env, shared);
				await installPackage(home.userFolder, { log });
				return home;
			}),
		);
		const [mainHome, ...workerHomes] = homes;

		// Credentials and workflows go into the shared database (the first command migrates it).
		await importCredentials(mainHome, [
			...sandboxCredentials(sandboxes),
			postgresCredential(postgres),
		]);
		const haloThroughGate = { [SETTING.haloBaseUrl]: gate.url };
		const imports = [
			[IMPORT_CUSTOMERS_FILE, options.customerImportSettings ?? {}] as const,
			[IMPORT_SUBSCRIPTIONS_FILE, {}] as const,
		].map(([file, values]) =>
			withProgressSaved(
				withSettings(readQueueModeWorkflow(file), { ...values, ...haloThroughGate }),
			),
		);
		const dailySync = withProductionTrigger(
			readQueueModeWorkflow(DAILY_SYNC_FILE),
			DAILY_SYNC_WEBHOOK_PATH,
		);
		const configureDailySync = (values: SettingValues) =>
			importWorkflow(mainHome, withSettings(dailySync, { ...haloThroughGate, ...values }));
		// The alert workflow (the sync workflows' error workflow) gives a failed run's lock back; n8n runs it only published.
		const alert = readQueueModeWorkflow(ALERT_FILE);
		await importWorkflow(mainHome, [...imports, alert]);
		await configureDailySync(options.settings ?? {});
		for (const workflow of [...imports, dailySync, alert])
			await publishWorkflow(mainHome, workflow.id);

		const [main, ...workers] = await Promise.all([
			startN8nServer(mainHome),
			...workerHomes.map((home, index) => startWorker(WORKER_NAMES[index], home, log)),
		]);
		cleanups.push(async () => {
			await Promise.all([main.stop(), ...workers.map((worker) => worker.stop())]);
		});
		const startMs = Date.now() - started;
		log(`queue-mode environment ready in ${seconds(startMs)}`);

		const workerOf = (executionId: string) =>
			workers.find((worker) =>
				new RegExp(`Worker started execution ${executionId} \\(job`).test(worker.output()),
			)?.name;
		const executions = async (where = 'true') =>
			(
				await postgres.query(
					`select e.id, e."workflowId", e.mode, e.status, coalesce(octet_length(d.data), 0)
					 from execution_entity e left join execution_data d on d."executionId" = e.id
					 where ${where} order by e.id`,
				)
			).map(([id, workflowId, mode, status, dataBytes]) => ({
				id,
				workflowId,
				mode,
				status,
				dataBytes: Number(dataBytes),
				worker: workerOf(id),
			}));
		return {
			sandboxes,
			gate,
			main,
			workers,
			postgres,
			startMs,
			configureDailySync,
			startDailySync: async () => {
				const answer = await main.rest('POST', `/workflows/${dailySync.id}/run`, {
					triggerToStartFrom: { name: NODE.runNow },
				});
				const started =
					answer.status === 200
						? (JSON.parse(answer.body) as {
								data?: { executionId?: string };
							})
						: undefined;
				const id = started?.data?.executionId;
				if (!id)
					throw new Error(`n8n did not start the daily sync: HTTP ${answer.status} ${answer.body}`);
				return id;
			},
			triggerDailySync: async () => {
				const newest = async () =>
					(await executions(`e."workflowId" = '${dailySync.id}' and e.mode = 'webhook'`)).at(-1)
						?.id;
				const before = Number((await newest()) ?? 0);
				await waitForWebhook(main.url, DAILY_SYNC_WEBHOOK_PATH);
				const answer = await callWebhook(main.url, DAILY_SYNC_WEBHOOK_PATH);
				if (answer.status !== 200)
					throw new Error(
						`n8n did not start the daily sync: HTTP ${answer.status} ${JSON.stringify(answer.body)}`,
					);
				// The main answers once it has stored the execution; the worker may not have started it yet.
				let id: string | undefined;
				await waitFor(
					'the daily sync webhook run in the execution records',
					async () => {
						id = await newest();
						return Number(id ?? 0) > before;
					},
					{ timeoutMs: EXECUTION_TIMEOUT_MS },
				);
				return id as string;
			},
			waitForExecution: async (id) => {
				let record: ExecutionRecord | undefined;
				await waitFor(
					`execution ${id} ended`,
					async () => {
						[record] = await executions(`e.id = ${Number(id)}`);
						return record !== undefined && !RUNNING_STATUSES.includes(record.status);
					},
					{ timeoutMs: EXECUTION_TIMEOUT_MS },
				);
				return record as ExecutionRecord;
			},
			executions: () => executions(),
			storedStrings: async (id) => {
				const [[data] = []] = await postgres.query(
					`select data from execution_data where "executionId" = ${Number(id)}`,
				);
				// n8n stores run data "flatted": one JSON array whose elements include every string once.
				const values = data ? (JSON.parse(data) as unknown[]) : [];
				return values.filter((value): value is string => typeof value === 'string');
			},
			runOrder: async (id) => {
				const [[data] = []] = await postgres.query(
					`select data from execution_data where "executionId" = ${Number(id)}`,
				);
				const runData = data ? ((unflatten(data) as StoredRun).resultData?.runData ?? {}) : {};
				return Object.entries(runData)
					.flatMap(([node, runs]) =>
						runs.map((run) => ({ node, order: run.executionIndex ?? run.startTime })),
					)
					.sort((a, b) => a.order - b.order)
					.map(({ node }) => node);
			},
			workerOf,
			close: closeAll,
		};
	} catch (error) {
		await closeAll();
		throw error;
	}
}
