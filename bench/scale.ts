/**
 * Deterministic Licence Sync inputs at MSP scale: per customer about 10
 * subscriptions (every tenth an add-on), most linked to a licence (some out of
 * step), new subscriptions to create, licences of deleted subscriptions within
 * the safety limit, and licences of other products without a link.
 */
import type { LicencePlanInput } from '../core/licences';

export interface Scale {
	name: string;
	customers: number;
	subscriptionsPerCustomer: number;
}

/** The sizes the issues measure at: S, M and L. */
export const SCALES: readonly Scale[] = [
	{ name: 'S', customers: 1_000, subscriptionsPerCustomer: 10 },
	{ name: 'M', customers: 5_000, subscriptionsPerCustomer: 10 },
	{ name: 'L', customers: 10_000, subscriptionsPerCustomer: 10 },
];

export const scaleNamed = (name: string): Scale => {
	const scale = SCALES.find((candidate) => candidate.name === name);
	if (!scale)
		throw new Error(`unknown scale ${name}: one of ${SCALES.map((s) => s.name).join(', ')}`);
	return scale;
};

export function licenceInput(customers: number, subscriptionCount: number): LicencePlanInput {
	const mappings = Array.from({ length: customers }, (_, c) => ({
		westcoastId: `C${c}`,
		westcoastName: `Customer ${c}`,
		psaId: c + 1,
		psaName: `Client ${c}`,
		matchedBy: 'link',
	}));
	const subscriptions = Array.from({ length: subscriptionCount }, (_, s) => ({
		westcoastId: `S${s}`,
		customerId: `C${s % customers}`,
		productName: s % 3 === 0 ? 'Microsoft 365 Business Premium' : 'Exchange Online (Plan 1)',
		serviceName: 'O365',
		displayName: `Product ${s % 50}`,
		quantity: (s % 40) + 1,
		state: s % 25 === 0 ? 'Suspended' : 'Active',
		provisioningStatus: 'Provisioned',
		contractId: `K${s}`,
		contractEndDate: '2027-03-31T00:00:00.000+01:00',
		scheduledTerminationDate: null,
		endDate: '2027-03-31T00:00:00.000+01:00',
		parentSubscriptionId: s % 10 === 9 ? `S${s - 1}` : null,
		vendorReference: null,
		sku: `SKU${s % 50}`,
		purchasePrice: 4.5,
		salesPrice: 5.6,
		currency: 'GBP',
	}));
	const linked = Math.floor(subscriptionCount * 0.8);
	const deleted = Math.floor(subscriptionCount * 0.1);
	const licences = Array.from({ length: subscriptionCount }, (_, l) => {
		const link = l < linked ? `S${l}` : l < linked + deleted ? `GONE${l}` : null;
		return {
			id: l + 1,
			client_id: (l % customers) + 1,
			name: `Product ${l % 50}`,
			count: l % 7 === 0 ? 99 : (l % 40) + 1,
			start_date: '2024-04-01T00:00:00',
			end_date: '2027-03-31T00:00:00',
			is_active: true,
			vendor: 'Microsoft',
			distributor: 'Westcoast Cloud',
			product_sku: `SKU${l % 50}`,
			parent_id: null,
			third_party_product: link,
		};
	});
	return { subscriptions, licences, mappings };
}

export const scaleInput = (scale: Scale) =>
	licenceInput(scale.customers, scale.customers * scale.subscriptionsPerCustomer);
