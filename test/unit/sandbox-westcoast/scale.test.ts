import { CALLS } from '../../../core/westcoast/protocol';
import { startWestcoastSandbox, type WestcoastSandbox } from '../../../sandbox/westcoast';
import { callJson, logIn } from './client';

// What it holds and answers at scale; how fast belongs in `npm run bench`, not in a timed test.
jest.setTimeout(120_000);

describe('a large marketplace (5000 customers x 10 subscriptions)', () => {
	let sandbox: WestcoastSandbox;

	beforeAll(async () => {
		sandbox = await startWestcoastSandbox({ customers: 5000, subscriptionsPerCustomer: 10 });
	});
	afterAll(() => sandbox.close());

	it('generates every customer, with unique names', () => {
		const { customers, subscriptions } = sandbox.state();
		expect(customers).toHaveLength(5000);
		expect(new Set(customers.map((customer) => customer.CompanyName)).size).toBe(5000);
		expect(subscriptions.length).toBeGreaterThan(50_000);
	});

	it('serves every subscription from the reseller in one GetSubscriptions answer', async () => {
		const token = await logIn(sandbox.url, sandbox.users.admin);
		const all = await callJson<unknown[]>(
			sandbox.url,
			CALLS.getSubscriptions,
			{ parentAccountId: sandbox.resellerAccountId, excludeUserLevel: false },
			token,
		);
		expect(all.length).toBe(sandbox.admin.state().subscriptions.length);
	});
});
