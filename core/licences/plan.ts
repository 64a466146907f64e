import type { PlanContext } from './context';
import { indexCustomers, type UnusableMapping } from './customers';
import { skippedEntry } from './entries';
import { checkDeactivationWindow, type GuardInput } from './guard';
import { customerSelector, productMatcher } from './filters';
import { indexLicences } from './licences';
import { resolveOptions } from './options';
import { planLinkedLicence } from './plan-licence';
import { planSubscription } from './plan-subscription';
import { SKIPS_TO_ACT_ON } from './reasons';
import { refuseErrorItems, refuseMiswiredInput, refuseUnsafePlan } from './safety';
import { indexSubscriptions } from './subscriptions';
import { isInvalidInput, summarisePlan } from './summary';
import type {
	CreateEntry,
	LicencePlan,
	LicencePlanEntry,
	LicencePlanInput,
	LicencePlanOptions,
	PartialLicencePlanOptions,
	SkippedEntry,
} from './types';

/**
 * Turns Westcoast subscriptions into exact PSA licence changes. Every
 * subscription item, and every licence holding a Westcoast ID, is in exactly
 * one entry; licences without one are never touched. Linear: every join is a
 * Map lookup on IDs compared as strings.
 *
 * With `guard`, the deactivation limit also holds over a rolling window of
 * accepted runs (guard.ts), and the plan carries what to remember.
 *
 * @throws PlanRefusedError on error items, wrong wiring, an empty read, too many deactivations or an invalid option.
 */
export function planLicences(
	input: LicencePlanInput,
	options: PartialLicencePlanOptions = {},
	guard: GuardInput | null = null,
): LicencePlan {
	const resolved = resolveOptions(options);
	refuseErrorItems(input);
	refuseMiswiredInput(input);
	const context: PlanContext = {
		options: resolved,
		customers: indexCustomers(input.mappings),
		subscriptions: indexSubscriptions(input.subscriptions, resolved),
		licences: indexLicences(input.licences, resolved),
		isCustomerSelected: customerSelector(resolved.customers),
		isProductSelected: productMatcher(resolved.productFilter),
	};
	const entries: LicencePlanEntry[] = context.subscriptions.items.map((item) =>
		planSubscription(context, item),
	);
	for (const item of context.licences.linked) {
		const entry = planLinkedLicence(context, item);
		if (entry) entries.push(entry);
	}
	entries.push(...context.customers.unusable.map(planUnusableMapping));
	refuseUnsafePlan(entries, input.subscriptions.length, resolved);
	const window = guard && checkDeactivationWindow(entries, guard, resolved);
	const plan = collectPlan(entries, context, resolved);
	if (!window) return plan;
	return { ...plan, summary: { ...plan.summary, window: window.figures }, history: window.history };
}

/** A mapping item that links nothing: skipped, naming what could be read of it. */
function planUnusableMapping(mapping: UnusableMapping): SkippedEntry {
	return skippedEntry(
		{
			westcoastSubscriptionId: null,
			westcoastCustomerId: mapping.westcoastId,
			psaLicenceId: null,
			psaCustomerId: mapping.psaId,
			productName: null,
			customerName: mapping.name,
			unresolvedParentSubscriptionId: null,
			source: { mapping: mapping.mappingIndex },
		},
		mapping.invalid,
	);
}

function collectPlan(
	entries: readonly LicencePlanEntry[],
	context: PlanContext,
	{ emitUnchanged, emitSkipped }: Pick<LicencePlanOptions, 'emitUnchanged' | 'emitSkipped'>,
): LicencePlan {
	const plan: LicencePlan = {
		create: [],
		update: [],
		deactivate: [],
		unchanged: [],
		skipped: [],
		invalidInput: [],
		summary: summarisePlan(entries, context.subscriptions.items),
	};
	const addonsAwaitingParent: CreateEntry[] = [];
	for (const entry of entries) {
		switch (entry.action) {
			case 'create':
				if (entry.unresolvedParentSubscriptionId === null) plan.create.push(entry);
				else addonsAwaitingParent.push(entry);
				break;
			case 'update':
				plan.update.push(entry);
				break;
			case 'deactivate':
				plan.deactivate.push(entry);
				break;
			case 'unchanged':
				if (emitUnchanged) plan.unchanged.push(entry);
				break;
			case 'skipped':
				if (emitSkipped || SKIPS_TO_ACT_ON.has(entry.reason.code)) plan.skipped.push(entry);
				if (isInvalidInput(entry)) plan.invalidInput.push(entry);
				break;
		}
	}
	plan.create.push(...addonsAwaitingParent);
	return plan;
}
