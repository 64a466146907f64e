import type { INodeProperties } from 'n8n-workflow';

import { nodeDescription } from '../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Run Report',
				value: 'report',
				action: 'Make the run report',
				description:
					"Read the Mapping Resolver's and Licence Sync's outputs of this run and emit one item with the report as an HTML file",
			},
			{
				name: 'Failure Alert',
				value: 'alert',
				action: 'Make the failure alert',
				description:
					'Turn each Error Trigger item into one message: the workflow, the node, the reason in plain words and what to do',
			},
		],
		default: 'report',
	},
	{
		displayName:
			'Place this node at the end of the run (after the last write). It reads the two nodes below by name, so it needs no extra wires.',
		name: 'placementNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['report'] } },
	},
	{
		displayName: 'Mapping Resolver Node Name',
		name: 'mappingNode',
		type: 'string',
		default: 'Map Customers',
		placeholder: 'Map Customers',
		displayOptions: { show: { operation: ['report'] } },
		description:
			'The Mapping Resolver whose Mapped, Create, Address Changes, Needs Review and Mapping Table outputs the report shows; empty: no customer part',
	},
	{
		displayName: 'Licence Sync Node Name',
		name: 'licenceNode',
		type: 'string',
		default: 'Licence Sync',
		placeholder: 'Licence Sync',
		displayOptions: { show: { operation: ['report'] } },
		description:
			'The Licence Sync whose outputs the report shows; empty, or a node that did not run: no licence part',
	},
	{
		displayName: 'Nothing Written Because',
		name: 'notWritten',
		type: 'string',
		default: '',
		placeholder: 'Dry run: nothing was written to Halo.',
		displayOptions: { show: { operation: ['report'] } },
		description:
			'Empty for a run that wrote its plan. Else the sentence shown first (e.g. a dry run, a plan not approved); the totals are then labelled as planned.',
	},
	{
		displayName: 'Put Report in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'report',
		displayOptions: { show: { operation: ['report'] } },
		description: 'The binary field of the output item that holds the HTML file',
	},
];

export const description = nodeDescription({
	displayName: 'Sync Report',
	name: 'syncReport',
	description:
		'Turn a Westcoast to PSA sync run into a readable HTML report (changes per customer, review items, refusals, totals), or a failed run into an alert message',
	properties,
});
