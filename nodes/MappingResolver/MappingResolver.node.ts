import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	describeMappingPlan,
	planCustomerMapping,
	type MappingOptions,
	type MappingPlan,
	type MappingSource,
} from '../../core/mapping';
import { MAPPING_RESOLVER_IO } from '../../core/node-io';
import { fieldsFor } from '../../core/psa/preset';
import { presetNamed } from '../../core/psa/presets';
import { PlanRefusedError } from '../../core/refusal';
import { findMiswiring } from '../../core/wiring';
import { asNodeError } from '../shared/errors';
import {
	byOutput,
	changeOutput,
	inputRecords,
	omit,
	outputItem,
	type Sources,
} from '../shared/items';
import { description } from './description';

const { inputs: INPUTS } = MAPPING_RESOLVER_IO;
const WESTCOAST_INPUT = INPUTS.westcoast.index;
const PSA_INPUT = INPUTS.psa.index;

export class MappingResolver implements INodeType {
	description: INodeTypeDescription = {
		...description,
		// n8n's community lint reads these from the node class itself.
		icon: { light: 'file:mappingResolver.svg', dark: 'file:mappingResolver.dark.svg' },
		subtitle: '={{$parameter["psaPreset"] === "haloPsa" ? "HaloPSA" : "Custom PSA"}}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const westcoast = inputRecords(this.getInputData(WESTCOAST_INPUT));
		const psa = inputRecords(this.getInputData(PSA_INPUT));
		const wrong = findMiswiring([
			{ input: INPUTS.westcoast, items: westcoast },
			{ input: INPUTS.psa, items: psa },
		]);
		if (wrong && !this.continueOnFail())
			throw new NodeOperationError(this.getNode(), wrong.message);
		if (wrong) {
			// Nothing planned from a wrongly wired node is right: only Review says why.
			const { message, input, itemIndex, received } = wrong;
			const review = { reason: 'wrongInput', message, input, item: itemIndex, received };
			return byOutput(MAPPING_RESOLVER_IO, {
				mapped: [],
				create: [],
				addressChanges: [],
				review: [{ json: review, pairedItem: { item: 0 } }],
				table: [],
			});
		}
		let plan: MappingPlan;
		try {
			plan = planCustomerMapping(
				{ westcoastCustomers: westcoast, psaCustomers: psa },
				readOptions(this),
			);
		} catch (error) {
			if (error instanceof PlanRefusedError)
				throw new NodeOperationError(this.getNode(), error.message);
			throw asNodeError(this.getNode(), error);
		}

		if (plan.invalidInput.length && !this.continueOnFail()) {
			const first = plan.invalidInput[0];
			throw new NodeOperationError(this.getNode(), first.message, {
				// n8n's item index means the first input; the message names PSA items itself.
				itemIndex: first.source.westcoast,
				description: `${plan.invalidInput.length} input item(s) have the wrong shape. Fix them, or turn on "Continue On Fail" to send them to Review.`,
			});
		}
		this.addExecutionHints({ message: describeMappingPlan(plan), location: 'outputPane' });

		const batchSize = Number(
			(this.getNodeParameter('options', 0, {}) as IDataObject).batchSize ?? 0,
		);
		const fromWestcoast = (index?: number): Sources => [{ input: WESTCOAST_INPUT, item: index }];
		const fromBoth = ({ source }: { source: MappingSource }): Sources => [
			...fromWestcoast(source.westcoast),
			{ input: PSA_INPUT, item: source.psa },
		];
		return byOutput(MAPPING_RESOLVER_IO, {
			mapped: [...plan.mapped, ...plan.deletedUpstream].map((entry) =>
				outputItem(mappedJson(entry), fromBoth(entry)),
			),
			// One item per change; the writes are numbered into batches for Halo's array POST.
			create: changeOutput(plan.create, batchSize, createJson, (entry) =>
				fromWestcoast(entry.source.westcoast),
			),
			addressChanges: changeOutput(plan.addressChanges, batchSize, addressJson, fromBoth),
			review: plan.review.map((entry) => outputItem(reviewJson(entry), fromBoth(entry))),
			table: plan.table.map((row) =>
				outputItem(omit(row, ['source']), fromWestcoast(row.source.westcoast)),
			),
		});
	}
}

function readOptions(context: IExecuteFunctions): Partial<MappingOptions> {
	const preset = presetNamed(context.getNodeParameter('psaPreset', 0));
	const { address_street, address_city, address_postcode, address_country, ...names } =
		context.getNodeParameter('psaFields', 0, {}) as Record<string, string>;
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const manual = (context.getNodeParameter('manualMappings', 0, {}) as IDataObject).mapping as
		| Array<{ westcoast: string; psaId: string }>
		| undefined;
	const topLevelId = preset.readTopLevelId(
		String(context.getNodeParameter('topLevelId', 0, '') ?? ''),
	);
	if ('problem' in topLevelId) throw new NodeOperationError(context.getNode(), topLevelId.problem);
	const fields = fieldsFor(preset, {
		customer: {
			...names,
			addressParts: {
				street: address_street,
				city: address_city,
				postcode: address_postcode,
				country: address_country,
			},
		},
	});
	return {
		fields: fields.customer,
		manualMappings: manual ?? [],
		matchExactName: context.getNodeParameter('matchExactName', 0) as boolean,
		matchNormalizedName: context.getNodeParameter('matchNormalizedName', 0) as boolean,
		createMissing: context.getNodeParameter('createMissing', 0) as boolean,
		topLevelId: topLevelId.value,
		updateSiteAddress: context.getNodeParameter('updateSiteAddress', 0) as boolean,
		createInactive: options.createInactive as boolean | undefined,
		maxCandidates: options.maxCandidates as number | undefined,
	};
}

/** Every Mapped item has the same columns (Table view): no new link is `link: null`. */
function mappedJson(entry: MappingPlan['mapped'][number] | MappingPlan['deletedUpstream'][number]) {
	return {
		westcoastId: entry.westcoastId,
		westcoastName: entry.westcoastName,
		psaId: entry.psaId,
		psaName: entry.psaName,
		matchedBy: entry.matchedBy,
		westcoastDeleted: 'westcoastDeleted' in entry && entry.westcoastDeleted === true,
		link: ('link' in entry && entry.link) || null,
	};
}

/** A customer to create: who, what is written and why first, then the payload and the Westcoast record. */
function createJson(entry: MappingPlan['create'][number]) {
	return {
		customerName: entry.westcoastName,
		change: `new PSA customer "${entry.westcoastName}"`,
		why: 'No PSA customer holds this Westcoast ID in a link or has this name.',
		...omit(entry, ['source']),
	};
}

/** A main site to update: whose, the lines before → after and why first, then the payload. */
function addressJson(entry: MappingPlan['addressChanges'][number]) {
	return {
		customerName: entry.psaName,
		change: entry.changes
			.map(
				({ field, from, to }) => `${field} ${from === null || from === '' ? 'none' : from} → ${to}`,
			)
			.join('; '),
		why: "The PSA customer's main site address differs from Westcoast's.",
		...omit(entry, ['source']),
	};
}

/** What a person needs: names, IDs and the message; input positions are in the message. */
function reviewJson(entry: MappingPlan['review'][number]) {
	const { source, candidates } = entry;
	return {
		...omit(entry, ['source', 'candidates']),
		...(candidates && {
			candidates: candidates.map(({ psaId, psaName, score }) => ({ psaId, psaName, score })),
		}),
		...(source.manualMapping === undefined ? {} : { manualMappingRow: source.manualMapping + 1 }),
	};
}
