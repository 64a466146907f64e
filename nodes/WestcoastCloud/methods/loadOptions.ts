import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CALLS, type RawCompany } from '../../../core/westcoast/protocol';
import { marketplaceList, resellerAccountId } from '../transport';

/** The reseller's customers, by name, for the customer dropdowns. */
export async function getCustomers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const parentAccountId = await resellerAccountId.call(this);
	const companies = (await marketplaceList.call(this, CALLS.getCompanies, {
		parentAccountId,
	})) as RawCompany[];
	return companies
		.map((company) => ({
			name: `${company.CompanyName ?? '(no name)'} (${company.AccountId})`,
			value: String(company.AccountId),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
