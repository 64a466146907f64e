import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { requestOptionProperties } from '../common.descriptions';

/** The Options collection of subscription operations. */
export const subscriptionOptions = (extra: INodeProperties[] = []): INodeProperties =>
	optionsCollection([
		...extra,
		{
			displayName: 'Quantity Field',
			name: 'quantityField',
			type: 'string',
			default: '',
			description:
				'Name of the subscription field that holds the seat count. Empty means the field of the priced item marked as unit-dependent (UDRC), which fits most products.',
		},
		...requestOptionProperties,
	]);

export const includeAddonsProperty: INodeProperties = {
	displayName: 'Include Add-Ons',
	name: 'includeAddons',
	type: 'boolean',
	default: true,
	description:
		'Whether to return add-on subscriptions too (each names its parent in parentSubscriptionId). Keep this on when feeding Licence Sync, so add-on licences are not mistaken for deleted ones.',
};

/** Get Many's Options > Output Fields: the whole simplified shape, or only what Licence Sync reads. */
export const outputFieldsProperty: INodeProperties = {
	displayName: 'Output Fields',
	name: 'outputFields',
	type: 'options',
	options: [
		{
			name: 'All Simplified Fields',
			value: 'all',
			description: 'The documented simplified shape, every field',
		},
		{
			name: 'Only What Licence Sync Reads',
			value: 'licenceSync',
			description:
				'IDs, state, names, seat count, dates, SKU, prices and terms; empty fields left out. Much smaller execution data when the list only feeds Licence Sync.',
		},
	],
	default: 'all',
	description: 'Which fields each simplified subscription carries (with Simplify on)',
};
