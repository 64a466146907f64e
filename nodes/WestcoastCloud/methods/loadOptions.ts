import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	accountIdValue,
	CALLS,
	COMPANY_FIELDS as C,
	PARAMETERS,
} from '../../../core/westcoast/protocol';
import { fieldOf } from '../../../core/westcoast/record';
import { marketplaceList, resellerAccountId } from '../transport';

/** The reseller's customers, by name, for the customer dropdowns. */
export async function getCustomers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const parentAccountId = await resellerAccountId.call(this);
	const companies = await marketplaceList.call(this, CALLS.getCompanies, {
		[PARAMETERS.parentAccountId]: accountIdValue(parentAccountId),
	});
	return companies
		.map((company) => {
			const id = String(fieldOf(company, C.accountId) ?? '');
			const name = fieldOf(company, C.name);
			return {
				name: `${typeof name === 'string' && name ? name : '(no name)'} (${id})`,
				value: id,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
