import { PlanRefusedError } from '../refusal';
import { OPTION_LABEL } from './options';
import { deactivatesOrZeroes, isLiveLicence } from './safety';
import type { LicencePlanEntry, LicencePlanOptions } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_GUARD_WINDOW_DAYS = 7;

/** One accepted plan, as Licence Sync remembers it in workflow static data. */
export interface AcceptedPlan {
	/** ISO 8601. */
	at: string;
	/** The live linked licences the plan managed. */
	liveLicences: number;
	/** PSA ids of the licences it deactivated or zeroed. */
	deactivated: string[];
	/** "Max Deactivations (%)" when it was accepted. */
	maxDeactivationPercent: number;
}

/**
 * What Licence Sync keeps between runs: in workflow static data (its node's
 * memory), or, in n8n's queue mode, wherever the workflow stores the
 * Summary's guardMemory (a worker starts each production run with empty
 * static data).
 */
export interface GuardMemory {
	acceptedPlans?: AcceptedPlan[];
}

/** Where a remembered plan is wrong, in words for the user. */
function planProblem(plan: unknown): string | undefined {
	if (typeof plan !== 'object' || plan === null) return 'is not an object';
	const { at, liveLicences, deactivated, maxDeactivationPercent } = plan as Record<string, unknown>;
	if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return 'has no ISO date "at"';
	if (typeof liveLicences !== 'number') return 'has no number "liveLicences"';
	if (!Array.isArray(deactivated) || deactivated.some((id) => typeof id !== 'string'))
		return 'has no list of licence ids "deactivated"';
	if (typeof maxDeactivationPercent !== 'number') return 'has no number "maxDeactivationPercent"';
	return undefined;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

/**
 * The accepted plans in a memory given as JSON text or an object: empty for
 * no memory yet (nothing stored: "", null, {}), an error for anything else
 * that is not the format above, so that a wrong expression never passes for
 * an empty window.
 */
export function readGuardMemory(value: unknown): AcceptedPlan[] {
	let memory = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return [];
		memory = parseJson(value);
		if (memory === NOT_JSON) throw new Error(`The guard memory is not JSON: ${value.slice(0, 60)}`);
	}
	if (memory === null || memory === undefined) return [];
	if (typeof memory !== 'object' || Array.isArray(memory))
		throw new Error('The guard memory must be an object such as {"acceptedPlans": [...]}');
	const plans = (memory as GuardMemory).acceptedPlans ?? [];
	if (!Array.isArray(plans)) throw new Error('The guard memory\'s "acceptedPlans" must be a list');
	plans.forEach((plan, index) => {
		const problem = planProblem(plan);
		if (problem) throw new Error(`The guard memory's accepted plan ${index + 1} ${problem}`);
	});
	return plans;
}

export interface GuardInput {
	now: Date;
	/** The rolling window; 0 keeps only the per-run limit. */
	windowDays: number;
	/** Accepted plans remembered so far; null when there is no memory (a manual run). */
	history: readonly AcceptedPlan[] | null;
}

/** The window's figures, for the Summary. */
export interface GuardFigures {
	windowDays: number;
	/** False for a manual run (no memory): only the per-run limit applied. */
	applied: boolean;
	note: string;
	/** Earlier accepted runs counted in the window. */
	earlierRuns: number;
	/** Distinct licences deactivated or zeroed in the window, this run included. */
	deactivations: number;
	thisRun: number;
	/** The most live linked licences a counted run (or this one) managed: the limit's base. */
	liveLicences: number;
	/** How many the limit allows in the window. */
	allowed: number;
}

export interface GuardResult {
	figures: GuardFigures;
	/** What to remember after this plan is accepted (the window's runs and this one). */
	history: AcceptedPlan[] | null;
}

const percentOf = (part: number, whole: number) =>
	whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;

/**
 * The deactivation limit over a rolling window of runs, not only this one: a
 * read that loses a few subscriptions every day stays under the per-run limit
 * each time. Licences are counted once however often planned (a plan whose
 * writes failed is planned again). A run accepted with a higher "Max
 * Deactivations (%)" than now was a person's decision: it and the runs before
 * it no longer count, so setting the option back after a clean-up does not
 * refuse the next run.
 *
 * @throws PlanRefusedError (windowLimitExceeded) when the window's total exceeds the limit.
 */
export function checkDeactivationWindow(
	entries: readonly LicencePlanEntry[],
	guard: GuardInput,
	options: Pick<
		LicencePlanOptions,
		'maxDeactivationPercent' | 'minDeactivationsBeforeLimit' | 'fields'
	>,
): GuardResult {
	const { maxDeactivationPercent: percent, minDeactivationsBeforeLimit: floor } = options;
	const { windowDays } = guard;
	const thisRun = [
		...new Set(
			entries
				.filter((entry) => deactivatesOrZeroes(entry, options.fields))
				.map((entry) => String(entry.psaLicenceId)),
		),
	];
	const live = entries.filter(isLiveLicence).length;
	const thisPlan: AcceptedPlan = {
		at: guard.now.toISOString(),
		liveLicences: live,
		deactivated: thisRun,
		maxDeactivationPercent: percent,
	};
	const perRunOnly = (note: string): GuardResult => ({
		figures: {
			windowDays,
			applied: false,
			note,
			earlierRuns: 0,
			deactivations: thisRun.length,
			thisRun: thisRun.length,
			liveLicences: live,
			allowed: Math.max((percent / 100) * live, floor),
		},
		history: guard.history === null ? null : [],
	});
	if (guard.history === null) {
		return perRunOnly(
			`Manual run: n8n keeps no workflow static data for manual runs, so only this run's limit applied; the ${windowDays}-day window guards scheduled and webhook runs.`,
		);
	}
	if (windowDays <= 0) {
		return perRunOnly(`"${OPTION_LABEL.guardWindowDays}" is 0: only this run's limit applied.`);
	}

	const since = guard.now.getTime() - windowDays * DAY_MS;
	const inWindow = guard.history.filter((plan) => Date.parse(plan.at) > since);
	let lastApproved = -1;
	inWindow.forEach((plan, index) => {
		if (plan.maxDeactivationPercent > percent) lastApproved = index;
	});
	const counted = inWindow.slice(lastApproved + 1);
	const earlier = new Set(counted.flatMap((plan) => plan.deactivated));
	const all = new Set([...earlier, ...thisRun]);
	const base = Math.max(live, ...counted.map((plan) => plan.liveLicences));
	const allowed = Math.max((percent / 100) * base, floor);
	const figures: GuardFigures = {
		windowDays,
		applied: true,
		note: `Last ${windowDays} days: ${all.size} licence(s) deactivated or zeroed (${thisRun.length} in this run) of ${base} live linked licences; ${Math.floor(allowed)} allowed.`,
		earlierRuns: counted.length,
		deactivations: all.size,
		thisRun: thisRun.length,
		liveLicences: base,
		allowed,
	};
	if (percent < 100 && thisRun.length > 0 && all.size > allowed) {
		const needed = Math.min(100, Math.ceil((all.size / base) * 100));
		const label = OPTION_LABEL.maxDeactivationPercent;
		throw new PlanRefusedError(
			'windowLimitExceeded',
			`Over the last ${windowDays} days the plans would deactivate or zero ${all.size} of ${base} live linked licences ` +
				`(${percentOf(all.size, base)}%: ${earlier.size} in ${counted.length} earlier run(s), ${all.size - earlier.size} more in this one), ` +
				`more than "${label}" (${percent}%, with at least ${floor} always allowed). ` +
				'A read that loses a few subscriptions every run looks like this, so nothing was planned. If these changes are right, ' +
				`set "${label}" to ${needed} for one run, then back to ${percent}: a run accepted that way starts the window afresh.`,
			{
				deactivations: all.size,
				thisRun: thisRun.length,
				earlierRuns: counted.length,
				linkedLicences: base,
				maxDeactivationPercent: percent,
				minDeactivationsBeforeLimit: floor,
				windowDays,
			},
		);
	}
	return { figures, history: [...inWindow, thisPlan] };
}
