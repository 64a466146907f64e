import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';

export { check };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description:
					'Log in afresh, read the reseller and its customers, and return what works and what does not',
				action: 'Check the connection',
			},
		],
		default: 'check',
	},
	...check.description,
];
