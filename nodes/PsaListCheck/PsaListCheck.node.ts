import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { HALO_LIST_PAGE_SIZE } from '../../core/psa/halo';
import { checkListRead, ListReadError, planPageReads } from '../../core/psa/list-read';
import { asNodeError } from '../shared/errors';

/** What the node keeps between runs (workflow static data of this node; not kept by manual runs). */
interface ListCheckMemory {
	lastRecordCount?: number;
}

/** A record_count this far beyond its pages is taken for a bad answer. */
const MAX_PAGES = 10000;

const checkOnly = { show: { operation: ['check'] } };
const planOnly = { show: { operation: ['planPages'] } };

export class PsaListCheck implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PSA List Check',
		name: 'psaListCheck',
		icon: { light: 'file:psaListCheck.svg', dark: 'file:psaListCheck.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"Check the " + $parameter["listField"] + " list"}}',
		description:
			'Prove a paged PSA list read complete (record count, no page skipped, no empty answer where there were records), then emit its records',
		defaults: { name: 'PSA List Check' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
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
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const pages = this.getInputData();
		const text = (name: string, fallback: string) =>
			String(this.getNodeParameter(name, 0, fallback) ?? '').trim() || fallback;
		const fail = (error: unknown): never => {
			if (!(error instanceof ListReadError)) throw asNodeError(this.getNode(), error);
			// Never Continue On Fail: records of a doubtful read must reach no write.
			throw new NodeOperationError(this.getNode(), error.message, {
				description: `problem: ${error.problem}`,
			});
		};
		if (this.getNodeParameter('operation', 0, 'check') === 'planPages') {
			let plan: ReturnType<typeof planPageReads> | undefined;
			try {
				plan = planPageReads(pages[0]?.json, {
					read: this.getNode().name,
					listField: text('listField', 'licences'),
					countField: text('countField', 'record_count'),
					pageSize: this.getNodeParameter('pageSize', 0, HALO_LIST_PAGE_SIZE) as number,
					maxPages: MAX_PAGES,
				});
			} catch (error) {
				fail(error);
			}
			const { recordCount, pageSize, pages: reads } = plan!;
			this.addExecutionHints({
				message: `${this.getNode().name}: ${recordCount} records, ${reads.length} page(s) of ${pageSize} to read.`,
				location: 'outputPane',
			});
			return [
				reads.map((page) => ({
					json: { ...page, record_count: recordCount },
					pairedItem: { item: 0 },
				})),
			];
		}
		const memory = this.getWorkflowStaticData('node') as ListCheckMemory;
		const planned = this.getNodeParameter('plannedRecordCount', 0, -1) as number;
		let read: ReturnType<typeof checkListRead>;
		try {
			read = checkListRead(
				pages.map((page) => page.json),
				{
					read: this.getNode().name,
					listField: text('listField', 'licences'),
					countField: text('countField', 'record_count'),
					idField: text('idField', 'id'),
					previousCount: memory.lastRecordCount ?? null,
					allowEmpty: this.getNodeParameter('allowEmpty', 0, false) as boolean,
					plannedCount: planned >= 0 ? planned : null,
				},
			);
		} catch (error) {
			return fail(error);
		}
		memory.lastRecordCount = read.recordCount;
		this.addExecutionHints({
			message: `${this.getNode().name}: ${read.recordCount} records in ${read.pages} page(s), complete.`,
			location: 'outputPane',
		});
		return [
			read.records.map(({ page, record }) => ({
				json: record as IDataObject,
				pairedItem: { item: page },
			})),
		];
	}
}
