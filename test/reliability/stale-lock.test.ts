/**
 * FINDING F1: the shipped workflow's write lock (Run Lock) lives in the n8n
 * process and is given back only by the run's last node. A run that fails
 * after taking it (every failure after "Lock Halo Writes", the workflow's
 * first step after Settings) holds it for "Hold Up To" (15 min), so in a
 * running n8n the next daily sync or import waits up to that long: here a
 * clean run right after a failed one is still waiting after 30 s. test.failing
 * passes while that holds; once a failed run gives the lock back, it fails,
 * and the mark is to be removed. Only under npm run test:reliability.
 */
import { CALLS } from '../../core/westcoast/protocol';
import { startReliabilityEnvironment, type ReliabilityEnvironment } from './environment';
import { eachRunItsOwnDay, FULL, log, MINUTE, SETTINGS } from './setup';

const ENOUGH_MS = 30_000;

(FULL ? describe : describe.skip)('the write lock after a failed run (shipped lock)', () => {
	let env: ReliabilityEnvironment;

	beforeAll(async () => {
		env = await startReliabilityEnvironment({ log, settings: SETTINGS, adjust: eachRunItsOwnDay });
		expect((await env.run()).status).toBe('success');
	}, 10 * MINUTE);

	afterAll(async () => {
		await env?.close();
	}, 2 * MINUTE);

	test.failing(
		'FINDING F1: the clean run after a failed one is not held at the lock',
		async () => {
			env.sandboxes.westcoast.admin.setFaults({
				calls: [CALLS.getCompanies],
				malformedJson: { count: 1 },
			});
			const failed = await env.run();
			env.sandboxes.westcoast.admin.clearFaults();
			expect(failed).toMatchObject({ status: 'error', errorNode: 'Westcoast: Customers' });

			const next = await env.start();
			const status = await env.statusWithin(next, ENOUGH_MS);
			log(`the clean run after a failed one: "${status}" after ${ENOUGH_MS / 1000} s`);
			if (status === 'running')
				await env.server.rest('POST', `/executions/${next}/stop`).catch(() => undefined);
			expect(status).toBe('success');
		},
		3 * MINUTE,
	);
});
