import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	MATCH_RULE_WORDS,
	planCustomerMapping,
	psaFieldsFor,
	type MappingOptions,
	type MappingPlan,
	type MatchRule,
	type PsaPreset,
} from '../../core/mapping';
import { MAPPING_RESOLVER_IO } from '../../core/node-io';
import { findMiswiring } from '../../core/wiring';
import {
	batchOutput,
	byOutput,
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
		const plan = planCustomerMapping(westcoast, psa, readOptions(this));

		if (plan.invalid.length && !this.continueOnFail()) {
			const first = plan.invalid[0];
			throw new NodeOperationError(this.getNode(), first.message, {
				// n8n's item index means the first input; the message names PSA items itself.
				itemIndex: first.westcoastIndex,
				description: `${plan.invalid.length} input item(s) have the wrong shape. Fix them, or turn on "Continue On Fail" to send them to Review.`,
			});
		}
		this.addExecutionHints({ message: summarize(plan), location: 'outputPane' });

		const batchSize = Number(
			(this.getNodeParameter('options', 0, {}) as IDataObject).batchSize ?? 0,
		);
		const fromWestcoast = (index?: number): Sources => [{ input: WESTCOAST_INPUT, item: index }];
		const fromBoth = (entry: { westcoastIndex?: number; psaIndex?: number }): Sources => [
			...fromWestcoast(entry.westcoastIndex),
			{ input: PSA_INPUT, item: entry.psaIndex },
		];
		const withoutIndexes = <T extends object>(entry: T) =>
			omit(entry, ['westcoastIndex', 'psaIndex']);
		return byOutput(MAPPING_RESOLVER_IO, {
			mapped: [...plan.mapped, ...plan.deletedUpstream].map((entry) =>
				outputItem(mappedJson(entry), fromBoth(entry)),
			),
			create: batchOutput(plan.create, batchSize, withoutIndexes, (entry) =>
				fromWestcoast(entry.westcoastIndex),
			),
			addressChanges: batchOutput(plan.addressChanges, batchSize, withoutIndexes, fromBoth),
			review: plan.review.map((entry) => outputItem(reviewJson(entry), fromBoth(entry))),
			table: plan.table.map((row) =>
				outputItem(withoutIndexes(row), fromWestcoast(row.westcoastIndex)),
			),
		});
	}
}

function readOptions(context: IExecuteFunctions): Partial<MappingOptions> {
	const preset = context.getNodeParameter('psaPreset', 0) as PsaPreset;
	const { address_street, address_city, address_postcode, address_country, ...names } =
		context.getNodeParameter('psaFields', 0, {}) as Record<string, string>;
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const manual = (context.getNodeParameter('manualMappings', 0, {}) as IDataObject).mapping as
		| Array<{ westcoast: string; psaId: string }>
		| undefined;
	const topLevelId = String(context.getNodeParameter('topLevelId', 0, '') ?? '').trim();
	// Halo's toplevel_id is an integer: a name or a typo would be written as text.
	if (preset === 'haloPsa' && topLevelId !== '' && !/^\d{1,9}$/.test(topLevelId)) {
		throw new NodeOperationError(
			context.getNode(),
			`Top Level ID must be the number of a Halo top level, e.g. 12 (got "${topLevelId}")`,
		);
	}
	return {
		fields: psaFieldsFor(preset, {
			...names,
			addressParts: {
				street: address_street,
				city: address_city,
				postcode: address_postcode,
				country: address_country,
			},
		}),
		manualMappings: manual ?? [],
		matchExactName: context.getNodeParameter('matchExactName', 0) as boolean,
		matchNormalizedName: context.getNodeParameter('matchNormalizedName', 0) as boolean,
		createMissing: context.getNodeParameter('createMissing', 0) as boolean,
		topLevelId:
			topLevelId === '' ? null : /^\d+$/.test(topLevelId) ? Number(topLevelId) : topLevelId,
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

/** What a person needs: names, IDs and the message; input positions are in the message. */
function reviewJson(entry: MappingPlan['review'][number]) {
	const { manualMappingIndex, candidates } = entry;
	return {
		...omit(entry, ['westcoastIndex', 'psaIndex', 'manualMappingIndex', 'candidates']),
		...(candidates && {
			candidates: candidates.map(({ psaId, psaName, score }) => ({ psaId, psaName, score })),
		}),
		...(manualMappingIndex === undefined ? {} : { manualMappingRow: manualMappingIndex + 1 }),
	};
}

/** One line for the execution list: how many customers went where, and by which rule. */
function summarize(plan: MappingPlan): string {
	const byRule = new Map<string, number>();
	for (const entry of plan.mapped)
		byRule.set(entry.matchedBy, (byRule.get(entry.matchedBy) ?? 0) + 1);
	const rules = [...byRule]
		.map(([rule, count]) => `${count} ${MATCH_RULE_WORDS[rule as MatchRule]}`)
		.join(', ');
	const reviewed = plan.table.filter((row) => row.status === 'review').length;
	return `Mapping Resolver: ${plan.mapped.length} mapped${rules ? ` (${rules})` : ''}, ${plan.create.length} to create, ${plan.addressChanges.length} address change(s), ${reviewed} need review.`;
}
