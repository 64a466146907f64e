import { HALO_LICENCE_FIELDS, WESTCOAST_LINK_TYPE } from '../../../core/psa/halo';
import {
	buildDefaultHaloSeed,
	buildHaloSeed,
	DEFAULT_WESTCOAST_CUSTOMERS,
	DEFAULT_WESTCOAST_SUBSCRIPTIONS,
	HALO_ONLY_CLIENTS,
	NEAR_MISS_KINDS,
	nearMissKindsFor,
	nearMissName,
	seedRoleOf,
	startHaloSandbox,
	type HaloSeedInput,
} from '../../../sandbox/halo';

/** What a matcher that forgives case, spacing, punctuation, Ltd/Limited and &/and would compare. */
const normalise = (name: string) =>
	name
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/\blimited\b/g, 'ltd')
		.replace(/[.,'’]/g, '')
		.replace(/\s+/g, ' ')
		.trim();

const link = HALO_LICENCE_FIELDS.westcoastLink;

describe('Halo sandbox: seed data', () => {
	const seed = buildDefaultHaloSeed();
	const { story } = seed;
	const clientsById = new Map(seed.clients.map((client) => [client.id, client]));
	const byRole = (role: string) => story.customers.filter((customer) => customer.role === role);

	it('is the same for the same seed; another seed changes numbers and spellings, not roles', async () => {
		expect(buildDefaultHaloSeed(1)).toEqual(seed);
		const other = buildDefaultHaloSeed(2);
		const shape = (customers: typeof story.customers) =>
			customers.map(({ westcoastId, role, haloClientIds }) => ({
				westcoastId,
				role,
				haloClientIds,
			}));
		expect(shape(other.story.customers)).toEqual(shape(story.customers));
		expect(other.story.linkedLicenceIds).toEqual(story.linkedLicenceIds);
		expect(other.licences.map((licence) => licence.count)).not.toEqual(
			seed.licences.map((licence) => licence.count),
		);

		const [first, second] = await Promise.all([
			startHaloSandbox({ seed: 5 }),
			startHaloSandbox({ seed: 5 }),
		]);
		try {
			expect(first.state()).toEqual(second.state());
		} finally {
			await Promise.all([first.close(), second.close()]);
		}
	});

	it('gives roles by position: one of each first, then near miss / exact / missing', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(seedRoleOf)).toEqual([
			'linked',
			'duplicate',
			'nearMiss',
			'exact',
			'missing',
			'nearMiss',
			'exact',
			'missing',
			'nearMiss',
		]);
		expect(story.customers.map((customer) => customer.westcoastName)).toEqual(
			DEFAULT_WESTCOAST_CUSTOMERS.map((customer) => customer.name),
		);
	});

	it('keeps exact names for linked, duplicate and exact customers', () => {
		for (const customer of [...byRole('linked'), ...byRole('duplicate'), ...byRole('exact')]) {
			for (const id of customer.haloClientIds)
				expect(clientsById.get(id)!.name).toBe(customer.westcoastName);
		}
		expect(byRole('exact').length).toBeGreaterThanOrEqual(2);
	});

	it('spells near misses differently, but the same after normalising', () => {
		const nearMisses = byRole('nearMiss');
		expect(nearMisses.length).toBeGreaterThanOrEqual(2);
		for (const customer of nearMisses) {
			const haloName = clientsById.get(customer.haloClientIds[0])!.name;
			expect(haloName).not.toBe(customer.westcoastName);
			expect(normalise(haloName)).toBe(normalise(customer.westcoastName));
			expect(haloName).toBe(nearMissName(customer.westcoastName, customer.nearMissKind!));
		}
	});

	it.each(NEAR_MISS_KINDS)('near-miss kind %s keeps a name recognisable', (kind) => {
		const samples = [
			'Smith & Jones Limited',
			'acme  widgets ltd',
			"O'Brien Consulting Ltd.",
			'Black and White Ltd',
		];
		const changed = samples.filter((name) => nearMissKindsFor(name).includes(kind));
		expect(changed.length).toBeGreaterThan(0);
		for (const name of changed) {
			expect(nearMissName(name, kind)).not.toBe(name);
			expect(normalise(nearMissName(name, kind))).toBe(normalise(name));
		}
	});

	it('links one customer with a Westcoast external link', () => {
		const [linked] = byRole('linked');
		expect(clientsById.get(linked.haloClientIds[0])!.links).toEqual([
			{
				third_party_id: linked.westcoastId,
				third_party_desc: linked.westcoastName,
				third_party_type: WESTCOAST_LINK_TYPE,
			},
		]);
		const others = seed.clients.filter((client) => client.id !== linked.haloClientIds[0]);
		expect(others.every((client) => !client.links)).toBe(true);
	});

	it('has two Halo clients with the same name for the duplicate', () => {
		const [duplicate] = byRole('duplicate');
		expect(duplicate.haloClientIds).toHaveLength(2);
		expect(seed.clients.filter((client) => client.name === duplicate.westcoastName)).toHaveLength(
			2,
		);
	});

	it('leaves missing customers out and adds PSA-only clients', () => {
		for (const customer of byRole('missing')) {
			expect(
				seed.clients.some((client) => normalise(client.name) === normalise(customer.westcoastName)),
			).toBe(false);
		}
		expect(story.haloOnlyClientIds.map((id) => clientsById.get(id)!.name)).toEqual(
			HALO_ONLY_CLIENTS.map((client) => client.name),
		);
		expect(seed.clients.some((client) => client.inactive)).toBe(true);
	});

	it('has linked licences (subscription ids in the link field) and unlinked ones', () => {
		const [linked] = byRole('linked');
		const subscriptions = DEFAULT_WESTCOAST_SUBSCRIPTIONS.filter(
			(row) => row.customerId === linked.westcoastId,
		);
		const linkedLicences = seed.licences.filter((licence) =>
			story.linkedLicenceIds.includes(licence.id),
		);
		expect(linkedLicences.map((licence) => licence[link])).toEqual(
			subscriptions.map((row) => row.id),
		);
		expect(linkedLicences.every((licence) => licence.client_id === linked.haloClientIds[0])).toBe(
			true,
		);
		// The first linked licence's count is off, so a sync has a change to plan.
		expect(linkedLicences[0].count).not.toBe(subscriptions[0].quantity);
		expect(linkedLicences.slice(1).map((licence) => licence.count)).toEqual(
			subscriptions.slice(1).map((row) => row.quantity),
		);
		// The add-on points at its base licence.
		expect(linkedLicences[2].parent_id).toBe(linkedLicences[0].id);

		const unlinked = seed.licences.filter((licence) =>
			story.unlinkedLicenceIds.includes(licence.id),
		);
		expect(unlinked.length).toBeGreaterThanOrEqual(2);
		expect(unlinked.every((licence) => licence[link] === undefined)).toBe(true);
		expect(unlinked.some((licence) => !licence.is_active)).toBe(true);
		expect(story.linkedLicenceIds.length + story.unlinkedLicenceIds.length).toBe(
			seed.licences.length,
		);
	});

	it('has at least two top levels', () => {
		expect(seed.topLevels.length).toBeGreaterThanOrEqual(2);
	});

	it('lets a customer choose its role and its PSA spelling', () => {
		const built = buildHaloSeed(
			{
				customers: [
					{ id: 1, name: 'Alpha Ltd', role: 'exact' },
					{ id: 2, name: 'Northwind Traders Ltd', role: 'linked' },
					{ id: 3, name: 'Café Crème Ltd', role: 'nearMiss', psaName: 'Cafe Creme Limited' },
				],
				subscriptions: [{ id: 'S-1', customerId: 2, name: 'Microsoft 365 E3', quantity: 5 }],
			},
			1,
		);
		expect(built.story.customers.map(({ role, haloName }) => [role, haloName])).toEqual([
			['exact', 'Alpha Ltd'],
			['linked', 'Northwind Traders Ltd'],
			['nearMiss', 'Cafe Creme Limited'],
		]);
		expect(built.story.customers[2].nearMissKind).toBeUndefined();
		expect(built.licences.find((licence) => licence[link] === 'S-1')?.client_id).toBe(
			built.story.customers[1].haloClientIds[0],
		);
	});

	it('builds from any Westcoast customer list and subscriptions', async () => {
		const input: HaloSeedInput = {
			customers: [
				{ id: 7001, name: 'Café Crème Ltd' },
				{ id: 7002, name: 'Black and White Ltd' },
				{ id: 7003, name: 'Smith & Jones Limited' },
			],
			subscriptions: [{ id: 9001, customerId: 7001, name: 'Microsoft 365 E5', quantity: 4 }],
		};
		const built = buildHaloSeed(input, 3);
		expect(
			built.story.customers.map((customer) => [customer.role, customer.haloClientIds.length]),
		).toEqual([
			['linked', 1],
			['duplicate', 2],
			['nearMiss', 1],
		]);
		expect(built.licences.find((licence) => licence[link] === '9001')).toMatchObject({
			client_id: built.clients[0].id,
		});

		const halo = await startHaloSandbox({ seedData: (number) => buildHaloSeed(input, number) });
		try {
			expect(halo.state().clients.map((client) => client.name)).toEqual(
				built.clients.map((client) => client.name),
			);
			halo.admin.reset(3);
			expect(halo.state().licences).toEqual(built.licences);
		} finally {
			await halo.close();
		}
	});
});
