import type { INodeProperties } from 'n8n-workflow';

import { HALO_PSA_PRESET, type PsaFieldNames } from '../../core/mapping';
import { batchSizeOption, optionsCollection, psaPresetProperty } from '../shared/descriptions';

type RenamableField = Exclude<keyof PsaFieldNames, 'addressParts' | 'addressLines'>;

/** What each PSA field is, for the Custom preset's field list (defaults are Halo's names). */
const FIELD_LABELS: Record<RenamableField, string> = {
	id: 'Customer ID Field',
	name: 'Customer Name Field',
	topLevelId: 'Top Level Field',
	mainSiteId: 'Main Site ID Field',
	mainAddress: 'Main Site Address Field',
	externalLinks: 'External Links Field',
	newExternalLink: 'New External Link Field',
	newClientAddress: 'New Customer Address Field',
	newClientCountry: 'New Customer Country Field',
	linkId: 'Link: Third-Party ID Field',
	linkDesc: 'Link: Description Field',
	linkType: 'Link: Type Field',
	westcoastLinkType: 'Link: Westcoast Type Value',
	siteId: 'Site ID Field',
	siteAddress: 'Site Address Field',
};

const ADDRESS_LABELS: Record<keyof PsaFieldNames['addressParts'], string> = {
	street: 'Address: Street Line',
	city: 'Address: City Line',
	postcode: 'Address: Postcode Field',
	country: 'Address: Country Line',
};

const fieldOptions: INodeProperties[] = [
	...Object.entries(FIELD_LABELS).map(([name, displayName]) => ({
		displayName,
		name,
		type: 'string' as const,
		default: HALO_PSA_PRESET[name as RenamableField],
	})),
	...Object.entries(ADDRESS_LABELS).map(([part, displayName]) => ({
		displayName,
		name: `address_${part}`,
		type: 'string' as const,
		default: HALO_PSA_PRESET.addressParts[part as keyof PsaFieldNames['addressParts']],
	})),
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const properties: INodeProperties[] = [
	{
		displayName:
			"Connect the Westcoast Cloud node (Customer > Get Many) to the first input and your PSA's customer list (Halo: GET /api/Client) to the second.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	psaPresetProperty,
	{
		displayName: 'PSA Field Names',
		name: 'psaFields',
		type: 'collection',
		placeholder: 'Rename a Field',
		default: {},
		displayOptions: { show: { psaPreset: ['custom'] } },
		options: fieldOptions,
	},
	{
		displayName: 'Manual Mappings',
		name: 'manualMappings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Mapping',
		default: {},
		description:
			'Customers whose names differ between Westcoast and the PSA. These win over every other rule.',
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Westcoast Customer ID or Name',
						name: 'westcoast',
						type: 'string',
						default: '',
					},
					{ displayName: 'PSA Customer ID', name: 'psaId', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Match Exact Names',
		name: 'matchExactName',
		type: 'boolean',
		default: true,
		description:
			'Whether to link customers whose names are identical (as Halo\'s "Generate mappings")',
	},
	{
		displayName: 'Match Normalized Names',
		name: 'matchNormalizedName',
		type: 'boolean',
		default: false,
		description:
			'Whether to link names that are equal once case, spacing, punctuation, accents, &/and and company suffixes (Ltd, Limited, GmbH, ...) are ignored',
	},
	{
		displayName: 'Create Missing Customers',
		name: 'createMissing',
		type: 'boolean',
		default: true,
		description:
			'Whether to plan PSA customers for Westcoast customers that match none (else they go to Needs Review with candidates)',
	},
	{
		displayName: 'Top Level for New Customers',
		name: 'topLevelId',
		type: 'string',
		default: '',
		description: 'ID of the top level new customers go under (Halo). Empty leaves it to the PSA.',
		displayOptions: { show: { createMissing: [true] } },
	},
	{
		displayName: 'Update Main Site Address',
		name: 'updateSiteAddress',
		type: 'boolean',
		default: false,
		description:
			"Whether to plan updates of a mapped customer's main site address when Westcoast's differs",
	},
	optionsCollection([
		batchSizeOption,
		{
			displayName: 'Create Inactive Customers',
			name: 'createInactive',
			type: 'boolean',
			default: false,
			description: 'Whether to create PSA customers for Westcoast customers that are not Active',
		},
		{
			displayName: 'Max Candidates',
			name: 'maxCandidates',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3,
			description: 'How many similar PSA customers to suggest for an unmatched one',
		},
	]),
];
