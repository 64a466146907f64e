import { HALO_DISTRIBUTOR_NAME, WESTCOAST_LINK_TYPE } from '../../../core/psa/halo';
import {
	buildDefaultHaloSeed,
	LINK_TABLE,
	startHaloSandbox,
	type HaloSandbox,
} from '../../../sandbox/halo';
import { haloApi, type HaloApi } from './helpers';

const { story } = buildDefaultHaloSeed();
const linked = story.customers.find((customer) => customer.role === 'linked')!;
const exact = story.customers.find((customer) => customer.role === 'exact')!;
const westcoastLink = {
	third_party_id: '410099',
	third_party_desc: 'New Customer Ltd',
	third_party_type: WESTCOAST_LINK_TYPE,
};
const address = {
	line1: '1 Quay Street',
	line3: 'Bristol',
	line4: 'United Kingdom',
	postcode: 'BS1 4DJ',
};

describe('Halo sandbox: writes (POST with a JSON array)', () => {
	let halo: HaloSandbox;
	let api: HaloApi;
	beforeAll(async () => {
		halo = await startHaloSandbox();
		api = await haloApi(halo);
	});
	beforeEach(() => halo.admin.reset());
	afterAll(() => halo.close());

	describe('Client', () => {
		it('creates a client from a one-element array and answers the saved record', async () => {
			const { status, body } = await api.post('Client', [
				{ name: 'New Customer Ltd', toplevel_id: 2, website: 'https://new.example' },
			]);
			expect(status).toBe(200);
			expect(body).toMatchObject({
				id: expect.any(Number),
				name: 'New Customer Ltd',
				toplevel_id: 2,
				inactive: false,
			});
			expect((await api.get(`Client/${body.id}`)).body).toEqual(body);
			expect(halo.state().clients.map((client) => client.id)).toContain(body.id);
		});

		it('answers an array when the request holds several elements (create and update together)', async () => {
			const clientId = exact.haloClientIds[0];
			const { status, body } = await api.post('Client', [
				{ name: 'Another Ltd', toplevel_id: 1 },
				{ id: clientId, inactive: true },
			]);
			expect(status).toBe(200);
			expect(body).toHaveLength(2);
			expect(body[0].name).toBe('Another Ltd');
			expect(body[1]).toMatchObject({ id: clientId, name: exact.westcoastName, inactive: true });
		});

		it('updates only the fields sent', async () => {
			const clientId = linked.haloClientIds[0];
			const before = (await api.get(`Client/${clientId}`)).body;
			const { body } = await api.post('Client', [{ id: clientId, name: 'Renamed GmbH' }]);
			expect(body).toEqual({ ...before, name: 'Renamed GmbH' });
		});

		it('creates the main site from newclient_delivery_address (named "Main" unless newclient_sitename)', async () => {
			const { body } = await api.post('Client', [
				{ name: 'Addressed Ltd', toplevel_id: 2, newclient_delivery_address: address },
			]);
			expect(body.main_site_name).toBe('Main');
			expect(body.main_delivery_address).toEqual(address);
			const site = (await api.get(`Site/${body.main_site_id}`)).body;
			expect(site).toMatchObject({ client_id: body.id, name: 'Main', delivery_address: address });

			const named = await api.post('Client', [
				{ name: 'Named Site Ltd', newclient_sitename: 'Head Office' },
			]);
			expect(named.body.main_site_name).toBe('Head Office');
			expect(named.body.toplevel_id).toBe(1);
		});

		it('adds an ExternalLink row for new_external_link, on create and on update', async () => {
			const created = await api.post('Client', [
				{ name: 'New Customer Ltd', toplevel_id: 2, new_external_link: westcoastLink },
			]);
			expect(created.body.external_links).toEqual([
				{
					id: expect.any(Number),
					table_id: LINK_TABLE.client,
					halo_id: created.body.id,
					...westcoastLink,
				},
			]);

			const clientId = exact.haloClientIds[0];
			const updated = await api.post('Client', [
				{
					id: clientId,
					new_external_link: { ...westcoastLink, third_party_id: exact.westcoastId },
				},
			]);
			expect(updated.body.name).toBe(exact.westcoastName);
			expect(updated.body.external_links).toHaveLength(1);
			const links = await api.get(`ExternalLink?halo_id=${clientId}&table_id=${LINK_TABLE.client}`);
			expect(
				links.body.links.map((link: { third_party_id: string }) => link.third_party_id),
			).toEqual([exact.westcoastId]);
		});

		it('refuses a toplevel_id that does not exist', async () => {
			const created = await api.post('Client', [{ name: 'Lost Ltd', toplevel_id: 99 }]);
			expect(created.status).toBe(400);
			expect(created.body.error).toMatch(/toplevel_id 99/);
			expect(
				(await api.post('Client', [{ id: linked.haloClientIds[0], toplevel_id: 99 }])).status,
			).toBe(400);
		});

		it('refuses an unknown id and a create without a name, with a JSON error', async () => {
			const unknown = await api.post('Client', [{ id: 99999, name: 'Ghost' }]);
			expect(unknown.status).toBe(400);
			expect(unknown.body).toMatchObject({
				error: expect.stringMatching(/Client 99999/),
				entity: 'Client',
				id: 99999,
			});
			expect((await api.post('Client', [{ toplevel_id: 2 }])).status).toBe(400);
		});

		it('saves all elements or none', async () => {
			const before = halo.state();
			const { status } = await api.post('Client', [
				{ name: 'First Ltd' },
				{ id: 99999, name: 'Ghost' },
			]);
			expect(status).toBe(400);
			const after = halo.state();
			expect(after.clients).toEqual(before.clients);
			expect(after.sites).toEqual(before.sites);
		});

		it('wants a non-empty JSON array of objects', async () => {
			expect((await api.post('Client', { name: 'Not An Array' })).status).toBe(400);
			expect((await api.post('Client', [])).status).toBe(400);
			expect((await api.post('Client', ['text'])).status).toBe(400);
			const notJson = await fetch(`${halo.url}/api/Client`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${api.token}` },
				body: '[{',
			});
			expect(notJson.status).toBe(400);
		});
	});

	describe('Site', () => {
		it("changes the delivery address, which the client's main_delivery_address reflects", async () => {
			const clientId = linked.haloClientIds[0];
			const client = (await api.get(`Client/${clientId}`)).body;
			const { status, body } = await api.post('Site', [
				{ id: client.main_site_id, delivery_address: address },
			]);
			expect(status).toBe(200);
			expect(body.delivery_address).toEqual(address);
			expect((await api.get(`Client/${clientId}`)).body.main_delivery_address).toEqual(address);
		});

		it('replaces the address whole: a line left out is cleared', async () => {
			const siteId = (await api.get(`Client/${linked.haloClientIds[0]}`)).body.main_site_id;
			await api.post('Site', [{ id: siteId, delivery_address: { ...address, line2: 'Unit 4' } }]);
			const { body } = await api.post('Site', [{ id: siteId, delivery_address: address }]);
			expect(body.delivery_address).not.toHaveProperty('line2');
		});

		it('creates a site for an existing client only, and links it with new_external_link', async () => {
			expect((await api.post('Site', [{ name: 'Nowhere', client_id: 99999 }])).status).toBe(400);
			const { body } = await api.post('Site', [
				{ name: 'Branch', client_id: exact.haloClientIds[0], new_external_link: westcoastLink },
			]);
			expect(body.external_links).toEqual([
				expect.objectContaining({ table_id: LINK_TABLE.site, halo_id: body.id }),
			]);
		});
	});

	describe('SoftwareLicence', () => {
		const licence = {
			name: 'Microsoft 365 Business Basic',
			client_id: 0,
			count: 8,
			end_date: '2026-01-31T00:00:00',
			is_active: true,
			distributor: HALO_DISTRIBUTOR_NAME,
			product_sku: 'M365-BB',
			price: 5.1,
			purchase_price: 4.2,
			third_party_product: 'S-510006',
		};

		it('creates and updates licences', async () => {
			const clientId = exact.haloClientIds[0];
			const created = await api.post('SoftwareLicence', [{ ...licence, client_id: clientId }]);
			expect(created.status).toBe(200);
			expect(created.body).toMatchObject({
				...licence,
				client_id: clientId,
				id: expect.any(Number),
				client_name: exact.westcoastName,
			});

			const addOn = await api.post('SoftwareLicence', [
				{ name: 'Add-on', client_id: clientId, count: 1, parent_id: created.body.id },
				{ id: created.body.id, count: 12, is_active: false },
			]);
			expect(addOn.body[0].parent_id).toBe(created.body.id);
			expect(addOn.body[1]).toMatchObject({
				...licence,
				client_id: clientId,
				count: 12,
				is_active: false,
			});
		});

		it('checks client_id, count, parent_id and dates', async () => {
			const clientId = exact.haloClientIds[0];
			const refused = [
				{ ...licence, client_id: 99999 },
				{ ...licence, client_id: undefined },
				{ ...licence, client_id: clientId, count: -1 },
				{ ...licence, client_id: clientId, count: 2.5 },
				{ ...licence, client_id: clientId, count: '5' },
				{ ...licence, client_id: clientId, parent_id: 99999 },
				{ ...licence, client_id: clientId, end_date: 'someday' },
				{ id: 99999, count: 1 },
			];
			for (const element of refused) {
				const { status, body } = await api.post('SoftwareLicence', [element]);
				expect({ element, status }).toEqual({ element, status: 400 });
				expect(body.error).toEqual(expect.any(String));
			}
			const zero = await api.post('SoftwareLicence', [{ id: story.linkedLicenceIds[0], count: 0 }]);
			expect(zero.body.count).toBe(0);
		});
	});

	describe('ExternalLink and TopLevel', () => {
		it('creates links directly for existing records only', async () => {
			const clientId = exact.haloClientIds[0];
			const { body } = await api.post('ExternalLink', [
				{ table_id: LINK_TABLE.client, halo_id: clientId, ...westcoastLink },
			]);
			expect(body).toMatchObject({
				table_id: LINK_TABLE.client,
				halo_id: clientId,
				third_party_id: '410099',
			});
			expect((await api.get(`Client/${clientId}`)).body.external_links).toHaveLength(1);
			const dangling = await api.post('ExternalLink', [
				{ table_id: LINK_TABLE.client, halo_id: 99999, ...westcoastLink },
			]);
			expect(dangling.status).toBe(400);
		});

		it('creates top levels', async () => {
			const { body } = await api.post('TopLevel', [{ name: 'Projects' }]);
			expect(body).toEqual({ id: 4, name: 'Projects' });
			expect(
				(await api.post('Client', [{ name: 'Project Co', toplevel_id: 4 }])).body.toplevel_name,
			).toBe('Projects');
		});
	});
});
