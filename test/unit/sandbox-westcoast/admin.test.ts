import { CALLS } from '../../../core/westcoast/protocol';
import {
	startWestcoastSandbox,
	STORY_CUSTOMER_IDS,
	type CallLogEntry,
	type SandboxSubscription,
	type WestcoastSandbox,
	type WestcoastState,
} from '../../../sandbox/westcoast';
import { admin, call, callJson, logIn, parseFault } from './client';

interface Subscription extends Record<string, unknown> {
	AccountId: number;
	AccountState: string;
	CompanyAccountId: number;
	ParentType: string;
	DependencyAccountId: number | null;
	Fields: Array<{ Name: string; Value: string }>;
	PriceableItems: Array<{ IsUdrcField: boolean; FieldName: string | null }>;
}

let sandbox: WestcoastSandbox;
let token: string;

beforeAll(async () => {
	sandbox = await startWestcoastSandbox({ dialect: 'legacy' });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	await admin(sandbox.url, 'POST', '/reset', {});
	token = await logIn(sandbox.url, sandbox.users.admin);
});

const subscription = (id: number) =>
	callJson<Subscription>(sandbox.url, CALLS.getSubscription, { accountId: id }, token);
const seats = (item: Subscription) =>
	item.Fields.find(
		(field) => field.Name === item.PriceableItems.find((p) => p.IsUdrcField)?.FieldName,
	)?.Value;
/** A story subscription with seats and add-ons: Northwind's Microsoft 365 Business Premium. */
const withAddons = () =>
	sandbox
		.state()
		.subscriptions.find(
			(item) =>
				item.CompanyAccountId === STORY_CUSTOMER_IDS.northwind &&
				item.ProductName === 'Microsoft 365 Business Premium',
		) as SandboxSubscription;

describe('admin HTTP API', () => {
	it('GET /state answers the data, open sessions, per-call counters and pending faults', async () => {
		await call(sandbox.url, CALLS.pingPong, {}, token);
		const { status, json } = await admin<WestcoastState>(sandbox.url, 'GET', '/state');
		expect(status).toBe(200);
		expect(json.resellerAccountId).toBe(sandbox.resellerAccountId);
		expect(json.customers).toHaveLength(15);
		expect(json.subscriptions.length).toBeGreaterThan(15);
		expect(json.sessions).toBe(1);
		expect(json.calls).toEqual({ [CALLS.getSessionToken]: 1, [CALLS.pingPong]: 1 });
		expect(json.faults).toEqual({});
	});

	it('POST /reset regenerates with new options and clears faults and counters', async () => {
		await admin(sandbox.url, 'POST', '/faults', { rateLimit: { count: 5 } });
		const before = sandbox.state();
		const { json } = await admin<WestcoastState>(sandbox.url, 'POST', '/reset', {
			seed: 42,
			customers: 20,
			subscriptionsPerCustomer: 1,
		});
		expect(json.customers).toHaveLength(20);
		expect(json.faults).toEqual({});
		expect(json.calls).toEqual({});
		expect(JSON.stringify(json.subscriptions)).not.toBe(JSON.stringify(before.subscriptions));
		await admin(sandbox.url, 'POST', '/reset', {
			seed: 1,
			customers: 15,
			subscriptionsPerCustomer: 3,
		});
		expect(sandbox.state().subscriptions).toEqual(before.subscriptions);
	});

	it('deletes a subscription together with its add-ons', async () => {
		const parent = withAddons();
		const addonIds = sandbox
			.state()
			.subscriptions.filter((item) => item.DependencyAccountId === parent.AccountId)
			.map((item) => item.AccountId);
		expect(addonIds.length).toBeGreaterThan(0);
		const { status, json } = await admin<{ deleted: number[] }>(
			sandbox.url,
			'POST',
			`/subscriptions/${parent.AccountId}/delete`,
		);
		expect(status).toBe(200);
		expect(json.deleted.sort()).toEqual([parent.AccountId, ...addonIds].sort());
		expect(
			(await call(sandbox.url, CALLS.getSubscription, { accountId: parent.AccountId }, token))
				.status,
		).toBe(400);
	});

	it('cancels a subscription, sets its state and its seat count', async () => {
		const id = withAddons().AccountId;
		await admin(sandbox.url, 'POST', `/subscriptions/${id}/cancel`);
		expect((await subscription(id)).AccountState).toBe('Cancelled');
		await admin(sandbox.url, 'POST', `/subscriptions/${id}/state`, { state: 'Suspended' });
		expect((await subscription(id)).AccountState).toBe('Suspended');
		const { json } = await admin<Subscription>(
			sandbox.url,
			'POST',
			`/subscriptions/${id}/quantity`,
			{ quantity: 31 },
		);
		expect(seats(json)).toBe('31');
		expect(seats(await subscription(id))).toBe('31');
	});

	it('refuses a seat count for a flat-fee subscription and bad input', async () => {
		const flat = sandbox
			.state()
			.subscriptions.find(
				(item) => !item.PriceableItems.some((p) => p.IsUdrcField),
			) as SandboxSubscription;
		expect(
			(
				await admin(sandbox.url, 'POST', `/subscriptions/${flat.AccountId}/quantity`, {
					quantity: 2,
				})
			).status,
		).toBe(400);
		expect(
			(
				await admin(sandbox.url, 'POST', `/subscriptions/${withAddons().AccountId}/quantity`, {
					quantity: -1,
				})
			).status,
		).toBe(400);
		expect((await admin(sandbox.url, 'POST', '/subscriptions/1/cancel')).status).toBe(404);
		expect((await admin(sandbox.url, 'POST', '/nothing')).status).toBe(404);
		expect((await admin(sandbox.url, 'GET', '/reset')).status).toBe(405);
	});

	it('creates a customer with a new integer id, renames it and deletes it with its subscriptions', async () => {
		const created = await admin<{
			AccountId: number;
			ParentAccountId: number;
			CompanyName: string;
		}>(sandbox.url, 'POST', '/customers', {
			CompanyName: 'New Customer & Co',
			City: 'York',
		});
		expect(created.status).toBe(200);
		const id = created.json.AccountId;
		expect(Number.isInteger(id)).toBe(true);
		expect(sandbox.state().customers.filter((customer) => customer.AccountId === id)).toHaveLength(
			1,
		);
		expect(created.json).toMatchObject({
			ParentAccountId: sandbox.resellerAccountId,
			CompanyName: 'New Customer & Co',
			City: 'York',
		});

		await admin(sandbox.url, 'POST', `/customers/${id}/rename`, { name: 'Renamed Customer Ltd' });
		expect(await callJson(sandbox.url, CALLS.getCompany, { accountId: id }, token)).toMatchObject({
			CompanyName: 'Renamed Customer Ltd',
		});

		const added = await admin<Subscription>(sandbox.url, 'POST', '/subscriptions', {
			customerId: id,
			productName: 'Keeper Business',
			quantity: 9,
		});
		expect(added.status).toBe(200);
		expect(added.json).toMatchObject({
			CompanyAccountId: id,
			ParentType: 'Company',
			AccountState: 'Active',
		});
		expect(seats(added.json)).toBe('9');

		const deleted = await admin<{ subscriptions: number[] }>(
			sandbox.url,
			'POST',
			`/customers/${id}/delete`,
		);
		expect(deleted.json.subscriptions).toEqual([added.json.AccountId]);
		expect((await call(sandbox.url, CALLS.getCompany, { accountId: id }, token)).status).toBe(400);
	});

	it('creates subscriptions: add-ons, user-level, unknown products and custom seat fields', async () => {
		const parent = withAddons();
		const addon = await admin<Subscription>(sandbox.url, 'POST', '/subscriptions', {
			customerId: parent.CompanyAccountId,
			productName: 'Microsoft 365 Copilot',
			quantity: 2,
			addonOf: parent.AccountId,
		});
		expect(addon.json.DependencyAccountId).toBe(parent.AccountId);
		const withAddonsAnswer = await callJson<Record<string, Subscription[]>>(
			sandbox.url,
			CALLS.getSubscriptionWithAddons,
			{ accountId: parent.AccountId },
			token,
		);
		expect(withAddonsAnswer.Addons.map((item) => item.AccountId)).toContain(addon.json.AccountId);

		const userLevel = await admin<Subscription>(sandbox.url, 'POST', '/subscriptions', {
			customerId: parent.CompanyAccountId,
			productName: 'Microsoft 365 Business Basic',
			userLevel: true,
		});
		expect(userLevel.json).toMatchObject({
			ParentType: 'User',
			CompanyAccountId: parent.CompanyAccountId,
		});

		const custom = await admin<Subscription>(sandbox.url, 'POST', '/subscriptions', {
			customerId: parent.CompanyAccountId,
			productName: 'Some Vendor Thing',
			quantity: 4,
			fieldName: 'Licences',
		});
		expect(custom.json.PriceableItems.find((item) => item.IsUdrcField)?.FieldName).toBe('Licences');
		expect(seats(custom.json)).toBe('4');

		expect(
			(await admin(sandbox.url, 'POST', '/subscriptions', { customerId: 1, productName: 'X' }))
				.status,
		).toBe(404);
	});

	it('POST /sessions/expire ends every session (the next call faults IsSessionExpired)', async () => {
		await admin(sandbox.url, 'POST', '/sessions/expire');
		expect(sandbox.state().sessions).toBe(0);
		const answer = await call(sandbox.url, CALLS.pingPong, {}, token);
		expect(parseFault(answer.text).isSessionExpired).toBe(true);
	});

	it('GET /calls logs call, status and time, never passwords or tokens', async () => {
		await call(sandbox.url, CALLS.getSessionToken, {
			username: sandbox.users.admin.username,
			password: 'wrong-secret',
		});
		await call(
			sandbox.url,
			CALLS.getCompanies,
			{ parentAccountId: sandbox.resellerAccountId },
			token,
		);
		const { json } = await admin<CallLogEntry[]>(sandbox.url, 'GET', '/calls');
		expect(json.map(({ call: name, status }) => [name, status])).toEqual([
			[CALLS.getSessionToken, 200],
			[CALLS.getSessionToken, 400],
			[CALLS.getCompanies, 200],
		]);
		expect(json.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
		const text = JSON.stringify(json) + JSON.stringify(sandbox.state());
		for (const secret of [sandbox.users.admin.password, 'wrong-secret', token])
			expect(text).not.toContain(secret);
	});
});

describe('in-process admin', () => {
	it('offers the same operations as the HTTP API', () => {
		const parent = withAddons();
		expect(
			sandbox.admin
				.setSubscriptionQuantity(parent.AccountId, 7)
				.Fields?.find((field) => field.Name === 'Quantity')?.Value,
		).toBe('7');
		expect(sandbox.admin.cancelSubscription(parent.AccountId).AccountState).toBe('Cancelled');
		const customer = sandbox.admin.createCustomer({
			CompanyName: 'In Process Ltd',
			AccountState: 'Suspended',
		});
		expect(customer.AccountState).toBe('Suspended');
		expect(
			sandbox.admin.renameCustomer(customer.AccountId, 'Still In Process Ltd').CompanyName,
		).toBe('Still In Process Ltd');
		const created = sandbox.admin.createSubscription({
			customerId: customer.AccountId,
			productName: 'Exchange Online (Plan 1)',
			quantity: 3,
			state: 'Suspended',
		});
		expect(created.AccountState).toBe('Suspended');
		expect(sandbox.admin.deleteSubscription(created.AccountId).deleted).toEqual([
			created.AccountId,
		]);
		expect(sandbox.admin.deleteCustomer(customer.AccountId).deleted).toBe(customer.AccountId);
		expect(() => sandbox.admin.renameCustomer(customer.AccountId, 'x')).toThrow(/not found/);
		expect(sandbox.admin.setFaults({ latencyMs: 5 })).toEqual({
			latencyMs: { ms: 5, calls: null },
		});
		expect(() => sandbox.admin.setFaults({ rateLimit: { count: 0 } })).toThrow(/count/);
		sandbox.admin.clearFaults();
		expect(sandbox.admin.state().faults).toEqual({});
	});

	it('hands out copies: changing a snapshot does not change the marketplace', () => {
		const snapshot = sandbox.state();
		snapshot.customers[0].CompanyName = 'Changed';
		expect(sandbox.state().customers[0].CompanyName).not.toBe('Changed');
	});
});
