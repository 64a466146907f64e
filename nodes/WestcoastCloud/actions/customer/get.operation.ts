import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestOptionsCollection, simplifyProperty } from '../common.descriptions';
import { companyItems } from '../shared';

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
	requestOptionsCollection,
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
	return await companyItems(this, itemIndex, { accountId });
}
