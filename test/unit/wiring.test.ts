/**
 * Wrong wiring: a planner whose input holds another input's items stops with
 * a message naming the input to use. The items come from the real producers
 * (the simplifier, the planners) or are Halo's documented list items.
 */
import { PlanRefusedError, planLicences } from '../../core/licences';
import { planCustomerMapping } from '../../core/mapping';
import { simplifyCustomer, simplifySubscription } from '../../core/westcoast/simplify';
import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO } from '../../core/node-io';
import { findMiswiring, itemKind } from '../../core/wiring';
import { LicenceSync } from '../../nodes/LicenceSync/LicenceSync.node';
import { MappingResolver } from '../../nodes/MappingResolver/MappingResolver.node';
import { C1_TO_11, licence, subscription } from './licences/fixtures';
import { haloClient, westcoastCustomer } from './mapping/fixtures';

const rawSubscription = {
	AccountId: 5000001,
	ParentAccountId: 200105,
	AccountState: 'Active',
	ServiceName: 'MicrosoftCSP',
	ProductName: 'Microsoft 365 Business Premium',
	Fields: [{ Name: 'Seats', Value: '25' }],
	PriceableItems: [{ FieldName: 'Seats', IsUdrcField: true }],
};
const rawCompany = { AccountId: 200105, ParentAccountId: 1, CompanyName: 'Acme Ltd' };

function refusal(run: () => unknown): PlanRefusedError {
	try {
		run();
	} catch (error) {
		if (error instanceof PlanRefusedError) return error;
		throw error;
	}
	throw new Error('the plan was not refused');
}

describe('what kind an item is', () => {
	const mappingPlan = planCustomerMapping(
		{
			westcoastCustomers: [
				westcoastCustomer('W1', 'Acme Ltd'),
				westcoastCustomer('W2', 'New Ltd'),
				westcoastCustomer('W3', 'Acme Ltd.'),
			],
			psaCustomers: [haloClient(1, 'Acme Ltd')],
		},
		{ matchNormalizedName: false },
	);

	it.each([
		[
			'a simplified subscription',
			simplifySubscription(rawSubscription, ''),
			'westcoastSubscription',
		],
		['a raw subscription (Simplify off)', rawSubscription, 'westcoastSubscription'],
		['a simplified customer', simplifyCustomer(rawCompany), 'westcoastCustomer'],
		['a raw company (Simplify off)', rawCompany, 'westcoastCustomer'],
		['a Halo licence', licence(), 'psaLicence'],
		['a Halo client', haloClient(1, 'Acme Ltd'), 'psaCustomer'],
		['a Mapped item', mappingPlan.mapped[0], 'customerMapping'],
		['a Create item', mappingPlan.create[0], 'mappingCreate'],
		['a Review item', mappingPlan.review[0], 'mappingReview'],
		['a Table row', mappingPlan.table[0], 'mappingTableRow'],
		['a Halo list page', { record_count: 1, licences: [licence()] }, 'psaListPage'],
	])('%s', (_, item, kind) => {
		expect(itemKind(JSON.parse(JSON.stringify(item)))).toBe(kind);
	});

	it('Licence Sync entries and its Summary', () => {
		const plan = planLicences(
			{ subscriptions: [subscription()], licences: [], mappings: [C1_TO_11] },
			{},
		);
		expect(itemKind(plan.create[0])).toBe('licencePlanEntry');
		expect(itemKind(plan.summary)).toBe('licenceSummary');
	});

	it("a planner's change items numbered into write batches keep their kind", () => {
		const plan = planLicences(
			{ subscriptions: [subscription()], licences: [], mappings: [C1_TO_11] },
			{},
		);
		expect(itemKind({ ...plan.create[0], batch: 1 })).toBe('licencePlanEntry');
		expect(itemKind({ ...mappingPlan.create[0], batch: 1 })).toBe('mappingCreate');
	});

	it.each([
		['an empty item (Always Output Data)', {}],
		['a subscription without its seat rule', { westcoastId: 'S1', customerId: 'C1' }],
		['a PSA customer of a custom PSA', { CustomerNo: 7, Title: 'Acme' }],
		['text', 'Acme'],
		['a list', [licence()]],
	])('%s is of no kind (left to the planner)', (_, item) => {
		expect(itemKind(item)).toBeNull();
	});
});

describe('Licence Sync refuses a wrongly wired plan', () => {
	const subscriptions = [subscription()];
	const licences = [licence({ client_id: 11 })];
	const mappings = [C1_TO_11];

	it('customer mappings on the subscription input (the "+" trap): names the input to use', () => {
		const error = refusal(() => planLicences({ subscriptions: mappings, licences, mappings: [] }));
		expect(error.code).toBe('wrongInput');
		expect(error.message).toBe(
			'The "Westcoast Subscriptions" input (input 1) received customer mappings ' +
				"(Mapping Resolver's Mapped output), first at item 0: they belong on Licence Sync's " +
				'"Customer Mappings" input. Connect the Westcoast Cloud node (Subscription > Get Many) ' +
				'to this input instead. Nothing was planned.',
		);
		expect(error.details).toEqual({
			input: 'Westcoast Subscriptions',
			item: 0,
			received: 'customerMapping',
		});
	});

	it('licences on the mapping input, and subscriptions on the licence input', () => {
		const onMappings = refusal(() => planLicences({ subscriptions, licences, mappings: licences }));
		expect(onMappings.message).toMatch(
			/^The "Customer Mappings" input \(input 3\) received PSA licences/,
		);
		expect(onMappings.message).toMatch(/belong on Licence Sync's "PSA Licences" input/);
		expect(onMappings.message).toMatch(/Connect Mapping Resolver's Mapped output to this input/);

		const onLicences = refusal(() =>
			planLicences({ subscriptions, licences: subscriptions, mappings }),
		);
		expect(onLicences.message).toMatch(
			/^The "PSA Licences" input \(input 2\) received Westcoast subscriptions/,
		);
	});

	it("Mapping Resolver's other outputs, and an unchecked Halo page", () => {
		const review = {
			subject: 'westcoastCustomer',
			reason: 'unmatched',
			message: 'No PSA customer matches.',
		};
		expect(
			refusal(() => planLicences({ subscriptions, licences, mappings: [review] })).message,
		).toMatch(/received Mapping Resolver's Review items, first at item 0/);
		const page = { record_count: 1, licences };
		expect(
			refusal(() => planLicences({ subscriptions, licences: [page], mappings })).message,
		).toMatch(/belong on the PSA List Check node/);
	});

	it('its own batch-numbered change items fed back in: names the input to use', () => {
		const created = planLicences({ subscriptions, licences: [], mappings }).create;
		const fedBack = created.map((entry) => ({ ...entry, batch: 1 }));
		expect(
			refusal(() => planLicences({ subscriptions: fedBack, licences, mappings })).message,
		).toBe(
			'The "Westcoast Subscriptions" input (input 1) received Licence Sync\'s planned changes, ' +
				'first at item 0: they belong on a PSA write. Connect the Westcoast Cloud node ' +
				'(Subscription > Get Many) to this input instead. Nothing was planned.',
		);
	});

	it('names the first wrong item when the wrong items follow right ones', () => {
		const error = refusal(() =>
			planLicences({ subscriptions: [...subscriptions, ...mappings], licences, mappings }),
		);
		expect(error.details.item).toBe(1);
	});

	it('a rightly wired plan, incomplete items included, is planned as before', () => {
		const plan = planLicences({
			subscriptions: [...subscriptions, {}],
			licences,
			mappings,
		});
		expect(plan.unchanged).toHaveLength(1);
	});
});

describe('Mapping Resolver inputs', () => {
	const westcoast = [westcoastCustomer('W1', 'Acme Ltd')];
	const psa = [haloClient(1, 'Acme Ltd')];

	it('swapped inputs: the first wrong one is named', () => {
		const wrong = findMiswiring([
			{ input: MAPPING_RESOLVER_IO.inputs.westcoast, items: psa },
			{ input: MAPPING_RESOLVER_IO.inputs.psa, items: westcoast },
		]);
		expect(wrong?.message).toBe(
			'The "Westcoast Customers" input (input 1) received PSA customers, first at item 0: ' +
				'they belong on Mapping Resolver\'s "PSA Customers" input. Connect the Westcoast Cloud node ' +
				'(Customer > Get Many) to this input instead. Nothing was planned.',
		);
	});

	it('rightly wired: nothing to say', () => {
		expect(
			findMiswiring([
				{ input: MAPPING_RESOLVER_IO.inputs.westcoast, items: westcoast },
				{ input: MAPPING_RESOLVER_IO.inputs.psa, items: psa },
			]),
		).toBeNull();
	});
});

it("the input labels in messages are the nodes' own", () => {
	const labels = (inputs: unknown) =>
		(inputs as Array<{ displayName: string }>).map((input) => input.displayName);
	expect(labels(new LicenceSync().description.inputs)).toEqual(
		LICENCE_SYNC_IO.inputList.map((input) => input.label),
	);
	expect(labels(new MappingResolver().description.inputs)).toEqual(
		MAPPING_RESOLVER_IO.inputList.map((input) => input.label),
	);
});
