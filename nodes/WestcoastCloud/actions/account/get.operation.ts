import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CALLS, type RawCompany } from '../../../../core/westcoast/protocol';
import { simplifyCustomer } from '../../../../core/westcoast/simplify';
import { CREDENTIAL_TYPE, marketplaceCall, type WestcoastCredentials } from '../../transport';
import { requestOptionProperties, simplifyProperty } from '../common.descriptions';
import { callOptions, shapeRecords } from '../shared';

const properties: INodeProperties[] = [
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
	const company = await marketplaceCall.call(
		this,
		CALLS.getCompany,
		accountId ? { accountId } : {},
		callOptions(this, itemIndex),
	);
	return shapeRecords(this, itemIndex, [company as RawCompany], simplifyCustomer);
}
