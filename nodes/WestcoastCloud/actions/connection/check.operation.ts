import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { diagnoseConnection } from '../../../../core/westcoast/connection-test';
import { accountIdValue, CALLS, PARAMETERS } from '../../../../core/westcoast/protocol';
import { WESTCOAST_CREDENTIAL_TYPE } from '../../../../core/westcoast/credential';
import { callMarketplace, type WestcoastCredentials } from '../../transport';
import { requestOptionsCollection } from '../common.descriptions';
import { callOptions } from '../records';

const properties: INodeProperties[] = [requestOptionsCollection];

export const description = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['check'] } },
	properties,
);

/**
 * The credential test's full diagnosis as an item, success or not, so that a
 * workflow can branch on `ok` before a sync and a person reads the words the
 * credential dialog cannot show (n8n shows only "Connection tested successfully").
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const options = callOptions(this, itemIndex);
	const credentials = await this.getCredentials<WestcoastCredentials>(
		WESTCOAST_CREDENTIAL_TYPE,
		itemIndex,
	);
	const diagnosis = await diagnoseConnection(credentials, {
		readCompany: async (query) =>
			await callMarketplace.call(this, CALLS.getCompany, query, { ...options, freshLogin: true }),
		readCustomers: async (parentAccountId) =>
			await callMarketplace.call(
				this,
				CALLS.getCompanies,
				{ [PARAMETERS.parentAccountId]: accountIdValue(parentAccountId) },
				options,
			),
	});
	return [{ json: diagnosis as unknown as IDataObject, pairedItem: { item: itemIndex } }];
}
