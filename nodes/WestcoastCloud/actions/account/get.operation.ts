import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, type WestcoastCredentials } from '../../transport';
import { requestOptionsCollection, simplifyProperty } from '../common.descriptions';
import { companyItems } from '../shared';

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
	const { resellerAccountId } = await this.getCredentials<WestcoastCredentials>(CREDENTIAL_TYPE);
	const accountId = resellerAccountId?.toString().trim();
	return await companyItems(this, itemIndex, accountId ? { accountId } : {});
}
