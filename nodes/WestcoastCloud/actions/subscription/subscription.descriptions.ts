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
