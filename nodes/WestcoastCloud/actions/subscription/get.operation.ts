import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	accountIdValue,
	CALLS,
	PARAMETERS,
	SUBSCRIPTION_FIELDS as S,
} from '../../../../core/westcoast/protocol';
import { isRecord } from '../../../../core/read';
import { field, RecordReader, type MarketplaceRecord } from '../../../../core/westcoast/record';
import { marketplaceCall } from '../../transport';
import { simplifyProperty } from '../common.descriptions';
import { callOptions, shapeRecords } from '../records';
import { subscriptionSimplifier } from './simplifier';
import { includeAddonsProperty, subscriptionOptions } from './subscription.descriptions';

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
		...includeAddonsProperty,
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
	const includeAddons = this.getNodeParameter('includeAddons', itemIndex, true) as boolean;
	const call = includeAddons ? CALLS.getSubscriptionWithAddons : CALLS.getSubscription;
	const options = callOptions(this, itemIndex);
	const subscription = await marketplaceCall.call(
		this,
		call,
		{ [PARAMETERS.accountId]: accountIdValue(accountId) },
		options,
	);
	const simplifyOn = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const simplify = subscriptionSimplifier(this, itemIndex);
	if (!includeAddons || !simplifyOn) return shapeRecords(this, itemIndex, [subscription], simplify);
	const addons = [];
	for (const addon of addonsOf(subscription)) {
		addons.push(
			isSummary(addon)
				? await marketplaceCall.call(
						this,
						CALLS.getSubscription,
						{ [PARAMETERS.accountId]: accountIdValue(addonId(addon)) },
						options,
					)
				: addon,
		);
	}
	return shapeRecords(this, itemIndex, [subscription, ...addons], simplify);
}

/** `Addons` as answered: one object or a list (ACMP's model has one summary object). */
function addonsOf(subscription: unknown): MarketplaceRecord[] {
	if (!isRecord(subscription)) return [];
	return new RecordReader(subscription, 'Subscription').oneOrMany(S.addons);
}

/**
 * A summary names the add-on (`ParentAccountId, AccountId, AccountState,
 * ServiceName`) without its fields and prices: its seats need the full record.
 */
function isSummary(addon: MarketplaceRecord): boolean {
	return field(addon, S.fields) === undefined && field(addon, S.priceableItems) === undefined;
}

function addonId(addon: MarketplaceRecord): string {
	return new RecordReader(addon, 'An add-on of the subscription').requiredId(S.accountId);
}
