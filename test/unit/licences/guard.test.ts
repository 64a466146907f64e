import {
	OPTION_LABEL,
	planLicences,
	PlanRefusedError,
	readGuardMemory,
	type AcceptedPlan,
	type LicencePlan,
	type PartialLicencePlanOptions,
} from '../../../core/licences';
import { applyPlan, C1_TO_11, type Json, licence, subscription } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-06-01T06:00:00Z');

/**
 * A marketplace that loses subscriptions between runs, and a PSA the accepted
 * plans are applied to, with Licence Sync's memory carried from run to run as
 * the node does. `lost(run)` says how many more subscriptions the read loses.
 */
function scheduledRuns(total: number, options: PartialLicencePlanOptions = {}) {
	let licences: Json[] = Array.from({ length: total }, (_, i) =>
		licence({ id: 1000 + i, third_party_product: `S${i}` }),
	);
	let present = total;
	let history: AcceptedPlan[] | null = [];
	let day = 0;
	return {
		/** One daily run after the read lost `lose` more subscriptions; the refusal's message, or null when accepted. */
		run(lose: number, runOptions: PartialLicencePlanOptions = {}, manual = false): string | null {
			present -= lose;
			const subscriptions = Array.from({ length: present }, (_, i) =>
				subscription({ westcoastId: `S${total - present + i}` }),
			);
			const now = new Date(START + day++ * DAY);
			let result: LicencePlan;
			try {
				result = planLicences(
					{ subscriptions, licences, mappings: [C1_TO_11] },
					{ ...options, ...runOptions },
					{ now, windowDays: 7, history: manual ? null : history },
				);
			} catch (error) {
				if (!(error instanceof PlanRefusedError)) throw error;
				present += lose; // the refused run's losses come back with a good read... or not; the test decides
				return error.message;
			}
			if (!manual) history = result.history ?? null;
			licences = applyPlan(licences, result);
			return null;
		},
		zeroed: () => licences.filter((item) => item.count === 0).length,
		skipDays(days: number) {
			day += days;
		},
	};
}

describe('deactivation limit over a rolling window of runs', () => {
	it('stops a read that loses 5 of 100 subscriptions a day before the week passes 20 %', () => {
		const runs = scheduledRuns(100);
		const outcomes = Array.from({ length: 6 }, () => runs.run(5));
		expect(outcomes.slice(0, 4)).toEqual([null, null, null, null]);
		expect(outcomes[4]).toBe(
			'Over the last 7 days the plans would deactivate or zero 25 of 100 live linked licences (25%: 20 in 4 earlier run(s), ' +
				'5 more in this one), more than "Max Deactivations (%)" (20%, with at least 3 always allowed). A read that loses ' +
				'a few subscriptions every run looks like this, so nothing was planned. If these changes are right, set ' +
				'"Max Deactivations (%)" to 25 for one run, then back to 20: a run accepted that way starts the window afresh.',
		);
		expect(runs.zeroed()).toBe(20);
	});

	it('stops 3 a run through the always-allowed minimum of 3 at the second run', () => {
		const runs = scheduledRuns(10);
		expect(runs.run(3)).toBeNull();
		expect(runs.run(3)).toMatch(/6 of 10 live linked licences/);
		expect(runs.zeroed()).toBe(3);
	});

	it('forgets runs older than the window', () => {
		const runs = scheduledRuns(100);
		for (let i = 0; i < 4; i++) expect(runs.run(5)).toBeNull();
		runs.skipDays(7);
		expect(runs.run(5)).toBeNull();
		expect(runs.zeroed()).toBe(25);
	});

	it('counts a licence planned twice (its write failed) once', () => {
		const licences = Array.from({ length: 10 }, (_, i) =>
			licence({ id: 1000 + i, third_party_product: `S${i}` }),
		);
		const subscriptions = licences
			.slice(3)
			.map((_, i) => subscription({ westcoastId: `S${i + 3}` }));
		let history: AcceptedPlan[] = [];
		for (let day = 0; day < 3; day++) {
			const result = planLicences(
				{ subscriptions, licences, mappings: [C1_TO_11] },
				{},
				{ now: new Date(START + day * DAY), windowDays: 7, history },
			);
			expect(result.deactivate).toHaveLength(3);
			expect(result.summary.window).toMatchObject({
				deactivations: 3,
				thisRun: 3,
				earlierRuns: day,
			});
			history = result.history ?? [];
		}
	});

	it('a first legitimate clean-up has one way through, named in the refusal; setting the option back then works', () => {
		const runs = scheduledRuns(15);
		const refusal = runs.run(4);
		expect(refusal).toContain(
			`more than "${OPTION_LABEL.maxDeactivationPercent}" (20%, with at least 3 always allowed)`,
		);
		expect(refusal).toContain(
			`set "${OPTION_LABEL.maxDeactivationPercent}" to 27 for one run, then back to 20.`,
		);
		expect(runs.run(4, { maxDeactivationPercent: 27 })).toBeNull();
		expect(runs.zeroed()).toBe(4);
		// Back at 20 %: the approved clean-up no longer counts, the next small change goes through.
		expect(runs.run(1)).toBeNull();
		expect(runs.zeroed()).toBe(5);
	});

	it('manual runs apply only their own limit, keep no memory, and say so', () => {
		const licences = Array.from({ length: 10 }, (_, i) =>
			licence({ id: 1000 + i, third_party_product: `S${i}` }),
		);
		const subscriptions = licences
			.slice(3)
			.map((_, i) => subscription({ westcoastId: `S${i + 3}` }));
		const history: AcceptedPlan[] = [
			{
				at: new Date(START - DAY).toISOString(),
				liveLicences: 10,
				deactivated: ['1', '2', '3'],
				maxDeactivationPercent: 20,
			},
		];
		const input = { subscriptions, licences, mappings: [C1_TO_11] };
		expect(() => planLicences(input, {}, { now: new Date(START), windowDays: 7, history })).toThrow(
			/6 of 10 live linked licences/,
		);
		const manual = planLicences(input, {}, { now: new Date(START), windowDays: 7, history: null });
		expect(manual.deactivate).toHaveLength(3);
		expect(manual.history).toBeNull();
		expect(manual.summary.window).toMatchObject({ applied: false, deactivations: 3 });
		expect(manual.summary.window?.note).toMatch(/^Manual run: n8n keeps no workflow static data/);
	});

	it('shows the window in the Summary', () => {
		const licences = Array.from({ length: 20 }, (_, i) =>
			licence({ id: 1000 + i, third_party_product: `S${i}` }),
		);
		const subscriptions = licences
			.slice(2)
			.map((_, i) => subscription({ westcoastId: `S${i + 2}` }));
		const result = planLicences(
			{ subscriptions, licences, mappings: [C1_TO_11] },
			{},
			{
				now: new Date(START),
				windowDays: 7,
				history: [
					{
						at: new Date(START - 2 * DAY).toISOString(),
						liveLicences: 20,
						deactivated: ['900'],
						maxDeactivationPercent: 20,
					},
					{
						at: new Date(START - 9 * DAY).toISOString(),
						liveLicences: 20,
						deactivated: ['901'],
						maxDeactivationPercent: 20,
					},
				],
			},
		);
		expect(result.summary.window).toEqual({
			windowDays: 7,
			applied: true,
			note: 'Last 7 days: 3 licence(s) deactivated or zeroed (2 in this run) of 20 live linked licences; 4 allowed.',
			earlierRuns: 1,
			deactivations: 3,
			thisRun: 2,
			liveLicences: 20,
			allowed: 4,
		});
		expect(result.history?.map((plan) => plan.deactivated)).toEqual([['900'], ['1000', '1001']]);
	});
});

describe('the guard memory as stored outside n8n (queue mode)', () => {
	const plan: AcceptedPlan = {
		at: '2026-06-01T06:00:00.000Z',
		liveLicences: 40,
		deactivated: ['1000', '1001'],
		maxDeactivationPercent: 20,
	};

	it('reads the accepted plans from JSON text or an object, and no memory yet as none', () => {
		expect(readGuardMemory(JSON.stringify({ acceptedPlans: [plan] }))).toEqual([plan]);
		expect(readGuardMemory({ acceptedPlans: [plan] })).toEqual([plan]);
		for (const nothing of ['', '  ', '{}', {}, null, undefined])
			expect(readGuardMemory(nothing)).toEqual([]);
	});

	it('refuses what is not that memory, so that a wrong expression never passes for an empty window', () => {
		expect(() => readGuardMemory('{"acceptedPlans": [')).toThrow(/^The guard memory is not JSON/);
		expect(() => readGuardMemory([plan])).toThrow(/must be an object such as \{"acceptedPlans"/);
		expect(() => readGuardMemory({ acceptedPlans: 'none' })).toThrow(
			/"acceptedPlans" must be a list/,
		);
		expect(() =>
			readGuardMemory({ acceptedPlans: [plan, { ...plan, deactivated: [1000] }] }),
		).toThrow('The guard memory\'s accepted plan 2 has no list of licence ids "deactivated"');
		expect(() => readGuardMemory({ acceptedPlans: [{ ...plan, at: 'yesterday' }] })).toThrow(
			/accepted plan 1 has no ISO date "at"/,
		);
	});
});
