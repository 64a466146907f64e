import { ACCOUNT_STATES, CALLS } from '../../../core/westcoast/protocol';
import {
	generateDataset,
	startWestcoastSandbox,
	STORY_CUSTOMERS,
	type SandboxSubscription,
} from '../../../sandbox/westcoast';
import { callJson, logIn } from './client';

const WCF_DATE = /^\/Date\(\d+[+-]\d{4}\)\/$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATE_FIELDS = [
	'ContractEndDate',
	'PriceProtectionEndDate',
	'ScheduledTerminationDate',
	'AdvancePeriodEndDate',
] as const;

const defaults = { seed: 1, customers: 15, subscriptionsPerCustomer: 3 };

function seatCount(subscription: SandboxSubscription): string | undefined {
	const udrc = subscription.PriceableItems.filter((item) => item.IsUdrcField === true);
	if (udrc.length === 0) return undefined;
	expect(udrc).toHaveLength(1);
	const fields = subscription.Fields.filter((field) => field.Name === udrc[0].FieldName);
	expect(fields).toHaveLength(1);
	return String(fields[0].Value);
}

describe('seeded data', () => {
	it('is byte-identical for the same seed and differs for another seed', () => {
		expect(JSON.stringify(generateDataset(defaults))).toBe(
			JSON.stringify(generateDataset({ ...defaults })),
		);
		expect(JSON.stringify(generateDataset(defaults))).not.toBe(
			JSON.stringify(generateDataset({ ...defaults, seed: 2 })),
		);
	});

	it('serves the same JSON from two sandboxes with the same seed', async () => {
		const [first, second] = await Promise.all([
			startWestcoastSandbox({ seed: 7 }),
			startWestcoastSandbox({ seed: 7 }),
		]);
		try {
			const answers = await Promise.all(
				[first, second].map(async (sandbox) => {
					const token = await logIn(sandbox.url, sandbox.users.admin);
					const body = { parentAccountId: sandbox.resellerAccountId, excludeUserLevel: false };
					return JSON.stringify(await callJson(sandbox.url, CALLS.getSubscriptions, body, token));
				}),
			);
			expect(answers[0]).toBe(answers[1]);
		} finally {
			await Promise.all([first.close(), second.close()]);
		}
	});

	it('starts with the story customers, unchanged whatever the counts and seed', () => {
		const small = generateDataset({ seed: 1, customers: 0, subscriptionsPerCustomer: 0 });
		const large = generateDataset({ seed: 99, customers: 40, subscriptionsPerCustomer: 6 });
		expect(small.customers.map((customer) => customer.CompanyName)).toEqual(
			STORY_CUSTOMERS.map((story) => story.name),
		);
		expect(large.customers.slice(0, STORY_CUSTOMERS.length)).toEqual(small.customers);
		expect(large.customers).toHaveLength(40);
		for (const name of [
			'Müller & Söhne GmbH',
			'Café Crème Ltd',
			'Smith & Jones Limited',
			'acme  widgets ltd',
			"O'Brien Consulting Ltd.",
		]) {
			expect(small.customers.map((customer) => customer.CompanyName)).toContain(name);
		}
	});

	it('keeps generated customers in place when the count grows', () => {
		const fewer = generateDataset({ seed: 3, customers: 20, subscriptionsPerCustomer: 2 });
		const more = generateDataset({ seed: 3, customers: 30, subscriptionsPerCustomer: 2 });
		expect(more.customers.slice(0, 20)).toEqual(fewer.customers);
	});

	it('gives every customer the plausible Company fields, with integer ids under the reseller', () => {
		const { reseller, customers } = generateDataset(defaults);
		expect(new Set(customers.map((customer) => customer.AccountId)).size).toBe(customers.length);
		for (const customer of customers) {
			expect(Number.isInteger(customer.AccountId)).toBe(true);
			expect(customer.ParentAccountId).toBe(reseller.AccountId);
			expect(customer).toEqual(
				expect.objectContaining({
					Address: expect.any(String),
					City: expect.any(String),
					Zip: expect.any(String),
					Country: expect.any(String),
					Email: expect.stringContaining('@'),
					VatId: expect.any(String),
					Domain: expect.arrayContaining([expect.any(String)]),
					Currency: expect.stringMatching(/^(GBP|EUR)$/),
				}),
			);
		}
		expect(customers.filter((customer) => customer.Currency === 'GBP').length).toBeGreaterThan(
			customers.length / 2,
		);
	});

	describe('subscriptions', () => {
		const { customers, subscriptions } = generateDataset(defaults);
		const byId = new Map(
			subscriptions.map((subscription) => [subscription.AccountId, subscription]),
		);

		it('cover every AccountState and some the protocol does not list', () => {
			const states = new Set(subscriptions.map((subscription) => subscription.AccountState));
			// The store holds Cancelled; the spec dialect shows it as Terminated (dialect.test.ts).
			for (const state of ACCOUNT_STATES.filter((name) => name !== 'Terminated'))
				expect(states).toContain(state);
			expect(states).toContain('PendingProvisioning');
		});

		it('use both date formats (ISO 8601 and WCF, with and without an offset), and nothing else', () => {
			const dates = subscriptions
				.flatMap((subscription) => DATE_FIELDS.map((field) => subscription[field]))
				.filter((value) => value != null) as string[];
			for (const date of dates)
				expect(date).toMatch(new RegExp(`${ISO_DATE.source}|${WCF_DATE.source}`));
			expect(dates.some((date) => ISO_DATE.test(date))).toBe(true);
			expect(dates.some((date) => date.endsWith('+0000)/'))).toBe(true);
			expect(dates.some((date) => date.endsWith('+0100)/'))).toBe(true);
		});

		it('mostly have no ScheduledTerminationDate; some have one; some have no ContractEndDate', () => {
			const scheduled = subscriptions.filter(
				(subscription) => subscription.ScheduledTerminationDate != null,
			);
			expect(scheduled.length).toBeGreaterThan(0);
			expect(scheduled.length).toBeLessThan(subscriptions.length / 2);
			expect(subscriptions.some((subscription) => subscription.ContractEndDate == null)).toBe(true);
		});

		it('hold the seat count only in the Fields entry named by the UDRC priceable item', () => {
			let withSeats = 0;
			for (const subscription of subscriptions) {
				expect(subscription).not.toHaveProperty('Quantity');
				const seats = seatCount(subscription);
				if (seats === undefined) continue;
				withSeats++;
				expect(seats).toMatch(/^\d+$/);
			}
			expect(withSeats).toBeGreaterThan(subscriptions.length / 2);
			const fieldNames = new Set(
				subscriptions.flatMap((subscription) =>
					subscription.PriceableItems.filter((item) => item.IsUdrcField).map(
						(item) => item.FieldName,
					),
				),
			);
			expect(fieldNames).toEqual(expect.objectContaining({ size: expect.any(Number) }));
			for (const name of ['Quantity', 'NumberOfLicenses', 'Seats'])
				expect(fieldNames).toContain(name);
			expect(subscriptions.some((subscription) => seatCount(subscription) === undefined)).toBe(
				true,
			);
			// Noise: items and numeric fields that are not the seat count.
			expect(
				subscriptions.some((subscription) =>
					subscription.PriceableItems.some((item) => item.IsUdrcField === false),
				),
			).toBe(true);
			expect(subscriptions.some((subscription) => subscription.RenewFields.length > 0)).toBe(true);
		});

		it('link add-ons to a parent subscription of the same customer', () => {
			const addons = subscriptions.filter(
				(subscription) => subscription.DependencyAccountId !== null,
			);
			expect(addons.length).toBeGreaterThan(0);
			for (const addon of addons) {
				const parent = byId.get(addon.DependencyAccountId as number);
				expect(parent).toBeDefined();
				expect(addon.CompanyAccountId).toBe(parent!.CompanyAccountId);
				expect(addon.DependencyServiceName).toBe(parent!.ServiceName);
			}
		});

		it('belong to known customers, with integer ids, mostly company-level and some user-level', () => {
			const customerIds = new Set(customers.map((customer) => customer.AccountId));
			expect(new Set(subscriptions.map((subscription) => subscription.AccountId)).size).toBe(
				subscriptions.length,
			);
			for (const subscription of subscriptions) {
				expect(Number.isInteger(subscription.AccountId)).toBe(true);
				expect(customerIds).toContain(subscription.CompanyAccountId);
				if (subscription.ParentType === 'Company')
					expect(subscription.ParentAccountId).toBe(subscription.CompanyAccountId);
			}
			expect(
				subscriptions.filter((subscription) => subscription.ParentType === 'User').length,
			).toBeGreaterThan(0);
		});

		it('include every provisioning status, with ErrorDetails on errors', () => {
			const statuses = new Set(
				subscriptions.map((subscription) => subscription.ProvisioningStatus),
			);
			for (const status of ['Provisioned', 'Pending', 'Error']) expect(statuses).toContain(status);
			for (const failed of subscriptions.filter(
				(subscription) => subscription.ProvisioningStatus === 'Error',
			)) {
				expect(failed.ErrorDetails).toEqual(expect.any(String));
			}
		});
	});
});
