import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	DEFAULT_GUARD_WINDOW_DAYS,
	describeSummary,
	parseProductFilter,
	planLicences,
	PlanRefusedError,
	readableEntry,
	readGuardMemory,
	type AcceptedPlan,
	type GuardInput,
	type GuardMemory,
	type LicencePlanEntry,
	type PartialLicencePlanOptions,
} from '../../core/licences';
import { fieldsFor } from '../../core/psa/preset';
import { presetNamed } from '../../core/psa/presets';
import { asNodeError } from '../shared/errors';
import { changeOutput, inputRecords, outputItem, textList, type Sources } from '../shared/items';
import { properties } from './description';

const INPUTS = { subscriptions: 0, licences: 1, mappings: 2 } as const;

export class LicenceSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Licence Sync',
		name: 'licenceSync',
		icon: { light: 'file:licenceSync.svg', dark: 'file:licenceSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["deactivateDeleted"] ? "Deactivates deleted licences" : "Zeroes deleted licences"}}',
		description:
			'Turn Westcoast Cloud subscriptions into exact PSA licence changes, never deactivating on a bad read',
		defaults: { name: 'Licence Sync' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Westcoast Subscriptions', required: true },
			{ type: NodeConnectionTypes.Main, displayName: 'PSA Licences', required: true },
			{ type: NodeConnectionTypes.Main, displayName: 'Customer Mappings', required: true },
		],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Create' },
			{ type: NodeConnectionTypes.Main, displayName: 'Update' },
			{ type: NodeConnectionTypes.Main, displayName: 'Deactivate' },
			{ type: NodeConnectionTypes.Main, displayName: 'Unchanged' },
			{ type: NodeConnectionTypes.Main, displayName: 'Skipped' },
			{ type: NodeConnectionTypes.Main, displayName: 'Summary' },
		],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const input = (index: number) => inputRecords(this.getInputData(index));
		const memory = readMemory(this);
		const windowDays = (this.getNodeParameter('options', 0, {}) as IDataObject).guardWindowDays;
		const guard: GuardInput = {
			now: new Date(),
			windowDays: typeof windowDays === 'number' ? windowDays : DEFAULT_GUARD_WINDOW_DAYS,
			history: memory.history,
		};
		let plan: ReturnType<typeof planLicences>;
		try {
			plan = planLicences(
				{
					subscriptions: input(INPUTS.subscriptions),
					licences: input(INPUTS.licences),
					mappings: input(INPUTS.mappings),
				},
				readOptions(this),
				guard,
			);
		} catch (error) {
			if (!(error instanceof PlanRefusedError)) throw asNodeError(this.getNode(), error);
			const refusal = new NodeOperationError(this.getNode(), error.message, {
				description: Object.entries(error.details)
					.map(([key, value]) => `${key}: ${value}`)
					.join(', '),
			});
			// A refused plan writes nothing, even with Continue On Fail: only the Summary output says why.
			if (!this.continueOnFail()) throw refusal;
			return [
				[],
				[],
				[],
				[],
				[],
				[
					{
						json: { refused: true, code: error.code, error: error.message, ...error.details },
						pairedItem: { item: 0 },
					},
				],
			];
		}

		if (plan.invalidInput.length && !this.continueOnFail()) {
			const first = plan.invalidInput[0];
			throw new NodeOperationError(this.getNode(), first.reason.message, {
				// n8n's item index means the first input; the message names the input and item otherwise.
				itemIndex: first.reason.input === 'subscriptions' ? first.reason.itemIndex : undefined,
				description: `${plan.invalidInput.length} input item(s) cannot be planned. Fix them, or turn on "Continue On Fail" to send them to Skipped.`,
			});
		}
		if (plan.history) memory.keep(plan.history);
		this.addExecutionHints({
			message: [describeSummary(plan.summary), plan.summary.window?.note].filter(Boolean).join(' '),
			location: 'outputPane',
		});

		const batchSize = Number(
			(this.getNodeParameter('options', 0, {}) as IDataObject).batchSize ?? 0,
		);
		const sources = ({ source }: LicencePlanEntry): Sources => [
			{ input: INPUTS.subscriptions, item: source.subscription },
			{ input: INPUTS.licences, item: source.licence },
			...(source.otherLicences ?? []).map((item) => ({ input: INPUTS.licences, item })),
			{ input: INPUTS.mappings, item: source.mapping },
		];
		const perRecord = (entries: LicencePlanEntry[]) =>
			entries.map((entry) => outputItem(readableEntry(entry), sources(entry)));
		// One item per change; the writes are numbered into batches for Halo's array POST.
		return [
			changeOutput(plan.create, batchSize, readableEntry, sources),
			changeOutput(plan.update, batchSize, readableEntry, sources),
			changeOutput(plan.deactivate, batchSize, readableEntry, sources),
			perRecord(plan.unchanged),
			perRecord(plan.skipped),
			[
				{
					json: {
						refused: false,
						...plan.summary,
						...(memory.inSummary && plan.history
							? { guardMemory: { acceptedPlans: plan.history } satisfies GuardMemory }
							: {}),
					} as unknown as IDataObject,
					pairedItem: { item: 0 },
				},
			],
		];
	}
}

/**
 * The runs the guard window remembers, and where to keep this run's. n8n
 * keeps no static data for manual runs: those get no memory (null), and the
 * plan says so.
 */
function readMemory(context: IExecuteFunctions): {
	history: AcceptedPlan[] | null;
	/** Whether the Summary carries the memory for the workflow to store. */
	inSummary: boolean;
	keep(plans: AcceptedPlan[]): void;
} {
	const manual = context.getMode() === 'manual';
	// A dry run is checked against the window but not remembered.
	const remember = context.getNodeParameter('rememberRun', 0, true) !== false;
	if (context.getNodeParameter('guardMemory', 0, 'staticData') === 'expression') {
		let history: AcceptedPlan[] | null = null;
		if (!manual) {
			try {
				history = readGuardMemory(context.getNodeParameter('guardMemoryJson', 0, '{}'));
			} catch (error) {
				throw new NodeOperationError(
					context.getNode(),
					`Guard Memory (JSON): ${(error as Error).message}`,
					{
						description:
							'Give the guardMemory that the Summary of the last production run output, as stored, or {} before the first run.',
					},
				);
			}
		}
		// The workflow stores the Summary's guardMemory.
		return { history, inSummary: remember, keep: () => undefined };
	}
	const memory = context.getWorkflowStaticData('node') as GuardMemory;
	return {
		history: manual ? null : (memory.acceptedPlans ?? []),
		inSummary: false,
		keep: (plans) => {
			if (remember) memory.acceptedPlans = plans;
		},
	};
}

function readOptions(context: IExecuteFunctions): PartialLicencePlanOptions {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const fields = fieldsFor(presetNamed(context.getNodeParameter('psaPreset', 0)), {
		licence: {
			...(context.getNodeParameter('licenceFields', 0, {}) as IDataObject),
			westcoastLink: context.getNodeParameter('westcoastLinkField', 0, ''),
		},
	});
	const chosen = context.getNodeParameter('customerSelection', 0) === 'list';
	const nameRule = context.getNodeParameter('licenceName', 0, 'auto') as string;
	// An expression is evaluated against each subscription item (the first input).
	const licenceName =
		nameRule === 'custom'
			? {
					custom: context.getInputData(INPUTS.subscriptions).map((_, index) => {
						const name = context.getNodeParameter('customLicenceName', index, '');
						return typeof name === 'string' || typeof name === 'number' ? String(name) : null;
					}),
				}
			: (nameRule as Exclude<PartialLicencePlanOptions['licenceName'], object | undefined>);
	return {
		licenceName,
		syncTerms: context.getNodeParameter(
			'syncTerms',
			0,
			[],
		) as PartialLicencePlanOptions['syncTerms'],
		fields: fields.licence,
		state: context.getNodeParameter('state', 0) as 'all' | 'activeOnly',
		productFilter: parseProductFilter(
			String(context.getNodeParameter('productFilter', 0, '') ?? ''),
		),
		customers: chosen ? textList(context.getNodeParameter('customerIds', 0, '')) : 'allMapped',
		deactivateDeleted: context.getNodeParameter('deactivateDeleted', 0) as boolean,
		includeAddons: context.getNodeParameter('includeAddons', 0) as boolean,
		maxDeactivationPercent: context.getNodeParameter('maxDeactivationPercent', 0) as number,
		deletionScope: options.deletionScope as PartialLicencePlanOptions['deletionScope'],
		emitUnchanged: options.emitUnchanged as boolean | undefined,
		minDeactivationsBeforeLimit: options.minDeactivationsBeforeLimit as number | undefined,
		syncPrices: options.syncPrices as boolean | undefined,
	};
}
