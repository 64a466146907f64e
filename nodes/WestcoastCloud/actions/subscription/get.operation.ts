import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ADDONS_FIELD, CALLS, type RawSubscription } from '../../../../core/westcoast/protocol';
import { marketplaceCall } from '../../transport';
import { simplifyProperty } from '../common.descriptions';
import { callOptions, shapeRecords } from '../shared';
import { subscriptionOptions, subscriptionSimplifier } from './options';

const properties: INodeProperties[] = [
	{
		displayName: 'Subscription ID',
		name: 'subscriptionId',
		type: 'string',
		required: true,
		default: '',
		description: "The subscription's Westcoast account ID",
	},
	{
		displayName: 'Include Add-Ons',
		name: 'includeAddons',
		type: 'boolean',
		default: false,
		description: 'Whether to return the add-ons of the subscription too, as items after it',
	},
	simplifyProperty,
	subscriptionOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const accountId = String(this.getNodeParameter('subscriptionId', itemIndex)).trim();
	const includeAddons = this.getNodeParameter('includeAddons', itemIndex, false) as boolean;
	const call = includeAddons ? CALLS.getSubscriptionWithAddons : CALLS.getSubscription;
	const subscription = (await marketplaceCall.call(
		this,
		call,
		{ accountId },
		callOptions(this, itemIndex),
	)) as RawSubscription;
	const simplifyOn = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	if (!includeAddons || !simplifyOn) {
		return shapeRecords(this, itemIndex, [subscription], subscriptionSimplifier(this, itemIndex));
	}
	const addons = (subscription[ADDONS_FIELD] as RawSubscription[] | undefined) ?? [];
	return shapeRecords(
		this,
		itemIndex,
		[subscription, ...addons],
		subscriptionSimplifier(this, itemIndex),
	);
}
