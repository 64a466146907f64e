import {
	DEFAULT_MAPPING_OPTIONS,
	REVIEW_REASONS,
	describeMappingPlan,
	planCustomerMapping,
	type MappingPlan,
	type ReviewReason,
} from '../../../core/mapping';
import { PlanRefusedError } from '../../../core/refusal';
import { haloClient, westcoastCustomer, westcoastLink } from './fixtures';

const seen = new Set<ReviewReason>();

/** The plan's review entries with `reason`, noting the reason as covered. */
function reviewed(plan: MappingPlan, reason: ReviewReason) {
	seen.add(reason);
	return plan.review.filter((entry) => entry.reason === reason);
}

describe('review reasons', () => {
	it('invalidWestcoastItem names the item index and field, and is in `invalid`', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme'), { westcoastId: 'W2' }],
			psaCustomers: [],
		});
		const [entry] = reviewed(plan, 'invalidWestcoastItem');
		expect(entry).toEqual({
			subject: 'westcoastCustomer',
			reason: 'invalidWestcoastItem',
			message: 'Westcoast item 1: name is missing.',
			source: { westcoast: 1 },
			field: 'name',
		});
		expect(plan.invalidInput).toEqual([entry]);
		expect(plan.table[1]).toMatchObject({
			status: 'review',
			westcoastId: null,
			reason: 'invalidWestcoastItem',
		});
	});

	it('duplicateWestcoastId sends every occurrence to review', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [
				westcoastCustomer('W1', 'Acme'),
				westcoastCustomer('W2', 'Beta'),
				westcoastCustomer('W1', 'Acme again'),
			],
			psaCustomers: [haloClient(1, 'Acme')],
		});
		expect(reviewed(plan, 'duplicateWestcoastId').map((entry) => entry.source.westcoast)).toEqual([
			0, 2,
		]);
		expect(plan.mapped).toEqual([]);
		expect(plan.create.map((entry) => entry.westcoastId)).toEqual(['W2']);
	});

	it('manualMappingConflict when rows for one key name different PSA IDs', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [haloClient(1, 'Acme'), haloClient(2, 'B')],
			},
			{
				manualMappings: [
					{ westcoast: 'W1', psaId: 1 },
					{ westcoast: 'W1', psaId: 2 },
				],
			},
		);
		expect(reviewed(plan, 'manualMappingConflict')).toHaveLength(1);
		expect(plan.mapped).toEqual([]);
	});

	it('manualPsaNotFound does not fall through to name rules or create', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [haloClient(1, 'Acme')],
			},
			{
				manualMappings: [{ westcoast: 'W1', psaId: 99 }],
			},
		);
		expect(reviewed(plan, 'manualPsaNotFound')[0]).toMatchObject({
			source: { westcoast: 0 },
			westcoastId: 'W1',
		});
		expect(plan.mapped).toEqual([]);
		expect(plan.create).toEqual([]);
	});

	it('linkAmbiguous when two PSA customers carry the same Westcoast link', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [
				haloClient(1, 'A', { external_links: [westcoastLink('W1')] }),
				haloClient(2, 'B', { external_links: [westcoastLink('W1')] }),
			],
		});
		const [entry] = reviewed(plan, 'linkAmbiguous');
		expect(entry.candidates?.map((candidate) => candidate.psaId)).toEqual([1, 2]);
		expect(entry.psaIds).toEqual([1, 2]);
		expect(entry.message).toBe(
			'Westcoast customer "Acme" (W1): PSA customers 1, 2 all carry its Westcoast link, so it is mapped to none ' +
				'of them and its licences are left alone. A person removes the extra link (or merges the customers); every ' +
				'other customer is mapped as usual.',
		);
	});

	it('a customer linked to two PSA customers blocks only itself: the others map, create and update as usual', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [
				westcoastCustomer('W1', 'Acme'),
				westcoastCustomer('W2', 'Beta'),
				westcoastCustomer('W3', 'Gamma'),
				westcoastCustomer('W4', 'Delta'),
			],
			psaCustomers: [
				haloClient(1, 'Acme', { external_links: [westcoastLink('W1')] }),
				haloClient(2, 'Acme', { external_links: [westcoastLink('W1')] }),
				haloClient(3, 'Beta', { external_links: [westcoastLink('W2')] }),
				haloClient(4, 'Gamma'),
			],
		});
		expect(plan.invalidInput).toEqual([]);
		expect(plan.review.map((entry) => [entry.westcoastId, entry.reason, entry.psaIds])).toEqual([
			['W1', 'linkAmbiguous', [1, 2]],
		]);
		expect(plan.mapped.map((entry) => [entry.westcoastId, entry.psaId, entry.matchedBy])).toEqual([
			['W2', 3, 'link'],
			['W3', 4, 'exactName'],
		]);
		expect(plan.create.map((entry) => entry.westcoastId)).toEqual(['W4']);
	});

	it('psaNameAmbiguous when two PSA customers have the name, listing both', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [haloClient(1, 'Acme'), haloClient(2, 'Acme'), haloClient(3, 'Beta')],
		});
		const [entry] = reviewed(plan, 'psaNameAmbiguous');
		expect(entry.candidates).toEqual([
			{ source: { psa: 0 }, psaId: 1, psaName: 'Acme', score: 1 },
			{ source: { psa: 1 }, psaId: 2, psaName: 'Acme', score: 1 },
		]);
		expect(plan.create).toEqual([]);
	});

	it('psaNameAmbiguous also for normalized names', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme Ltd')],
				psaCustomers: [haloClient(1, 'ACME Ltd'), haloClient(2, 'Acme Limited')],
			},
			{ matchNormalizedName: true },
		);
		expect(reviewed(plan, 'psaNameAmbiguous')).toHaveLength(1);
	});

	it('psaLinkedElsewhere when the same-named PSA customer is linked to another Westcoast customer', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W2', 'Acme')],
			psaCustomers: [haloClient(1, 'Acme', { external_links: [westcoastLink('W9')] })],
		});
		expect(reviewed(plan, 'psaLinkedElsewhere')[0]).toMatchObject({
			westcoastId: 'W2',
			psaId: 1,
			source: { psa: 0 },
		});
		expect(plan.table[0]).toMatchObject({
			status: 'review',
			psaId: 1,
			reason: 'psaLinkedElsewhere',
		});
	});

	describe('psaCustomerConflict: two Westcoast customers resolve to one PSA customer', () => {
		it('the stronger rule keeps it', () => {
			const plan = planCustomerMapping(
				{
					westcoastCustomers: [
						westcoastCustomer('W1', 'Acme'),
						westcoastCustomer('W2', 'Acme Trading'),
					],
					psaCustomers: [haloClient(1, 'Acme')],
				},
				{ manualMappings: [{ westcoast: 'W2', psaId: 1 }] },
			);
			expect(plan.mapped.map((entry) => [entry.westcoastId, entry.matchedBy])).toEqual([
				['W2', 'manual'],
			]);
			const [entry] = reviewed(plan, 'psaCustomerConflict');
			expect(entry).toMatchObject({ westcoastId: 'W1', psaId: 1 });
			// Plain words, not the rule codes.
			expect(entry.message).toBe(
				'Westcoast customer "Acme" (W1) matches PSA customer "Acme" (1) by exact name, but Westcoast customer W2 matches it by manual mapping, a stronger rule.',
			);
		});

		it('a tie sends all of them to review', () => {
			const plan = planCustomerMapping(
				{
					westcoastCustomers: [
						westcoastCustomer('W1', 'Acme Ltd'),
						westcoastCustomer('W2', 'ACME Limited'),
					],
					psaCustomers: [haloClient(1, 'Acme Ltd.')],
				},
				{ matchNormalizedName: true },
			);
			expect(plan.mapped).toEqual([]);
			expect(reviewed(plan, 'psaCustomerConflict').map((entry) => entry.westcoastId)).toEqual([
				'W1',
				'W2',
			]);
		});

		it('a manual mapping takes a PSA customer from its stored link', () => {
			const plan = planCustomerMapping(
				{
					westcoastCustomers: [westcoastCustomer('W1', 'A'), westcoastCustomer('W2', 'B')],
					psaCustomers: [haloClient(1, 'X', { external_links: [westcoastLink('W1')] })],
				},
				{ manualMappings: [{ westcoast: 'W2', psaId: 1 }] },
			);
			expect(plan.mapped.map((entry) => [entry.westcoastId, entry.matchedBy])).toEqual([
				['W2', 'manual'],
			]);
			expect(reviewed(plan, 'psaCustomerConflict').map((entry) => entry.westcoastId)).toEqual([
				'W1',
			]);
		});

		it('a manual row by name that fits two Westcoast customers is a tie', () => {
			const plan = planCustomerMapping(
				{
					westcoastCustomers: [westcoastCustomer('W1', 'Acme'), westcoastCustomer('W2', 'ACME')],
					psaCustomers: [haloClient(1, 'X')],
				},
				{ manualMappings: [{ westcoast: 'acme', psaId: 1 }] },
			);
			expect(plan.mapped).toEqual([]);
			expect(reviewed(plan, 'psaCustomerConflict')).toHaveLength(2);
		});

		it('one PSA customer linked to two Westcoast customers is a tie', () => {
			const plan = planCustomerMapping({
				westcoastCustomers: [westcoastCustomer('W1', 'A'), westcoastCustomer('W2', 'B')],
				psaCustomers: [
					haloClient(1, 'X', { external_links: [westcoastLink('W1'), westcoastLink('W2')] }),
				],
			});
			expect(reviewed(plan, 'psaCustomerConflict')).toHaveLength(2);
		});
	});

	it('unmatched lists fuzzy candidates, best first, and never applies them', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme Widgets')],
				psaCustomers: [
					haloClient(1, 'Acme Widget Co'),
					haloClient(2, 'Zebra'),
					haloClient(3, 'Acme'),
				],
			},
			{ createMissing: false, maxCandidates: 2 },
		);
		const [entry] = reviewed(plan, 'unmatched');
		expect(entry.candidates?.map((candidate) => candidate.psaId)).toEqual([1, 3]);
		expect(entry.candidates?.[0].score).toBeGreaterThan(0.5);
		expect(entry.candidates?.[0].score).toBeLessThan(1);
		expect(plan.mapped).toEqual([]);
	});

	it('lists stay short when a name is shared by many PSA customers', () => {
		const clients = Array.from({ length: 25 }, (_, n) => haloClient(n + 1, 'Acme'));
		const [entry] = reviewed(
			planCustomerMapping({
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: clients,
			}),
			'psaNameAmbiguous',
		);
		expect(entry.candidates).toHaveLength(10);
		expect(entry.message).toBe(
			'Westcoast customer "Acme" (W1): several PSA customers have this name: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 15 more.',
		);
	});

	it('psaLinkedElsewhere applies to normalized matches too', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W2', 'Acme Ltd')],
				psaCustomers: [
					haloClient(1, 'ACME LIMITED', { external_links: [{ third_party_id: 'W9' }] }),
				],
			},
			{ matchNormalizedName: true },
		);
		expect(reviewed(plan, 'psaLinkedElsewhere')).toHaveLength(1);
		expect(plan.create).toEqual([]);
	});

	it('wouldDuplicate: no create when the exact name exists but exact matching is off', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [haloClient(1, 'Acme')],
			},
			{
				matchExactName: false,
			},
		);
		expect(plan.create).toEqual([]);
		expect(reviewed(plan, 'wouldDuplicate')[0].candidates).toEqual([
			{ source: { psa: 0 }, psaId: 1, psaName: 'Acme', score: 1 },
		]);
	});

	it('wouldDuplicate: no create when only the normalized name exists', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme Ltd')],
			psaCustomers: [haloClient(1, 'ACME')],
		});
		expect(plan.create).toEqual([]);
		expect(reviewed(plan, 'wouldDuplicate')).toHaveLength(1);
	});

	it('duplicateCreateName: two customers to create under one (normalized) name', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [
				westcoastCustomer('W1', 'Acme Ltd'),
				westcoastCustomer('W2', 'ACME Limited'),
				westcoastCustomer('W3', 'Beta'),
			],
			psaCustomers: [],
		});
		expect(reviewed(plan, 'duplicateCreateName').map((entry) => entry.westcoastId)).toEqual([
			'W1',
			'W2',
		]);
		expect(plan.create.map((entry) => entry.westcoastId)).toEqual(['W3']);
	});

	it('inactiveNotCreated unless createInactive is on; inactive customers still map', () => {
		const customers = [
			westcoastCustomer('W1', 'Gone', { state: 'Cancelled' }),
			{ westcoastId: 'W2', name: 'No state' },
			westcoastCustomer('W3', 'Linked', { state: 'Suspended' }),
		];
		const psa = [haloClient(1, 'Linked')];
		const plan = planCustomerMapping({ westcoastCustomers: customers, psaCustomers: psa });
		expect(reviewed(plan, 'inactiveNotCreated').map((entry) => entry.message)).toEqual([
			'Westcoast customer "Gone" (W1): not created, its state is "Cancelled".',
			'Westcoast customer "No state" (W2): not created, its state is missing.',
		]);
		expect(plan.mapped.map((entry) => entry.westcoastId)).toEqual(['W3']);
		expect(
			planCustomerMapping(
				{ westcoastCustomers: customers, psaCustomers: psa },
				{ createInactive: true },
			).create,
		).toHaveLength(2);
	});

	it('createBlockedByInvalidPsa: an unreadable PSA item could be the customer', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme'), westcoastCustomer('W2', 'Beta')],
			psaCustomers: [{ id: 5 }, haloClient(1, 'Beta')],
		});
		expect(reviewed(plan, 'createBlockedByInvalidPsa').map((entry) => entry.westcoastId)).toEqual([
			'W1',
		]);
		expect(plan.mapped.map((entry) => entry.westcoastId)).toEqual(['W2']);
		expect(plan.invalidInput).toEqual([
			expect.objectContaining({ reason: 'invalidPsaItem', source: { psa: 0 }, field: 'name' }),
		]);
	});

	it('noMainSite: an address change for a customer without a main site', () => {
		const address = { street: '1 High St', city: null, postcode: null, country: null };
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme', { address })],
				psaCustomers: [
					haloClient(1, 'Acme', { main_site_id: null, main_delivery_address: { line1: 'Old St' } }),
				],
			},
			{ updateSiteAddress: true },
		);
		expect(plan.addressChanges).toEqual([]);
		expect(reviewed(plan, 'noMainSite')).toEqual([
			expect.objectContaining({
				subject: 'siteAddress',
				source: { westcoast: 0, psa: 0 },
				psaId: 1,
			}),
		]);
		// A note beside the outcome: the item is still mapped.
		expect(plan.table[0].status).toBe('mapped');
	});

	it('invalidPsaItem and duplicatePsaId are PSA notes, not Westcoast outcomes', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [haloClient(1, 'Acme'), haloClient(1, 'Acme copy'), 'bad'],
		});
		expect(reviewed(plan, 'invalidPsaItem')).toEqual([
			expect.objectContaining({ subject: 'psaCustomer', source: { psa: 2 }, field: '(item)' }),
		]);
		expect(reviewed(plan, 'duplicatePsaId')).toEqual([
			expect.objectContaining({ subject: 'psaCustomer', source: { psa: 1 } }),
		]);
		expect(plan.mapped.map((entry) => entry.source.psa)).toEqual([0]);
	});

	it('invalidManualMapping and manualMappingUnused', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
				psaCustomers: [haloClient(1, 'Acme')],
			},
			{
				manualMappings: [
					{ westcoast: 'W1', psaId: '' },
					{ westcoast: 'Acme Typo', psaId: 1 },
					{ westcoast: 'acme', psaId: 1 },
				],
			},
		);
		expect(reviewed(plan, 'invalidManualMapping')).toEqual([
			expect.objectContaining({
				subject: 'manualMapping',
				source: { manualMapping: 0 },
				field: 'psaId',
			}),
		]);
		expect(reviewed(plan, 'manualMappingUnused')).toEqual([
			expect.objectContaining({
				subject: 'manualMapping',
				source: { manualMapping: 1 },
				psaId: '1',
			}),
		]);
		// A person counts the Manual Mappings list from 1, as the node's manualMappingRow does.
		expect(reviewed(plan, 'invalidManualMapping')[0].message).toMatch(/^Manual mapping row 1: /);
		expect(reviewed(plan, 'manualMappingUnused')[0].message).toMatch(/^Manual mapping row 2: /);
		expect(plan.mapped[0].matchedBy).toBe('manual');
	});

	it('westcoastCustomerDeleted: a PSA customer linked to a customer gone from the read goes to review and to Mapped, marked', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [
				haloClient(1, 'Acme', { external_links: [westcoastLink('W1')] }),
				haloClient(2, 'Gone Ltd', { external_links: [westcoastLink('W9')] }),
			],
		});
		const [entry] = reviewed(plan, 'westcoastCustomerDeleted');
		expect(entry).toEqual({
			subject: 'psaCustomer',
			reason: 'westcoastCustomerDeleted',
			message:
				'PSA customer "Gone Ltd" (2) is linked to Westcoast customer W9, which is no longer in the Westcoast read: ' +
				'Licence Sync handles its licences as deleted upstream. The PSA customer itself is left as it is; remove ' +
				'its link, or deactivate it, once you have checked.',
			source: { psa: 1 },
			psaId: 2,
			psaName: 'Gone Ltd',
			westcoastId: 'W9',
		});
		expect(plan.mapped.map((mapped) => mapped.westcoastId)).toEqual(['W1']);
		expect(plan.deletedUpstream).toEqual([
			{
				source: { psa: 1 },
				westcoastId: 'W9',
				westcoastName: null,
				psaId: 2,
				psaName: 'Gone Ltd',
				matchedBy: 'link',
				westcoastDeleted: true,
			},
		]);
		expect(plan.create).toEqual([]);
		expect(plan.invalidInput).toEqual([]);
	});

	it('decides no customer gone while a Westcoast item is unreadable (it may be that customer)', () => {
		const plan = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme'), { name: 'no id' }],
			psaCustomers: [haloClient(2, 'Gone Ltd', { external_links: [westcoastLink('W9')] })],
		});
		expect(plan.deletedUpstream).toEqual([]);
		expect(plan.review.map((entry) => entry.reason)).not.toContain('westcoastCustomerDeleted');
	});

	it('never throws on junk input', () => {
		const junk = [undefined, null, 0, 'x', [], {}, { westcoastId: {} }, { AccountId: [1] }];
		const plan = planCustomerMapping(
			{ westcoastCustomers: junk, psaCustomers: junk },
			{
				manualMappings: junk as never[],
				updateSiteAddress: true,
			},
		);
		expect(plan.table.every((row) => row.status === 'review')).toBe(true);
		expect(plan.invalidInput.length).toBeGreaterThanOrEqual(junk.length * 2);
	});

	afterAll(() => {
		// Every reason code is exercised above.
		expect([...seen].sort()).toEqual(Object.keys(REVIEW_REASONS).sort());
	});
});

describe('describeMappingPlan', () => {
	it('counts where the customers went, and by which rule', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [
					westcoastCustomer('W1', 'Acme Ltd'),
					westcoastCustomer('W2', 'Beta Ltd'),
					westcoastCustomer('W3', 'Gamma Ltd'),
					westcoastCustomer('W3', 'Gamma Ltd'),
				],
				psaCustomers: [haloClient(1, 'Acme Ltd')],
			},
			{},
		);
		expect(describeMappingPlan(plan)).toBe(
			'Mapping Resolver: 1 mapped (1 by exact name), 1 to create, 0 address change(s), 2 need review.',
		);
	});
});

describe('options', () => {
	const input = { westcoastCustomers: [westcoastCustomer('W1', 'Acme Ltd')], psaCustomers: [] };

	it.each([
		[{ maxCandidates: -1 }, 'maxCandidates'],
		[{ maxCandidates: 1.5 }, 'maxCandidates'],
		[{ createMissing: 'yes' }, 'createMissing'],
		[{ topLevelId: { id: 1 } }, 'topLevelId'],
		[{ manualMappings: 'W1=1' }, 'manualMappings'],
		[{ fields: { ...DEFAULT_MAPPING_OPTIONS.fields, name: ' ' } }, 'fields.name'],
		[
			{
				fields: {
					...DEFAULT_MAPPING_OPTIONS.fields,
					addressParts: { ...DEFAULT_MAPPING_OPTIONS.fields.addressParts, city: '' },
				},
			},
			'fields.addressParts.city',
		],
	])('refuses %j, naming the option', (options, option) => {
		let refusal: unknown;
		try {
			planCustomerMapping(input, options as never);
		} catch (error) {
			refusal = error;
		}
		expect(refusal).toBeInstanceOf(PlanRefusedError);
		expect(refusal).toMatchObject({ code: 'invalidOption', details: { option } });
	});

	it('takes an empty country field (no country written) and gives undefined options their defaults', () => {
		const plan = planCustomerMapping(input, {
			fields: { ...DEFAULT_MAPPING_OPTIONS.fields, newClientCountry: '' },
			createMissing: undefined,
		});
		expect(plan.create).toHaveLength(1);
	});
});
