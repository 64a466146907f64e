import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { LicencePlanEntry } from '../../core/licences/types';
import type { ReviewEntry } from '../../core/mapping/types';
import {
	alertMessage,
	entriesOf,
	renderSyncReport,
	reviewDigest,
	type CustomerOutputs,
	type FailedRunInput,
	type LicenceOutputs,
	type LicenceSummaryItem,
	type SyncReportInput,
} from '../../core/report';
import { customerTotals, licenceTotals } from '../../core/report/facts';

/** Output positions of the planners the report reads (as in their node descriptions). */
const MAPPING_OUTPUT = { mapped: 0, create: 1, addressChanges: 2, review: 3, table: 4 } as const;
const LICENCE_OUTPUT = { create: 0, update: 1, deactivate: 2, skipped: 4, summary: 5 } as const;

interface NodeOutputs {
	isExecuted: boolean;
	all(output: number): INodeExecutionData[];
}

interface DigestMemory {
	reviewFingerprint?: string;
}

export class SyncReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync Report',
		name: 'syncReport',
		icon: { light: 'file:syncReport.svg', dark: 'file:syncReport.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] === "alert" ? "Failure Alert" : "Run Report"}}',
		description:
			'Turn a Westcoast to PSA sync run into a readable HTML report (changes per customer, review items, refusals, totals), or a failed run into an alert message',
		defaults: { name: 'Sync Report' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
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
		],
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
		const json = <T>(node: NodeOutputs, output: number): T[] =>
			entriesOf<T>(node.all(output).map((item) => item.json));

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
