import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { HALO_LIST_PAGE_SIZE } from '../../core/psa/halo';
import { checkListRead, ListReadError, planPageReads } from '../../core/psa/list-read';
import { asNodeError } from '../shared/errors';
import { description } from './description';

/** What the node keeps between runs (workflow static data of this node; not kept by manual runs). */
interface ListCheckMemory {
	lastRecordCount?: number;
}

/** A record_count this far beyond its pages is taken for a bad answer. */
const MAX_PAGES = 10000;

export class PsaListCheck implements INodeType {
	description: INodeTypeDescription = {
		...description,
		// n8n's community lint reads these from the node class itself.
		icon: { light: 'file:psaListCheck.svg', dark: 'file:psaListCheck.dark.svg' },
		subtitle: '={{"Check the " + $parameter["listField"] + " list"}}',
		usableAsTool: true,
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
