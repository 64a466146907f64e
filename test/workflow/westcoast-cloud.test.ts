import { listen, readBody } from '../../sandbox/server';
import { startWestcoastSandbox, type WestcoastSandbox } from '../../sandbox/westcoast';
import { presentCompany } from '../../sandbox/westcoast/dialect';
import { testDialect } from '../harness/dialect';
import { createCredentialsHelper, runWorkflow } from '../../harness/in-process/run-workflow';
import { sandboxCredential, westcoastWorkflow, WESTCOAST_NODE } from '../harness/westcoast';

jest.setTimeout(60_000);

let sandbox: WestcoastSandbox;
beforeAll(async () => {
	sandbox = await startWestcoastSandbox({ seed: 7, dialect: testDialect() });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.admin.reset({ seed: 7 }));

const customerKeys = [
	'address',
	'currency',
	'domains',
	'email',
	'name',
	'salesman',
	'state',
	'vatId',
	'westcoastId',
];
const subscriptionKeys = [
	'autoRenew',
	'billingCycle',
	'billingStartDate',
	'commitmentMonths',
	'contractEndDate',
	'contractId',
	'currency',
	'customerId',
	'displayName',
	'endDate',
	'parentSubscriptionId',
	'prepaidMonths',
	'productName',
	'provisioningStatus',
	'purchasePrice',
	'quantity',
	'quantitySource',
	'salesPrice',
	'scheduledTerminationDate',
	'serviceName',
	'sku',
	'state',
	'status',
	'vendorDisplayName',
	'vendorReference',
	'westcoastId',
];

async function run(
	parameters: Record<string, unknown>,
	options: Parameters<typeof westcoastWorkflow>[1] = {},
	credential = sandboxCredential(sandbox),
) {
	const result = await runWorkflow(westcoastWorkflow(parameters as never, options), {
		credentials: [credential],
	});
	return { ...result, items: result.output(WESTCOAST_NODE) };
}

describe('Westcoast Cloud node: customers', () => {
	it('Get Many returns every customer of the reseller, simplified', async () => {
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const customers = sandbox.state().customers;
		expect(items).toHaveLength(customers.length);
		expect(items.map((i) => i.json.westcoastId)).toEqual(customers.map((c) => String(c.AccountId)));
		expect(items.map((i) => i.json.name)).toEqual(
			customers.map((c) => String(c.CompanyName).trim()),
		);
		for (const item of items) {
			expect(Object.keys(item.json).sort()).toEqual(customerKeys);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('Limit caps the list; Simplify off returns the API objects untouched', async () => {
		const limited = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(limited.items).toHaveLength(3);
		const raw = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		expect(raw.items.map((i) => i.json)).toEqual(
			sandbox.state().customers.map((company) => presentCompany(company, sandbox.dialect)),
		);
	});

	it('filters by state and by name', async () => {
		const customers = sandbox.state().customers;
		const active = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { states: ['Active'] },
		});
		expect(active.items.length).toBe(customers.filter((c) => c.AccountState === 'Active').length);
		expect(active.items.every((i) => i.json.state === 'Active')).toBe(true);
		const other = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { states: ['other'] },
		});
		expect(other.items.length).toBeGreaterThan(0);
		expect(
			other.items.every(
				(i) => !['Active', 'Inactive', 'Suspended', 'Cancelled'].includes(String(i.json.state)),
			),
		).toBe(true);
		const needle = String(customers[0].CompanyName).slice(0, 4).toUpperCase();
		const named = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { nameContains: needle },
		});
		expect(named.items.length).toBe(
			customers.filter((c) => String(c.CompanyName).toUpperCase().includes(needle)).length,
		);
	});

	it('Get returns one customer', async () => {
		const customer = sandbox.state().customers[2];
		const { items } = await run({
			resource: 'customer',
			operation: 'get',
			customerId: String(customer.AccountId),
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			westcoastId: String(customer.AccountId),
			name: String(customer.CompanyName).trim(),
		});
	});

	it('Account Get returns the reseller itself', async () => {
		const { items } = await run({ resource: 'account', operation: 'get' });
		expect(items[0].json.westcoastId).toBe(String(sandbox.resellerAccountId));
	});

	it("reads the credential's Reseller Account ID when it is set", async () => {
		const credential = sandboxCredential(sandbox, {
			resellerAccountId: String(sandbox.resellerAccountId),
		});
		const account = await run({ resource: 'account', operation: 'get' }, {}, credential);
		expect(account.items[0].json.westcoastId).toBe(String(sandbox.resellerAccountId));
		const customers = await run(
			{ resource: 'customer', operation: 'getAll', returnAll: true },
			{},
			credential,
		);
		expect(customers.items).toHaveLength(sandbox.state().customers.length);
		// Each login reads the configured account for its session; the reads use it and ask nothing else.
		const calls = sandbox.admin.calls();
		const logins = calls.filter((c) => c.call === 'GetSessionToken' && c.status === 200).length;
		expect(logins).toBe(2);
		expect(calls.filter((c) => c.call === 'GetCompany' && c.status === 200)).toHaveLength(
			logins + 1,
		);
	});
});

describe('Westcoast Cloud node: subscriptions', () => {
	it('Get Many for all customers returns company-level subscriptions with add-ons, simplified', async () => {
		const { items } = await run({ resource: 'subscription', operation: 'getAll', returnAll: true });
		const expected = sandbox.state().subscriptions.filter((s) => s.ParentType !== 'User');
		expect(items.map((i) => i.json.westcoastId).sort()).toEqual(
			expected.map((s) => String(s.AccountId)).sort(),
		);
		for (const item of items) expect(Object.keys(item.json).sort()).toEqual(subscriptionKeys);
		expect(items.some((i) => i.json.parentSubscriptionId !== null)).toBe(true);
		const withQuantity = items.filter((i) => i.json.quantity !== null);
		expect(withQuantity.length).toBeGreaterThan(items.length / 2);
		for (const item of items) {
			expect(item.json.endDate).toBe(
				item.json.scheduledTerminationDate ?? item.json.contractEndDate,
			);
		}
	});

	it('can leave add-ons out, include user-level ones, and read one customer', async () => {
		const state = sandbox.state();
		const noAddons = await run({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: true,
			includeAddons: false,
		});
		expect(noAddons.items.every((i) => i.json.parentSubscriptionId === null)).toBe(true);
		const all = await run({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: true,
			options: { includeUserLevel: true },
		});
		expect(all.items).toHaveLength(state.subscriptions.length);
		const customerId = String(state.subscriptions[0].CompanyAccountId);
		const one = await run({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: true,
			customerScope: 'one',
			customerId,
		});
		expect(one.items.length).toBeGreaterThan(0);
		expect(one.items.every((i) => i.json.customerId === customerId)).toBe(true);
	});

	it('Get with add-ons returns the subscription, then its add-ons', async () => {
		const addon = sandbox.state().subscriptions.find((s) => s.DependencyAccountId);
		const parentId = String(addon!.DependencyAccountId);
		const { items } = await run({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: parentId,
			includeAddons: true,
		});
		expect(items[0].json.westcoastId).toBe(parentId);
		expect(items.length).toBeGreaterThan(1);
		expect(items.slice(1).every((i) => i.json.parentSubscriptionId === parentId)).toBe(true);
	});

	it('Get with add-ons gives every add-on its seats and prices, however the marketplace answers', async () => {
		const state = sandbox.state();
		const parents = new Set(state.subscriptions.map((s) => s.DependencyAccountId).filter(Boolean));
		for (const parentId of parents) {
			const addons = state.subscriptions.filter((s) => s.DependencyAccountId === parentId);
			sandbox.admin.reset({ seed: 7 });
			const { items, error } = await run({
				resource: 'subscription',
				operation: 'get',
				subscriptionId: String(parentId),
				includeAddons: true,
			});
			expect(error).toBeUndefined();
			expect(items.slice(1).map((i) => i.json.westcoastId)).toEqual(
				addons.map((addon) => String(addon.AccountId)),
			);
			for (const item of items.slice(1)) {
				expect(item.json.quantity).toEqual(expect.any(Number));
				expect(item.json.salesPrice).toEqual(expect.any(Number));
			}
			// Summaries (spec) are re-read one by one; full add-ons (legacy) need no further call.
			const reads = sandbox.admin.calls().filter((c) => c.call === 'GetSubscription').length;
			expect(reads).toBe(sandbox.dialect === 'spec' ? addons.length : 0);
		}
	});

	it("sends the credential's Reseller Account ID as resellerContext", async () => {
		const customer = sandbox.state().customers[0];
		// A customer's ID is no reseller context: the marketplace refuses, which shows it was sent.
		const { error } = await run(
			{ resource: 'subscription', operation: 'getAll', returnAll: true },
			{},
			sandboxCredential(sandbox, { resellerAccountId: String(customer.AccountId) }),
		);
		expect(error?.message).toBe(
			`Reseller context ${customer.AccountId} is not a reseller account you can act for.`,
		);
		const own = await run(
			{ resource: 'subscription', operation: 'getAll', returnAll: true },
			{},
			sandboxCredential(sandbox, { resellerAccountId: String(sandbox.resellerAccountId) }),
		);
		expect(own.error).toBeUndefined();
		expect(own.items.length).toBeGreaterThan(0);
	});

	it('a seat count that is not a number fails with the item, record and field named', async () => {
		const target = sandbox
			.state()
			.subscriptions.find(
				(s) => s.PriceableItems?.some((p) => p.IsUdrcField) && !s.DependencyAccountId,
			)!;
		const field = target.PriceableItems!.find((p) => p.IsUdrcField)!.FieldName!;
		const { error } = await run({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: true,
			options: { quantityField: 'NoSuchField' },
		});
		expect(error).toBeUndefined();
		const named = await run({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: String(target.AccountId),
			options: { quantityField: field },
		});
		expect(named.items[0].json.quantity).toEqual(expect.any(Number));
	});
});

describe('Westcoast Cloud node: transport', () => {
	it('logs in again once when the session expires mid-run', async () => {
		const credentialsHelper = createCredentialsHelper([sandboxCredential(sandbox)]);
		const workflow = westcoastWorkflow({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
		});
		await runWorkflow(workflow, { credentialsHelper });
		expect(credentialsHelper.logins.get('wc-1')).toBe(1);
		sandbox.admin.expireSessions();
		const second = await runWorkflow(workflow, { credentialsHelper });
		expect(second.error).toBeUndefined();
		expect(second.output(WESTCOAST_NODE)).toHaveLength(sandbox.state().customers.length);
		expect(credentialsHelper.logins.get('wc-1')).toBe(2);
	});

	it('survives a session that expires every few calls', async () => {
		// A login spends one call reading the session's account, so 3 is the shortest useful session.
		sandbox.admin.setFaults({ sessionExpiryEveryCalls: 3 });
		const { items, error } = await run({
			resource: 'subscription',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
	});

	it('repeats a 429 after Retry-After, and a burst of 503s, to success', async () => {
		sandbox.admin.setFaults({
			rateLimit: { count: 1, retryAfterSeconds: 1 },
			calls: ['GetCompanies'],
		});
		sandbox.admin.setFaults({ unavailable: { count: 2, status: 503 }, calls: ['GetCompany'] });
		const started = Date.now();
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(sandbox.state().customers.length);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		const statuses = sandbox.admin.calls().map((c) => `${c.call}:${c.status}`);
		expect(statuses).toEqual(
			expect.arrayContaining(['GetCompanies:429', 'GetCompany:503', 'GetCompanies:200']),
		);
	});

	it('repeats a login the marketplace was too busy to answer', async () => {
		sandbox.admin.setFaults({ unavailable: { count: 1, status: 503 }, calls: ['GetSessionToken'] });
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(sandbox.state().customers.length);
		expect(
			sandbox.admin
				.calls()
				.filter((c) => c.call === 'GetSessionToken')
				.map((c) => c.status),
		).toEqual([503, 200]);
	});

	it('stops at once, saying so, when the marketplace asks for a longer pause than a node should sleep', async () => {
		sandbox.admin.setFaults({
			rateLimit: { count: 5, retryAfterSeconds: 600 },
			calls: ['GetCompanies'],
		});
		const started = Date.now();
		const { error } = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(error?.message).toBe(
			'The marketplace asks to wait 600 s before answering GetCompanies again; try again later.',
		);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('repeats a dropped connection', async () => {
		sandbox.admin.setFaults({ dropConnection: { count: 1 }, calls: ['GetCompanies'] });
		const { items, error } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.length).toBe(sandbox.state().customers.length);
	});

	it('stops with a clear error when the retry budget runs out', async () => {
		sandbox.admin.setFaults({ unavailable: { count: 50, status: 503 }, calls: ['GetCompanies'] });
		const { error, items } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			options: { maxRetries: 1 },
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'The marketplace kept answering GetCompanies with HTTP 503; gave up after 1 retries. Try again later, or raise "Max Retries".',
		);
	});

	it('gives up on an answer slower than the timeout, saying so', async () => {
		sandbox.admin.setFaults({ latencyMs: 2500, calls: ['GetCompanies'] });
		const { error } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			options: { timeoutSeconds: 1, maxRetries: 0 },
		});
		expect(error?.message).toMatch(
			/^Cannot reach 127\.0\.0\.1:\d+ for GetCompanies: the request timed out/,
		);
	});

	it('reports malformed JSON and HTML error pages, without retrying them', async () => {
		sandbox.admin.setFaults({ malformedJson: { count: 1 }, calls: ['GetCompanies'] });
		const malformed = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(malformed.error?.message).toMatch(
			/answered GetCompanies with a body that is not valid JSON/,
		);
		sandbox.admin.setFaults({ htmlError: { count: 1, status: 500 }, calls: ['GetCompanies'] });
		const html = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(html.error?.message).toBe(
			'The marketplace answered GetCompanies with an error page (HTTP 500)',
		);
	});

	it('with Continue On Fail, a failure becomes an error item paired to its input', async () => {
		sandbox.admin.setFaults({ malformedJson: { count: 1 }, calls: ['GetCompanies'] });
		const { items, error } = await run(
			{ resource: 'customer', operation: 'getAll', returnAll: true },
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch(/not valid JSON/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('says the password is wrong, and never shows it', async () => {
		const password = 'Not-The-Password-42';
		const { error, run: execution } = await run(
			{ resource: 'customer', operation: 'getAll', returnAll: true },
			{},
			sandboxCredential(sandbox, { password }),
		);
		expect(error?.message).toMatch(/^Wrong username or password/);
		expect(JSON.stringify(execution)).not.toContain(password);
	});

	it.each([
		['a user not enabled for the API', 'apiDisabled', /is not enabled for the marketplace API/],
		['a login from a refused IP address', 'ipRestricted', /add the public IP address/],
	] as const)('explains %s in plain words', async (_case, user, message) => {
		const { error } = await run(
			{ resource: 'customer', operation: 'getAll', returnAll: true },
			{},
			sandboxCredential(sandbox, sandbox.users[user]),
		);
		expect(error?.message).toMatch(message);
	});
});

describe('Westcoast Cloud node: Check Connection', () => {
	const check = async (data: Record<string, string>) => {
		const { items, error } = await run(
			{ resource: 'connection', operation: 'check' },
			{},
			{
				...sandboxCredential(sandbox),
				data: { ...sandboxCredential(sandbox).data, ...data },
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		return items[0].json;
	};

	it('returns the whole diagnosis: company, account, user, customers, role and answer times', async () => {
		const { reseller, customers } = sandbox.state();
		const result = await check({});
		expect(result).toMatchObject({
			ok: true,
			case: 'success',
			message: `Connected to ${reseller.CompanyName} (account ${sandbox.resellerAccountId}) as ${sandbox.users.admin.username}; ${customers.length} customer(s) readable.`,
			marketplaceUrl: sandbox.url,
			user: sandbox.users.admin.username,
			company: reseller.CompanyName,
			accountId: String(sandbox.resellerAccountId),
			customersReadable: customers.length,
			resellerAdminRole: true,
		});
		const times = result.answerTimesMs as Record<string, number>;
		expect(times.loginAndCompany).toBeGreaterThanOrEqual(0);
		expect(times.customers).toBeGreaterThanOrEqual(0);
		// A fresh login each time, even with a stored session.
		expect(sandbox.admin.calls().filter((c) => c.call === 'GetSessionToken')).toHaveLength(1);
	});

	it.each([
		[
			'wrong password',
			'invalidLogin',
			() => ({ password: 'nope-nope' }),
			/^Wrong username or password/,
		],
		['MFA user', 'mfa', () => sandbox.users.mfa, /has MFA\/2FA switched on/],
		[
			'user without Reseller Admin',
			'missingRole',
			() => sandbox.users.noRole,
			/^The user sales\.user@reseller\.example logged in but lacks the Reseller Admin role/,
		],
		[
			'an HTML page',
			'notMarketplace',
			() => ({ marketplaceUrl: `${sandbox.url}/decoy/html` }),
			/not a Westcoast Cloud marketplace: it answered GetSessionToken with a web page/,
		],
		[
			'a redirect to a login page',
			'notMarketplace',
			() => ({ marketplaceUrl: `${sandbox.url}/decoy/redirect` }),
			/not a Westcoast Cloud marketplace: it redirects to .*\(a login page\)/,
		],
		[
			'a 404',
			'notMarketplace',
			() => ({ marketplaceUrl: `${sandbox.url}/decoy/notfound` }),
			/not a Westcoast Cloud marketplace: the marketplace API was not found there \(HTTP 404\)/,
		],
		[
			'an unreachable host',
			'unreachable',
			() => ({ marketplaceUrl: 'http://127.0.0.1:9' }),
			/^Cannot reach 127\.0\.0\.1:9: the connection was refused/,
		],
		[
			'a plain-http remote URL',
			'invalidUrl',
			() => ({ marketplaceUrl: 'http://marketplace.example' }),
			/must start with https:\/\//,
		],
		[
			'a Reseller Account ID that cannot be read',
			'accountNotFound',
			() => ({ resellerAccountId: '999999' }),
			/^Reseller Account ID 999999 cannot be read \(/,
		],
	])('explains %s', async (_label, expectedCase, data, message) => {
		const overrides = data() as Record<string, string>;
		const result = await check(overrides);
		expect(result).toMatchObject({ ok: false, case: expectedCase });
		expect(result.message).toMatch(message);
		if (overrides.password) expect(JSON.stringify(result)).not.toContain(overrides.password);
		if (expectedCase === 'missingRole') expect(result.resellerAdminRole).toBe(false);
	});
});

describe('Westcoast Cloud API credential: a session token belongs to its marketplace', () => {
	it('logs in afresh when the Marketplace URL changes, and never sends the old token to the new host', async () => {
		const other = await startWestcoastSandbox({ seed: 8 });
		const seen: string[] = [];
		// Records the session header of every call, then passes it on to the other marketplace.
		const recorder = await listen(async (req, res) => {
			seen.push(String(req.headers.authenticate ?? ''));
			const answer = await fetch(`${other.url}${req.url}`, {
				method: req.method,
				headers: {
					'content-type': 'application/json',
					...(req.headers.authenticate ? { authenticate: String(req.headers.authenticate) } : {}),
				},
				body: await readBody(req),
			});
			res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
			res.end(await answer.text());
		});
		try {
			const helper = createCredentialsHelper([sandboxCredential(sandbox)]);
			const read = () =>
				runWorkflow(westcoastWorkflow({ resource: 'account', operation: 'get' } as never), {
					credentialsHelper: helper,
				});
			expect((await read()).error).toBeUndefined();
			const stored = helper.store.get('wc-1')!.data;
			const firstToken = String(stored.sessionToken);
			expect(firstToken).not.toBe('');
			expect(stored.sessionBaseUrl).toBe(sandbox.url);

			stored.marketplaceUrl = recorder.url;
			const moved = await read();
			expect(moved.error).toBeUndefined();
			expect(moved.output(WESTCOAST_NODE)[0].json.westcoastId).toBe(
				String(other.resellerAccountId),
			);
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.some((header) => header.includes(firstToken))).toBe(false);
			expect(helper.store.get('wc-1')!.data.sessionBaseUrl).toBe(recorder.url);
			expect(other.admin.calls().filter((c) => c.call === 'GetSessionToken')).toHaveLength(1);
		} finally {
			await recorder.close();
			await other.close();
		}
	});
});

describe('Westcoast Cloud node: a list call answered with something that is not a list', () => {
	/** A marketplace that logs in fine but answers list calls with `listBody`. */
	async function oddMarketplace(listBody: string) {
		return await listen((req, res) => {
			const call = (req.url ?? '').split('/').pop();
			const answers: Record<string, string> = {
				GetSessionToken: '"token"',
				GetCompany: JSON.stringify({ AccountId: 1, CompanyName: 'Reseller' }),
			};
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(answers[call ?? ''] ?? listBody);
		});
	}

	it.each([
		['', 'nothing'],
		['{"AccountId":1}', 'object'],
	])('fails the read instead of returning no items (%j)', async (body, got) => {
		const server = await oddMarketplace(body);
		try {
			const credential = sandboxCredential(sandbox, { marketplaceUrl: server.url });
			const { error, items } = await run(
				{ resource: 'subscription', operation: 'getAll', returnAll: true },
				{},
				credential,
			);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				`The marketplace answered GetSubscriptions with ${got} instead of a list, so nothing was read.`,
			);
		} finally {
			await server.close();
		}
	});
});
