import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import * as account from './actions/account/Account.resource';
import * as connection from './actions/connection/Connection.resource';
import * as customer from './actions/customer/Customer.resource';
import { router } from './actions/router';
import * as subscription from './actions/subscription/Subscription.resource';
import { getCustomers } from './methods/loadOptions';

export class WestcoastCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Westcoast Cloud',
		name: 'westcoastCloud',
		icon: {
			light: 'file:westcoastCloud.svg',
			dark: 'file:westcoastCloud.dark.svg',
		},
		group: ['input'],
		version: 1,
		// Each operation's action text in plain words (a unit test holds them equal).
		subtitle:
			'={{ $parameter["operation"] === "getAll" ? "Get many " + $parameter["resource"] + "s" : $parameter["operation"] === "check" ? "Check the connection" : $parameter["operation"] === "confirmDeleted" ? "Confirm deleted subscriptions" : $parameter["resource"] === "account" ? "Get the reseller account" : "Get a " + $parameter["resource"] }}',
		description: 'Read customers and subscriptions from a Westcoast Cloud marketplace',
		defaults: { name: 'Westcoast Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: WESTCOAST_CREDENTIAL_TYPE,
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Connection', value: 'connection' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Subscription', value: 'subscription' },
				],
				default: 'customer',
			},
			...account.description,
			...connection.description,
			...customer.description,
			...subscription.description,
		],
	};

	methods = {
		loadOptions: { getCustomers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
