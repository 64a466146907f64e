import {
	HALO_ADDRESS_FIELDS,
	HALO_CLIENT_FIELDS,
	HALO_DISTRIBUTOR_NAME,
	HALO_EXTERNAL_LINK_FIELDS,
	HALO_LICENCE_FIELDS,
	HALO_LICENCE_PRICE_FIELDS,
	HALO_SITE_FIELDS,
	WESTCOAST_ADDRESS_TO_HALO,
	WESTCOAST_LINK_TYPE,
} from '../../../core/psa/halo';
import { buildDefaultHaloSeed, startHaloSandbox, type HaloSandbox } from '../../../sandbox/halo';
import { extractSchemaFields } from '../../../sandbox/halo/generate-schema-fields';
import schemaFields from '../../../sandbox/halo/schema-fields.json';
import { haloApi, type HaloApi } from './helpers';

const fields = schemaFields as unknown as Record<string, string[]>;
const { story } = buildDefaultHaloSeed();
const clientId = story.customers.find((customer) => customer.role === 'exact')!.haloClientIds[0];
const linkedLicenceId = story.linkedLicenceIds[0];

/** Everything the Mapping Resolver and Licence Sync planners send. */
const plannerWrites = {
	Client: [
		{
			name: 'Planner Created Ltd',
			toplevel_id: 2,
			new_external_link: {
				third_party_id: '410099',
				third_party_desc: 'Planner Created Ltd',
				third_party_type: WESTCOAST_LINK_TYPE,
			},
			newclient_delivery_address: {
				line1: '1 High Street',
				line3: 'Leeds',
				line4: 'United Kingdom',
				postcode: 'LS1 1AA',
			},
		},
	],
	Site: [
		{
			id: 101,
			delivery_address: {
				line1: '2 High Street',
				line3: 'Leeds',
				line4: 'United Kingdom',
				postcode: 'LS1 1AB',
			},
		},
	],
	SoftwareLicence: [
		{
			name: 'Microsoft 365 Business Basic',
			client_id: clientId,
			count: 3,
			end_date: '2026-01-31T00:00:00',
			is_active: true,
			distributor: HALO_DISTRIBUTOR_NAME,
			product_sku: 'M365-BB',
			price: 5.1,
			purchase_price: 4.2,
			parent_id: linkedLicenceId,
			third_party_product: 'S-510099',
		},
		{ id: linkedLicenceId, count: 30, end_date: null, is_active: false },
	],
};

describe('Halo sandbox: strict mode', () => {
	let halo: HaloSandbox;
	let api: HaloApi;
	beforeAll(async () => {
		halo = await startHaloSandbox();
		api = await haloApi(halo);
	});
	beforeEach(() => halo.admin.reset());
	afterAll(() => halo.close());

	it('refuses a misspelt top-level field, naming the entity and the field, and saves nothing', async () => {
		const before = halo.state().clients;
		const { status, body } = await api.post('Client', [{ nmae: 'Typo Ltd', toplevel_id: 2 }]);
		expect(status).toBe(400);
		expect(body).toEqual({
			error: expect.stringMatching(/Client.*nmae/),
			entity: 'Client',
			schema: 'Area',
			unknownFields: ['nmae'],
		});
		expect(halo.state().clients).toEqual(before);
	});

	it('refuses misspelt fields inside addresses and links', async () => {
		const refused: Array<[string, object, string]> = [
			[
				'Client',
				{ name: 'A', newclient_delivery_address: { line1: 'x', postocde: 'y' } },
				'newclient_delivery_address.postocde',
			],
			[
				'Client',
				{ name: 'A', new_external_link: { third_party_idd: '1' } },
				'new_external_link.third_party_idd',
			],
			['Site', { id: 101, delivery_address: { lin1: 'x' } }, 'delivery_address.lin1'],
			[
				'SoftwareLicence',
				{ id: linkedLicenceId, third_party_prodcut: 'S-1' },
				'third_party_prodcut',
			],
			['ExternalLink', { halo_id: clientId, table_id: 1, thirdparty_id: '1' }, 'thirdparty_id'],
			['TopLevel', { nam: 'x' }, 'nam'],
		];
		for (const [entity, element, field] of refused) {
			const { status, body } = await api.post(entity, [element]);
			expect({ entity, status, unknownFields: body.unknownFields }).toEqual({
				entity,
				status: 400,
				unknownFields: [field],
			});
		}
	});

	it.each<[string, Record<string, unknown>, string]>([
		['SoftwareLicence', { product_sku: 5 }, 'product_sku: expected string, got number 5'],
		[
			'SoftwareLicence',
			{ third_party_product: 5000001 },
			'third_party_product: expected string, got number 5000001',
		],
		['SoftwareLicence', { distributor: true }, 'distributor: expected string, got boolean true'],
		['SoftwareLicence', { count: 3e9 }, 'count: expected integer (int32), got number 3000000000'],
		['SoftwareLicence', { count: 2.5 }, 'count: expected integer (int32), got number 2.5'],
		[
			'SoftwareLicence',
			{ client_id: '11' },
			'client_id: expected integer (int32), got string "11"',
		],
		['SoftwareLicence', { is_active: 'true' }, 'is_active: expected boolean, got string "true"'],
		[
			'SoftwareLicence',
			{ end_date: '31/03/2027' },
			'end_date: expected string (date-time), got string "31/03/2027"',
		],
		[
			'SoftwareLicence',
			{ end_date: '2027-02-30T00:00:00' },
			'end_date: expected string (date-time), got string "2027-02-30T00:00:00"',
		],
		[
			'Client',
			{ name: 'A', toplevel_id: 'Main' },
			'toplevel_id: expected integer (int32), got string "Main"',
		],
		[
			'Site',
			{ id: 101, delivery_address: { line1: 7 } },
			'delivery_address.line1: expected string, got number 7',
		],
		[
			'Site',
			{ id: 101, delivery_address: 'x' },
			'delivery_address: expected object, got string "x"',
		],
	])('refuses a field of the wrong type: %s %j', async (entity, element, problem) => {
		const { requestCounts: _before, ...before } = halo.state();
		const { status, body } = await api.post(entity, [
			entity === 'SoftwareLicence' ? { id: linkedLicenceId, ...element } : element,
		]);
		expect({ status, mistypedFields: body.mistypedFields }).toEqual({
			status: 400,
			mistypedFields: [problem],
		});
		expect(body.error).toContain(problem);
		const { requestCounts: _after, ...after } = halo.state();
		expect(after).toEqual(before);
	});

	it('accepts the values Halo declares: int32 limits, null where nullable, its date-time forms', async () => {
		const { status } = await api.post('SoftwareLicence', [
			{ id: linkedLicenceId, count: 2 ** 31 - 1, end_date: null, price: 1.25 },
			{ id: linkedLicenceId, end_date: '2027-03-31T00:00:00' },
			{ id: linkedLicenceId, end_date: '2027-03-31T00:00:00.000Z' },
		]);
		expect(status).toBe(200);
	});

	it('accepts every field the planners send', async () => {
		for (const [entity, elements] of Object.entries(plannerWrites)) {
			const { status, body } = await api.post(entity, elements);
			expect({ entity, status, body }).toEqual({ entity, status: 200, body: expect.anything() });
		}
	});

	it('accepts a misspelt field when started with strict: false', async () => {
		const lenient = await startHaloSandbox({ strict: false });
		try {
			const { status } = await (
				await haloApi(lenient)
			).post('Client', [{ name: 'Typo Ltd', nmae: 'x' }]);
			expect(status).toBe(200);
		} finally {
			await lenient.close();
		}
	});

	it('returns only fields of the schemas in its reads', async () => {
		const reads: Array<[string, string, string]> = [
			['Client?includeinactive=true', 'clients', 'Area'],
			['Site?includeinactive=true', 'sites', 'Site'],
			['SoftwareLicence?includeinactive=true', 'licences', 'Licence_List'],
			['ExternalLink', 'links', 'ExternalLink_List'],
			['TopLevel', 'tree', 'Tree'],
		];
		for (const [path, plural, schema] of reads) {
			const rows: Array<Record<string, unknown>> = (await api.get(path)).body[plural];
			expect(rows.length).toBeGreaterThan(0);
			const keys = new Set(rows.flatMap((row) => Object.keys(row)));
			expect([...keys].filter((key) => !fields[schema].includes(key))).toEqual([]);
		}
		const [client] = (await api.get('Client')).body.clients;
		expect(
			Object.keys(client.main_delivery_address).every((key) => fields.AddressStore.includes(key)),
		).toBe(true);
	});
});

describe('Halo field names in core/psa/halo.ts', () => {
	it.each([
		['Area', HALO_CLIENT_FIELDS],
		['Site', HALO_SITE_FIELDS],
		['Licence_List', HALO_LICENCE_FIELDS],
		['Licence_List', HALO_LICENCE_PRICE_FIELDS],
		['ExternalLink_List', HALO_EXTERNAL_LINK_FIELDS],
		['AddressStore', HALO_ADDRESS_FIELDS],
		['AddressStore', WESTCOAST_ADDRESS_TO_HALO],
	])('are all in schema %s', (schema, names) => {
		expect(Object.values(names).filter((name) => !fields[schema].includes(name))).toEqual([]);
	});
});

describe('generate-schema-fields', () => {
	const schema = (properties: Record<string, object>) => ({ properties });
	const doc = {
		components: {
			schemas: {
				Area: schema({
					name: {},
					id: {},
					newclient_delivery_address: { $ref: '#/components/schemas/AddressStore' },
				}),
				Site: schema({
					external_links: { items: { $ref: '#/components/schemas/ExternalLink_List' } },
				}),
				Licence_List: schema({
					count: { type: 'integer', format: 'int32', nullable: true },
					name: { type: 'string', maxLength: 10 },
				}),
				ExternalLink_List: schema({ third_party_id: {} }),
				Tree: schema({
					name: {},
					agents: { items: { $ref: '#/components/schemas/UnameDepartment' } },
				}),
				AddressStore: schema({ line1: {} }),
			},
		},
	};

	it("lists each schema's property names (sorted) and where addresses and links nest", () => {
		expect(extractSchemaFields(doc)).toEqual({
			Area: ['id', 'name', 'newclient_delivery_address'],
			Site: ['external_links'],
			Licence_List: ['count', 'name'],
			ExternalLink_List: ['third_party_id'],
			Tree: ['agents', 'name'],
			AddressStore: ['line1'],
			$nested: {
				Area: { newclient_delivery_address: 'AddressStore' },
				Site: { external_links: 'ExternalLink_List' },
			},
			$types: {
				Area: { newclient_delivery_address: { type: 'object' } },
				Licence_List: {
					count: { type: 'integer', format: 'int32', nullable: true },
					name: { type: 'string', maxLength: 10 },
				},
			},
		});
	});

	it('fails when a schema is missing', () => {
		const { Tree: _tree, ...withoutTree } = doc.components.schemas;
		expect(() => extractSchemaFields({ components: { schemas: withoutTree } })).toThrow(/Tree/);
	});
});
