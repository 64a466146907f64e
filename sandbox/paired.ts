/**
 * Both sandboxes, seeded to overlap the way a real MSP's data does: the Halo
 * clients and licences are built from the Westcoast customers and
 * subscriptions (same names, near misses, a duplicate, PSA-only clients,
 * linked and unlinked licences).
 */
import {
	buildHaloSeed,
	startHaloSandbox,
	type HaloSandbox,
	type WestcoastCustomerRef,
} from './halo';
import {
	startWestcoastSandbox,
	STORY_CUSTOMERS,
	type Dialect,
	STORY_CUSTOMER_IDS,
	type WestcoastSandbox,
	type SandboxSubscription,
	type WestcoastState,
} from './westcoast';
import { quantityField } from './westcoast/subscriptions';

export interface PairedSandboxes {
	westcoast: WestcoastSandbox;
	halo: HaloSandbox;
	close(): Promise<void>;
}

export interface PairedOptions {
	seed?: number;
	westcoastPort?: number;
	haloPort?: number;
	customers?: number;
	subscriptionsPerCustomer?: number;
	/** The marketplace sandbox's dialect (default `spec`). */
	dialect?: Dialect;
}

/** The customer holding the story's add-ons plays "linked", so its licences (and add-on parents) exist in Halo. */
const ROLE_OVERRIDES: Record<string, WestcoastCustomerRef['role']> = {
	[String(STORY_CUSTOMER_IDS.northwind)]: 'linked',
};

/**
 * What Halo holds of one company-level subscription, read by the sandbox from
 * its own records, never by the product's simplifier or licence naming (a bug
 * there must not make both sides agree): the licence is named after the
 * product, counts the seats of the unit-dependent (UDRC) field, none for a flat
 * fee, and carries the priced item's material number as its SKU.
 */
function licenceSeed(raw: SandboxSubscription) {
	const seats = quantityField(raw)?.Value;
	const priced = raw.PriceableItems.find((item) => item.IsUdrcField) ?? raw.PriceableItems[0];
	return {
		id: String(raw.AccountId),
		customerId: String(raw.CompanyAccountId),
		name: raw.ProductName,
		quantity: seats === undefined || seats === null ? null : Number(seats),
		sku: priced?.MaterialNumber ?? priced?.ProductNumber ?? null,
		parentId: raw.DependencyAccountId == null ? null : String(raw.DependencyAccountId),
	};
}

export function haloSeedFromWestcoast(state: WestcoastState, seed: number) {
	const psaNames = new Map(
		STORY_CUSTOMERS.map((story) => [String(story.accountId), story.psaName]),
	);
	const customers = state.customers.map((company) => ({
		id: String(company.AccountId),
		name: String(company.CompanyName),
		psaName: psaNames.get(String(company.AccountId)),
		role: ROLE_OVERRIDES[String(company.AccountId)],
	}));
	const subscriptions = state.subscriptions
		.filter((raw) => raw.ParentType !== 'User')
		.map(licenceSeed);
	return buildHaloSeed({ customers, subscriptions }, seed);
}

export async function startPairedSandboxes(options: PairedOptions = {}): Promise<PairedSandboxes> {
	const seed = options.seed ?? 1;
	const westcoast = await startWestcoastSandbox({
		port: options.westcoastPort,
		seed,
		customers: options.customers,
		subscriptionsPerCustomer: options.subscriptionsPerCustomer,
		dialect: options.dialect,
	});
	const initialState = westcoast.state();
	const halo = await startHaloSandbox({
		port: options.haloPort,
		seed,
		seedData: (haloSeed) => haloSeedFromWestcoast(initialState, haloSeed),
	}).catch(async (error: unknown) => {
		await westcoast.close(); // else its server keeps the process alive
		throw error;
	});
	return {
		westcoast,
		halo,
		close: async () => {
			await Promise.all([westcoast.close(), halo.close()]);
		},
	};
}
