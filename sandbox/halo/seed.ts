/**
 * Seed data overlapping a Westcoast customer list the way real MSPs' data
 * does. Who plays which part depends only on the input (its order, or a
 * customer's own `role`); the seed number varies addresses, counts, prices,
 * dates and the kind of each generated near miss. Same input and seed, same data.
 */
import {
	HALO_DISTRIBUTOR_NAME,
	HALO_EXTERNAL_LINK_FIELDS as LINK,
	HALO_LICENCE_FIELDS as LICENCE,
	HALO_LICENCE_PRICE_FIELDS as PRICE,
	WESTCOAST_ADDRESS_TO_HALO as TO_HALO,
	WESTCOAST_LINK_TYPE,
} from '../../core/psa/halo';
import { seededRandom } from '../random';
import { nearMissKindsFor, nearMissName, type NearMissKind } from './near-miss';
import type { HaloSeed, HaloSeedClient, LicenceRecord, OtherFields } from './records';
import {
	ADDRESS_COUNTRY,
	ADDRESS_STREETS,
	ADDRESS_TOWNS,
	CLOUD_TOP_LEVEL_ID,
	DEFAULT_HALO_SEED,
	DEFAULT_WESTCOAST_CUSTOMERS,
	DEFAULT_WESTCOAST_SUBSCRIPTIONS,
	HALO_ONLY_CLIENTS,
	HALO_TOP_LEVELS,
	OTHER_DISTRIBUTOR,
	OTHER_PRODUCTS,
} from './seed-data';
import { FIRST_IDS } from './store';

export interface WestcoastCustomerRef {
	id: string | number;
	name: string;
	/** The part it plays; default by position (seedRoleOf). */
	role?: HaloSeedRole;
	/** How the PSA spells it when it is a near miss; default a generated variant. */
	psaName?: string;
}

export interface WestcoastSubscriptionRef {
	id: string | number;
	customerId: string | number;
	name?: string | null;
	quantity?: number | null;
	sku?: string | null;
	/** Set on add-ons: the subscription they depend on. */
	parentId?: string | number | null;
}

export interface HaloSeedInput {
	customers: WestcoastCustomerRef[];
	subscriptions?: WestcoastSubscriptionRef[];
}

/**
 * linked: same name and an external link (its subscriptions' licences linked);
 * duplicate: same name on two Halo clients; nearMiss: spelt a little differently;
 * exact: same name, not linked; missing: not in Halo.
 */
export type HaloSeedRole = 'linked' | 'duplicate' | 'nearMiss' | 'exact' | 'missing';

const FIRST_ROLES: HaloSeedRole[] = ['linked', 'duplicate', 'nearMiss', 'exact', 'missing'];
const LATER_ROLES: HaloSeedRole[] = ['nearMiss', 'exact', 'missing'];

/** Role of the index-th Westcoast customer: one of each first, then near miss, exact, missing in turn. */
export function seedRoleOf(index: number): HaloSeedRole {
	return FIRST_ROLES[index] ?? LATER_ROLES[(index - FIRST_ROLES.length) % LATER_ROLES.length];
}

export interface HaloSeedStoryCustomer {
	westcoastId: string;
	westcoastName: string;
	role: HaloSeedRole;
	/** The Halo clients standing for it: none when missing, two when duplicated. */
	haloClientIds: number[];
	haloName?: string;
	/** How a generated near miss differs (none when psaName was given). */
	nearMissKind?: NearMissKind;
}

/** What the seed holds, for tests and demos to reason about. */
export interface HaloSeedStory {
	customers: HaloSeedStoryCustomer[];
	haloOnlyClientIds: number[];
	/** Licences whose HALO_LICENCE_FIELDS.westcoastLink holds a Westcoast subscription id. */
	linkedLicenceIds: number[];
	/** The rest: typed in by hand, bought elsewhere, or inactive. */
	unlinkedLicenceIds: number[];
}

export interface HaloStorySeed extends HaloSeed {
	story: HaloSeedStory;
}

const isoDate = (year: number, month: number) =>
	new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 19);

export function buildHaloSeed(input: HaloSeedInput, seed: number): HaloStorySeed {
	const random = seededRandom(seed);
	const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const pick = <T>(items: readonly T[]) => items[between(0, items.length - 1)];

	const clients: HaloSeedClient[] = [];
	const licences: LicenceRecord[] = [];
	const story: HaloSeedStory = {
		customers: [],
		haloOnlyClientIds: [],
		linkedLicenceIds: [],
		unlinkedLicenceIds: [],
	};

	const addClient = (name: string, topLevelId: number, extra: Partial<HaloSeedClient> = {}) => {
		const [town, postcode] = pick(ADDRESS_TOWNS);
		const address = {
			[TO_HALO.street]: `${between(1, 200)} ${pick(ADDRESS_STREETS)}`,
			[TO_HALO.city]: town,
			// A line the package never writes: it keeps what Halo holds.
			line4: ADDRESS_COUNTRY,
			[TO_HALO.postcode]: postcode,
		};
		const id = FIRST_IDS.clients + clients.length;
		clients.push({ id, name, toplevel_id: topLevelId, mainSite: { address }, ...extra });
		return id;
	};

	const addLicence = (clientId: number, name: string, fields: OtherFields) => {
		const month = between(0, 11);
		const price = between(300, 3000) / 100;
		const licence: LicenceRecord = {
			id: FIRST_IDS.licences + licences.length,
			client_id: clientId,
			name,
			count: between(1, 30),
			is_active: true,
			start_date: isoDate(2024, month),
			end_date: isoDate(2025, month),
			[PRICE.price]: price,
			[PRICE.purchasePrice]: Math.round(price * 80) / 100,
			...fields,
		};
		licences.push(licence);
		return licence;
	};

	/** One licence per subscription; the first one's count is off by 1-3 so a sync has work to do. */
	const addLinkedLicences = (clientId: number, subscriptions: WestcoastSubscriptionRef[]) => {
		const created = subscriptions.map((subscription, index) => {
			const quantity = subscription.quantity ?? between(1, 30);
			const drift = between(1, 3);
			const count =
				index > 0
					? quantity
					: quantity >= drift && random() < 0.5
						? quantity - drift
						: quantity + drift;
			return addLicence(clientId, subscription.name ?? `Subscription ${subscription.id}`, {
				count,
				distributor: HALO_DISTRIBUTOR_NAME,
				[LICENCE.westcoastLink]: String(subscription.id),
				...(subscription.sku ? { [LICENCE.productSku]: subscription.sku } : {}),
			});
		});
		subscriptions.forEach((subscription, index) => {
			const parentIndex = subscriptions.findIndex(
				(row) => String(row.id) === String(subscription.parentId),
			);
			if (parentIndex >= 0) created[index][LICENCE.parentId] = created[parentIndex].id;
		});
		story.linkedLicenceIds.push(...created.map((licence) => licence.id));
	};

	let inactiveLicenceAdded = false;
	input.customers.forEach((customer, index) => {
		const westcoastId = String(customer.id);
		const entry: HaloSeedStoryCustomer = {
			westcoastId,
			westcoastName: customer.name,
			role: customer.role ?? seedRoleOf(index),
			haloClientIds: [],
		};
		story.customers.push(entry);
		if (entry.role === 'missing') return;

		const psaName = entry.role === 'nearMiss' ? customer.psaName : undefined;
		const kinds = entry.role === 'nearMiss' && !psaName ? nearMissKindsFor(customer.name) : [];
		if (kinds.length > 0) entry.nearMissKind = pick(kinds);
		entry.haloName =
			psaName ??
			(entry.nearMissKind ? nearMissName(customer.name, entry.nearMissKind) : customer.name);
		const links =
			entry.role === 'linked'
				? [
						{
							[LINK.thirdPartyId]: westcoastId,
							[LINK.thirdPartyDesc]: customer.name,
							[LINK.thirdPartyType]: WESTCOAST_LINK_TYPE,
						},
					]
				: undefined;
		entry.haloClientIds.push(addClient(entry.haloName, CLOUD_TOP_LEVEL_ID, { links }));
		if (entry.role === 'duplicate')
			entry.haloClientIds.push(addClient(entry.haloName, HALO_TOP_LEVELS[0].id));

		const clientId = entry.haloClientIds[0];
		const subscriptions = (input.subscriptions ?? []).filter(
			(row) => String(row.customerId) === westcoastId,
		);
		if (entry.role === 'linked') {
			addLinkedLicences(clientId, subscriptions);
			return;
		}
		// Typed in by hand before the integration: the product name matches, the link is missing.
		const productName = subscriptions[0]?.name ?? pick(OTHER_PRODUCTS);
		story.unlinkedLicenceIds.push(
			addLicence(clientId, productName, { distributor: HALO_DISTRIBUTOR_NAME }).id,
		);
		if (entry.role === 'exact' && !inactiveLicenceAdded) {
			inactiveLicenceAdded = true;
			story.unlinkedLicenceIds.push(
				addLicence(clientId, pick(OTHER_PRODUCTS), {
					distributor: HALO_DISTRIBUTOR_NAME,
					is_active: false,
					start_date: isoDate(2022, 0),
					end_date: isoDate(2023, 0),
				}).id,
			);
		}
	});

	for (const client of HALO_ONLY_CLIENTS) {
		story.haloOnlyClientIds.push(
			addClient(client.name, client.toplevel_id, { inactive: client.inactive }),
		);
	}
	story.unlinkedLicenceIds.push(
		addLicence(story.haloOnlyClientIds[0], pick(OTHER_PRODUCTS), {
			distributor: OTHER_DISTRIBUTOR,
		}).id,
	);

	return { topLevels: structuredClone(HALO_TOP_LEVELS), clients, licences, story };
}

/** The built-in seed: DEFAULT_WESTCOAST_CUSTOMERS and their subscriptions. */
export function buildDefaultHaloSeed(seed = DEFAULT_HALO_SEED): HaloStorySeed {
	return buildHaloSeed(
		{ customers: DEFAULT_WESTCOAST_CUSTOMERS, subscriptions: DEFAULT_WESTCOAST_SUBSCRIPTIONS },
		seed,
	);
}
