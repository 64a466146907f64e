/**
 * Mapping Resolver planner at scale: 10,000 Westcoast x 10,000 PSA customers
 * (linked, exact-name, normalized-name and unmatched ones), planned with
 * creates on, and with creates off (every unmatched customer gets fuzzy
 * candidates). Run: npx ts-node --transpile-only bench/mapping.bench.ts
 */
import { planCustomerMapping, type MappingOptions, type MappingPlan } from '../core/mapping';
import { random } from '../sandbox/random';

const CUSTOMERS = 10_000;
const RUNS = 5;

const WORDS = (
	'Acme Blue Cedar Delta Eagle Falcon Granite Harbour Iris Juniper Kestrel Lumen Maple North ' +
	'Orbit Pine Quartz River Summit Thames Union Vertex West Yorke Systems Solutions Consulting ' +
	'Logistics Dental Legal Foods Motors Energy Design'
).split(' ');
const SUFFIXES = ['Ltd', 'Limited', 'LLP', 'PLC', 'Inc'];

interface Input {
	westcoast: unknown[];
	psa: unknown[];
}

/**
 * Per customer n: 40% linked by an earlier run, 25% same name, 15% same name
 * once normalized, 20% not in the PSA (the PSA has as many customers of its own).
 */
function buildInput(): Input {
	const rng = random(20_240_401);
	const westcoast: unknown[] = [];
	const psa: unknown[] = [];
	for (let n = 0; n < CUSTOMERS; n++) {
		const name = `${rng.pick(WORDS)} ${rng.pick(WORDS)} ${n} ${rng.pick(SUFFIXES)}`;
		const westcoastId = `WC-${100_000 + n}`;
		const address = {
			street: `${n} High Street`,
			city: rng.pick(['Leeds', 'York', 'Hull']),
			postcode: null,
			country: 'GB',
		};
		westcoast.push({
			westcoastId,
			name,
			state: 'Active',
			vatId: null,
			domains: [],
			email: null,
			address,
			currency: 'GBP',
		});
		const kind = n % 20;
		const psaName =
			kind < 8
				? `Renamed ${n}`
				: kind < 13
					? name
					: kind < 16
						? `${name.toUpperCase().replace(/ \S+$/, '')} Limited`
						: `Own ${n} ${rng.pick(WORDS)}`;
		psa.push({
			id: n + 1,
			name: psaName,
			toplevel_id: 1,
			main_site_id: (n + 1) * 10,
			main_delivery_address: { line1: `${n} High Street`, line3: 'Leeds' },
			external_links:
				kind < 8 ? [{ third_party_id: westcoastId, third_party_type: 'Westcoast Cloud' }] : [],
		});
	}
	return { westcoast, psa };
}

interface Result {
	name: string;
	ms: number;
	runs: number;
	/** What the plan held, to show the mix was exercised. */
	outcome: Record<string, number>;
}

function outcomeOf(plan: MappingPlan): Record<string, number> {
	const outcome: Record<string, number> = { create: plan.create.length, review: 0 };
	for (const { matchedBy } of plan.mapped) outcome[matchedBy] = (outcome[matchedBy] ?? 0) + 1;
	for (const { subject } of plan.review) if (subject === 'westcoastCustomer') outcome.review++;
	return outcome;
}

function measure(name: string, input: Input, options: Partial<MappingOptions>): Result {
	const times: number[] = [];
	let plan: MappingPlan | undefined;
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		plan = planCustomerMapping(
			{ westcoastCustomers: input.westcoast, psaCustomers: input.psa },
			options,
		);
		times.push(performance.now() - start);
	}
	const ms = Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]);
	const outcome = outcomeOf(plan as MappingPlan);
	const parts = Object.entries(outcome).map(([key, count]) => `${count} ${key}`);
	// eslint-disable-next-line no-console -- a benchmark reports on the console
	console.log(`${name}: ${ms} ms (median of ${RUNS}) [${parts.join(', ')}]`);
	return { name, ms, runs: RUNS, outcome };
}

export async function run(): Promise<Result[]> {
	const input = buildInput();
	const name = `mapping ${CUSTOMERS}x${CUSTOMERS}`;
	return [
		measure(name, input, {
			matchNormalizedName: true,
			createMissing: true,
			updateSiteAddress: true,
		}),
		measure(`${name} (creates off: fuzzy candidates)`, input, {
			matchNormalizedName: true,
			createMissing: false,
		}),
	];
}

if (require.main === module) void run();
