import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	accountIdValue,
	CALLS,
	COMPANY_FIELDS as C,
	PARAMETERS,
} from '../../../../core/westcoast/protocol';
import { fieldOf } from '../../../../core/westcoast/record';
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
import { applyLimit, callOptions, filterRecords, shapeRecords } from '../records';

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
	const companies = await marketplaceList.call(
		this,
		CALLS.getCompanies,
		{ [PARAMETERS.parentAccountId]: accountIdValue(parentAccountId) },
		options,
	);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const matching = filterRecords(
		companies,
		filters,
		(c) => fieldOf(c, C.state),
		(c) => [fieldOf(c, C.name)],
	);
	return shapeRecords(this, itemIndex, applyLimit(this, itemIndex, matching), simplifyCustomer);
}
