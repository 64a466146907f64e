import type { INodeProperties } from 'n8n-workflow';

import { LICENCE_SYNC_IO } from '../../core/node-io';
import { HALO_PRESET } from '../../core/psa/halo';
import type { LicenceFieldNames } from '../../core/psa/preset';
import {
	batchSizeOption,
	mainInputs,
	mainOutputs,
	nodeDescription,
	optionsCollection,
	psaPresetProperty,
} from '../shared/descriptions';

/** What each PSA licence field is, for the Custom preset (defaults are Halo's names). */
const FIELD_LABELS: Record<
	Exclude<keyof LicenceFieldNames, 'westcoastLink'>,
	{ displayName: string; description: string }
> = {
	id: { displayName: 'Licence ID Field', description: "The PSA licence's ID" },
	clientId: {
		displayName: 'Customer ID Field',
		description: 'The ID of the PSA customer the licence belongs to',
	},
	name: { displayName: 'Name Field', description: "The licence's name" },
	count: { displayName: 'Count Field', description: 'The number of seats' },
	endDate: { displayName: 'End Date Field', description: 'When the licence ends' },
	isActive: {
		displayName: 'Active Field',
		description: 'Whether the licence is active (true or false)',
	},
	distributor: {
		displayName: 'Distributor Field',
		description: 'The distributor the licence comes from (Westcoast)',
	},
	productSku: { displayName: 'SKU Field', description: "The product's SKU" },
	parentId: {
		displayName: 'Parent Licence Field',
		description: "An add-on's parent licence ID",
	},
	price: { displayName: 'Price Field', description: 'The sales price (with Sync Prices on)' },
	purchasePrice: {
		displayName: 'Purchase Price Field',
		description: 'The purchase price (with Sync Prices on)',
	},
	billingCycle: {
		displayName: 'Billing Cycle Field',
		description: 'The billing cycle as text, e.g. Monthly',
	},
	termDuration: {
		displayName: 'Term Duration Field',
		description: 'The commitment term as text, e.g. 12 Months',
	},
	autoRenew: {
		displayName: 'Auto-Renew Field',
		description: 'Whether the licence renews at the end of its term (true or false)',
	},
	startDate: { displayName: 'Start Date Field', description: 'When billing started' },
};

/** Defaults are literals (n8n's linter reads them); a unit test holds them equal to the planner's. */
const properties: INodeProperties[] = [
	{
		displayName:
			"Inputs: 1. Westcoast Cloud (Subscription > Get Many, all customers, add-ons on), 2. PSA licences (Halo: GET /api/SoftwareLicence with includeinactive=true), 3. Mapping Resolver's Mapped output.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	psaPresetProperty,
	{
		displayName: 'PSA Field Names',
		name: 'licenceFields',
		type: 'collection',
		placeholder: 'Rename a Field',
		default: {},
		description: "A field left out or left empty keeps HaloPSA's name",
		displayOptions: { show: { psaPreset: ['custom'] } },
		options: Object.entries(FIELD_LABELS)
			.map(([name, label]) => ({
				...label,
				name,
				type: 'string' as const,
				default: HALO_PRESET.licenceFields[name as keyof LicenceFieldNames],
			}))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Westcoast ID Field',
		name: 'westcoastLinkField',
		type: 'string',
		default: 'third_party_product',
		description:
			'The licence field that holds the Westcoast subscription ID: the only link between a licence and a subscription. Licences without it are never touched.',
	},
	{
		displayName: 'Subscriptions to Import',
		name: 'state',
		type: 'options',
		options: [
			{
				name: 'Active Only',
				value: 'activeOnly',
				description: 'Create licences only for Active subscriptions',
			},
			{
				name: 'All',
				value: 'all',
				description: 'Also create (inactive) licences for subscriptions that are not Active',
			},
		],
		default: 'activeOnly',
	},
	{
		displayName: 'Products',
		name: 'productFilter',
		type: 'string',
		default: '',
		placeholder: 'Microsoft 365*, Exchange Online (Plan 1)',
		description:
			'Only these product or service names (comma-separated or one per line; * matches anything; put a name that contains a comma in double quotes). Empty means all products.',
	},
	{
		displayName: 'Customers',
		name: 'customerSelection',
		type: 'options',
		options: [
			{ name: 'All Mapped Customers', value: 'allMapped' },
			{ name: 'Chosen Customers', value: 'list' },
		],
		default: 'allMapped',
	},
	{
		displayName: 'Westcoast Customer IDs',
		name: 'customerIds',
		type: 'string',
		default: '',
		description: 'Comma-separated Westcoast customer IDs whose subscriptions to sync',
		displayOptions: { show: { customerSelection: ['list'] } },
	},
	{
		displayName: 'Deactivate Deleted Licences',
		name: 'deactivateDeleted',
		type: 'boolean',
		default: false,
		description:
			'Whether a licence whose subscription was deleted in Westcoast is made inactive. Off (as Halo): its count is set to 0 and its status is left alone.',
	},
	{
		displayName: 'Include Add-Ons',
		name: 'includeAddons',
		type: 'boolean',
		default: true,
		description:
			'Whether add-on subscriptions become licences of their own, linked to the parent licence',
	},
	{
		displayName: 'Max Deactivations (%)',
		name: 'maxDeactivationPercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 20,
		description:
			'Refuse the whole plan when it, or the runs of the Guard Window with it, would deactivate or zero more than this share of the live linked licences (a guard against a bad read). To let a legitimate clean-up through, raise it for one run and set it back. 100 lifts the limit.',
	},
	{
		displayName: 'Guard Memory',
		name: 'guardMemory',
		type: 'options',
		options: [
			{
				name: 'Workflow Static Data',
				value: 'staticData',
				description: "Kept by n8n between production runs (one n8n process, n8n's regular mode)",
			},
			{
				name: 'From Expression',
				value: 'expression',
				description:
					"Read from an expression; the Summary's guardMemory is what to store for the next run (n8n's queue mode, where workers start each run with empty static data)",
			},
		],
		default: 'staticData',
		description: 'Where the runs of the Guard Window are remembered',
	},
	{
		displayName: 'Guard Memory (JSON)',
		name: 'guardMemoryJson',
		type: 'json',
		default: '{}',
		description:
			'The guardMemory of the Summary of the last production run, as stored (e.g. read from Postgres). Empty ({}) means no run yet.',
		displayOptions: { show: { guardMemory: ['expression'] } },
	},
	{
		displayName: 'Remember This Run',
		name: 'rememberRun',
		type: 'boolean',
		default: true,
		description:
			'Whether this run counts in the guard window of the next runs. Off for a dry run, which writes nothing: its plan is checked against the window but not remembered (and the Summary has no guardMemory to store).',
	},
	{
		displayName: 'Licence Name',
		name: 'licenceName',
		type: 'options',
		options: [
			{ name: 'Expression', value: 'custom', description: 'A name built per subscription' },
			{ name: 'Product Name', value: 'productName', description: 'As the marketplace names it' },
			{
				name: 'Readable Product Name',
				value: 'auto',
				description:
					'The product name, unless it is an internal key (one word with _ and a digit, e.g. 521266_BackupOrder_91798); then the vendor display name, then the service display name',
			},
			{
				name: 'Service Display Name',
				value: 'serviceDisplayName',
				description: 'Shared by every product of the service',
			},
			{ name: 'Vendor Display Name', value: 'vendorDisplayName' },
		],
		default: 'auto',
		description: 'What a licence is named after',
	},
	{
		displayName: 'Custom Licence Name',
		name: 'customLicenceName',
		type: 'string',
		default: '={{ $json.productName }}',
		description:
			'Evaluated for each item of the Westcoast Subscriptions input, whose simplified fields (productName, vendorDisplayName, billingCycle, ...) it can use',
		displayOptions: { show: { licenceName: ['custom'] } },
	},
	{
		displayName: 'Keep Terms in Step',
		name: 'syncTerms',
		type: 'multiOptions',
		options: [
			{ name: 'Billing Cycle', value: 'billingCycle' },
			{ name: 'Term Duration', value: 'termDuration' },
			{ name: 'Auto-Renew', value: 'autoRenew' },
			{ name: 'Start Date', value: 'startDate' },
		],
		default: ['billingCycle', 'termDuration', 'autoRenew', 'startDate'],
		description:
			"Which of the licence's term fields (NCE) follow the subscription. A subscription without a value leaves the licence's as it is.",
	},
	optionsCollection([
		batchSizeOption,
		{
			displayName: 'Deletion Scope',
			name: 'deletionScope',
			type: 'options',
			options: [
				{
					name: 'All Mapped Customers',
					value: 'allMapped',
					description: 'The subscription input is the reseller-wide read',
				},
				{
					name: 'Customers in the Input',
					value: 'customersInInput',
					description:
						'Only customers with at least one subscription in the input (for one-customer reads)',
				},
			],
			default: 'allMapped',
			description: 'Whose missing subscriptions count as deleted upstream',
		},
		{
			displayName: 'Guard Window (Days)',
			name: 'guardWindowDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 7,
			description:
				'The deactivation limit also holds over the runs of this many days (remembered as Guard Memory says; manual runs keep no memory and apply only their own limit). 0 limits each run alone.',
		},
		{
			displayName: 'Include Unchanged',
			name: 'emitUnchanged',
			type: 'boolean',
			default: true,
			description: 'Whether to output licences that need no change',
		},
		{
			displayName: 'Include Skipped',
			name: 'emitSkipped',
			type: 'boolean',
			default: true,
			description:
				'Whether to output every subscription or licence left alone (customer not mapped, product filtered out, ...). Off, Skipped holds only those a person must act on (invalid input, several licences for one subscription); the Summary counts the rest by reason.',
		},
		{
			displayName: 'Limit Applies Above',
			name: 'minDeactivationsBeforeLimit',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3,
			description:
				'Max Deactivations (%) only applies when more than this many licences would be deactivated or zeroed: up to this many are always allowed',
		},
		{
			displayName: 'Sync Prices',
			name: 'syncPrices',
			type: 'boolean',
			default: false,
			description: 'Whether to write and keep in step the sales and purchase prices',
		},
	]),
];

export const description = nodeDescription({
	displayName: 'Licence Sync',
	name: 'licenceSync',
	description:
		'Turn Westcoast Cloud subscriptions into exact PSA licence changes, never deactivating on a bad read',
	inputs: mainInputs(LICENCE_SYNC_IO.inputList),
	outputs: mainOutputs(LICENCE_SYNC_IO.outputList),
	properties,
});
