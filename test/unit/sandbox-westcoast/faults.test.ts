import { API_PATH, CALLS } from '../../../core/westcoast/protocol';
import { startWestcoastSandbox, type WestcoastSandbox } from '../../../sandbox/westcoast';
import { admin, call, logIn, parseFault } from './client';

let sandbox: WestcoastSandbox;
let token: string;

beforeAll(async () => {
	sandbox = await startWestcoastSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	await admin(sandbox.url, 'DELETE', '/faults');
	token = await logIn(sandbox.url, sandbox.users.admin);
});

const ping = () => call(sandbox.url, CALLS.pingPong, {}, token);

describe('injected faults', () => {
	it('rateLimit answers 429 with Retry-After, then the call succeeds', async () => {
		expect(
			(
				await admin(sandbox.url, 'POST', '/faults', {
					rateLimit: { count: 2, retryAfterSeconds: 7 },
				})
			).status,
		).toBe(200);
		for (let attempt = 0; attempt < 2; attempt++) {
			const answer = await ping();
			expect(answer.status).toBe(429);
			expect(answer.headers.get('retry-after')).toBe('7');
		}
		expect((await ping()).status).toBe(200);
	});

	it('unavailable answers a burst of 503 (or the status asked for), then success', async () => {
		await admin(sandbox.url, 'POST', '/faults', { unavailable: { count: 3 } });
		for (let attempt = 0; attempt < 3; attempt++) expect((await ping()).status).toBe(503);
		expect((await ping()).status).toBe(200);
		await admin(sandbox.url, 'POST', '/faults', { unavailable: { count: 1, status: 504 } });
		expect((await ping()).status).toBe(504);
		expect(
			(await admin(sandbox.url, 'POST', '/faults', { unavailable: { count: 1, status: 500 } }))
				.status,
		).toBe(400);
	});

	it('malformedJson answers 200 with a body that is not JSON', async () => {
		await admin(sandbox.url, 'POST', '/faults', { malformedJson: { count: 1 } });
		const answer = await call(sandbox.url, CALLS.getCompany, {}, token);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
		expect(() => JSON.parse(answer.text)).toThrow();
		expect(JSON.parse((await call(sandbox.url, CALLS.getCompany, {}, token)).text)).toMatchObject({
			AccountId: sandbox.resellerAccountId,
		});
	});

	it('htmlError answers an IIS error page', async () => {
		await admin(sandbox.url, 'POST', '/faults', { htmlError: { count: 1 } });
		const answer = await ping();
		expect(answer.status).toBe(503);
		expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
		expect(answer.text).toMatch(/Service Unavailable/);
		await admin(sandbox.url, 'POST', '/faults', { htmlError: { count: 1, status: 200 } });
		expect(await ping()).toMatchObject({
			status: 200,
			text: expect.stringMatching(/^<!DOCTYPE HTML/),
		});
	});

	it('dropConnection closes the socket without an answer', async () => {
		await admin(sandbox.url, 'POST', '/faults', { dropConnection: { count: 1 } });
		await expect(ping()).rejects.toThrow();
		expect((await ping()).status).toBe(200);
		const log = sandbox.admin.calls();
		expect(log[log.length - 2]).toMatchObject({
			call: CALLS.pingPong,
			status: null,
			fault: 'dropConnection',
		});
	});

	it('sessionExpiryEveryCalls expires the session on every K-th authenticated call', async () => {
		await admin(sandbox.url, 'POST', '/faults', { sessionExpiryEveryCalls: 3 });
		expect((await ping()).status).toBe(200);
		expect((await ping()).status).toBe(200);
		const third = await ping();
		expect(third.status).toBe(400);
		expect(parseFault(third.text).isSessionExpired).toBe(true);
		// That session is gone for good; a new login works again.
		expect(parseFault((await ping()).text).isSessionExpired).toBe(true);
		token = await logIn(sandbox.url, sandbox.users.admin);
		expect((await ping()).status).toBe(200);
	});

	it('sessionExpiry expires the session on the next matching calls only', async () => {
		await admin(sandbox.url, 'POST', '/faults', {
			calls: [CALLS.pingPong],
			sessionExpiry: { count: 1 },
		});
		expect((await call(sandbox.url, CALLS.getCompany, {}, token)).status).toBe(200);
		expect(parseFault((await ping()).text).isSessionExpired).toBe(true);
		token = await logIn(sandbox.url, sandbox.users.admin);
		expect((await ping()).status).toBe(200);
		expect((await ping()).status).toBe(200);
	});

	it('partialList answers HTTP 200 with records left out, spread over the list, then the whole list', async () => {
		const list = async () => {
			const answer = await call(
				sandbox.url,
				CALLS.getSubscriptions,
				{ parentAccountId: sandbox.resellerAccountId },
				token,
			);
			expect(answer.status).toBe(200);
			return (JSON.parse(answer.text) as Array<{ AccountId: number }>).map((s) => s.AccountId);
		};
		const whole = await list();
		expect(whole.length).toBeGreaterThan(10);
		await admin(sandbox.url, 'POST', '/faults', {
			calls: [CALLS.getSubscriptions],
			partialList: { count: 1, drop: 3 },
		});
		// Other lists are whole.
		const companies = await call(
			sandbox.url,
			CALLS.getCompanies,
			{ parentAccountId: sandbox.resellerAccountId },
			token,
		);
		expect(JSON.parse(companies.text)).toHaveLength(sandbox.state().customers.length);
		const partial = await list();
		expect(partial).toHaveLength(whole.length - 3);
		const missing = whole.filter((id) => !partial.includes(id));
		expect(missing).toHaveLength(3);
		expect(whole.indexOf(missing[2]) - whole.indexOf(missing[0])).toBeGreaterThan(whole.length / 2);
		expect(await list()).toEqual(whole);
		expect(
			(await admin(sandbox.url, 'POST', '/faults', { partialList: { count: 1, drop: 0 } })).status,
		).toBe(400);
	});

	it('latencyMs delays answers', async () => {
		await admin(sandbox.url, 'POST', '/faults', { latencyMs: 150 });
		const started = Date.now();
		expect((await ping()).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('calls limits faults to the calls named; admin calls are never affected', async () => {
		await admin(sandbox.url, 'POST', '/faults', {
			calls: [CALLS.getCompanies],
			unavailable: { count: 1 },
		});
		expect((await ping()).status).toBe(200);
		expect((await admin(sandbox.url, 'GET', '/state')).status).toBe(200);
		expect(
			(
				await call(
					sandbox.url,
					CALLS.getCompanies,
					{ parentAccountId: sandbox.resellerAccountId },
					token,
				)
			).status,
		).toBe(503);
		expect(
			(
				await call(
					sandbox.url,
					CALLS.getCompanies,
					{ parentAccountId: sandbox.resellerAccountId },
					token,
				)
			).status,
		).toBe(200);
	});

	it('lists pending faults with their remaining counts, and DELETE clears them', async () => {
		await admin(sandbox.url, 'POST', '/faults', { rateLimit: { count: 2 } });
		await ping();
		expect((await admin(sandbox.url, 'GET', '/faults')).json).toEqual({
			rateLimit: { count: 1, retryAfterSeconds: 1, calls: null },
		});
		await admin(sandbox.url, 'DELETE', '/faults');
		expect(sandbox.state().faults).toEqual({});
		expect((await admin(sandbox.url, 'POST', '/faults', { meteorStrike: true })).status).toBe(400);
	});
});

describe('fault XML', () => {
	it('uses Receiver for server errors and Sender for client errors', async () => {
		const client = parseFault(
			(await call(sandbox.url, CALLS.getCompany, { accountId: 1 }, token)).text,
		);
		expect(client.code).toBe('Sender');
		const { ApiFault } = await import('../../../sandbox/westcoast/fault-xml');
		const server = parseFault(new ApiFault('Database <down> & "out"', 500).toXml());
		expect(server).toMatchObject({
			code: 'Receiver',
			message: 'Database <down> & "out"',
			reason: 'Database <down> & "out"',
		});
	});

	it('answers a fault to every API call path variant the same way (case-insensitive call names)', async () => {
		const response = await fetch(`${sandbox.url}${API_PATH.toLowerCase()}pingpong`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		});
		expect(response.status).toBe(400);
		expect(parseFault(await response.text()).isSessionExpired).toBe(false);
	});
});
