import { planCustomerMapping } from '../../../core/mapping';
import { customFields } from '../psa/fixtures';
import type { SimpleAddress } from '../../../core/westcoast/simple';
import { NO_ADDRESS, haloClient, westcoastCustomer } from './fixtures';

const ADDRESS = {
	street: '1 High St',
	city: 'Leeds',
	postcode: 'LS1 1AA',
	country: 'United Kingdom',
};

describe('create payload (Halo Client element)', () => {
	it('has name, top level, the Westcoast link and the address', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme Ltd', { address: ADDRESS })],
				psaCustomers: [],
			},
			{ topLevelId: 3 },
		);
		expect(plan.create).toEqual([
			{
				source: { westcoast: 0 },
				westcoastId: 'W1',
				westcoastName: 'Acme Ltd',
				payload: {
					name: 'Acme Ltd',
					toplevel_id: 3,
					new_external_link: {
						third_party_id: 'W1',
						third_party_desc: 'Acme Ltd',
						third_party_type: 'Westcoast Cloud',
					},
					newclient_delivery_address: {
						line1: '1 High St',
						line3: 'Leeds',
						postcode: 'LS1 1AA',
					},
					// Halo keeps the country on the site, not on an address line.
					newclient_countrycode: 'United Kingdom',
				},
				westcoast: { westcoastId: 'W1', name: 'Acme Ltd', state: 'Active', address: ADDRESS },
			},
		]);
	});

	it('omits the top level when not set, and an address Westcoast does not have', () => {
		const [entry] = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [],
		}).create;
		expect(entry.payload).toEqual({
			name: 'Acme',
			new_external_link: {
				third_party_id: 'W1',
				third_party_desc: 'Acme',
				third_party_type: 'Westcoast Cloud',
			},
		});
	});

	it('uses custom field names', () => {
		const fields = customFields({
			name: 'title',
			topLevelId: 'group',
			newExternalLink: 'add_ref',
			linkId: 'ref',
			linkDesc: 'label',
			linkType: 'source',
			westcoastLinkType: 'WCC',
			newClientAddress: 'address',
			addressParts: { street: 'street1', city: 'town', postcode: 'zip', country: 'country' },
		});
		const [entry] = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme', { address: ADDRESS })],
				psaCustomers: [],
			},
			{ fields, topLevelId: 'G1' },
		).create;
		expect(entry.payload).toEqual({
			title: 'Acme',
			group: 'G1',
			add_ref: { ref: 'W1', label: 'Acme', source: 'WCC' },
			address: { street1: '1 High St', town: 'Leeds', zip: 'LS1 1AA', country: 'United Kingdom' },
		});
	});
});

describe('link payload (Halo Client update)', () => {
	it('keeps the PSA id value as the PSA gave it', () => {
		const [numeric] = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [haloClient(42, 'Acme')],
		}).mapped;
		expect(numeric.link).toEqual({
			id: 42,
			new_external_link: {
				third_party_id: 'W1',
				third_party_desc: 'Acme',
				third_party_type: 'Westcoast Cloud',
			},
		});
		const [text] = planCustomerMapping({
			westcoastCustomers: [westcoastCustomer('W1', 'Acme')],
			psaCustomers: [{ id: 'C-7', name: 'Acme' }],
		}).mapped;
		expect(text.link?.id).toBe('C-7');
	});

	it('is set for normalized matches too', () => {
		const [entry] = planCustomerMapping(
			{
				westcoastCustomers: [westcoastCustomer('W1', 'Acme Ltd')],
				psaCustomers: [haloClient(1, 'ACME Limited')],
			},
			{ matchNormalizedName: true },
		).mapped;
		expect(entry.link).toEqual({
			id: 1,
			new_external_link: {
				third_party_id: 'W1',
				third_party_desc: 'Acme Ltd',
				third_party_type: 'Westcoast Cloud',
			},
		});
	});
});

describe('address changes', () => {
	const plan = (
		westcoastAddress: Partial<SimpleAddress>,
		psaAddress: unknown,
		updateSiteAddress = true,
	) =>
		planCustomerMapping(
			{
				westcoastCustomers: [
					westcoastCustomer('W1', 'Acme', { address: { ...NO_ADDRESS, ...westcoastAddress } }),
				],
				psaCustomers: [
					haloClient(1, 'Acme', { main_site_id: 77, main_delivery_address: psaAddress }),
				],
			},
			{ updateSiteAddress },
		);

	it('diffs field by field and builds the Halo Site update', () => {
		const result = plan(ADDRESS, {
			id: 5,
			line1: '1 High St ',
			line2: 'Unit 4',
			line3: 'York',
			line4: '',
			postcode: 'LS1 1AA',
		});
		expect(result.addressChanges).toEqual([
			{
				source: { westcoast: 0, psa: 0 },
				westcoastId: 'W1',
				westcoastName: 'Acme',
				psaId: 1,
				psaName: 'Acme',
				siteId: '77',
				payload: {
					id: 77,
					delivery_address: {
						line1: '1 High St',
						line2: 'Unit 4',
						line3: 'Leeds',
						postcode: 'LS1 1AA',
					},
				},
				changes: [{ field: 'line3', from: 'York', to: 'Leeds' }],
			},
		]);
	});

	it('keeps line 4 (a county) and every line Westcoast has no value for; the country never lands on a line', () => {
		const result = plan(
			{ street: '9 New Road', city: null, postcode: 'RG1 1AA', country: 'GB' },
			{
				line1: '1 Old Road',
				line2: 'Unit 4',
				line3: 'Reading',
				line4: 'Berkshire',
				postcode: 'RG1 9ZZ',
			},
		);
		expect(result.addressChanges).toHaveLength(1);
		const [update] = result.addressChanges;
		expect(update.payload.delivery_address).toEqual({
			line1: '9 New Road',
			line2: 'Unit 4',
			line3: 'Reading',
			line4: 'Berkshire',
			postcode: 'RG1 1AA',
		});
		expect(update.changes).toEqual([
			{ field: 'line1', from: '1 Old Road', to: '9 New Road' },
			{ field: 'postcode', from: 'RG1 9ZZ', to: 'RG1 1AA' },
		]);
		expect(JSON.stringify(update)).not.toContain('GB');
	});

	it('a country alone is no address change', () => {
		const result = plan(
			{ ...ADDRESS, country: 'GB' },
			{ line1: '1 High St', line3: 'Leeds', line4: 'Berkshire', postcode: 'LS1 1AA' },
		);
		expect(result.addressChanges).toEqual([]);
	});

	it('none when equal after trimming', () => {
		const result = plan(
			{ ...ADDRESS, city: ' Leeds ' },
			{ line1: ' 1 High St', line3: 'Leeds', line4: 'United Kingdom', postcode: 'LS1 1AA' },
		);
		expect(result.addressChanges).toEqual([]);
	});

	it('an empty Westcoast part never clears the PSA value (null and empty are equal)', () => {
		const result = plan({ street: '', city: null }, { line1: '1 High St', line3: 'Leeds' });
		expect(result.addressChanges).toEqual([]);
	});

	it('fills a PSA customer that has no address yet', () => {
		const [entry] = plan({ street: '1 High St' }, null).addressChanges;
		expect(entry.changes).toEqual([{ field: 'line1', from: null, to: '1 High St' }]);
		expect(entry.payload).toEqual({ id: 77, delivery_address: { line1: '1 High St' } });
	});

	it('only when updateSiteAddress is on', () => {
		expect(plan(ADDRESS, null, false).addressChanges).toEqual([]);
	});

	it('with custom site field names', () => {
		const fields = customFields({
			mainSiteId: 'site',
			mainAddress: 'addr',
			siteId: 'siteRef',
			siteAddress: 'postal',
			addressLines: ['street', 'city'],
			addressParts: { street: 'street', city: 'city', postcode: 'zip', country: 'nation' },
		});
		const [entry] = planCustomerMapping(
			{
				westcoastCustomers: [
					westcoastCustomer('W1', 'Acme', {
						address: { street: 'New St', city: 'Leeds', postcode: null, country: null },
					}),
				],
				psaCustomers: [
					{
						id: 1,
						name: 'Acme',
						site: 'S-1',
						addr: { street: 'Old St', city: 'Leeds', other: 'kept out' },
					},
				],
			},
			{ fields, updateSiteAddress: true },
		).addressChanges;
		expect(entry).toMatchObject({
			siteId: 'S-1',
			payload: { siteRef: 'S-1', postal: { street: 'New St', city: 'Leeds' } },
			changes: [{ field: 'street', from: 'Old St', to: 'New St' }],
		});
	});
});
