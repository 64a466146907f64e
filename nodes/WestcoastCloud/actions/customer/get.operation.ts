import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CALLS, type RawCompany } from '../../../../core/westcoast/protocol';
import { simplifyCustomer } from '../../../../core/westcoast/simplify';
import { marketplaceCall } from '../../transport';
import { requestOptionProperties, simplifyProperty } from '../common.descriptions';
import { callOptions, shapeRecords } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Name or ID',
		name: 'customerId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomers' },
		required: true,
		default: '',
		description:
			'The customer\'s Westcoast account ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: requestOptionProperties,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const accountId = String(this.getNodeParameter('customerId', itemIndex)).trim();
	const company = await marketplaceCall.call(
		this,
		CALLS.getCompany,
		{ accountId },
		callOptions(this, itemIndex),
	);
	return shapeRecords(this, itemIndex, [company as RawCompany], simplifyCustomer);
}
