/**
 * The sandbox's work per call follows the call, not the store: counted as
 * records copied (objects with an id inside what structuredClone is given),
 * never timed, on a store of 20,000 licences and 2,000 clients with links.
 */
import { startHaloSandbox, type HaloSandbox, type HaloSeed } from '../../../sandbox/halo';
import { haloApi, type HaloApi } from './helpers';

const CLIENTS = 2000;
const LICENCES = 20000;

function bigSeed(): HaloSeed {
	return {
		topLevels: [{ id: 1, name: 'Customers' }],
		clients: Array.from({ length: CLIENTS }, (_, index) => ({
			id: 11 + index,
			name: `Client ${index}`,
			toplevel_id: 1,
			links: [{ third_party_id: String(200000 + index), third_party_type: 'Westcoast Cloud' }],
		})),
		licences: Array.from({ length: LICENCES }, (_, index) => ({
			id: 501 + index,
			client_id: 11 + (index % CLIENTS),
			name: `Licence ${index}`,
			count: 1,
			is_active: true,
			third_party_product: String(5000000 + index),
		})),
	};
}

describe('Halo sandbox: work per call', () => {
	let halo: HaloSandbox;
	let api: HaloApi;
	let clones: jest.SpyInstance;
	beforeAll(async () => {
		halo = await startHaloSandbox({ seedData: bigSeed });
		api = await haloApi(halo);
	});
	beforeEach(() => {
		halo.admin.reset();
		clones = jest.spyOn(globalThis, 'structuredClone');
	});
	afterEach(() => clones.mockRestore());
	afterAll(() => halo.close());

	const recordsIn = (value: unknown): number => {
		if (Array.isArray(value)) return value.reduce((total, item) => total + recordsIn(item), 0);
		if (typeof value !== 'object' || value === null) return 0;
		return (
			('id' in value ? 1 : 0) +
			Object.values(value).reduce((total: number, field) => total + recordsIn(field), 0)
		);
	};
	const copiesDuring = async (call: () => Promise<unknown>) => {
		clones.mockClear();
		await call();
		return clones.mock.calls.reduce((total, [value]) => total + recordsIn(value), 0);
	};

	it('a licence page copies the records it answers, not the list', async () => {
		const page = (number: number) =>
			api.get(`SoftwareLicence?includeinactive=true&pageinate=true&page_size=100&page_no=${number}`);
		const first = await page(1);
		expect(first.body.record_count).toBe(LICENCES);
		const copies = await copiesDuring(() => page(150));
		expect(copies).toBe(100);
	});

	it('a client page copies its clients and their own links only', async () => {
		const copies = await copiesDuring(() =>
			api.get('Client?includeinactive=true&pageinate=true&page_size=50&page_no=7'),
		);
		// Each client and its one link.
		expect(copies).toBe(50 * 2);
	});

	it('a one-licence POST copies a handful of records, not the store', async () => {
		const copies = await copiesDuring(() =>
			api.post('SoftwareLicence', [{ id: 501 + 12345, count: 7 }]),
		);
		expect(copies).toBeLessThanOrEqual(5);
		expect((await api.get(`SoftwareLicence/${501 + 12345}`)).body.count).toBe(7);
	});

	it('a failing element still rolls back the whole POST', async () => {
		const { status } = await api.post('SoftwareLicence', [
			{ id: 501, count: 9 },
			{ name: 'New', client_id: 11 },
			{ id: 999999, count: 1 },
		]);
		expect(status).toBe(400);
		const state = halo.state();
		expect(state.licences).toHaveLength(LICENCES);
		expect(state.licences[0].count).toBe(1);
	});
});
