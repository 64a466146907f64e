import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';

import * as account from './account/Account.resource';
import * as connection from './connection/Connection.resource';
import * as customer from './customer/Customer.resource';
import * as subscription from './subscription/Subscription.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, { execute: Operation }>> = {
	account: { get: account.get },
	connection: { check: connection.check },
	customer: { get: customer.get, getAll: customer.getAll },
	subscription: {
		confirmDeleted: subscription.confirmDeleted,
		get: subscription.get,
		getAll: subscription.getAll,
	},
};

/** Runs the chosen operation once per input item; with Continue On Fail an error becomes an item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const handler = operations[resource]?.[operation];
		if (!handler) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
				{ itemIndex },
			);
		}
		try {
			returnData.push(...(await handler.execute.call(this, itemIndex)));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			returnData.push({
				json: { error: (error as Error).message },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [returnData];
}
