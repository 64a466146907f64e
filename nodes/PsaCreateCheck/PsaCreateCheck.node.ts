import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	confirmCustomerCreates,
	confirmLicenceCreates,
	CreateCheckError,
	type CreateCheckResult,
} from '../../core/psa/create-check';
import { PSA_CREATE_CHECK_IO } from '../../core/node-io';
import { HALO_PRESET } from '../../core/psa/halo';
import { asNodeError } from '../shared/errors';
import { byOutput, outputItem } from '../shared/items';
import { description } from './description';

const PLANNED_INPUT = PSA_CREATE_CHECK_IO.inputs.planned.index;
const FOUND_INPUT = PSA_CREATE_CHECK_IO.inputs.found.index;

const fromPlanned = (itemIndex: number) => [{ input: PLANNED_INPUT, item: itemIndex }];

/** One item per change, as the planner emitted it (its `batch` kept): the Summarize nodes after it group by batch. */
function toOutputs(result: CreateCheckResult): INodeExecutionData[][] {
	const item = (itemIndex: number, json: object) => outputItem(json, fromPlanned(itemIndex));
	return byOutput(PSA_CREATE_CHECK_IO, {
		create: result.create.map(({ itemIndex, record }) => item(itemIndex, record)),
		update: result.update.map(({ itemIndex, json }) => item(itemIndex, json)),
		existing: result.existing.map(({ itemIndex, json }) => item(itemIndex, json)),
	});
}

export class PsaCreateCheck implements INodeType {
	description: INodeTypeDescription = {
		...description,
		// n8n's community lint reads these from the node class itself.
		icon: { light: 'file:psaCreateCheck.svg', dark: 'file:psaCreateCheck.dark.svg' },
		subtitle: '={{$parameter["recordType"] === "licences" ? "Licences" : "Customers"}}',
		usableAsTool: true,
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
		const [create, update, existing] = outputs.map((items) => items.length);
		this.addExecutionHints({
			message: `${this.getNode().name}: ${create} to create, ${update} found and updated instead, ${existing} found and left as they are.`,
			location: 'outputPane',
		});
		return outputs;
	}
}
