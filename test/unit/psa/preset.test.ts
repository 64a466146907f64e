import { planLicences } from '../../../core/licences';
import { planCustomerMapping } from '../../../core/mapping';
import { HALO_PRESET } from '../../../core/psa/halo';
import { fieldsFor, type PsaPreset } from '../../../core/psa/preset';
import { PSA_PRESETS, presetNamed } from '../../../core/psa/presets';
import { psaPresetProperty } from '../../../nodes/shared/descriptions';
import { mapping, subscription } from '../licences/fixtures';
import { westcoastCustomer } from '../mapping/fixtures';

describe('fieldsFor', () => {
	it('HaloPSA ignores renames but the licence link field', () => {
		const fields = fieldsFor(HALO_PRESET, {
			customer: { id: 'x', addressParts: { city: 'town' } },
			licence: { count: 'seats', westcoastLink: 'wc_id' },
		});
		expect(fields.customer).toEqual(HALO_PRESET.customerFields);
		expect(fields.licence).toEqual({ ...HALO_PRESET.licenceFields, westcoastLink: 'wc_id' });
	});

	it('Custom keeps the preset name for blank renames, in both planners alike', () => {
		const fields = fieldsFor(PSA_PRESETS.custom, {
			customer: {
				id: '',
				name: 'title',
				mainSiteId: '  ',
				addressParts: { city: 'town', street: '' },
				addressLines: [],
			},
			licence: { count: '', name: ' ', clientId: 'customer_id', westcoastLink: '' },
		});
		expect(fields.customer.id).toBe('id');
		expect(fields.customer.mainSiteId).toBe('main_site_id');
		expect(fields.customer.name).toBe('title');
		expect(fields.customer.addressParts).toEqual({
			street: 'line1',
			city: 'town',
			postcode: 'postcode',
			country: '',
		});
		expect(fields.customer.newClientCountry).toBe('');
		expect(fields.customer.addressLines).toEqual(['line1', 'line2', 'line3', 'line4', 'postcode']);
		expect(fields.licence).toEqual({ ...HALO_PRESET.licenceFields, clientId: 'customer_id' });
	});

	it('HaloPSA preset uses the names from core/psa/halo.ts', () => {
		expect(HALO_PRESET.customerFields).toMatchObject({
			id: 'id',
			name: 'name',
			topLevelId: 'toplevel_id',
			mainSiteId: 'main_site_id',
			mainAddress: 'main_delivery_address',
			externalLinks: 'external_links',
			newExternalLink: 'new_external_link',
			newClientAddress: 'newclient_delivery_address',
			linkId: 'third_party_id',
			linkDesc: 'third_party_desc',
			linkType: 'third_party_type',
			westcoastLinkType: 'Westcoast Cloud',
			siteId: 'id',
			siteAddress: 'delivery_address',
		});
		expect(HALO_PRESET.licenceFields.westcoastLink).toBe('third_party_product');
	});
});

describe('Top Level ID rule', () => {
	it('HaloPSA takes a top level number only', () => {
		expect(HALO_PRESET.readTopLevelId(' 12 ')).toEqual({ value: 12 });
		expect(HALO_PRESET.readTopLevelId('')).toEqual({ value: null });
		expect(HALO_PRESET.readTopLevelId('Main')).toEqual({
			problem: 'Top Level ID must be the number of a Halo top level, e.g. 12 (got "Main")',
		});
	});

	it('Custom writes any text, digits as a number', () => {
		expect(PSA_PRESETS.custom.readTopLevelId('Main')).toEqual({ value: 'Main' });
		expect(PSA_PRESETS.custom.readTopLevelId('7')).toEqual({ value: 7 });
	});
});

describe('preset registry', () => {
	it('offers in the nodes exactly the registered presets', () => {
		const offered = (psaPresetProperty.options ?? []).map((option) =>
			'value' in option ? option.value : undefined,
		);
		expect(offered).toEqual(Object.keys(PSA_PRESETS));
		expect(psaPresetProperty.default).toBe(HALO_PRESET.key);
	});

	it('names an unknown preset', () => {
		expect(() => presetNamed('autotask')).toThrow('Unknown PSA preset "autotask"');
	});
});

/**
 * A second PSA needs only a preset module like this one (and its line in
 * PSA_PRESETS): both planners then read and write its names, none of Halo's.
 */
const SECOND_PSA_PRESET: PsaPreset = {
	key: 'secondPsa',
	label: 'Second PSA',
	customerFields: {
		id: 'companyId',
		name: 'companyName',
		topLevelId: 'parentCompanyId',
		mainSiteId: 'primaryLocationId',
		mainAddress: 'primaryLocation',
		externalLinks: 'references',
		newExternalLink: 'addReference',
		newClientAddress: 'location',
		newClientCountry: 'countryCode',
		linkId: 'refId',
		linkDesc: 'refName',
		linkType: 'refSource',
		westcoastLinkType: 'Westcoast',
		siteId: 'locationId',
		siteAddress: 'address',
		addressParts: { street: 'address1', city: 'city', postcode: 'zip', country: '' },
		addressLines: ['address1', 'address2', 'city', 'zip'],
	},
	licenceFields: {
		id: 'contractServiceId',
		clientId: 'companyId',
		name: 'serviceName',
		count: 'units',
		endDate: 'endsOn',
		isActive: 'active',
		distributor: 'supplier',
		productSku: 'sku',
		parentId: 'parentServiceId',
		westcoastLink: 'supplierReference',
		price: 'unitPrice',
		purchasePrice: 'unitCost',
		billingCycle: 'period',
		termDuration: 'term',
		autoRenew: 'renews',
		startDate: 'startsOn',
	},
	entities: {
		customer: 'Companies',
		site: 'Locations',
		licence: 'ContractServices',
		externalLink: 'References',
		topLevel: 'Companies',
	},
	readTopLevelId: (text) => ({ value: text.trim() === '' ? null : `company-${text.trim()}` }),
};

const HALO_NAMES = new Set([
	...Object.values(HALO_PRESET.licenceFields),
	...Object.values(HALO_PRESET.customerFields).filter((name) => typeof name === 'string'),
]);

/** Every key of a payload, nested objects included. */
function keysOf(value: unknown): string[] {
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

describe('a second PSA preset', () => {
	const fields = fieldsFor(SECOND_PSA_PRESET, {});
	const topLevel = SECOND_PSA_PRESET.readTopLevelId('7');

	it('plans customer mapping with its names', () => {
		const plan = planCustomerMapping(
			{
				westcoastCustomers: [
					westcoastCustomer('W1', 'Acme Ltd', {
						address: { street: '1 High St', city: 'Leeds', postcode: 'LS1', country: 'GB' },
					}),
					westcoastCustomer('W2', 'Beta Ltd'),
				],
				psaCustomers: [{ companyId: 90, companyName: 'Acme Ltd', references: [] }],
			},
			{ fields: fields.customer, topLevelId: 'value' in topLevel ? topLevel.value : null },
		);
		expect(plan.mapped).toEqual([
			expect.objectContaining({
				westcoastId: 'W1',
				psaId: 90,
				matchedBy: 'exactName',
				link: {
					companyId: 90,
					addReference: { refId: 'W1', refName: 'Acme Ltd', refSource: 'Westcoast' },
				},
			}),
		]);
		expect(plan.create.map((entry) => entry.payload)).toEqual([
			{
				companyName: 'Beta Ltd',
				parentCompanyId: 'company-7',
				addReference: { refId: 'W2', refName: 'Beta Ltd', refSource: 'Westcoast' },
			},
		]);
	});

	it('plans licences with its names', () => {
		const plan = planLicences(
			{
				subscriptions: [subscription({ westcoastId: 'S1' }), subscription({ westcoastId: 'S2' })],
				licences: [
					{
						contractServiceId: 501,
						companyId: 90,
						serviceName: 'Microsoft 365 Business Basic',
						units: 3,
						endsOn: '2027-03-31',
						active: true,
						supplier: 'Westcoast Cloud',
						supplierReference: 'S1',
					},
				],
				mappings: [mapping('C1', 90)],
			},
			{ fields: fields.licence },
		);
		expect(plan.update).toEqual([
			expect.objectContaining({
				psaLicenceId: 501,
				payload: expect.objectContaining({ contractServiceId: 501, units: 5 }),
			}),
		]);
		expect(plan.create).toEqual([
			expect.objectContaining({
				westcoastSubscriptionId: 'S2',
				payload: expect.objectContaining({ companyId: 90, units: 5, supplierReference: 'S2' }),
			}),
		]);
		const written = [...plan.create, ...plan.update].flatMap((entry) => keysOf(entry.payload));
		expect(written.filter((key) => HALO_NAMES.has(key))).toEqual([]);
	});
});
