/**
 * Licence Sync planner at reseller scale: 50,000 subscriptions x 50,000 PSA
 * licences x 5,000 customer mappings. Run: npx ts-node --transpile-only bench/licences.bench.ts
 */
import { type ActionCounts, planLicences } from '../core/licences';
import { licenceInput } from './scale';

const SUBSCRIPTIONS = 50_000;
const CUSTOMERS = 5_000;
const RUNS = 5;

/** Mostly linked licences (some out of step), new subscriptions, deletions within the safety limit, unlinked licences. */
const buildInput = () => licenceInput(CUSTOMERS, SUBSCRIPTIONS);

interface Result {
	name: string;
	ms: number;
	runs: number;
	outcome: ActionCounts;
}

export async function run(): Promise<Result[]> {
	const input = buildInput();
	const name = `licences ${SUBSCRIPTIONS}x${SUBSCRIPTIONS}x${CUSTOMERS}`;
	const times: number[] = [];
	let outcome: ActionCounts | undefined;
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		outcome = planLicences(input).summary.byAction;
		times.push(performance.now() - start);
	}
	const ms = Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]);
	const parts = Object.entries(outcome as ActionCounts).map(
		([action, count]) => `${count} ${action}`,
	);
	// eslint-disable-next-line no-console -- a benchmark reports on the console
	console.log(`${name}: ${ms} ms (median of ${RUNS}) [${parts.join(', ')}]`);
	return [{ name, ms, runs: RUNS, outcome: outcome as ActionCounts }];
}

if (require.main === module) void run();
