import { startHaloSandbox, type HaloSandbox } from '../../../sandbox/halo';
import { answer, haloApi, type HaloApi } from './helpers';

describe('Halo sandbox: admin API', () => {
	let halo: HaloSandbox;
	let api: HaloApi;
	beforeAll(async () => {
		halo = await startHaloSandbox();
		api = await haloApi(halo);
	});
	beforeEach(() => halo.admin.reset());
	afterAll(() => halo.close());

	const admin = (method: string, path: string, body?: unknown) =>
		fetch(`${halo.url}/__admin${path}`, {
			method,
			body: body === undefined ? undefined : JSON.stringify(body),
		}).then(answer);

	it('shows every table and the request counters, without auth', async () => {
		await api.get('Client/11');
		await api.get('Client/12');
		const { status, body } = await admin('GET', '/state');
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual([
			'clients',
			'externalLinks',
			'licences',
			'requestCounts',
			'sites',
			'toplevels',
		]);
		expect(body.requestCounts).toEqual({ 'GET /api/Client/{id}': 2 });
		expect(body).toEqual(halo.state());
	});

	it('logs API and token requests by size and status, never tokens or secrets', async () => {
		const fresh = await haloApi(halo);
		await fresh.post('Client', [{ name: 'Logged Ltd' }]);
		await fresh.get('Nothing');
		const { body: log } = await admin('GET', '/requests');
		expect(log).toEqual([
			{ method: 'POST', path: '/auth/token', status: 200, bodySize: expect.any(Number) },
			{
				method: 'POST',
				path: '/api/Client',
				status: 200,
				bodySize: JSON.stringify([{ name: 'Logged Ltd' }]).length,
			},
			{ method: 'GET', path: '/api/Nothing', status: 404, bodySize: 0 },
		]);
		const text = JSON.stringify(log);
		expect(text).not.toContain(fresh.token);
		expect(text).not.toContain(halo.clientSecret);
		expect(halo.admin.requests()).toEqual(log);
	});

	it('resets to the seed data, optionally with a new seed', async () => {
		const seeded = halo.state();
		await api.post('Client', [{ name: 'Temporary Ltd' }]);
		expect(halo.state().clients).toHaveLength(seeded.clients.length + 1);

		expect((await admin('POST', '/reset')).body).toEqual({ seed: 1 });
		expect(halo.state()).toEqual({ ...seeded, requestCounts: {} });
		expect(halo.admin.requests()).toEqual([]);

		expect((await admin('POST', '/reset', { seed: 7 })).body).toEqual({ seed: 7 });
		const reseeded = halo.state();
		expect(reseeded.clients.map((client) => client.id)).toEqual(
			seeded.clients.map((client) => client.id),
		);
		expect(reseeded.licences.map((licence) => licence.count)).not.toEqual(
			seeded.licences.map((licence) => licence.count),
		);
		expect((await admin('POST', '/reset', { seed: 'x' })).status).toBe(400);
	});

	it('makes resource calls fail on demand, leaving the token endpoint alone', async () => {
		const set = await admin('POST', '/faults', { unavailable: { count: 2, status: 503 } });
		expect(set.body).toEqual({ unavailable: { count: 2, status: 503 } });
		expect((await haloApi(halo)).token).toEqual(expect.any(String));
		expect((await api.get('Client')).status).toBe(503);
		expect((await admin('GET', '/faults')).body).toEqual({
			unavailable: { count: 1, status: 503 },
		});
		expect((await api.get('Client')).status).toBe(503);
		expect((await api.get('Client')).status).toBe(200);

		await admin('POST', '/faults', { unavailable: { count: 5 } });
		expect((await api.get('Client')).status).toBe(503);
		expect((await admin('DELETE', '/faults')).body).toEqual({});
		expect((await api.get('Client')).status).toBe(200);

		expect(
			(await admin('POST', '/faults', { unavailable: { count: 1, status: 200 } })).status,
		).toBe(400);
	});

	it('expires tokens', async () => {
		const { body } = await admin('POST', '/tokens/expire');
		expect(body.expired).toBeGreaterThanOrEqual(1);
		expect((await api.get('Client')).status).toBe(401);
		api = await haloApi(halo);
	});

	it('404s unknown admin routes', async () => {
		expect((await admin('GET', '/nothing')).status).toBe(404);
	});
});
