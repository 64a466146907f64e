import { planLicences } from '../../../core/licences';
import { HALO_PRESET } from '../../../core/psa/halo';
import type {
	LicencePlan,
	LicencePlanEntry,
	PartialLicencePlanOptions,
} from '../../../core/licences';
import type { SimpleSubscription } from '../../../core/westcoast/simple';

export type Json = Record<string, unknown>;

export function subscription(overrides: Partial<SimpleSubscription> = {}): SimpleSubscription {
	return {
		westcoastId: 'S1',
		customerId: 'C1',
		productName: 'Microsoft 365 Business Basic',
		serviceName: 'O365_BUSINESS_ESSENTIALS',
		displayName: 'M365 Basic',
		vendorDisplayName: null,
		quantity: 5,
		quantitySource: 'udrc',
		state: 'Active',
		status: null,
		provisioningStatus: 'Provisioned',
		contractId: 'K1',
		contractEndDate: '2027-03-31T00:00:00.000+01:00',
		scheduledTerminationDate: null,
		endDate: '2027-03-31T00:00:00.000+01:00',
		billingStartDate: null,
		billingCycle: null,
		commitmentMonths: null,
		prepaidMonths: null,
		autoRenew: null,
		parentSubscriptionId: null,
		vendorReference: null,
		sku: 'CFQ7TTC0LH18',
		purchasePrice: 4.5,
		salesPrice: 5.6,
		currency: 'GBP',
		...overrides,
	};
}

/** A Halo `GET /api/SoftwareLicence` item in step with `subscription()`. */
export function licence(overrides: Json = {}): Json {
	return {
		id: 101,
		client_id: 11,
		name: 'Microsoft 365 Business Basic',
		count: 5,
		start_date: '2024-04-01T00:00:00',
		end_date: '2027-03-31T00:00:00',
		is_active: true,
		vendor: 'Microsoft',
		distributor: 'Westcoast Cloud',
		product_sku: 'CFQ7TTC0LH18',
		parent_id: null,
		third_party_product: 'S1',
		...overrides,
	};
}

export function mapping(westcoastId: string, psaId: string | number, overrides: Json = {}): Json {
	return {
		westcoastId,
		westcoastName: `Customer ${westcoastId}`,
		psaId,
		psaName: `Client ${psaId}`,
		matchedBy: 'link',
		...overrides,
	};
}

export const C1_TO_11 = mapping('C1', 11);

export function plan(
	subscriptions: readonly unknown[],
	licences: readonly unknown[],
	mappings: readonly unknown[] = [C1_TO_11],
	options: PartialLicencePlanOptions = {},
): LicencePlan {
	return planLicences({ subscriptions, licences, mappings }, options);
}

export function entries(result: LicencePlan): LicencePlanEntry[] {
	return [
		...result.create,
		...result.update,
		...result.deactivate,
		...result.unchanged,
		...result.skipped,
	];
}

/** The plan's only entry (fails the test when there is not exactly one). */
export function onlyEntry(result: LicencePlan): LicencePlanEntry {
	const all = entries(result);
	if (all.length !== 1)
		throw new Error(
			`expected one entry, got ${all.length}: ${JSON.stringify(all.map((e) => e.action))}`,
		);
	return all[0];
}

const fields = HALO_PRESET.licenceFields;

/** Westcoast's licence, or one naming no distributor: the only kind a workflow links by Westcoast ID. */
const isWestcoastLicence = (item: Json) => {
	const distributor = item[fields.distributor];
	return (
		typeof distributor !== 'string' ||
		distributor.trim() === '' ||
		distributor.trim().toLowerCase() === 'westcoast cloud'
	);
};

/**
 * A fake PSA: applies a plan's payloads as Halo's `POST /api/SoftwareLicence`
 * would (an element with an id updates only the fields it names, one without
 * creates, appended so input indexes stay), then does what a workflow does with
 * `unresolvedParentSubscriptionId` (on any entry): sets parent_id once the
 * parent's licence exists. Another distributor's licence storing the same ID
 * is neither parent nor child (the real workflow looks only at licences it created).
 */
export function applyPlan(
	licences: readonly Json[],
	result: LicencePlan,
	firstNewId = 100_000,
): Json[] {
	const all = licences.map((item) => ({ ...item }));
	const byId = new Map<string, Json>();
	for (const item of all)
		if (!byId.has(String(item[fields.id]))) byId.set(String(item[fields.id]), item);
	let nextId = firstNewId;
	for (const entry of [...result.create, ...result.update, ...result.deactivate]) {
		const id = entry.payload[fields.id];
		if (id === undefined) {
			all.push({ ...entry.payload, [fields.id]: nextId++ });
			continue;
		}
		const existing = byId.get(String(id));
		if (!existing)
			throw new Error(`payload names licence ${String(id)}, which the PSA does not hold`);
		Object.assign(existing, entry.payload);
	}
	for (const entry of [...result.create, ...result.update, ...result.unchanged]) {
		if (entry.unresolvedParentSubscriptionId === null) continue;
		const ours = all.filter(isWestcoastLicence);
		const parent = ours.filter(
			(item) => item[fields.westcoastLink] === entry.unresolvedParentSubscriptionId,
		);
		const child = ours.find((item) => item[fields.westcoastLink] === entry.westcoastSubscriptionId);
		if (parent.length === 1 && child) child[fields.parentId] = parent[0][fields.id];
	}
	return all;
}
