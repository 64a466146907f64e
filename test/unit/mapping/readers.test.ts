import { readWestcoastCustomer } from '../../../core/mapping';
import { readManualMappings } from '../../../core/mapping/manual';
import { readPsaCustomers } from '../../../core/mapping/psa-input';
import { HALO_PRESET } from '../../../core/psa/halo';
import { customFields } from '../psa/fixtures';
import { haloClient, westcoastCustomer, westcoastLink } from './fixtures';

describe('readWestcoastCustomer', () => {
	it('reads a SimpleCustomer', () => {
		const address = { street: ' 1 High St ', city: 'Leeds', postcode: null, country: 'GB' };
		expect(
			readWestcoastCustomer(westcoastCustomer('W1', ' Acme Ltd ', { address, state: 'Suspended' })),
		).toEqual({
			invalid: null,
			record: {
				westcoastId: 'W1',
				name: 'Acme Ltd',
				state: 'Suspended',
				address: { street: '1 High St', city: 'Leeds', postcode: null, country: 'GB' },
			},
		});
	});

	it('reads a raw Company (Simplify off), numeric AccountId as text', () => {
		const company = {
			AccountId: 4711,
			CompanyName: 'Acme',
			AccountState: 'Active',
			Address: '1 High St',
			City: 'Leeds',
			Zip: 'LS1 1AA',
			Country: 'GB',
		};
		expect(readWestcoastCustomer(company)).toEqual({
			invalid: null,
			record: {
				westcoastId: '4711',
				name: 'Acme',
				state: 'Active',
				address: { street: '1 High St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
			},
		});
	});

	it('reads a missing address and state as null', () => {
		expect(readWestcoastCustomer({ westcoastId: 'W1', name: 'Acme' })).toEqual({
			invalid: null,
			record: {
				westcoastId: 'W1',
				name: 'Acme',
				state: null,
				address: { street: null, city: null, postcode: null, country: null },
			},
		});
	});

	it.each([
		[null, '(item)', 'is not an object'],
		[['W1'], '(item)', 'is not an object'],
		[{ name: 'Acme' }, 'westcoastId', 'is missing'],
		[{ westcoastId: '  ', name: 'Acme' }, 'westcoastId', 'is missing'],
		[{ westcoastId: 'W1', name: '' }, 'name', 'is missing'],
		[{ westcoastId: 'W1', name: { text: 'Acme' } }, 'name', 'is not text or a number'],
		[{ westcoastId: 'W1', name: 'Acme', address: 'High St' }, 'address', 'is not an object'],
		[
			{ westcoastId: 'W1', name: 'Acme', address: { city: ['Leeds'] } },
			'address.city',
			'is not text or a number',
		],
		[{ AccountId: 1 }, 'CompanyName', 'is missing'],
		[{ CompanyName: 'Acme' }, 'AccountId', 'is missing'],
		[{ AccountId: 1, CompanyName: 'Acme', Zip: true }, 'Zip', 'is not text or a number'],
	])('names the field of a bad item %j', (item, field, problem) => {
		expect(readWestcoastCustomer(item)).toEqual({ record: null, invalid: { field, problem } });
	});
});

describe('readPsaCustomers', () => {
	it('reads id as text, keeps the id value, and only Westcoast or untyped links', () => {
		const client = haloClient(12, 'Acme', {
			external_links: [
				westcoastLink('W1'),
				{ third_party_id: 'W2' },
				{ third_party_id: 'W3', third_party_type: null },
				{ third_party_id: 'X9', third_party_type: 'Pax8' },
				{ third_party_id: 77, third_party_type: 'Westcoast Cloud' },
				westcoastLink('W1'),
			],
			main_delivery_address: { line1: 'a' },
		});
		const { customers, review, incomplete } = readPsaCustomers(
			[client],
			HALO_PRESET.customerFields,
		);
		expect(review).toEqual([]);
		expect(incomplete).toBe(false);
		expect(customers).toEqual([
			{
				index: 0,
				id: '12',
				idValue: 12,
				name: 'Acme',
				mainSiteId: 120,
				mainAddress: { line1: 'a' },
				westcoastLinks: ['W1', 'W2', 'W3', '77'],
			},
		]);
	});

	it('drops items without id or name and says the input is incomplete', () => {
		const { customers, review, incomplete } = readPsaCustomers(
			[{ name: 'No id' }, 'text', haloClient(1, 'Ok')],
			HALO_PRESET.customerFields,
		);
		expect(customers.map((customer) => customer.id)).toEqual(['1']);
		expect(incomplete).toBe(true);
		expect(review.map(({ reason, source, field }) => ({ reason, source, field }))).toEqual([
			{ reason: 'invalidPsaItem', source: { psa: 0 }, field: 'id' },
			{ reason: 'invalidPsaItem', source: { psa: 1 }, field: '(item)' },
		]);
	});

	it('keeps a customer whose optional fields are malformed, and reports each', () => {
		const client = haloClient(5, 'Acme', {
			main_site_id: { id: 1 },
			main_delivery_address: 'High St',
			external_links: [westcoastLink('W1'), 'W2', { third_party_id: ['W3'] }],
		});
		const { customers, review, incomplete } = readPsaCustomers(
			[client],
			HALO_PRESET.customerFields,
		);
		expect(incomplete).toBe(false);
		expect(customers[0]).toMatchObject({
			id: '5',
			mainSiteId: null,
			mainAddress: null,
			westcoastLinks: ['W1'],
		});
		expect(review.map((entry) => entry.field)).toEqual([
			'main_site_id',
			'main_delivery_address',
			'external_links[1]',
			'external_links[2].third_party_id',
		]);
	});

	it('reports a links field that is not a list', () => {
		const { customers, review } = readPsaCustomers(
			[haloClient(5, 'Acme', { external_links: 'W1' })],
			HALO_PRESET.customerFields,
		);
		expect(customers[0].westcoastLinks).toEqual([]);
		expect(review[0]).toMatchObject({
			reason: 'invalidPsaItem',
			field: 'external_links',
			source: { psa: 0 },
		});
	});

	it('keeps the first of a repeated id and reports the rest', () => {
		const { customers, review, incomplete } = readPsaCustomers(
			[haloClient(1, 'A'), haloClient(1, 'B')],
			HALO_PRESET.customerFields,
		);
		expect(customers.map((customer) => customer.name)).toEqual(['A']);
		expect(incomplete).toBe(false);
		expect(review).toEqual([
			expect.objectContaining({
				subject: 'psaCustomer',
				reason: 'duplicatePsaId',
				source: { psa: 1 },
				psaId: 1,
				psaName: 'B',
			}),
		]);
	});

	it('reads custom field names', () => {
		const fields = customFields({
			id: 'CustomerID',
			name: 'Title',
			externalLinks: 'refs',
			linkId: 'ref',
			linkType: 'kind',
		});
		const { customers } = readPsaCustomers(
			[
				{
					CustomerID: 'C-1',
					Title: 'Acme',
					refs: [
						{ ref: 'W1', kind: 'Westcoast Cloud' },
						{ ref: 'W2', kind: 'Other' },
					],
				},
			],
			fields,
		);
		expect(customers[0]).toMatchObject({ id: 'C-1', name: 'Acme', westcoastLinks: ['W1'] });
	});
});

describe('readManualMappings', () => {
	it('reads rows with text or number IDs and reports incomplete ones', () => {
		const { index, review } = readManualMappings([
			{ westcoast: 'W1', psaId: 12 },
			{ westcoast: '', psaId: 3 },
			{ westcoast: 'Acme', psaId: ' ' },
			'row',
		]);
		expect(index.rows).toEqual([{ index: 0, westcoast: 'W1', psaId: '12' }]);
		expect(
			review.map(({ reason, source, field }) => ({
				reason,
				source,
				field,
			})),
		).toEqual([
			{ reason: 'invalidManualMapping', source: { manualMapping: 1 }, field: 'westcoast' },
			{ reason: 'invalidManualMapping', source: { manualMapping: 2 }, field: 'psaId' },
			{ reason: 'invalidManualMapping', source: { manualMapping: 3 }, field: 'westcoast' },
		]);
	});
});
