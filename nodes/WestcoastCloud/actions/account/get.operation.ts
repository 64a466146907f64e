import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resellerCompany } from '../../transport';
import { requestOptionsCollection, simplifyProperty } from '../common.descriptions';
import { companyItems } from '../records';

const properties: INodeProperties[] = [simplifyProperty, requestOptionsCollection];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['get'] } },
	properties,
);

/** The reseller's own company: the credential's Reseller Account ID, else the logged-in user's. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await companyItems(this, itemIndex, await resellerCompany.call(this));
}
