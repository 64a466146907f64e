/**
 * The shipped workflows in n8n's queue mode (Redis, Postgres, a main and two
 * workers), judged by the same independent Halo check as the single-process
 * tests. Which worker ran each execution comes from n8n's execution records
 * (Postgres) and the worker's own "Worker started execution" log line.
 */
import type { HaloState } from '../../sandbox/halo';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import { WEBHOOK_PATH } from '../../workflows/source/workflows';
import { haloProblems, type HaloProblems } from '../real-n8n/daily-sync/halo-check';
import { callWebhook } from '../real-n8n/daily-sync/webhooks';
import {
	DAILY_SYNC_ID,
	startQueueEnvironment,
	WORKER_NAMES,
	type ExecutionRecord,
	type QueueEnvironment,
} from '../real-n8n/queue/environment';
import { waitFor } from '../real-n8n/queue/wait';

const MINUTE = 60_000;
const TOP_LEVEL = 2;
const SETTINGS: SettingValues = {
	[SETTING.entities]: 'both',
	[SETTING.topLevel]: String(TOP_LEVEL),
	[SETTING.updateSiteAddress]: true,
	[SETTING.deactivateDeleted]: false,
};
const DAILY_SYNC_CHECK = { topLevelId: TOP_LEVEL, updateSiteAddress: true };
/** The import workflows' own Settings: no top level, existing sites left alone. */
const IMPORT_CHECK = { topLevelId: null, updateSiteAddress: false };
const IN_STEP = { customers: [], licences: [] };

function log(line: string): void {
	process.stderr.write(`[queue] ${line}\n`);
}

/**
 * What the oracle says of work a run has not done yet: a customer not yet
 * linked, a site not yet moved, a licence not yet created. Anything else
 * after a crash (a duplicate, a wrong value, a zero) was written wrongly.
 */
const NOT_YET_WRITTEN = [
	/ is linked from 0 Halo clients, expected 1$/,
	/'s main site is at ".*", Westcoast says /,
	/: 0 licences hold its id, expected 1$/,
];

const isHaloWrite = (method: string, path: string) => method !== 'GET' && path.startsWith('/api/');

describe('the package in n8n queue mode (Redis, Postgres, main + 2 workers)', () => {
	let env: QueueEnvironment;
	/** Halo as seeded, before the test's first run. */
	let haloBefore: HaloState;

	const problems = (check: { topLevelId: number | null; updateSiteAddress: boolean }) =>
		haloProblems({
			westcoast: env.sandboxes.westcoast.state(),
			haloBefore,
			haloNow: env.sandboxes.halo.state(),
			...check,
		});
	/** Both sandboxes back to their seed, so that each test starts from the same data. */
	const fromSeed = () => {
		env.sandboxes.westcoast.admin.reset();
		env.sandboxes.halo.admin.reset();
		haloBefore = env.sandboxes.halo.state();
	};
	const failedHaloRequests = () =>
		env.sandboxes.halo.admin.requests().filter((request) => request.status >= 400);
	const report = (what: string, records: ExecutionRecord[]) => {
		for (const record of records)
			log(
				`${what}: execution ${record.id} (${record.workflowId}, ${record.mode}) ${record.status}, run by ${record.worker ?? 'no worker'}, ${Math.round(record.dataBytes / 1024)} kB of run data stored`,
			);
	};
	/** The worker's log line can reach us just after the run's first request. */
	const workerThatStarted = async (executionId: string) => {
		await waitFor(`a worker started execution ${executionId}`, () => !!env.workerOf(executionId), {
			timeoutMs: MINUTE,
		});
		return env.workerOf(executionId) as string;
	};

	beforeAll(async () => {
		env = await startQueueEnvironment({ log, settings: SETTINGS });
		log(`environment start: ${(env.startMs / 1000).toFixed(1)} s`);
	}, 15 * MINUTE);

	afterAll(async () => {
		if (env) report('all executions', await env.executions());
		await env?.close();
	}, 5 * MINUTE);

	test(
		'the daily sync, queued by the main and run by a worker, makes Halo hold what the Westcoast data implies; a second run writes nothing',
		async () => {
			fromSeed();
			const before = problems(DAILY_SYNC_CHECK);
			expect(before.customers.length + before.licences.length).toBeGreaterThan(0);

			const first = await env.waitForExecution(await env.startDailySync());
			expect(first).toMatchObject({ workflowId: DAILY_SYNC_ID, status: 'success' });
			expect(WORKER_NAMES).toContain(first.worker);
			expect(failedHaloRequests()).toEqual([]);
			expect(problems(DAILY_SYNC_CHECK)).toEqual(IN_STEP);

			const writesBefore = env.sandboxes.halo.admin.requests().length;
			const second = await env.waitForExecution(await env.startDailySync());
			expect(second).toMatchObject({ status: 'success' });
			expect(WORKER_NAMES).toContain(second.worker);
			const writes = env.sandboxes.halo.admin
				.requests()
				.slice(writesBefore)
				.filter((request) => isHaloWrite(request.method, request.path));
			expect(writes).toEqual([]);
			report('daily sync', [first, second]);
		},
		10 * MINUTE,
	);

	test(
		'both import webhooks answer while the daily sync runs on the other worker',
		async () => {
			fromSeed();
			// The daily sync's first Halo call waits at the gate: the run is in progress.
			const held = env.gate.holdNext((_method, path) => path.startsWith('/api/'));
			const syncId = await env.startDailySync();
			const request = await held;
			const syncWorker = await workerThatStarted(syncId);

			const customers = await callWebhook(env.main.url, WEBHOOK_PATH.customers);
			const subscriptions = await callWebhook(env.main.url, WEBHOOK_PATH.subscriptions);
			// Still in progress when both had answered.
			const [syncWhileAnswering] = (await env.executions()).filter((r) => r.id === syncId);
			request.release();
			const sync = await env.waitForExecution(syncId);

			expect(customers.status).toBe(200);
			expect(customers.body).toMatchObject({ created: expect.any(Number) });
			expect(subscriptions.status).toBe(200);
			expect(subscriptions.body).toMatchObject({ licences: { refused: false } });
			expect(syncWhileAnswering.status).toBe('running');
			expect(sync.status).toBe('success');
			const imports = (await env.executions()).filter(
				(record) => record.mode === 'webhook' && Number(record.id) > Number(syncId),
			);
			expect(imports).toHaveLength(2);
			const otherWorker = WORKER_NAMES.find((name) => name !== syncWorker);
			for (const record of imports)
				expect(record).toMatchObject({ status: 'success', worker: otherWorker });
			expect(failedHaloRequests()).toEqual([]);
			expect(problems(IMPORT_CHECK)).toEqual(IN_STEP);
			report('daily sync', [sync]);
			report('import webhook', imports);
		},
		10 * MINUTE,
	);

	test(
		'a worker killed in the middle of the daily sync leaves a correct prefix in Halo; after its restart the next run converges',
		async () => {
			fromSeed();
			const expectedBefore = problems(DAILY_SYNC_CHECK);
			const licencesBefore = new Map(haloBefore.licences.map((licence) => [licence.id, licence]));
			// The run is killed while its third Halo write is on the way (it never arrives).
			let writes = 0;
			const held = env.gate.holdNext((method, path) => isHaloWrite(method, path) && ++writes === 3);
			const crashedId = await env.startDailySync();
			const request = await held;
			const worker = env.workers.find((candidate) => candidate.name === env.workerOf(crashedId));
			if (!worker) throw new Error(`no worker has started execution ${crashedId}`);
			await worker.crash();
			request.drop();

			const halo = env.sandboxes.halo.state();
			const written = env.sandboxes.halo.admin
				.requests()
				.filter((entry) => isHaloWrite(entry.method, entry.path));
			expect(written).toHaveLength(2);
			expect(failedHaloRequests()).toEqual([]);
			// A prefix: what is still wrong was wrong before the run, or is work not yet done.
			const now = problems(DAILY_SYNC_CHECK);
			const writtenWrongly = (found: string[], before: string[]) =>
				found.filter(
					(problem) =>
						!before.includes(problem) && !NOT_YET_WRITTEN.some((kind) => kind.test(problem)),
				);
			const wrong: HaloProblems = {
				customers: writtenWrongly(now.customers, expectedBefore.customers),
				licences: writtenWrongly(now.licences, expectedBefore.licences),
			};
			expect(wrong).toEqual(IN_STEP);
			// Not finished: the crash did stop it part-way.
			expect(now.customers.length + now.licences.length).toBeGreaterThan(0);
			const zeroed = halo.licences.filter(
				(licence) => licence.count === 0 && licencesBefore.get(licence.id)?.count !== 0,
			);
			expect(zeroed).toEqual([]);
			const [crashed] = (await env.executions()).filter((record) => record.id === crashedId);
			log(
				`after SIGKILL: ${written.length} Halo writes arrived, ${now.customers.length + now.licences.length} problems left, each one already there before the run or work not yet done; execution ${crashedId} is "${crashed.status}" in Postgres`,
			);

			await worker.restart();
			const next = await env.waitForExecution(await env.startDailySync());
			expect(next.status).toBe('success');
			expect(failedHaloRequests()).toEqual([]);
			expect(problems(DAILY_SYNC_CHECK)).toEqual(IN_STEP);
			report('killed daily sync', [crashed]);
			report('next daily sync', [next]);
		},
		10 * MINUTE,
	);
});
