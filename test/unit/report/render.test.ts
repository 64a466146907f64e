import { renderSyncReport, type SyncReportInput } from '../../../core/report';
import type { LicencePlanEntry } from '../../../core/licences/types';

const HOSTILE = '<script>alert("x")</script> & Sons';

function input(overrides: Partial<SyncReportInput> = {}): SyncReportInput {
	const create = {
		action: 'create',
		westcoastSubscriptionId: '901',
		westcoastCustomerId: 'C1',
		psaLicenceId: null,
		psaCustomerId: 11,
		unresolvedParentSubscriptionId: null,
		changes: [],
		reason: null,
		payload: { name: 'Microsoft 365 <b>Basic</b>', count: 7, end_date: '2027-01-31T00:00:00' },
	} as unknown as LicencePlanEntry;
	const update = {
		action: 'update',
		westcoastSubscriptionId: '902',
		westcoastCustomerId: 'C2',
		psaLicenceId: 55,
		psaCustomerId: 12,
		unresolvedParentSubscriptionId: null,
		changes: [{ field: 'count', from: 3, to: 4 }],
		reason: null,
		payload: { id: 55, count: 4 },
	} as unknown as LicencePlanEntry;
	return {
		workflowName: 'Westcoast to HaloPSA: daily sync',
		generatedAt: '2026-12-01T06:00:00.000Z',
		customers: {
			mapped: [
				{
					source: { westcoast: 1, psa: 0 },
					westcoastId: 'C2',
					westcoastName: 'Beta Ltd',
					psaId: 12,
					psaName: 'Beta Limited',
					matchedBy: 'normalizedName',
					link: { id: 12 },
				},
			],
			create: [
				{
					source: { westcoast: 0 },
					westcoastId: 'C1',
					westcoastName: HOSTILE,
					payload: { name: HOSTILE },
					westcoast: {
						westcoastId: 'C1',
						name: HOSTILE,
						state: 'Active',
						address: {} as never,
						// What an upstream might carry: the report copies named fields only.
						password: 'hunter2-secret',
					} as never,
				},
			],
			addressChanges: [],
			review: [
				{
					subject: 'westcoastCustomer',
					reason: 'nameAmbiguous',
					message: 'Two Halo clients are named "Gamma".',
					westcoastId: 'C3',
					westcoastName: 'Gamma',
					candidates: [
						{ source: { psa: 2 }, psaId: 21, psaName: 'Gamma', score: 1 },
						{ source: { psa: 3 }, psaId: 22, psaName: 'Gamma <i>', score: 1 },
					],
				},
			] as never,
			table: [
				{
					source: { westcoast: 0 },
					westcoastId: 'C1',
					westcoastName: HOSTILE,
					status: 'create',
					psaId: null,
					psaName: null,
					matchedBy: null,
					reason: null,
				},
				{
					source: { westcoast: 1 },
					westcoastId: 'C2',
					westcoastName: 'Beta Ltd',
					status: 'mapped',
					psaId: 12,
					psaName: 'Beta Limited',
					matchedBy: 'normalizedName',
					reason: null,
				},
				{
					source: { westcoast: 2 },
					westcoastId: 'C3',
					westcoastName: 'Gamma',
					status: 'review',
					psaId: null,
					psaName: null,
					matchedBy: null,
					reason: 'nameAmbiguous' as never,
				},
			],
		},
		licences: {
			create: [create],
			update: [update],
			deactivate: [],
			skipped: [],
			summary: {
				refused: false,
				byAction: { create: 1, update: 1, deactivate: 0, unchanged: 5, skipped: 2 },
				addOnsAwaitingParent: [],
				byReason: { customerNotMapped: 2 },
				byCustomer: [],
				invalidInput: 0,
				subscriptionsByState: {},
				unknownStates: {},
				subscriptionsByQuantitySource: {},
			},
		},
		...overrides,
	};
}

/** The text a reader sees: tags dropped, entities decoded. */
const visible = (html: string) =>
	html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

describe('renderSyncReport', () => {
	test('escapes every upstream value: a name holding HTML shows as text, never as markup', () => {
		const html = renderSyncReport(input());
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<b>Basic');
		expect(html).not.toContain('Gamma <i>');
		expect(visible(html)).toContain(HOSTILE);
		expect(visible(html)).toContain(
			'Microsoft 365 <b>Basic</b> (901): licence created, 7 seats, ends 2027-01-31',
		);
	});

	test('shows changes per customer by Westcoast name, totals, and review items with their candidates', () => {
		const text = visible(renderSyncReport(input()));
		expect(text).toContain(`${HOSTILE} created in Halo, with its Westcoast link`);
		expect(text).toContain('Beta Ltd linked to Halo client 12 "Beta Limited" (normalizedName)');
		expect(text).toContain('subscription 902: licence 55 count 3 -> 4');
		expect(text).toContain('Changes per customer (2)');
		expect(text).toMatch(
			/created 1 updated 1 deactivated 0 zeroed \(deleted in Westcoast\) 0 unchanged 5 skipped 2/,
		);
		expect(text).toMatch(
			/mapped by normalized name 1 created 1 links stored 1 main sites updated 0 needing review 1/,
		);
		expect(text).toContain(
			'Gamma nameAmbiguous Two Halo clients are named "Gamma". Gamma (21), Gamma <i> (22)',
		);
		expect(text).toContain('customerNotMapped 2 The Westcoast customer has no customer mapping.');
	});

	test('never carries a field the report does not name (an upstream secret)', () => {
		expect(renderSyncReport(input())).not.toContain('hunter2');
	});

	test('a refused plan is said at the top, with the refusal in the words Licence Sync gave', () => {
		const base = input();
		const text = visible(
			renderSyncReport({
				...base,
				licences: {
					...base.licences!,
					create: [],
					update: [],
					summary: {
						refused: true,
						code: 'deactivationLimitExceeded',
						error: 'The plan would deactivate <all>.',
					},
				},
			}),
		);
		expect(text).toContain(
			'Licence Sync refused the plan The plan would deactivate <all>. No licence was written.',
		);
	});

	test('a customers-only run says that licences were not synced', () => {
		expect(visible(renderSyncReport(input({ licences: null })))).toContain(
			'Licences were not synced in this run.',
		);
	});
});
