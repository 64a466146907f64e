import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	customerIdProperty,
	requestOptionsCollection,
	simplifyProperty,
} from '../common.descriptions';
import { companyItems } from '../records';
import { accountIdValue, PARAMETERS } from '../../../../core/westcoast/protocol';

const properties: INodeProperties[] = [
	customerIdProperty,
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
	return await companyItems(this, itemIndex, { [PARAMETERS.accountId]: accountIdValue(accountId) });
}
