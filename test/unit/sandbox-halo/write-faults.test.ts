import { startHaloSandbox, type HaloSandbox } from '../../../sandbox/halo';
import { answer, haloApi } from './helpers';

describe('Halo sandbox: write faults', () => {
	let halo: HaloSandbox;
	beforeAll(async () => {
		halo = await startHaloSandbox();
	});
	beforeEach(() => halo.admin.reset());
	afterAll(() => halo.close());

	const admin = (method: string, path: string, body?: unknown) =>
		fetch(`${halo.url}/__admin${path}`, {
			method,
			body: body === undefined ? undefined : JSON.stringify(body),
		}).then(answer);
	const licenceCount = () => halo.state().licences.length;
	const newLicence = (name: string) => [{ name, client_id: halo.state().clients[0].id, count: 1 }];

	it('a write fault answers 500 with a JSON error and saves nothing, after the writes it lets through', async () => {
		const api = await haloApi(halo);
		expect(
			(await admin('POST', '/faults', { write: { entity: 'SoftwareLicence', count: 2, after: 1 } }))
				.status,
		).toBe(200);
		const before = licenceCount();
		// Reads and other entities are not touched.
		expect((await api.get('SoftwareLicence')).status).toBe(200);
		expect((await api.post('Client', [{ name: 'Unaffected Ltd' }])).status).toBe(200);
		expect((await api.post('SoftwareLicence', newLicence('First'))).status).toBe(200);
		for (const name of ['Second', 'Third']) {
			const failed = await api.post('SoftwareLicence', newLicence(name));
			expect(failed.status).toBe(500);
			expect(failed.body.error).toMatch(/SoftwareLicence/);
		}
		expect(licenceCount()).toBe(before + 1);
		expect((await api.post('SoftwareLicence', newLicence('Fourth'))).status).toBe(200);
		expect(licenceCount()).toBe(before + 2);
		expect((await admin('GET', '/faults')).body).toEqual({});
	});

	it('a write fault with another status, for any entity', async () => {
		const api = await haloApi(halo);
		await admin('POST', '/faults', { write: { count: 1, status: 502 } });
		expect((await api.post('Client', [{ name: 'Refused Ltd' }])).status).toBe(502);
		expect(halo.state().clients.some((client) => client.name === 'Refused Ltd')).toBe(false);
	});

	it('refuses a malformed write fault', async () => {
		for (const write of [{ count: 0 }, { count: 1, status: 200 }, { count: 1, after: -1 }])
			expect((await admin('POST', '/faults', { write })).status).toBe(400);
		expect((await admin('POST', '/faults', { expireTokensAfterWrites: 0 })).status).toBe(400);
	});

	it('expireTokensAfterWrites ends every token after that many writes: the next call gets 401, a new token works', async () => {
		const api = await haloApi(halo);
		await admin('POST', '/faults', { expireTokensAfterWrites: 2 });
		expect((await api.post('Client', [{ name: 'One Ltd' }])).status).toBe(200);
		expect((await api.get('Client')).status).toBe(200);
		expect((await api.post('Client', [{ name: 'Two Ltd' }])).status).toBe(200);
		const refused = await api.post('Client', [{ name: 'Three Ltd' }]);
		expect(refused.status).toBe(401);
		expect(halo.state().clients.some((client) => client.name === 'Three Ltd')).toBe(false);
		const renewed = await haloApi(halo);
		expect((await renewed.post('Client', [{ name: 'Three Ltd' }])).status).toBe(200);
		// Once only.
		expect((await renewed.post('Client', [{ name: 'Four Ltd' }])).status).toBe(200);
		expect((await renewed.get('Client')).status).toBe(200);
	});
});

describe('Halo sandbox: faults aimed at one read', () => {
	let halo: HaloSandbox;
	beforeAll(async () => {
		halo = await startHaloSandbox();
	});
	beforeEach(() => halo.admin.reset());
	afterAll(() => halo.close());
	const page = (api: Awaited<ReturnType<typeof haloApi>>, entity: string) =>
		api.get(`${entity}?pageinate=true&page_size=5&page_no=1`);

	it('unavailable can name an entity and a method, and let the first calls through', async () => {
		const api = await haloApi(halo);
		halo.admin.setFaults({ unavailable: { count: 1, entity: 'Client', method: 'GET', skip: 1 } });
		expect((await page(api, 'SoftwareLicence')).status).toBe(200);
		expect((await api.post('Client', [{ name: 'Writes Pass Ltd' }])).status).toBe(200);
		expect((await page(api, 'Client')).status).toBe(200);
		expect((await page(api, 'Client')).status).toBe(503);
		expect((await page(api, 'Client')).status).toBe(200);
	});

	it('a list fault with skip hits a later read of the same page', async () => {
		const api = await haloApi(halo);
		halo.admin.setFaults({
			list: [
				{ kind: 'emptyList', entity: 'Client', skip: 1 },
				{ kind: 'shortPage', entity: 'SoftwareLicence', records: 2, skip: 1 },
			],
		});
		const clients = (await page(api, 'Client')).body;
		expect(clients.clients.length).toBe(5);
		// The rest of the first read is not hit.
		expect(
			(await api.get('Client?pageinate=true&page_size=5&page_no=2')).body.clients,
		).toHaveLength(5);
		expect((await page(api, 'Client')).body).toEqual({ record_count: 0, clients: [] });
		expect((await page(api, 'SoftwareLicence')).body.licences).toHaveLength(5);
		expect((await page(api, 'SoftwareLicence')).body.licences).toHaveLength(2);
		expect(halo.admin.faults()).toEqual({});
	});
});

describe('Halo sandbox: a client deleted while paging', () => {
	it('takes its external links with it', async () => {
		const halo = await startHaloSandbox();
		try {
			const api = await haloApi(halo);
			const first = halo.state().clients[0];
			const links = () =>
				halo
					.state()
					.externalLinks.filter((link) => link.table_id === 1 && link.halo_id === first.id);
			expect(links().length).toBeGreaterThan(0);
			halo.admin.setFaults({ list: [{ entity: 'Client', kind: 'deleteDuringPaging' }] });
			await api.get('Client?pageinate=true&page_size=5&page_no=1');
			expect(halo.state().clients.some((client) => client.id === first.id)).toBe(false);
			expect(links()).toEqual([]);
		} finally {
			await halo.close();
		}
	});
});
