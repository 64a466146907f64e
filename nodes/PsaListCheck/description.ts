import type { INodeProperties } from 'n8n-workflow';

import { HALO_LIST_PAGE_SIZE } from '../../core/psa/halo';
import { nodeDescription } from '../shared/descriptions';

const checkOnly = { show: { operation: ['check'] } };
const planOnly = { show: { operation: ['planPages'] } };

const properties: INodeProperties[] = [
	{
		displayName:
			'Input: every page of one list read, one item per page (e.g. the pages Plan Page Reads planned, read by an HTTP Request node). Output: one item per record, or an error that stops the run.',
		name: 'notice',
		type: 'notice',
		default: '',
		displayOptions: checkOnly,
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Check Pages',
				value: 'check',
				description: 'Prove the pages of one read complete, then emit their records',
				action: 'Check pages',
			},
			{
				name: 'Plan Page Reads',
				value: 'planPages',
				description:
					'From the first page, one item per page to read ({page_no, page_size}), so an HTTP Request node can read them in parallel',
				action: 'Plan page reads',
			},
		],
		default: 'check',
	},
	{
		displayName: 'List Field',
		name: 'listField',
		type: 'string',
		default: 'licences',
		required: true,
		description: 'Key of the records on each page (Halo: clients, licences, sites)',
	},
	{
		displayName: 'Count Field',
		name: 'countField',
		type: 'string',
		default: 'record_count',
		description: 'Key of the total number of records on each page',
	},
	{
		displayName: 'ID Field',
		name: 'idField',
		type: 'string',
		default: 'id',
		description: "Key of a record's ID",
		displayOptions: checkOnly,
	},
	{
		displayName: 'Page Size Asked',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: HALO_LIST_PAGE_SIZE,
		description:
			'The page_size the first page asked for. A first page shorter than this while the count says more reveals a cap: the pages are planned at its length.',
		displayOptions: planOnly,
	},
	{
		displayName: 'Planned Record Count',
		name: 'plannedRecordCount',
		type: 'number',
		default: -1,
		description:
			'The record count of the first page the reads were planned from (an expression on that node), so a count that changed in between stops the run; -1 when the read was not planned',
		displayOptions: checkOnly,
	},
	{
		displayName: 'Allow Empty List',
		name: 'allowEmpty',
		type: 'boolean',
		default: false,
		description:
			'Whether to accept a list with no records although the last accepted read had some. Off, such an answer is taken for a failed read.',
		displayOptions: checkOnly,
	},
];

export const description = nodeDescription({
	displayName: 'PSA List Check',
	name: 'psaListCheck',
	description:
		'Prove a paged PSA list read complete (record count, no page skipped, no empty answer where there were records), then emit its records',
	properties,
});
