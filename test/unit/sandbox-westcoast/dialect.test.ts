/**
 * The sandbox's default `spec` dialect answers as the platform's documented
 * dialect does (the evidence table in README "Marketplace dialect"); `legacy`
 * keeps the first round's spellings. Checked on the wire, with fetch only.
 */
import { API_PATH, CALLS, SESSION_HEADER } from '../../../core/westcoast/protocol';
import { startWestcoastSandbox, type WestcoastSandbox } from '../../../sandbox/westcoast';
import { call, callJson, logIn } from './client';

type Json = Record<string, unknown>;

let spec: WestcoastSandbox;
let legacy: WestcoastSandbox;
let token: string;

beforeAll(async () => {
	[spec, legacy] = await Promise.all([
		startWestcoastSandbox({ seed: 5 }),
		startWestcoastSandbox({ seed: 5, dialect: 'legacy' }),
	]);
	token = await logIn(spec.url, spec.users.admin);
});
afterAll(() => Promise.all([spec.close(), legacy.close()]));

const customers = (sandbox: WestcoastSandbox, session: string) =>
	callJson<Json[]>(
		sandbox.url,
		CALLS.getCompanies,
		{ parentAccountId: sandbox.resellerAccountId },
		session,
	);
const subscriptions = (sandbox: WestcoastSandbox, session: string) =>
	callJson<Json[]>(
		sandbox.url,
		CALLS.getSubscriptions,
		{ parentAccountId: sandbox.resellerAccountId },
		session,
	);

describe('spec dialect: companies', () => {
	it('spells VATID and Salesman, numbers marketplaces, and has a NumericId of its own', async () => {
		const [first] = await customers(spec, token);
		expect(first).toHaveProperty('VATID');
		expect(first).not.toHaveProperty('VatId');
		expect(first).toHaveProperty('Salesman');
		expect(first).not.toHaveProperty('SalesMan');
		expect(first.Marketplace).toEqual(expect.any(Number));
		expect((first.Marketplaces as unknown[]).every((id) => typeof id === 'number')).toBe(true);
		expect(first.NumericId).toEqual(expect.any(String));
		expect(first.NumericId).not.toBe(String(first.AccountId));
		expect(first.AccountType).toBe('Company');
	});

	it('is the same data as the legacy dialect, spelt differently', async () => {
		const legacyToken = await logIn(legacy.url, legacy.users.admin);
		const [specFirst] = await customers(spec, token);
		const [legacyFirst] = await customers(legacy, legacyToken);
		expect(specFirst.VATID).toBe(legacyFirst.VatId);
		expect(specFirst.Salesman).toBe(legacyFirst.SalesMan);
		expect(specFirst.AccountId).toBe(legacyFirst.AccountId);
	});
});

describe('spec dialect: subscriptions', () => {
	it('shows Terminated and a Status, flags seat counts IsUDRCField, sends some values as numbers', async () => {
		const all = await subscriptions(spec, token);
		const states = new Set(all.map((s) => s.AccountState));
		expect(states).toContain('Terminated');
		expect(states).not.toContain('Cancelled');
		expect(all.every((s) => 'Status' in s)).toBe(true);
		const items = all.flatMap((s) => s.PriceableItems as Json[]);
		expect(items.some((item) => item.IsUDRCField === true)).toBe(true);
		expect(items.some((item) => 'IsUdrcField' in item)).toBe(false);
		const values = all.flatMap((s) => (s.Fields as Json[]).map((field) => field.Value));
		expect(values.some((value) => typeof value === 'number')).toBe(true);
		expect(values.some((value) => typeof value === 'string' && /^\d+$/.test(value))).toBe(true);
	});

	it('names some products by internal keys, with the readable name as VendorDisplayName', async () => {
		const keyed = (await subscriptions(spec, token)).filter((s) =>
			/^\d+_\w+Order_\d+$/.test(String(s.ProductName)),
		);
		expect(keyed.length).toBeGreaterThan(0);
		for (const subscription of keyed) expect(subscription.VendorDisplayName).toMatch(/ /);
	});

	it('answers Addons as summaries: one object for one add-on, a list for several', async () => {
		const state = spec.state();
		const addonCount = new Map<number, number>();
		for (const s of state.subscriptions)
			if (s.DependencyAccountId)
				addonCount.set(
					Number(s.DependencyAccountId),
					(addonCount.get(Number(s.DependencyAccountId)) ?? 0) + 1,
				);
		const one = [...addonCount].find(([, count]) => count === 1);
		const several = [...addonCount].find(([, count]) => count > 1);
		expect(one && several).toBeTruthy();
		const withAddons = (accountId: number) =>
			callJson<Json>(spec.url, CALLS.getSubscriptionWithAddons, { accountId }, token);
		const single = (await withAddons(one![0])).Addons as Json;
		expect(single).toEqual({
			ParentAccountId: expect.any(Number),
			AccountId: expect.any(Number),
			AccountState: expect.any(String),
			ServiceName: expect.any(String),
		});
		const list = (await withAddons(several![0])).Addons as Json[];
		expect(list).toHaveLength(several![1]);
		expect(Object.keys(list[0]).sort()).toEqual([
			'AccountId',
			'AccountState',
			'ParentAccountId',
			'ServiceName',
		]);
	});

	it("lists an add-on's dependency with GetSubscriptionDependencies", async () => {
		const addon = spec.state().subscriptions.find((s) => s.DependencyAccountId)!;
		const dependencies = await callJson<Json[]>(
			spec.url,
			CALLS.getSubscriptionDependencies,
			{ accountId: addon.AccountId },
			token,
		);
		expect(dependencies.map((d) => d.AccountId)).toEqual([addon.DependencyAccountId]);
	});
});

describe('spec dialect: requests', () => {
	it('takes IDs as JSON numbers only, and names are case-sensitive', async () => {
		const id = spec.state().customers[0].AccountId;
		const asText = await call(spec.url, CALLS.getCompany, { accountId: String(id) }, token);
		expect(asText.status).toBe(400);
		expect(asText.text).toContain('parameter &apos;accountId&apos; is not a whole number');
		const legacyToken = await logIn(legacy.url, legacy.users.admin);
		const lenient = await call(
			legacy.url,
			CALLS.getCompany,
			{ accountId: String(id) },
			legacyToken,
		);
		expect(lenient.status).toBe(200);
		// WCF ignores a member it does not know: `AccountId` is not `accountId`, so this is the caller's own company.
		const wrongCase = await callJson<Json>(spec.url, CALLS.getCompany, { AccountId: id }, token);
		expect(wrongCase.AccountId).toBe(spec.resellerAccountId);
	});

	it("takes resellerContext only for the caller's reseller", async () => {
		const own = await call(
			spec.url,
			CALLS.getSubscriptions,
			{ parentAccountId: spec.resellerAccountId, resellerContext: spec.resellerAccountId },
			token,
		);
		expect(own.status).toBe(200);
		const other = await call(
			spec.url,
			CALLS.getSubscriptions,
			{ parentAccountId: spec.resellerAccountId, resellerContext: 1 },
			token,
		);
		expect(other.status).toBe(400);
		expect(other.text).toContain('Reseller context 1 is not a reseller account');
	});

	it('accepts the Authenticate header with or without the CCPSessionId prefix', async () => {
		const bare = await fetch(`${spec.url}${API_PATH}${CALLS.pingPong}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: token },
			body: '{}',
		});
		expect(bare.status).toBe(200);
		expect((await call(spec.url, CALLS.pingPong, {}, token)).status).toBe(200);
	});

	it('ends a session with TerminateSessionToken', async () => {
		const session = await logIn(spec.url, spec.users.admin);
		expect((await call(spec.url, CALLS.terminateSessionToken, {}, session)).status).toBe(200);
		const after = await call(spec.url, CALLS.pingPong, {}, session);
		expect(after.text).toContain('<IsSessionExpired>true</IsSessionExpired>');
	});
});

describe('spec dialect: login faults', () => {
	it.each([
		[
			'a wrong password',
			() => ({ ...spec.users.admin, password: 'wrong' }),
			'We could not sign you in. Check your username and password and try again.',
		],
		[
			'an MFA user',
			() => spec.users.mfa,
			'Unable to get session token. Users with enabled MFA are not supported.',
		],
		['a user not enabled for the API', () => spec.users.apiDisabled, 'not enabled for API access'],
		['a refused IP address', () => spec.users.ipRestricted, 'IP address is not allowed'],
	])('refuses %s with HTTP 500, in a SOAP 1.2 envelope', async (_case, user, text) => {
		const answer = await call(spec.url, CALLS.getSessionToken, user());
		expect(answer.status).toBe(500);
		expect(answer.text).toMatch(
			/^<s:Envelope xmlns:s="http:\/\/www\.w3\.org\/2003\/05\/soap-envelope">/,
		);
		expect(answer.text).toContain(text);
	});
});
