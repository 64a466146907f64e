import {
	ACCOUNT_STATES,
	SUBSCRIPTION_FIELDS,
	API_PATH,
	CALLS,
	FAULT_PATTERNS,
} from '../../../core/westcoast/protocol';
import {
	startWestcoastSandbox,
	STORY_CUSTOMER_IDS,
	type WestcoastSandbox,
} from '../../../sandbox/westcoast';
import { call, callJson, logIn, parseFault } from './client';

interface Company {
	AccountId: number;
	ParentAccountId: number;
	CompanyName: string;
	AccountState: string;
}
interface Subscription {
	AccountId: number;
	ParentAccountId: number;
	CompanyAccountId: number;
	ParentType: string;
	DependencyAccountId: number | null;
	ProductName: string;
	[key: string]: unknown;
}

let sandbox: WestcoastSandbox;
let token: string;

beforeAll(async () => {
	// The first round's spellings; the spec dialect's are checked in dialect.test.ts.
	sandbox = await startWestcoastSandbox({ port: 0, dialect: 'legacy' });
	token = await logIn(sandbox.url, sandbox.users.admin);
});
afterAll(() => sandbox.close());

describe('GetSessionToken', () => {
	it('answers a JSON string token for the Reseller Admin user', async () => {
		const answer = await call(sandbox.url, CALLS.getSessionToken, sandbox.users.admin);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
		expect(typeof JSON.parse(answer.text)).toBe('string');
	});

	it.each([
		['a wrong password', { username: 'api.user@reseller.example', password: 'wrong' }],
		['an unknown user', { username: 'nobody@reseller.example', password: 'x' }],
		['no credentials', {}],
	])('faults "Invalid login!" for %s', async (_case, body) => {
		const answer = await call(sandbox.url, CALLS.getSessionToken, body);
		expect(answer.status).toBe(400);
		expect(answer.headers.get('content-type')).toBe('application/xml; charset=utf-8');
		const fault = parseFault(answer.text);
		expect(fault).toMatchObject({
			code: 'Sender',
			message: 'Invalid login!',
			isSessionExpired: false,
		});
		expect(fault.message).toMatch(FAULT_PATTERNS.invalidLogin);
	});

	it('refuses the MFA user with the platform wording', async () => {
		const fault = parseFault(
			(await call(sandbox.url, CALLS.getSessionToken, sandbox.users.mfa)).text,
		);
		expect(fault.message).toMatch(/MFA users are not supported/);
		expect(fault.message).toMatch(FAULT_PATTERNS.mfa);
		expect(fault.message).not.toMatch(FAULT_PATTERNS.missingRole);
	});

	it('logs in a user without the Reseller Admin role, who may read only their own company', async () => {
		const noRole = await logIn(sandbox.url, sandbox.users.noRole);
		const own = await callJson<Company>(sandbox.url, CALLS.getCompany, {}, noRole);
		expect(own.AccountId).toBe(sandbox.resellerAccountId);
		for (const [name, body] of [
			[CALLS.getCompanies, { parentAccountId: sandbox.resellerAccountId }],
			[
				CALLS.getSubscriptions,
				{ parentAccountId: sandbox.resellerAccountId, excludeUserLevel: false },
			],
			[CALLS.getSubscription, { accountId: sandbox.state().subscriptions[0].AccountId }],
			[CALLS.getSubscriptionWithAddons, { accountId: sandbox.state().subscriptions[0].AccountId }],
		] as const) {
			const answer = await call(sandbox.url, name, body, noRole);
			expect(answer.status).toBe(400);
			const fault = parseFault(answer.text);
			expect(fault.message).toMatch(FAULT_PATTERNS.missingRole);
			expect(fault.isSessionExpired).toBe(false);
		}
	});

	it('never puts the password in a fault, even for a body that is not JSON', async () => {
		const answer = await call(sandbox.url, CALLS.getSessionToken, undefined, undefined, {
			rawBody: '{"username":"api.user@reseller.example","password":"Sandbox-Admin-Pass-1"',
		});
		expect(answer.status).toBe(400);
		expect(answer.text).not.toContain('Sandbox-Admin-Pass-1');
	});
});

describe('sessions', () => {
	it('faults without IsSessionExpired when the Authenticate header is missing or malformed', async () => {
		for (const answer of [
			await call(sandbox.url, CALLS.pingPong, {}),
			await fetch(`${sandbox.url}${API_PATH}PingPong`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Authenticate: `Bearer ${token}` },
				body: '{}',
			}).then(async (response) => ({ status: response.status, text: await response.text() })),
		]) {
			expect(answer.status).toBe(400);
			const fault = parseFault(answer.text);
			expect(fault.isSessionExpired).toBe(false);
			expect(fault.message).toMatch(/Authenticate/);
			expect(fault.message).not.toMatch(FAULT_PATTERNS.missingRole);
		}
	});

	it('faults with IsSessionExpired for an unknown token', async () => {
		const fault = parseFault((await call(sandbox.url, CALLS.pingPong, {}, 'not-a-token')).text);
		expect(fault).toMatchObject({
			isSessionExpired: true,
			message: 'Session expired. Please log in again.',
		});
	});

	it('expires a session after sessionTtlMs', async () => {
		const shortLived = await startWestcoastSandbox({ sessionTtlMs: 100 });
		try {
			const shortToken = await logIn(shortLived.url, shortLived.users.admin);
			expect((await call(shortLived.url, CALLS.pingPong, {}, shortToken)).text).toBe('null');
			await new Promise((resolve) => setTimeout(resolve, 200));
			const answer = await call(shortLived.url, CALLS.pingPong, {}, shortToken);
			expect(answer.status).toBe(400);
			expect(parseFault(answer.text).isSessionExpired).toBe(true);
		} finally {
			await shortLived.close();
		}
	});
});

describe('calls', () => {
	it('PingPong answers null', async () => {
		const answer = await call(sandbox.url, CALLS.pingPong, {}, token);
		expect(answer).toMatchObject({ status: 200, text: 'null' });
	});

	it('GetCompany {} answers the reseller, {accountId} a customer, with every Company field', async () => {
		const own = await callJson<Company>(sandbox.url, CALLS.getCompany, {}, token);
		expect(own).toMatchObject({ AccountId: sandbox.resellerAccountId, AccountType: 'Reseller' });
		const customer = await callJson<Record<string, unknown>>(
			sandbox.url,
			CALLS.getCompany,
			{ accountId: STORY_CUSTOMER_IDS.muller },
			token,
		);
		expect(customer).toMatchObject({
			CompanyName: 'Müller & Söhne GmbH',
			ParentAccountId: sandbox.resellerAccountId,
			Currency: 'EUR',
		});
		for (const field of [
			'VatId',
			'Domain',
			'BillingStartDate',
			'ContractId',
			'CustomerId',
			'Currency',
			'Address',
			'City',
			'Country',
			'Zip',
			'Email',
			'TechnicalEmail',
			'SalesMan',
			'Marketplace',
			'Marketplaces',
			'Vat',
			'AccountType',
			'NumericId',
			'Language',
		]) {
			expect(customer[field]).toBeTruthy();
		}
	});

	it('GetCompanies answers every customer of the reseller, whatever its state, and only for the reseller', async () => {
		const companies = await callJson<Company[]>(
			sandbox.url,
			CALLS.getCompanies,
			{ parentAccountId: sandbox.resellerAccountId },
			token,
		);
		expect(companies).toHaveLength(sandbox.state().customers.length);
		expect(
			companies.every((company) => company.ParentAccountId === sandbox.resellerAccountId),
		).toBe(true);
		expect(companies.every((company) => Number.isInteger(company.AccountId))).toBe(true);
		const states = new Set(companies.map((company) => company.AccountState));
		// Terminated is the spec dialect's word for Cancelled (dialect.test.ts).
		for (const state of ACCOUNT_STATES.filter((name) => name !== 'Terminated'))
			expect(states).toContain(state);
		expect(
			[...states].some((state) => !(ACCOUNT_STATES as readonly string[]).includes(state)),
		).toBe(true);

		const other = await call(
			sandbox.url,
			CALLS.getCompanies,
			{ parentAccountId: STORY_CUSTOMER_IDS.northwind },
			token,
		);
		expect(other.status).toBe(400);
	});

	it('GetSubscriptions with the reseller as parent answers the subscriptions of all customers, add-ons included', async () => {
		const all = await callJson<Subscription[]>(
			sandbox.url,
			CALLS.getSubscriptions,
			{ parentAccountId: sandbox.resellerAccountId, excludeUserLevel: false },
			token,
		);
		expect(all).toHaveLength(sandbox.state().subscriptions.length);
		expect(new Set(all.map((item) => item.CompanyAccountId)).size).toBe(
			sandbox.state().customers.length,
		);
		expect(all.some((item) => item.DependencyAccountId !== null)).toBe(true);
		expect(all.some((item) => item.ParentType === 'User')).toBe(true);
	});

	it('GetSubscriptions for a customer answers its own; excludeUserLevel drops user-level items', async () => {
		const parentAccountId = STORY_CUSTOMER_IDS.northwind;
		const withUsers = await callJson<Subscription[]>(
			sandbox.url,
			CALLS.getSubscriptions,
			{ parentAccountId, excludeUserLevel: false },
			token,
		);
		const withoutUsers = await callJson<Subscription[]>(
			sandbox.url,
			CALLS.getSubscriptions,
			{ parentAccountId, excludeUserLevel: true },
			token,
		);
		expect(withUsers.every((item) => item.CompanyAccountId === parentAccountId)).toBe(true);
		const userLevel = withUsers.filter((item) => item.ParentType === 'User');
		expect(userLevel.length).toBeGreaterThan(0);
		// A user-level item's parent is the user account; the company is in CompanyAccountId.
		expect(userLevel.every((item) => item.ParentAccountId !== parentAccountId)).toBe(true);
		expect(withoutUsers).toHaveLength(withUsers.length - userLevel.length);
		expect(withoutUsers.every((item) => item.ParentType === 'Company')).toBe(true);
	});

	it('GetSubscription and GetSubscriptionWithAddons answer one subscription, the latter with its add-ons', async () => {
		const parent = sandbox
			.state()
			.subscriptions.find(
				(item) =>
					item.DependencyAccountId === null &&
					sandbox
						.state()
						.subscriptions.some((other) => other.DependencyAccountId === item.AccountId),
			);
		const accountId = parent!.AccountId;
		const single = await callJson<Subscription>(
			sandbox.url,
			CALLS.getSubscription,
			{ accountId },
			token,
		);
		expect(single).toEqual(parent);
		const withAddons = await callJson<Subscription>(
			sandbox.url,
			CALLS.getSubscriptionWithAddons,
			{ accountId },
			token,
		);
		const addons = withAddons[SUBSCRIPTION_FIELDS.addons] as Subscription[];
		expect(addons.length).toBeGreaterThan(0);
		expect(addons.every((addon) => addon.DependencyAccountId === accountId)).toBe(true);
		expect({ ...withAddons, [SUBSCRIPTION_FIELDS.addons]: undefined }).toEqual({
			...parent,
			[SUBSCRIPTION_FIELDS.addons]: undefined,
		});
	});

	it('GetMarketplaces answers a list', async () => {
		const marketplaces = await callJson<Array<{ MarketplaceId: string }>>(
			sandbox.url,
			CALLS.getMarketplaces,
			{},
			token,
		);
		expect(marketplaces.length).toBeGreaterThan(0);
		expect(marketplaces[0].MarketplaceId).toEqual(expect.any(String));
	});

	it.each([
		[CALLS.getCompany, { accountId: 999 }, /Company with AccountId 999 was not found/],
		[CALLS.getSubscription, { accountId: 999 }, /Subscription with AccountId 999 was not found/],
		[CALLS.getSubscriptionWithAddons, { accountId: 999 }, /not found/],
		[CALLS.getSubscriptions, { parentAccountId: 999 }, /not found/],
		[CALLS.getSubscription, {}, /'accountId' is required/],
	])('%s %j faults 400', async (name, body, message) => {
		const answer = await call(sandbox.url, name, body, token);
		expect(answer.status).toBe(400);
		expect(parseFault(answer.text).message).toMatch(message);
	});
});

describe('request errors', () => {
	it('faults 400 on a body that is not JSON, or not a JSON object', async () => {
		for (const rawBody of ['{not json', '[1,2]', '"text"']) {
			const answer = await call(sandbox.url, CALLS.getCompany, undefined, token, { rawBody });
			expect(answer.status).toBe(400);
			expect(parseFault(answer.text).code).toBe('Sender');
		}
	});

	it('faults 400 on a body that is not sent as JSON', async () => {
		const answer = await call(sandbox.url, CALLS.pingPong, {}, token, {
			contentType: 'text/plain',
		});
		expect(answer.status).toBe(400);
		expect(parseFault(answer.text).message).toMatch(/unexpected message format/);
	});

	it('escapes XML special characters in fault messages', async () => {
		const answer = await call(sandbox.url, CALLS.getCompany, { accountId: '<b>&"x"</b>' }, token);
		expect(answer.status).toBe(400);
		expect(answer.text).toContain('&lt;b&gt;&amp;');
		expect(answer.text).not.toContain('<b>');
		expect(parseFault(answer.text).message).toContain('<b>&\\"x\\"</b>');
	});

	it('answers an unknown call with WCF\'s "Endpoint not found." HTML page (404)', async () => {
		const answer = await call(sandbox.url, 'GetEverything', {}, token);
		expect(answer.status).toBe(404);
		expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
		expect(answer.text).toContain('Endpoint not found.');
	});

	it('answers 405 to anything but POST', async () => {
		const response = await fetch(`${sandbox.url}${API_PATH}${CALLS.pingPong}`);
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
	});
});
