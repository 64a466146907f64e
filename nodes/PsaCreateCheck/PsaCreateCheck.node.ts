import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	confirmCustomerCreates,
	confirmLicenceCreates,
	CreateCheckError,
	type CreateCheckResult,
} from '../../core/psa/create-check';
import { HALO_PRESET } from '../../core/psa/halo';
import { asNodeError } from '../shared/errors';
import { outputItem } from '../shared/items';

const PLANNED_INPUT = 0;
const FOUND_INPUT = 1;

const fromPlanned = (itemIndex: number) => [{ input: PLANNED_INPUT, item: itemIndex }];

/** A group as it came: a batch item `{ batch, count, payloads, records }`, or the one entry. */
function groupItem(
	itemIndex: number,
	batched: boolean,
	entries: Array<{ record: IDataObject; payload: IDataObject }>,
	batch: number,
): INodeExecutionData {
	const json = batched
		? {
				batch,
				count: entries.length,
				payloads: entries.map((entry) => entry.payload),
				records: entries.map((entry) => entry.record),
			}
		: entries[0].record;
	return outputItem(json, fromPlanned(itemIndex));
}

function toOutputs(result: CreateCheckResult): INodeExecutionData[][] {
	const create = result.create.map((group, position) =>
		groupItem(
			group.itemIndex,
			group.batched,
			group.creates.map(({ record, payload }) => ({
				record: record as IDataObject,
				payload: payload as IDataObject,
			})),
			position + 1,
		),
	);
	const update = result.update.map((group, position) =>
		groupItem(
			group.itemIndex,
			group.batched,
			group.entries as Array<{ record: IDataObject; payload: IDataObject }>,
			position + 1,
		),
	);
	const existing = result.existing.map(({ itemIndex, json }) =>
		outputItem(json, fromPlanned(itemIndex)),
	);
	return [create, update, existing];
}

export class PsaCreateCheck implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PSA Create Check',
		name: 'psaCreateCheck',
		icon: { light: 'file:psaCreateCheck.svg', dark: 'file:psaCreateCheck.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["recordType"] === "licences" ? "Licences" : "Customers"}}',
		description:
			'Just before HaloPSA records are created, confirm from a fresh read that they do not exist yet; would-be duplicates become mapped customers or licence updates',
		defaults: { name: 'PSA Create Check' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Planned Creates', required: true },
			{ type: NodeConnectionTypes.Main, displayName: 'Found in PSA', required: true },
		],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Create' },
			{ type: NodeConnectionTypes.Main, displayName: 'Update' },
			{ type: NodeConnectionTypes.Main, displayName: 'Existing' },
		],
		properties: [
			{
				displayName:
					'Planned Creates: the Create output of Mapping Resolver or Licence Sync. Found in PSA: every page of a Halo GET per create (HTTP Request): customers GET /api/ExternalLink?third_party_id={{ $json.westcoastId }}, licences GET /api/SoftwareLicence?client_id={{ $json.psaCustomerId }}&includeinactive=true. Create: still to create. Update: licences found that differ. Existing: found and nothing to write.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Records',
				name: 'recordType',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Customers',
						value: 'customers',
						description:
							"Mapping Resolver's creates: a client already holding the Westcoast link is mapped, not created",
					},
					{
						name: 'Licences',
						value: 'licences',
						description:
							"Licence Sync's creates: a licence of the client already holding the subscription ID is updated (or left alone), not created",
					},
				],
				default: 'customers',
			},
			{
				displayName: 'Westcoast ID Field',
				name: 'westcoastLinkField',
				type: 'string',
				default: 'third_party_product',
				displayOptions: { show: { recordType: ['licences'] } },
				description:
					"The licence field that holds the Westcoast subscription ID (as in Licence Sync's Westcoast ID Field)",
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const planned = this.getInputData(PLANNED_INPUT).map((item) => item.json);
		const found = this.getInputData(FOUND_INPUT).map((item) => item.json);
		const recordType = this.getNodeParameter('recordType', 0) as 'customers' | 'licences';
		let result: CreateCheckResult;
		try {
			if (recordType === 'licences') {
				const linkField =
					String(this.getNodeParameter('westcoastLinkField', 0, '') ?? '').trim() ||
					HALO_PRESET.licenceFields.westcoastLink;
				result = confirmLicenceCreates(planned, found, {
					...HALO_PRESET.licenceFields,
					westcoastLink: linkField,
				});
			} else result = confirmCustomerCreates(planned, found);
		} catch (error) {
			if (!(error instanceof CreateCheckError)) throw asNodeError(this.getNode(), error);
			// Never Continue On Fail: a create that cannot be confirmed must not be written.
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: error.itemIndex });
		}
		const outputs = toOutputs(result);
		const [create, update, existing] = outputs.map((items) =>
			items.reduce((total, item) => total + (Number(item.json.count) || 1), 0),
		);
		this.addExecutionHints({
			message: `${this.getNode().name}: ${create} to create, ${update} found and updated instead, ${existing} found and left as they are.`,
			location: 'outputPane',
		});
		return outputs;
	}
}
