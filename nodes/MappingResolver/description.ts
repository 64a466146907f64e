import type { INodeProperties } from 'n8n-workflow';

import { MAPPING_RESOLVER_IO } from '../../core/node-io';
import { HALO_PRESET } from '../../core/psa/halo';
import type { PsaFieldNames } from '../../core/psa/preset';
import {
	batchSizeOption,
	mainInputs,
	mainOutputs,
	nodeDescription,
	optionsCollection,
	psaPresetProperty,
} from '../shared/descriptions';

type RenamableField = Exclude<keyof PsaFieldNames, 'addressParts' | 'addressLines'>;

/** What each PSA field is, for the Custom preset's field list (defaults are Halo's names). */
const FIELD_LABELS: Record<RenamableField, { displayName: string; description: string }> = {
	id: { displayName: 'Customer ID Field', description: "The PSA customer's ID on a customer item" },
	name: {
		displayName: 'Customer Name Field',
		description: "The customer's name on a customer item",
	},
	topLevelId: {
		displayName: 'Top Level Field',
		description: 'Where a new customer gets the Top Level for New Customers',
	},
	mainSiteId: {
		displayName: 'Main Site ID Field',
		description: "The ID of the customer's main site on a customer item",
	},
	mainAddress: {
		displayName: 'Main Site Address Field',
		description: "The main site's address object on a customer item",
	},
	externalLinks: {
		displayName: 'External Links Field',
		description: 'The list of links on a customer item where the Westcoast ID is stored',
	},
	newExternalLink: {
		displayName: 'New Link Field',
		description: 'Where a customer create or update adds one new link object',
	},
	newClientAddress: {
		displayName: 'Create: Address Field',
		description: "Where a customer create puts the main site's address object",
	},
	newClientCountry: {
		displayName: 'Create: Country Field',
		description: 'Where a customer create puts the country code. Empty writes no country.',
	},
	linkId: {
		displayName: 'Link: ID Field',
		description: 'The field of a link object that holds the Westcoast customer ID',
	},
	linkDesc: {
		displayName: 'Link: Description Field',
		description: "The field of a link object that holds the Westcoast customer's name",
	},
	linkType: {
		displayName: 'Link: Type Field',
		description: 'The field of a link object that holds its type',
	},
	westcoastLinkType: {
		displayName: 'Link: Type Value',
		description: 'A value, not a field name: the link type that marks a Westcoast link',
	},
	siteId: {
		displayName: 'Site: ID Field',
		description: 'The site ID of a main site address update',
	},
	siteAddress: {
		displayName: 'Site: Address Field',
		description: 'The address object of a main site address update',
	},
};

const ADDRESS_LABELS: Record<
	keyof PsaFieldNames['addressParts'],
	{ displayName: string; description: string }
> = {
	street: {
		displayName: 'Address: Street Field',
		description: 'The field of an address object that holds the street',
	},
	city: {
		displayName: 'Address: City Field',
		description: 'The field of an address object that holds the city',
	},
	postcode: {
		displayName: 'Address: Postcode Field',
		description: 'The field of an address object that holds the postcode',
	},
	country: {
		displayName: 'Address: Country Field',
		description:
			'The field of an address object that holds the country. Empty puts the country on no line.',
	},
};

const fieldOptions: INodeProperties[] = [
	...Object.entries(FIELD_LABELS).map(([name, label]) => ({
		...label,
		name,
		type: 'string' as const,
		default: HALO_PRESET.customerFields[name as RenamableField],
	})),
	...Object.entries(ADDRESS_LABELS).map(([part, label]) => ({
		...label,
		name: `address_${part}`,
		type: 'string' as const,
		default: HALO_PRESET.customerFields.addressParts[part as keyof PsaFieldNames['addressParts']],
	})),
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const properties: INodeProperties[] = [
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
		description:
			"A field left out or left empty keeps HaloPSA's name (the country fields: no country written)",
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
						displayName: 'Westcoast Customer',
						name: 'westcoast',
						type: 'string',
						default: '',
						placeholder: 'e.g. 200100 or Acme Ltd',
						description: 'The Westcoast customer ID, or its name (case and spacing do not count)',
					},
					{
						displayName: 'PSA Customer ID',
						name: 'psaId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 42',
						description: 'The ID of the PSA customer it maps to',
					},
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
			'Whether to plan PSA customers for Westcoast customers that match none (else they go to Review with candidates)',
	},
	{
		displayName: 'Top Level for New Customers',
		name: 'topLevelId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12',
		description:
			'The ID (a number in Halo) of the top level new customers go under. Empty leaves it to the PSA.',
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

export const description = nodeDescription({
	displayName: 'Mapping Resolver',
	name: 'mappingResolver',
	description: 'Link every Westcoast Cloud customer to exactly one PSA customer, or say why not',
	inputs: mainInputs(MAPPING_RESOLVER_IO.inputList),
	outputs: mainOutputs(MAPPING_RESOLVER_IO.outputList),
	properties,
});
