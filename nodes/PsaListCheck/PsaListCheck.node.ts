import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { checkListRead, ListReadError } from '../../core/psa/list-read';
import { asNodeError } from '../shared/errors';

/** What the node keeps between runs (workflow static data of this node; not kept by manual runs). */
interface ListCheckMemory {
	lastRecordCount?: number;
}

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
					'Input: every page of one list read, one item per page (HTTP Request with pagination until an empty page, e.g. Halo GET /api/SoftwareLicence?pageinate=true). Output: one item per record, or an error that stops the run.',
				name: 'notice',
				type: 'notice',
				default: '',
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
			},
			{
				displayName: 'Allow Empty List',
				name: 'allowEmpty',
				type: 'boolean',
				default: false,
				description:
					'Whether to accept a list with no records although the last accepted read had some. Off, such an answer is taken for a failed read.',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const pages = this.getInputData();
		const memory = this.getWorkflowStaticData('node') as ListCheckMemory;
		const text = (name: string, fallback: string) =>
			String(this.getNodeParameter(name, 0, fallback) ?? '').trim() || fallback;
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
				},
			);
		} catch (error) {
			if (!(error instanceof ListReadError)) throw asNodeError(this.getNode(), error);
			// Never Continue On Fail: records of a doubtful read must reach no write.
			throw new NodeOperationError(this.getNode(), error.message, {
				description: `problem: ${error.problem}`,
			});
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
