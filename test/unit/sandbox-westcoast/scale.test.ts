import { CALLS } from '../../../core/westcoast/protocol';
import { startWestcoastSandbox, type WestcoastSandbox } from '../../../sandbox/westcoast';
import { callJson, logIn } from './client';

// Generous limits: the point is "seconds, not minutes" on a loaded CI machine (typically ~1 s each).
jest.setTimeout(60_000);

describe('a large marketplace (5000 customers x 10 subscriptions)', () => {
	let sandbox: WestcoastSandbox;
	let startMs: number;

	beforeAll(async () => {
		const started = Date.now();
		sandbox = await startWestcoastSandbox({ customers: 5000, subscriptionsPerCustomer: 10 });
		startMs = Date.now() - started;
	});
	afterAll(() => sandbox.close());

	it('generates in a few seconds, with unique customer names', () => {
		expect(startMs).toBeLessThan(5000);
		const { customers, subscriptions } = sandbox.state();
		expect(customers).toHaveLength(5000);
		expect(new Set(customers.map((customer) => customer.CompanyName)).size).toBe(5000);
		expect(subscriptions.length).toBeGreaterThan(50_000);
	});

	it('serves every subscription from the reseller in one GetSubscriptions answer', async () => {
		const token = await logIn(sandbox.url, sandbox.users.admin);
		const started = Date.now();
		const all = await callJson<unknown[]>(
			sandbox.url,
			CALLS.getSubscriptions,
			{ parentAccountId: sandbox.resellerAccountId, excludeUserLevel: false },
			token,
		);
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(all.length).toBe(sandbox.admin.state().subscriptions.length);
	});
});
