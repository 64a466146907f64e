import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
import { LICENCE_SYNC_IO } from '../../core/node-io';
import { fieldsFor } from '../../core/psa/preset';
import { presetNamed } from '../../core/psa/presets';
import { asNodeError } from '../shared/errors';
import {
	byOutput,
	changeOutput,
	inputRecords,
	outputItem,
	textList,
	type Sources,
} from '../shared/items';
import { description } from './description';

const { inputs: INPUTS } = LICENCE_SYNC_IO;

export class LicenceSync implements INodeType {
	description: INodeTypeDescription = {
		...description,
		// n8n's community lint reads these from the node class itself.
		icon: { light: 'file:licenceSync.svg', dark: 'file:licenceSync.dark.svg' },
		subtitle:
			'={{$parameter["deactivateDeleted"] ? "Deactivates deleted licences" : "Zeroes deleted licences"}}',
		usableAsTool: true,
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
					subscriptions: input(INPUTS.subscriptions.index),
					licences: input(INPUTS.licences.index),
					mappings: input(INPUTS.mappings.index),
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
			return byOutput(LICENCE_SYNC_IO, {
				create: [],
				update: [],
				deactivate: [],
				unchanged: [],
				skipped: [],
				summary: [
					{
						json: { refused: true, code: error.code, error: error.message, ...error.details },
						pairedItem: { item: 0 },
					},
				],
			});
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
			{ input: INPUTS.subscriptions.index, item: source.subscription },
			{ input: INPUTS.licences.index, item: source.licence },
			...(source.otherLicences ?? []).map((item) => ({ input: INPUTS.licences.index, item })),
			{ input: INPUTS.mappings.index, item: source.mapping },
		];
		const perRecord = (entries: LicencePlanEntry[]) =>
			entries.map((entry) => outputItem(readableEntry(entry), sources(entry)));
		// One item per change; the writes are numbered into batches for Halo's array POST.
		return byOutput(LICENCE_SYNC_IO, {
			create: changeOutput(plan.create, batchSize, readableEntry, sources),
			update: changeOutput(plan.update, batchSize, readableEntry, sources),
			deactivate: changeOutput(plan.deactivate, batchSize, readableEntry, sources),
			unchanged: perRecord(plan.unchanged),
			skipped: perRecord(plan.skipped),
			summary: [
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
		});
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
					custom: context.getInputData(INPUTS.subscriptions.index).map((_, index) => {
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
		emitSkipped: options.emitSkipped as boolean | undefined,
		minDeactivationsBeforeLimit: options.minDeactivationsBeforeLimit as number | undefined,
		syncPrices: options.syncPrices as boolean | undefined,
	};
}
