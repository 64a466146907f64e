import type { INodeProperties } from 'n8n-workflow';

import * as confirmDeleted from './confirmDeleted.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { confirmDeleted, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{
				name: 'Confirm Deleted',
				value: 'confirmDeleted',
				description:
					'Read again each subscription a licence plan treats as deleted, and stop the run when one is still active',
				action: 'Confirm deleted subscriptions',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a subscription',
				action: 'Get a subscription',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many subscriptions, of many customers or of one',
				action: 'Get many subscriptions',
			},
		],
		default: 'getAll',
	},
	...confirmDeleted.description,
	...get.description,
	...getAll.description,
];
