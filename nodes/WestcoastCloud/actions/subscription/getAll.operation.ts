import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	accountIdValue,
	CALLS,
	PARAMETERS,
	SUBSCRIPTION_FIELDS as S,
} from '../../../../core/westcoast/protocol';
import { fieldOf } from '../../../../core/westcoast/record';
import { marketplaceList, resellerAccountId } from '../../transport';
import {
	customerIdProperty,
	limitProperty,
	nameContainsFilterProperty,
	returnAllProperty,
	simplifyProperty,
	stateFilterProperty,
} from '../common.descriptions';
import { applyLimit, callOptions, filterRecords, shapeRecords } from '../records';
import { subscriptionSimplifier } from './simplifier';
import {
	includeAddonsProperty,
	outputFieldsProperty,
	subscriptionOptions,
} from './subscription.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Customers',
		name: 'customerScope',
		type: 'options',
		options: [
			{ name: 'All Customers of the Reseller', value: 'all' },
			{ name: 'One Customer', value: 'one' },
		],
		default: 'all',
	},
	{ ...customerIdProperty, displayOptions: { show: { customerScope: ['one'] } } },
	includeAddonsProperty,
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			nameContainsFilterProperty('subscriptions (product or display name)'),
			stateFilterProperty,
		],
	},
	subscriptionOptions([
		outputFieldsProperty,
		{
			displayName: 'Include User-Level',
			name: 'includeUserLevel',
			type: 'boolean',
			default: false,
			description:
				'Whether to include user-level subscriptions: those held by individual users rather than by the customer company',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const options = callOptions(this, itemIndex);
	const scope = this.getNodeParameter('customerScope', itemIndex, 'all') as string;
	const parentAccountId =
		scope === 'one'
			? String(this.getNodeParameter('customerId', itemIndex)).trim()
			: await resellerAccountId.call(this, options);
	const { includeUserLevel } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const subscriptions = await marketplaceList.call(
		this,
		CALLS.getSubscriptions,
		{
			[PARAMETERS.parentAccountId]: accountIdValue(parentAccountId),
			[PARAMETERS.excludeUserLevel]: includeUserLevel !== true,
		},
		options,
	);

	const includeAddons = this.getNodeParameter('includeAddons', itemIndex, true) as boolean;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const wanted = subscriptions.filter((s) => includeAddons || !fieldOf(s, S.parentSubscriptionId));
	const matching = filterRecords(
		wanted,
		filters,
		(s) => fieldOf(s, S.state),
		(s) => [
			fieldOf(s, S.productName),
			fieldOf(s, S.vendorDisplayName),
			fieldOf(s, S.serviceDisplayName),
		],
	);
	return shapeRecords(
		this,
		itemIndex,
		applyLimit(this, itemIndex, matching),
		subscriptionSimplifier(this, itemIndex),
	);
}
