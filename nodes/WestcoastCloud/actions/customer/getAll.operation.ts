import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CALLS, type RawCompany } from '../../../../core/westcoast/protocol';
import { simplifyCustomer } from '../../../../core/westcoast/simplify';
import { marketplaceList, resellerAccountId } from '../../transport';
import {
	limitProperty,
	nameContainsFilterProperty,
	requestOptionsCollection,
	returnAllProperty,
	simplifyProperty,
	stateFilterProperty,
} from '../common.descriptions';
import { applyLimit, callOptions, filterRecords, shapeRecords } from '../shared';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	simplifyProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [nameContainsFilterProperty('customers'), stateFilterProperty],
	},
	requestOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const options = callOptions(this, itemIndex);
	const parentAccountId = await resellerAccountId.call(this, options);
	const companies = (await marketplaceList.call(
		this,
		CALLS.getCompanies,
		{ parentAccountId },
		options,
	)) as RawCompany[];
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const matching = filterRecords(
		companies,
		filters,
		(c) => c.AccountState,
		(c) => [c.CompanyName],
	);
	return shapeRecords(this, itemIndex, applyLimit(this, itemIndex, matching), simplifyCustomer);
}
