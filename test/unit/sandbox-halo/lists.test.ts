import { HALO_LICENCE_FIELDS, HALO_LINK_TABLE, WESTCOAST_LINK_TYPE } from '../../../core/psa/halo';
import {
	buildDefaultHaloSeed,
	HALO_ONLY_CLIENTS,
	HALO_TOP_LEVELS,
	startHaloSandbox,
	type HaloSandbox,
} from '../../../sandbox/halo';
import { haloApi, type HaloApi } from './helpers';

const { story, clients, licences } = buildDefaultHaloSeed();
const linked = story.customers.find((customer) => customer.role === 'linked')!;
const duplicate = story.customers.find((customer) => customer.role === 'duplicate')!;
const activeClients = clients.filter((client) => !client.inactive);
const inactiveClient = HALO_ONLY_CLIENTS.find((client) => client.inactive)!;

describe('Halo sandbox: lists and reads', () => {
	let halo: HaloSandbox;
	let api: HaloApi;
	beforeAll(async () => {
		halo = await startHaloSandbox();
		api = await haloApi(halo);
	});
	afterAll(() => halo.close());

	const names = (rows: Array<{ name: string }>) => rows.map((row) => row.name);

	describe('paging', () => {
		it('pages 1-based and counts every match in record_count', async () => {
			const all = await api.get('Client');
			expect(all.body.record_count).toBe(activeClients.length);
			expect(all.body.clients).toHaveLength(activeClients.length);

			const pages = [];
			for (let page = 1; page <= 3; page++) {
				const { body } = await api.get(`Client?pageinate=true&page_size=4&page_no=${page}`);
				expect(body.record_count).toBe(activeClients.length);
				pages.push(...body.clients);
			}
			expect(pages).toEqual(all.body.clients);
			const { body: first } = await api.get('Client?pageinate=true&page_size=4&page_no=1');
			expect(first.clients).toHaveLength(4);
			const { body: beyond } = await api.get('Client?pageinate=true&page_size=4&page_no=9');
			expect(beyond).toEqual({ record_count: activeClients.length, clients: [] });
		});

		it('limits an unpaged list with count', async () => {
			const { body } = await api.get('Client?count=2');
			expect(body.clients).toHaveLength(2);
			expect(body.record_count).toBe(activeClients.length);
		});

		it('refuses page numbers below 1 and non-integer parameters', async () => {
			expect((await api.get('Client?pageinate=true&page_size=4&page_no=0')).status).toBe(400);
			expect((await api.get('Client?toplevel_id=abc')).status).toBe(400);
		});
	});

	describe('Client', () => {
		it('searches names case-insensitively (contains)', async () => {
			const { body } = await api.get('Client?search=SMITH');
			expect(body.clients.map((client: { id: number }) => client.id)).toEqual(
				duplicate.haloClientIds,
			);
			expect(names((await api.get('Client?search=müller')).body.clients)).toEqual([
				linked.westcoastName,
			]);
		});

		it('filters by toplevel_id', async () => {
			const { body } = await api.get('Client?toplevel_id=3');
			expect(names(body.clients)).toEqual(['Internal IT']);
		});

		it('hides inactive clients unless includeinactive=true', async () => {
			expect(names((await api.get('Client')).body.clients)).not.toContain(inactiveClient.name);
			const { body } = await api.get('Client?includeinactive=true');
			expect(body.record_count).toBe(clients.length);
			expect(names(body.clients)).toContain(inactiveClient.name);
		});

		it('joins top level, main site, its address and external links into list items', async () => {
			const { body } = await api.get(`Client?search=${encodeURIComponent(linked.westcoastName)}`);
			const [client] = body.clients;
			const site = (await api.get(`Site/${client.main_site_id}`)).body;
			expect(client).toMatchObject({
				id: linked.haloClientIds[0],
				name: linked.westcoastName,
				toplevel_id: 2,
				toplevel_name: HALO_TOP_LEVELS[1].name,
				inactive: false,
				main_site_id: site.id,
				main_site_name: site.name,
				main_delivery_address: site.delivery_address,
				external_links: [
					{
						id: expect.any(Number),
						table_id: 1,
						halo_id: client.id,
						third_party_id: linked.westcoastId,
						third_party_desc: linked.westcoastName,
						third_party_type: WESTCOAST_LINK_TYPE,
					},
				],
			});
		});

		it('reads one client by id, inactive ones too', async () => {
			const id = clients.find((client) => client.inactive)!.id;
			const { status, body } = await api.get(`Client/${id}`);
			expect(status).toBe(200);
			expect(body).toMatchObject({ id, name: inactiveClient.name, inactive: true });
			expect((await api.get('Client/99999')).status).toBe(404);
			expect((await api.get('Client/abc')).status).toBe(404);
		});
	});

	describe('Site', () => {
		it('filters by client_id and search, and hides inactive sites unless includeinactive', async () => {
			const clientId = linked.haloClientIds[0];
			const created = await api.post('Site', [
				{ name: 'Old Warehouse', client_id: clientId, inactive: true },
			]);
			expect(created.status).toBe(200);

			const active = await api.get(`Site?client_id=${clientId}`);
			expect(names(active.body.sites)).toEqual(['Main']);
			const all = await api.get(`Site?client_id=${clientId}&includeinactive=true`);
			expect(names(all.body.sites)).toEqual(['Main', 'Old Warehouse']);
			const searched = await api.get('Site?search=warehouse&includeinactive=true');
			expect(searched.body).toEqual({
				record_count: 1,
				sites: [expect.objectContaining({ client_id: clientId })],
			});
		});

		it('shows the delivery address whole and as delivery_address_line1..5', async () => {
			const { body } = await api.get(`Site?client_id=${linked.haloClientIds[0]}`);
			const [site] = body.sites;
			expect(site.client_name).toBe(linked.westcoastName);
			expect(site.delivery_address_line1).toBe(site.delivery_address.line1);
			expect(site.delivery_address_line5).toBe(site.delivery_address.postcode);
		});
	});

	describe('SoftwareLicence', () => {
		const active = licences.filter((licence) => licence.is_active);

		it('hides is_active=false licences unless includeinactive=true', async () => {
			expect((await api.get('SoftwareLicence')).body.record_count).toBe(active.length);
			const all = await api.get('SoftwareLicence?includeinactive=true');
			expect(all.body.record_count).toBe(licences.length);
			expect(all.body.licences.some((licence: { is_active: boolean }) => !licence.is_active)).toBe(
				true,
			);
		});

		it('filters by client_id and search', async () => {
			const clientId = linked.haloClientIds[0];
			const { body } = await api.get(`SoftwareLicence?client_id=${clientId}`);
			expect(body.licences.map((licence: { id: number }) => licence.id)).toEqual(
				story.linkedLicenceIds,
			);
			expect(body.licences[0][HALO_LICENCE_FIELDS.westcoastLink]).toEqual(expect.any(String));
			expect(body.licences[0].client_name).toBe(linked.westcoastName);
			const searched = await api.get('SoftwareLicence?search=DEFENDER FOR OFFICE');
			expect(names(searched.body.licences)).toEqual(['Microsoft Defender for Office 365 (Plan 1)']);
		});

		it('reads one licence by id', async () => {
			const { body } = await api.get(`SoftwareLicence/${story.linkedLicenceIds[0]}`);
			expect(body).toMatchObject({
				id: story.linkedLicenceIds[0],
				client_id: linked.haloClientIds[0],
			});
		});
	});

	describe('ExternalLink and TopLevel', () => {
		it('lists external links under "links" with filters', async () => {
			const { body } = await api.get(
				`ExternalLink?third_party_type=${encodeURIComponent(WESTCOAST_LINK_TYPE)}&halo_id=${linked.haloClientIds[0]}`,
			);
			expect(body.record_count).toBe(1);
			expect(body.links[0]).toMatchObject({ third_party_id: linked.westcoastId, table_id: 1 });
			expect((await api.get('ExternalLink?third_party_type=Other')).body).toEqual({
				record_count: 0,
				links: [],
			});
			expect((await api.get(`ExternalLink/${body.links[0].id}`)).body).toEqual(body.links[0]);
		});

		it("answers the reads that confirm a create: links by third_party_id, one client's licences with inactive ones, paged", async () => {
			const links = await api.get(
				`ExternalLink?third_party_id=${linked.westcoastId}&pageinate=true&page_size=100&page_no=1`,
			);
			expect(links.body).toEqual({
				record_count: 1,
				links: [
					expect.objectContaining({
						third_party_id: linked.westcoastId,
						table_id: HALO_LINK_TABLE.client,
						halo_id: linked.haloClientIds[0],
					}),
				],
			});
			const past = await api.get(
				`ExternalLink?third_party_id=${linked.westcoastId}&pageinate=true&page_size=100&page_no=2`,
			);
			expect(past.body).toEqual({ record_count: 1, links: [] });
			expect((await api.get('ExternalLink?third_party_id=no-such-id')).body.record_count).toBe(0);

			const withInactive = licences.find((licence) => licence.is_active === false)!;
			const clientId = withInactive.client_id;
			const own = licences.filter((licence) => licence.client_id === clientId);
			const paged = [];
			for (let pageNo = 1; pageNo <= own.length + 1; pageNo++) {
				const { body } = await api.get(
					`SoftwareLicence?client_id=${clientId}&includeinactive=true&pageinate=true&page_size=1&page_no=${pageNo}`,
				);
				expect(body.record_count).toBe(own.length);
				paged.push(...body.licences);
			}
			expect(paged.map((licence: { id: number }) => licence.id)).toEqual(own.map((l) => l.id));
			expect(paged).toContainEqual(
				expect.objectContaining({ id: withInactive.id, is_active: false }),
			);
			const activeOnly = await api.get(`SoftwareLicence?client_id=${clientId}`);
			expect(activeOnly.body.record_count).toBe(own.length - 1);
		});

		it('lists top levels under "tree"', async () => {
			expect((await api.get('TopLevel')).body).toEqual({ record_count: 3, tree: HALO_TOP_LEVELS });
			expect((await api.get('TopLevel?search=cloud')).body.tree).toEqual([HALO_TOP_LEVELS[1]]);
			expect((await api.get('TopLevel/3')).body).toEqual(HALO_TOP_LEVELS[2]);
		});
	});

	it('matches entity paths case-insensitively and 404s unknown ones', async () => {
		expect((await api.get('client?count=1')).status).toBe(200);
		expect((await api.get('Ticket')).status).toBe(404);
		expect((await api.call('DELETE', 'Client/11')).status).toBe(405);
	});
});

describe('Halo sandbox: list faults for paged reads', () => {
	let halo: HaloSandbox;
	let api: HaloApi;
	beforeEach(async () => {
		halo = await startHaloSandbox();
		api = await haloApi(halo);
	});
	afterEach(() => halo.close());

	const page = async (number: number, size = 4) =>
		(
			await api.get(
				`SoftwareLicence?pageinate=true&page_size=${size}&page_no=${number}&includeinactive=true`,
			)
		).body as { record_count: number; licences: Array<{ id: number }> };
	const allIds = () => halo.state().licences.map((licence) => licence.id);

	it('shortPage keeps only the first rows of one page, once; record_count is unchanged', async () => {
		const ids = allIds();
		halo.admin.setFaults({
			list: [{ entity: 'SoftwareLicence', kind: 'shortPage', page: 2, records: 1 }],
		});
		expect((await page(1)).licences.map((l) => l.id)).toEqual(ids.slice(0, 4));
		const short = await page(2);
		expect([short.record_count, short.licences.map((l) => l.id)]).toEqual([
			ids.length,
			ids.slice(4, 5),
		]);
		expect((await page(2)).licences.map((l) => l.id)).toEqual(ids.slice(4, 8));
		expect(halo.admin.faults()).toEqual({});
	});

	it("deleteDuringPaging deletes the answered page's first record, so the next page skips one", async () => {
		const ids = allIds();
		halo.admin.setFaults({ list: [{ entity: 'softwarelicence', kind: 'deleteDuringPaging' }] });
		const first = await page(1);
		expect([first.record_count, first.licences.map((l) => l.id)]).toEqual([
			ids.length,
			ids.slice(0, 4),
		]);
		const second = await page(2);
		expect([second.record_count, second.licences.map((l) => l.id)]).toEqual([
			ids.length - 1,
			ids.slice(5, 9),
		]);
		expect(allIds()).toEqual(ids.slice(1));
	});

	it('emptyList answers no records once; pageSizeCap caps every page until cleared', async () => {
		const ids = allIds();
		halo.admin.setFaults({
			list: [
				{ entity: 'SoftwareLicence', kind: 'emptyList' },
				{ entity: 'SoftwareLicence', kind: 'pageSizeCap', records: 3 },
			],
		});
		expect(await page(1)).toEqual({ record_count: 0, licences: [] });
		expect((await page(2, 100)).licences.map((l) => l.id)).toEqual(ids.slice(3, 6));
		expect(halo.admin.faults()).toEqual({
			list: [{ entity: 'softwarelicence', kind: 'pageSizeCap', page: 1, records: 3 }],
		});
		halo.admin.clearFaults();
		expect((await page(1, 100)).licences).toHaveLength(ids.length);
	});

	it('refuses a list fault it does not know', () => {
		expect(() =>
			halo.admin.setFaults({ list: [{ entity: 'Client', kind: 'slow' as never }] }),
		).toThrow(/kind must be one of/);
	});
});
