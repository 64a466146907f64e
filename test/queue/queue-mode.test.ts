/**
 * The shipped queue-mode workflows (workflows/queue-mode) in n8n's queue mode
 * (Redis, Postgres, a main and two workers), judged by the same independent
 * Halo check as the single-process tests. Which worker ran each execution
 * comes from n8n's execution records (Postgres) and the worker's own "Worker
 * started execution" log line.
 */
import type { HaloState } from '../../sandbox/halo';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import { NODE, WEBHOOK_PATH } from '../../workflows/source/workflows';
import { GUARD_MEMORY_TABLE, LOCK_TABLE, QUEUE_NODE } from '../../workflows/source/queue-mode';
import { OPTION_LABEL } from '../../core/licences';
import { haloProblems, type HaloProblems } from '../real-n8n/daily-sync/halo-check';
import { licensedSubscriptions } from '../../harness/daily-sync/westcoast-facts';
import { callWebhook } from '../../harness/daily-sync/webhooks';
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
/** The customer import set up as the daily sync, so that one check fits whichever run creates a customer. */
const CUSTOMER_IMPORT_SETTINGS: SettingValues = {
	[SETTING.topLevel]: String(TOP_LEVEL),
	[SETTING.updateSiteAddress]: true,
};
const DAILY_SYNC_CHECK = { topLevelId: TOP_LEVEL, updateSiteAddress: true };
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
		env = await startQueueEnvironment({
			log,
			settings: SETTINGS,
			customerImportSettings: CUSTOMER_IMPORT_SETTINGS,
		});
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
		'the daily sync and both imports raced across the two workers: the Postgres lock lets one at a time through, and Halo ends with no duplicate client, link or licence',
		async () => {
			fromSeed();
			const before = problems(DAILY_SYNC_CHECK);
			// Every run would create: customers and licences are missing from Halo.
			expect(before.customers.length).toBeGreaterThan(0);
			expect(before.licences.length).toBeGreaterThan(0);
			// The daily sync takes the lock, then its first Halo call waits at the gate.
			const held = env.gate.holdNext((_method, path) => path.startsWith('/api/'));
			const syncId = await env.triggerDailySync();
			const request = await held;
			const syncWorker = await workerThatStarted(syncId);
			const requestsWhileHeld = env.sandboxes.halo.admin.requests().length;

			// Both imports are queued by the main while the daily sync is in the middle of its reads.
			const answers = Promise.all([
				callWebhook(env.main.url, WEBHOOK_PATH.customers),
				callWebhook(env.main.url, WEBHOOK_PATH.subscriptions),
			]);
			const otherWorker = WORKER_NAMES.find((name) => name !== syncWorker);
			let waiting: ExecutionRecord | undefined;
			await waitFor(
				`an import on ${otherWorker} waiting for the lock the daily sync holds`,
				async () => {
					const candidates = (await env.executions()).filter(
						(record) =>
							record.mode === 'webhook' &&
							Number(record.id) > Number(syncId) &&
							record.worker === otherWorker,
					);
					for (const record of candidates)
						if ((await env.storedStrings(record.id)).includes(QUEUE_NODE.waitForLock))
							waiting = record;
					return waiting !== undefined;
				},
				{ timeoutMs: 3 * MINUTE },
			);
			const [lockWhileHeld] = await env.postgres.query(`select holder from ${LOCK_TABLE}`);
			const [syncWhileHeld] = (await env.executions()).filter((r) => r.id === syncId);
			// Nothing reached Halo but the held call: the import waits before its first read.
			const haloRequestsDuringHold = env.sandboxes.halo.admin.requests().length - requestsWhileHeld;
			request.release();
			const [customers, subscriptions] = await answers;
			const sync = await env.waitForExecution(syncId);
			const imports = await Promise.all(
				(await env.executions())
					.filter((record) => record.mode === 'webhook' && Number(record.id) > Number(syncId))
					.map((record) => env.waitForExecution(record.id)),
			);
			report('raced daily sync', [sync]);
			report('raced import webhook', imports);
			log(
				`race: while the daily sync ${syncId} (${syncWorker}) was held, import ${waiting?.id} on ${waiting?.worker} waited for the lock held by execution ${lockWhileHeld?.[0]}; ${haloRequestsDuringHold} other Halo requests arrived meanwhile`,
			);

			expect(lockWhileHeld).toEqual([syncId]);
			expect(syncWhileHeld.status).toBe('running');
			expect(haloRequestsDuringHold).toBe(0);
			expect(sync.status).toBe('success');
			expect(customers.status).toBe(200);
			expect(customers.body).toMatchObject({ created: expect.any(Number) });
			expect(subscriptions.status).toBe(200);
			expect(subscriptions.body).toMatchObject({ licences: { refused: false } });
			expect(imports).toHaveLength(2);
			for (const record of imports) expect(record.status).toBe('success');
			// Executions on both workers.
			expect(new Set([sync, ...imports].map((record) => record.worker)).size).toBe(2);
			expect(failedHaloRequests()).toEqual([]);
			// No duplicate client, link or licence, nothing missing: the independent check.
			expect(problems(DAILY_SYNC_CHECK)).toEqual(IN_STEP);
			// Every run gave the lock back.
			expect(await env.postgres.query(`select holder from ${LOCK_TABLE}`)).toEqual([]);
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

			// The killed run still holds the lock: the next run would wait until its hold is up
			// ("Hold Up To", 15 minutes); the test moves the expiry to now instead of waiting.
			expect(await env.postgres.query(`select holder from ${LOCK_TABLE}`)).toEqual([[crashedId]]);
			await env.postgres.query(`update ${LOCK_TABLE} set expires_at = now()`);

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

	/*
	 * Measured, and read in n8n 2.41.1's source: in queue mode a new production
	 * execution (webhook or trigger) is queued with loadStaticData false
	 * (WorkflowRunner.run: only a resumed execution reloads it), and the
	 * workflow snapshot stored with the execution omits staticData
	 * (toWorkflowSnapshot). So a worker starts every production run with empty
	 * workflow static data: the single-process files' window would count one
	 * run only. The queue-mode files keep Licence Sync's memory in Postgres
	 * (read before it, stored from its Summary), which every worker reads.
	 */
	test(
		'the guard across runs in queue mode: consecutive production runs on different workers share the window in Postgres, and the run that takes the erosion over the limit is refused',
		async () => {
			fromSeed();
			await env.postgres.query(`delete from ${GUARD_MEMORY_TABLE}`);
			// A manual run first brings Halo in step; manual runs keep no memory.
			const baseline = await env.waitForExecution(await env.startDailySync());
			expect(baseline.status).toBe('success');
			expect(problems(DAILY_SYNC_CHECK)).toEqual(IN_STEP);
			const inStep = env.sandboxes.halo.state();
			// Every active licence holding a Westcoast id: at least the live linked licences Licence Sync counts.
			const linked = inStep.licences.filter(
				(licence) =>
					typeof licence.third_party_product === 'string' &&
					licence.third_party_product !== '' &&
					licence.is_active !== false &&
					Number(licence.count) > 0,
			).length;
			const allowedAtMost = Math.max((MAX_DEACTIVATION_PERCENT / 100) * linked, ALWAYS_ALLOWED);
			// Each run loses the always-allowed minimum: no run alone is over the per-run limit.
			const perRun = ALWAYS_ALLOWED;
			const runsOverTheWindow = Math.floor(allowedAtMost / perRun) + 1;
			const losses = licensedSubscriptions(
				env.sandboxes.westcoast.state(),
				inStep,
				runsOverTheWindow * perRun,
				{ distinctCustomers: false },
			);
			const licenceOf = (subscriptionId: number) =>
				env.sandboxes.halo
					.state()
					.licences.find((licence) => licence.third_party_product === String(subscriptionId));
			const rememberedPlans = async () => {
				const [[memory] = []] = await env.postgres.query(
					`select memory from ${GUARD_MEMORY_TABLE} where workflow = '${DAILY_SYNC_ID}' and node = 'Licence Sync'`,
				);
				const parsed = JSON.parse(memory ?? '{}') as {
					acceptedPlans?: Array<{ deactivated: string[] }>;
				};
				return parsed.acceptedPlans ?? [];
			};
			expect(await rememberedPlans()).toEqual([]);

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

			try {
				const workersSoFar = () => new Set(runs.map((entry) => entry.worker));
				for (let index = 1; index < runsOverTheWindow; index++) {
					const { id, status, refusal, windowDeactivations } = await run(perRun);
					expect({ status, refusal }).toEqual({ status: 'success', refusal: undefined });
					// The memory is stored before the first licence write (as n8n keeps static data when a write fails).
					const order = await env.runOrder(id);
					const licenceWrites = order.filter((node) =>
						[
							NODE.createLicences,
							NODE.linkAddOns,
							NODE.updateLicences,
							NODE.deactivateLicences,
						].includes(node as never),
					);
					expect(licenceWrites).toContain(NODE.deactivateLicences);
					expect(order.indexOf(QUEUE_NODE.storeGuardMemory)).toBeGreaterThan(
						order.indexOf(NODE.licenceSync),
					);
					expect(order.indexOf(QUEUE_NODE.storeGuardMemory)).toBeLessThan(
						Math.min(...licenceWrites.map((node) => order.indexOf(node))),
					);
					// The window counts every run so far, whichever worker ran it.
					expect(windowDeactivations).toBe(index * perRun);
					const plans = await rememberedPlans();
					expect(plans.flatMap((plan) => plan.deactivated)).toHaveLength(index * perRun);
					for (const subscription of losses.slice(0, index * perRun))
						expect(licenceOf(subscription.AccountId)?.count).toBe(0);
					expect(problems(DAILY_SYNC_CHECK)).toEqual(IN_STEP);
				}
				// Runs that lose nothing until runs have landed on both workers (n8n's queue decides).
				for (let repeat = 0; workersSoFar().size < 2 && repeat < 6; repeat++)
					expect((await run(0)).status).toBe('success');
				const accepted = [...runs];
				const refused = await run(perRun);
				expect(refused.status).toBe('error');
				expect(refused.refusal).toBeDefined();
				expect(refused.windowDeactivations).toBe(runsOverTheWindow * perRun);
				// Its window held runs of both workers: at least one ran on a worker other than the refused run's.
				expect(accepted.some((entry) => entry.worker !== refused.worker)).toBe(true);
				expect([...workersSoFar()].sort()).toEqual([...WORKER_NAMES]);
				// The refused run wrote nothing: its losses keep their licences, the memory is unchanged.
				for (const subscription of losses.slice((runsOverTheWindow - 1) * perRun))
					expect(licenceOf(subscription.AccountId)?.count).toBeGreaterThan(0);
				expect((await rememberedPlans()).flatMap((plan) => plan.deactivated)).toHaveLength(
					(runsOverTheWindow - 1) * perRun,
				);
				expect(failedHaloRequests()).toEqual([]);
				// The refused run's lock is given back by the alert workflow (its error workflow), on a worker too.
				await waitFor(
					`the alert workflow gave back the lock of execution ${refused.id}`,
					async () => (await env.postgres.query(`select holder from ${LOCK_TABLE}`)).length === 0,
					{ timeoutMs: MINUTE },
				);
			} finally {
				log(
					`guard across runs: at most ${linked} live linked licences after the manual baseline run ${baseline.id} (${baseline.worker}); at most ${Math.floor(allowedAtMost)} deactivations allowed in the 7-day window ("${OPTION_LABEL.maxDeactivationPercent}" ${MAX_DEACTIVATION_PERCENT})`,
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
