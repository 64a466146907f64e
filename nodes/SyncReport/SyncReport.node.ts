import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LicencePlanEntry } from '../../core/licences/types';
import type { ReviewEntry } from '../../core/mapping/types';
import {
	alertMessage,
	renderSyncReport,
	reviewDigest,
	type CustomerOutputs,
	type FailedRunInput,
	type LicenceOutputs,
	type LicenceSummaryItem,
	type SyncReportInput,
} from '../../core/report';
import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO, type Port } from '../../core/node-io';
import { customerTotals, licenceTotals } from '../../core/report/facts';
import { description } from './description';

/** The outputs of the planners the report reads. */
const { outputs: MAPPING_OUTPUT } = MAPPING_RESOLVER_IO;
const { outputs: LICENCE_OUTPUT } = LICENCE_SYNC_IO;

interface NodeOutputs {
	isExecuted: boolean;
	all(output: number): INodeExecutionData[];
}

interface DigestMemory {
	reviewFingerprint?: string;
}

export class SyncReport implements INodeType {
	description: INodeTypeDescription = {
		...description,
		// n8n's community lint reads these from the node class itself.
		icon: { light: 'file:syncReport.svg', dark: 'file:syncReport.dark.svg' },
		subtitle: '={{$parameter["operation"] === "alert" ? "Failure Alert" : "Run Report"}}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (this.getNodeParameter('operation', 0) === 'alert') {
			return [
				items.map((item, index) => ({
					json: alertMessage(item.json as FailedRunInput) as unknown as IDataObject,
					pairedItem: { item: index },
				})),
			];
		}

		const proxy = this.getWorkflowDataProxy(0);
		const outputsOf = (parameter: string): NodeOutputs | null => {
			const name = String(this.getNodeParameter(parameter, 0, '') ?? '').trim();
			if (!name) return null;
			let node: NodeOutputs;
			try {
				node = (proxy.$ as (name: string) => NodeOutputs)(name);
			} catch {
				throw new NodeOperationError(this.getNode(), `This workflow has no node named "${name}"`, {
					description: `Set "${parameter === 'mappingNode' ? 'Mapping Resolver Node Name' : 'Licence Sync Node Name'}" to the name of that node in this workflow, or leave it empty.`,
				});
			}
			return node.isExecuted ? node : null;
		};
		const json = <T>(node: NodeOutputs, output: Port): T[] =>
			node.all(output.index).map((item) => item.json as T);

		const mapping = outputsOf('mappingNode');
		const customers: CustomerOutputs | null = mapping && {
			mapped: json(mapping, MAPPING_OUTPUT.mapped),
			create: json(mapping, MAPPING_OUTPUT.create),
			addressChanges: json(mapping, MAPPING_OUTPUT.addressChanges),
			review: json<ReviewEntry>(mapping, MAPPING_OUTPUT.review),
			table: json(mapping, MAPPING_OUTPUT.table),
		};
		const sync = outputsOf('licenceNode');
		const licences: LicenceOutputs | null = sync && {
			create: json<LicencePlanEntry>(sync, LICENCE_OUTPUT.create),
			update: json<LicencePlanEntry>(sync, LICENCE_OUTPUT.update),
			deactivate: json<LicencePlanEntry>(sync, LICENCE_OUTPUT.deactivate),
			skipped: json<LicencePlanEntry>(sync, LICENCE_OUTPUT.skipped),
			summary: json<LicenceSummaryItem>(sync, LICENCE_OUTPUT.summary)[0] ?? null,
		};

		const workflowName = this.getWorkflow().name ?? 'Sync';
		const generatedAt = new Date().toISOString();
		const notWritten = String(this.getNodeParameter('notWritten', 0, '') ?? '').trim();
		const input: SyncReportInput = {
			workflowName,
			generatedAt,
			customers,
			licences,
			...(notWritten ? { notWritten } : {}),
		};

		// The digest goes out only when the review list changed since the last run that made one.
		const memory = this.getWorkflowStaticData('node') as DigestMemory;
		const digest = reviewDigest(workflowName, customers?.review ?? []);
		const changed =
			digest.fingerprint !==
			(memory.reviewFingerprint ?? reviewDigest(workflowName, []).fingerprint);
		memory.reviewFingerprint = digest.fingerprint;

		const fileName = `sync-report-${generatedAt.slice(0, 19).replace(/:/g, '-')}.html`;
		const binaryPropertyName = String(
			this.getNodeParameter('binaryPropertyName', 0, 'report') || 'report',
		);
		const binary = await this.helpers.prepareBinaryData(
			Buffer.from(renderSyncReport(input), 'utf8'),
			fileName,
			'text/html',
		);
		const summary = licences?.summary;
		return [
			[
				{
					json: {
						workflow: workflowName,
						generatedAt,
						refused: summary?.refused === true,
						refusal: summary?.refused ? summary.error : null,
						notWritten: notWritten || null,
						totals: notWritten ? 'planned' : 'written',
						customers: customers ? Object.fromEntries(customerTotals(customers)) : null,
						licences: licences ? Object.fromEntries(licenceTotals(licences)) : null,
						reviewDigest: { changed, ...digest },
					},
					binary: { [binaryPropertyName]: binary },
					pairedItem: items.map((_item, index) => ({ item: index })),
				},
			],
		];
	}
}
