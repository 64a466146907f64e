import type { IDataObject } from 'n8n-workflow';
import { planCustomerMapping, type MappingPlan } from '../../../core/mapping';
import { haloClient, westcoastCustomer, westcoastLink } from './fixtures';

const only = (plan: MappingPlan) =>
	plan.mapped.map(({ westcoastId, psaId, matchedBy }) => ({ westcoastId, psaId, matchedBy }));

describe('precedence: the first rule that applies wins', () => {
	it('manual by Westcoast ID beats link and name', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [
					haloClient(1, 'Acme'),
					haloClient(2, 'Other', { external_links: [westcoastLink('W1')] }),
					haloClient(3, 'Acme Trading'),
				],
			},
			{ manualMappings: [{ westcoast: 'W1', psaId: 3 }] },
		);
		expect(only(plan)).toEqual([{ westcoastId: 'W1', psaId: 3, matchedBy: 'manual' }]);
		expect(plan.mapped[0].link).toBeUndefined();
	});

	it('manual by Westcoast name, ignoring case and spacing', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme  Trading')],
				psaCustomers: [haloClient(7, 'Acme Group')],
			},
			{
				manualMappings: [{ westcoast: 'ACME trading', psaId: 7 }],
			},
		);
		expect(only(plan)).toEqual([{ westcoastId: 'W1', psaId: 7, matchedBy: 'manual' }]);
	});

	it('a manual row for the ID wins over one for the name', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [haloClient(1, 'X'), haloClient(2, 'Y')],
			},
			{
				manualMappings: [
					{ westcoast: 'Acme', psaId: 1 },
					{ westcoast: 'W1', psaId: 2 },
				],
			},
		);
		expect(only(plan)).toEqual([{ westcoastId: 'W1', psaId: 2, matchedBy: 'manual' }]);
	});

	it('link beats exact name', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [
				haloClient(1, 'Acme'),
				haloClient(2, 'Acme Old Name', { external_links: [westcoastLink('W1')] }),
			],
		});
		expect(only(plan)).toEqual([{ westcoastId: 'W1', psaId: 2, matchedBy: 'link' }]);
		expect(plan.mapped[0]).toEqual({
			source: { westcoast: 0, psa: 1 },
			westcoastId: 'W1',
			westcoastName: 'Acme',
			psaId: 2,
			psaName: 'Acme Old Name',
			matchedBy: 'link',
		});
	});

	it("counts untyped links and ignores other integrations' links", () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'One'), westcoastCustomer('W2', 'Two')],
				psaCustomers: [
					haloClient(1, 'A', { external_links: [{ third_party_id: 'W1' }] }),
					haloClient(2, 'B', {
						external_links: [{ third_party_id: 'W2', third_party_type: 'Pax8' }],
					}),
				],
			},
			{ createMissing: false },
		);
		expect(only(plan)).toEqual([{ westcoastId: 'W1', psaId: 1, matchedBy: 'link' }]);
		expect(plan.table[1]).toMatchObject({ status: 'review', reason: 'unmatched' });
	});

	it('matches links with numeric Westcoast IDs as strings', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [{ AccountId: 4711, CompanyName: 'Acme' }],
			psaCustomers: [
				haloClient(1, 'Other', {
					external_links: [{ third_party_id: '4711', third_party_type: 'Westcoast Cloud' }],
				}),
			],
		});
		expect(only(plan)).toEqual([{ westcoastId: '4711', psaId: 1, matchedBy: 'link' }]);
	});

	it('exact name beats normalized name', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme Ltd')],
				psaCustomers: [haloClient(1, 'ACME Limited'), haloClient(2, 'Acme Ltd')],
			},
			{
				matchNormalizedName: true,
			},
		);
		expect(only(plan)).toEqual([{ westcoastId: 'W1', psaId: 2, matchedBy: 'exactName' }]);
	});

	it('exact name only when matchExactName is on', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [haloClient(1, 'Acme')],
			},
			{
				matchExactName: false,
				createMissing: false,
			},
		);
		expect(plan.mapped).toEqual([]);
		expect(plan.review[0]).toMatchObject({
			reason: 'unmatched',
			candidates: [{ psaId: 1, psaName: 'Acme', score: 1, source: { psa: 0 } }],
		});
	});

	it('exact name is case-sensitive (Halo: identical names)', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'ACME')],
				psaCustomers: [haloClient(1, 'Acme')],
			},
			{
				createMissing: false,
			},
		);
		expect(plan.mapped).toEqual([]);
	});

	it('normalized name only when its option is on (off by default)', () => {
		const inputs = {
			westcoastCustomers: [westcoastCustomer('W1', 'Müller & Söhne GmbH')],
			psaCustomers: [haloClient(1, 'Muller and Sohne G.m.b.H.')],
		};
		expect(planCustomerMapping(inputs, { createMissing: false }).mapped).toEqual([]);
		expect(only(planCustomerMapping(inputs, { matchNormalizedName: true }))).toEqual([
			{ westcoastId: 'W1', psaId: 1, matchedBy: 'normalizedName' },
		]);
	});

	it('an option passed as undefined keeps its default', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [haloClient(1, 'Acme')],
			},
			{
				fields: undefined,
				matchExactName: undefined,
				topLevelId: undefined,
			},
		);
		expect(only(plan)).toEqual([{ westcoastId: 'W1', psaId: 1, matchedBy: 'exactName' }]);
	});

	it('creates when nothing matches and createMissing is on', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [haloClient(1, 'Beta')],
		});
		expect(plan.create.map((entry) => entry.westcoastId)).toEqual(['W1']);
		expect(plan.table[0]).toMatchObject({
			status: 'create',
			psaId: null,
			matchedBy: null,
			reason: null,
		});
	});
});

describe('mapped entries and the table', () => {
	const plan = planCustomerMapping({
		westcoastCustomers: [westcoastCustomer('W1', 'Acme'), westcoastCustomer('W2', 'Beta')],
		psaCustomers: [
			haloClient(10, 'Beta'),
			haloClient(20, 'Acme', { external_links: [westcoastLink('W1')] }),
		],
	});

	it('carries input indexes for pairedItem', () => {
		expect(plan.mapped.map(({ source }) => [source.westcoast, source.psa])).toEqual([
			[0, 1],
			[1, 0],
		]);
	});

	it('has one table row per Westcoast item', () => {
		expect(plan.table).toEqual([
			{
				source: { westcoast: 0 },
				westcoastId: 'W1',
				westcoastName: 'Acme',
				status: 'mapped',
				psaId: 20,
				psaName: 'Acme',
				matchedBy: 'link',
				reason: null,
			},
			{
				source: { westcoast: 1 },
				westcoastId: 'W2',
				westcoastName: 'Beta',
				status: 'mapped',
				psaId: 10,
				psaName: 'Beta',
				matchedBy: 'exactName',
				reason: null,
			},
		]);
	});

	it('gives a link payload only for name matches', () => {
		expect(plan.mapped[0].link).toBeUndefined();
		expect(plan.mapped[1].link).toEqual({
			id: 10,
			new_external_link: {
				third_party_id: 'W2',
				third_party_desc: 'Beta',
				third_party_type: 'Westcoast Cloud',
			},
		});
	});

	it('entries can be n8n item json as they are', () => {
		const json: IDataObject[] = [...plan.mapped, ...plan.create, ...plan.review, ...plan.table];
		expect(json).toHaveLength(4);
	});
});
