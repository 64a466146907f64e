/**
 * The shipped workflows in n8n's queue mode (Redis, Postgres, a main and two
 * workers), judged by the same independent Halo check as the single-process
 * tests. Which worker ran each execution comes from n8n's execution records
 * (Postgres) and the worker's own "Worker started execution" log line.
 */
import type { HaloState } from '../../sandbox/halo';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import { WEBHOOK_PATH } from '../../workflows/source/workflows';
import { OPTION_LABEL } from '../../core/licences';
import { haloProblems, type HaloProblems } from '../real-n8n/daily-sync/halo-check';
import { licensedSubscriptions } from '../real-n8n/daily-sync/westcoast-facts';
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

/** As shipped: "Max Deactivations (%)" 20, at least 3 always allowed, "Guard Window (Days)" 7. */
const MAX_DEACTIVATION_PERCENT = 20;
const ALWAYS_ALLOWED = 3;

/** One production run of the guard test, as the execution records and its run data tell it. */
interface GuardRun {
	id: string;
	worker: string | undefined;
	status: string;
	/** Licences deactivated or zeroed in the window, as Licence Sync's Summary or refusal states it. */
	windowDeactivations: number | undefined;
	deletedUpstream: number;
	refusal: string | undefined;
}

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

	test(
		'the guard across runs refuses the same erosion when consecutive runs land on different workers',
		async () => {
			fromSeed();
			// A manual run first brings Halo in step; manual runs keep no memory, so the window starts empty.
			const baseline = await env.waitForExecution(await env.startDailySync());
			expect(baseline.status).toBe('success');
			expect(problems(DAILY_SYNC_CHECK)).toEqual(IN_STEP);
			const inStep = env.sandboxes.halo.state();
			const live = inStep.licences.filter(
				(licence) =>
					typeof licence.third_party_product === 'string' &&
					licence.third_party_product !== '' &&
					licence.is_active !== false &&
					Number(licence.count) > 0,
			).length;
			const allowed = Math.max((MAX_DEACTIVATION_PERCENT / 100) * live, ALWAYS_ALLOWED);
			// Each run loses the always-allowed minimum: no run alone is over the per-run limit.
			const perRun = ALWAYS_ALLOWED;
			const crossingRun = Math.floor(allowed / perRun) + 1;
			const losses = licensedSubscriptions(
				env.sandboxes.westcoast.state(),
				inStep,
				crossingRun * perRun,
				{ distinctCustomers: false },
			);
			const licenceOf = (subscriptionId: number) =>
				env.sandboxes.halo
					.state()
					.licences.find((licence) => licence.third_party_product === String(subscriptionId));

			const runs: GuardRun[] = [];
			const run = async (lose: number) => {
				const deletedBefore = runs.reduce((sum, { deletedUpstream }) => sum + deletedUpstream, 0);
				for (const subscription of losses.slice(deletedBefore, deletedBefore + lose))
					env.sandboxes.westcoast.admin.deleteSubscription(subscription.AccountId);
				const record = await env.waitForExecution(await env.triggerDailySync());
				const strings = await env.storedStrings(record.id);
				const refusal = strings.find((text) => text.startsWith('Over the last 7 days'));
				const note = strings.find((text) => /^Last 7 days: \d+ licence/.test(text));
				const figure = (refusal ?? note)?.match(/(?:zero|days:) (\d+) (?:of|licence)/)?.[1];
				const guardRun: GuardRun = {
					id: record.id,
					worker: record.worker ?? (await workerThatStarted(record.id)),
					status: record.status,
					windowDeactivations: figure === undefined ? undefined : Number(figure),
					deletedUpstream: lose,
					refusal,
				};
				runs.push(guardRun);
				return guardRun;
			};
			const accepted = () => runs.filter((entry) => entry.status === 'success');
			const acceptedWorkers = () => new Set(accepted().map((entry) => entry.worker));

			try {
				for (let index = 1; index < crossingRun; index++) {
					const { status, windowDeactivations } = await run(perRun);
					expect(status).toBe('success');
					expect(windowDeactivations).toBe(index * perRun);
					// Accepted: Halo zeroed the licences of the lost subscriptions, and is otherwise in step.
					for (const subscription of losses.slice(0, index * perRun))
						expect(licenceOf(subscription.AccountId)?.count).toBe(0);
					expect(problems(DAILY_SYNC_CHECK)).toEqual(IN_STEP);
				}
				// Steer by repeating: runs that lose nothing are accepted and change nothing, until
				// accepted runs have landed on both workers (n8n's queue decides; we wait for it).
				for (let repeat = 0; acceptedWorkers().size < WORKER_NAMES.length && repeat < 6; repeat++)
					expect((await run(0)).status).toBe('success');
				expect([...acceptedWorkers()].sort()).toEqual([...WORKER_NAMES]);

				const haloBeforeRefusal = env.sandboxes.halo.state();
				const requestsBefore = env.sandboxes.halo.admin.requests().length;
				const refused = await run(perRun);
				expect(refused.status).toBe('error');
				expect(refused.refusal).toContain(
					`more than "${OPTION_LABEL.maxDeactivationPercent}" (${MAX_DEACTIVATION_PERCENT}%, with at least ${ALWAYS_ALLOWED} always allowed)`,
				);
				expect(refused.windowDeactivations).toBe(crossingRun * perRun);
				// Refused: nothing written, Halo as before the run.
				const writes = env.sandboxes.halo.admin
					.requests()
					.slice(requestsBefore)
					.filter((request) => isHaloWrite(request.method, request.path));
				expect(writes).toEqual([]);
				const haloAfter = env.sandboxes.halo.state();
				expect(haloAfter.licences).toEqual(haloBeforeRefusal.licences);
				expect(haloAfter.clients).toEqual(haloBeforeRefusal.clients);
				// The memory the refusal used was written by runs on the other worker too.
				expect(accepted().some((entry) => entry.worker !== refused.worker)).toBe(true);
				expect(failedHaloRequests()).toEqual([]);
			} finally {
				log(
					`guard across runs: ${live} live linked licences after the manual baseline run ${baseline.id} (${baseline.worker}); ${Math.floor(allowed)} allowed in the window`,
				);
				log('execution | worker   | status  | lost upstream | deactivations in the window');
				for (const entry of runs)
					log(
						`${entry.id.padEnd(9)} | ${String(entry.worker).padEnd(8)} | ${entry.status.padEnd(7)} | ${String(entry.deletedUpstream).padEnd(13)} | ${entry.windowDeactivations ?? '?'}${entry.refusal ? ' (refused)' : ''}`,
					);
			}
		},
		10 * MINUTE,
	);
});
