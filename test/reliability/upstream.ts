/**
 * Upstream changes made the way the marketplace's owner makes them, through
 * the Westcoast sandbox's admin API, and a seeded random source so that a
 * failing sequence can be replayed.
 */
import type { HaloSandbox, HaloState } from '../../sandbox/halo';
import type { SandboxSubscription, WestcoastSandbox } from '../../sandbox/westcoast';
import { companyLevel, isActive, seatsOf } from '../../harness/daily-sync/westcoast-facts';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
		chance: (p: number) => next() < p,
	};
}
export type Random = ReturnType<typeof seededRandom>;

/** A seed from the environment variable `name`, else a fresh one; printed by the caller. */
export function seedFrom(name: string): number {
	const given = process.env[name];
	if (given !== undefined && given !== '') {
		const seed = Number(given);
		if (!Number.isInteger(seed)) throw new Error(`${name} must be a whole number, got "${given}"`);
		return seed;
	}
	return Math.floor(Math.random() * 2 ** 31);
}

/** Subscriptions Halo holds a licence for: Active, seat-counted, at company level. */
export function licensedLive(westcoast: WestcoastSandbox, halo: HaloState): SandboxSubscription[] {
	const held = new Set(halo.licences.map((licence) => licence.third_party_product));
	return companyLevel(westcoast.state()).filter(
		(subscription) =>
			isActive(subscription) &&
			seatsOf(subscription) !== null &&
			held.has(String(subscription.AccountId)),
	);
}

/** Customers Halo holds a linked client for. */
export function mappedCustomers(westcoast: WestcoastSandbox, halo: HaloState): number[] {
	const linked = new Set(halo.externalLinks.map((link) => link.third_party_id));
	return westcoast
		.state()
		.customers.filter((customer) => isActive(customer) && linked.has(String(customer.AccountId)))
		.map((customer) => customer.AccountId);
}

/** A client created in Halo by a person (not linked to anything), over Halo's API. */
export async function createHaloClient(halo: HaloSandbox, name: string): Promise<void> {
	const token = await fetch(halo.tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: halo.clientId,
			client_secret: halo.clientSecret,
			scope: 'all',
		}),
	}).then((response) => response.json() as Promise<{ access_token: string }>);
	const answer = await fetch(`${halo.url}/api/Client`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify([{ name }]),
	});
	if (!answer.ok) throw new Error(`creating Halo client "${name}": HTTP ${answer.status}`);
}

/** Kinds of upstream change the soak draws from. */
export const CHANGE_KINDS = [
	'newCustomer',
	'rename',
	'deleteCustomer',
	'deleteSubscription',
	'cancellation',
	'quantity',
	'addOn',
	'newSubscription',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Changes that zero or deactivate licences: at most this many per run, under Licence Sync's always-allowed minimum of 3. */
export const REMOVALS_PER_RUN = 2;

/**
 * One upstream change of `kind`; answers what it did, or null when nothing
 * fits (then another kind is drawn). `tag` makes names unique.
 */
export function applyChange(
	kind: ChangeKind,
	westcoast: WestcoastSandbox,
	halo: HaloState,
	random: Random,
	tag: string,
): string | null {
	const admin = westcoast.admin;
	const live = licensedLive(westcoast, halo);
	const parents = new Set(
		westcoast.state().subscriptions.map((subscription) => subscription.DependencyAccountId),
	);
	const leaves = live.filter((subscription) => !parents.has(subscription.AccountId));
	switch (kind) {
		case 'newCustomer': {
			const customer = admin.createCustomer({
				CompanyName: `Soak Customer ${tag} Ltd`,
				Address: `${random.int(1, 99)} Soak Street`,
				Zip: `SK${random.int(1, 9)} ${random.int(1, 9)}AB`,
			});
			admin.createSubscription({
				customerId: customer.AccountId,
				productName: `Soak Product ${tag}`,
				quantity: random.int(1, 40),
			});
			return `new customer ${customer.AccountId} with one subscription`;
		}
		case 'rename': {
			const customers = mappedCustomers(westcoast, halo);
			if (customers.length === 0) return null;
			const id = random.pick(customers);
			admin.renameCustomer(id, `Renamed ${tag} Ltd`);
			return `renamed customer ${id}`;
		}
		case 'deleteCustomer': {
			// Only a customer whose licences stay within one run's removals.
			const state = westcoast.state();
			const small = mappedCustomers(westcoast, halo).filter(
				(id) =>
					state.subscriptions.filter((subscription) => subscription.CompanyAccountId === id)
						.length <= REMOVALS_PER_RUN,
			);
			if (small.length === 0) return null;
			const id = random.pick(small);
			const { subscriptions } = admin.deleteCustomer(id);
			return `deleted customer ${id} (${subscriptions.length} subscriptions)`;
		}
		case 'deleteSubscription': {
			if (leaves.length === 0) return null;
			const { AccountId } = random.pick(leaves);
			admin.deleteSubscription(AccountId);
			return `deleted subscription ${AccountId}`;
		}
		case 'cancellation': {
			if (leaves.length === 0) return null;
			const { AccountId } = random.pick(leaves);
			admin.cancelSubscription(AccountId);
			return `cancelled subscription ${AccountId}`;
		}
		case 'quantity': {
			if (live.length === 0) return null;
			const subscription = random.pick(live);
			const seats = (seatsOf(subscription) ?? 0) + random.int(1, 5);
			admin.setSubscriptionQuantity(subscription.AccountId, seats);
			return `subscription ${subscription.AccountId} now has ${seats} seats`;
		}
		case 'addOn': {
			const bases = live.filter((subscription) => !subscription.DependencyAccountId);
			if (bases.length === 0) return null;
			const base = random.pick(bases);
			const addOn = admin.createSubscription({
				customerId: base.CompanyAccountId,
				productName: `Soak Add-On ${tag}`,
				quantity: random.int(1, 10),
				addonOf: base.AccountId,
			});
			return `add-on ${addOn.AccountId} of subscription ${base.AccountId}`;
		}
		case 'newSubscription': {
			const customers = mappedCustomers(westcoast, halo);
			if (customers.length === 0) return null;
			const subscription = admin.createSubscription({
				customerId: random.pick(customers),
				productName: `Soak Product ${tag}`,
				quantity: random.int(1, 25),
			});
			return `new subscription ${subscription.AccountId}`;
		}
	}
}

/** Whether the change zeroes or deactivates licences (counted against REMOVALS_PER_RUN). */
export const removes = (kind: ChangeKind) =>
	kind === 'deleteCustomer' || kind === 'deleteSubscription' || kind === 'cancellation';
