/**
 * Output Fields "Only What Licence Sync Reads" on the Westcoast node: a
 * subscription cut to the fields Licence Sync reads (empty ones left out)
 * must plan exactly as the full simplified subscription does, with every
 * option that reads a field switched on. Subscriptions from the marketplace
 * sandbox's generator (add-ons, odd states, internal product keys, terms),
 * licences derived from them and changed here and there.
 */
import { planLicences, type PartialLicencePlanOptions } from '../../../core/licences';
import { fieldsLicenceSyncReads } from '../../../core/licences/subscriptions';
import { TERM_FIELDS } from '../../../core/licences/types';
import { simplifySubscription } from '../../../core/westcoast/simplify';
import { generateDataset } from '../../../sandbox/westcoast';
import { mapping } from './fixtures';

const dataset = generateDataset({ seed: 3, customers: 60, subscriptionsPerCustomer: 6 });
const full = dataset.subscriptions.map((raw) => simplifySubscription(raw));
const lean = full.map((simple) => fieldsLicenceSyncReads(simple));
const mappings = dataset.customers.map((customer, index) =>
	mapping(String(customer.AccountId), index + 1),
);
const clientOf = new Map(mappings.map((m) => [m.westcoastId, m.psaId]));
// Every third subscription has a licence, every other of those out of step; a few licences of deleted subscriptions.
const licences = [
	...full
		.filter((_, index) => index % 3 === 0)
		.map((simple, index) => ({
			id: index + 1,
			client_id: clientOf.get(simple.customerId) ?? 1,
			name: simple.productName,
			count: index % 2 === 0 ? (simple.quantity ?? 0) + 1 : simple.quantity,
			end_date: '2027-03-31T00:00:00',
			start_date: '2024-04-01T00:00:00',
			is_active: true,
			distributor: 'Westcoast Cloud',
			product_sku: simple.sku,
			third_party_product: simple.westcoastId,
		})),
	{
		id: 9001,
		client_id: 1,
		name: 'Gone',
		count: 3,
		distributor: 'Westcoast Cloud',
		third_party_product: '1',
	},
];

describe('a subscription cut to the fields Licence Sync reads', () => {
	it('keeps fewer fields and no empty ones', () => {
		expect(full.length).toBeGreaterThan(300);
		const fullFields = full.reduce((total, simple) => total + Object.keys(simple).length, 0);
		const leanFields = lean.reduce((total, simple) => total + Object.keys(simple).length, 0);
		expect(leanFields).toBeLessThan(fullFields * 0.7);
		expect(lean.flatMap((simple) => Object.values(simple)).includes(null)).toBe(false);
	});

	it.each<[string, PartialLicencePlanOptions]>([
		['the defaults', {}],
		['prices, terms, every state', { syncPrices: true, syncTerms: [...TERM_FIELDS], state: 'all' }],
		['the vendor display name as licence name', { licenceName: 'vendorDisplayName' }],
		['the service display name as licence name', { licenceName: 'serviceDisplayName' }],
	])('plans as the full subscription does with %s', (_, options) => {
		// The derived licences are far from the subscriptions: the safety limit is not what is compared here.
		const all = { ...options, maxDeactivationPercent: 100 };
		const fromFull = planLicences({ subscriptions: full, licences, mappings }, all);
		const fromLean = planLicences({ subscriptions: lean, licences, mappings }, all);
		expect(fromFull.create.length + fromFull.update.length).toBeGreaterThan(0);
		const decisions = (plan: typeof fromFull) =>
			[plan.create, plan.update, plan.deactivate, plan.unchanged, plan.skipped].map((entries) =>
				entries.map((entry) => ({ ...entry, source: undefined })),
			);
		expect(decisions(fromLean)).toEqual(decisions(fromFull));
		expect(fromLean.summary).toEqual(fromFull.summary);
		expect(fromLean.invalidInput.length).toBe(fromFull.invalidInput.length);
	});
});
