/**
 * Licence Sync planner at reseller scale: 50,000 subscriptions x 50,000 PSA
 * licences x 5,000 customer mappings. Run: npx ts-node --transpile-only bench/licences.bench.ts
 */
import { type ActionCounts, type LicencePlanInput, planLicences } from '../core/licences';

const SUBSCRIPTIONS = 50_000;
const LICENCES = 50_000;
const CUSTOMERS = 5_000;
const RUNS = 5;

/** Mostly linked licences (some out of step), new subscriptions to create, deletions within the safety limit, unlinked licences. */
function buildInput(): LicencePlanInput {
	const mappings = Array.from({ length: CUSTOMERS }, (_, c) => ({
		westcoastId: `C${c}`,
		westcoastName: `Customer ${c}`,
		psaId: c + 1,
		psaName: `Client ${c}`,
		matchedBy: 'link',
	}));
	const subscriptions = Array.from({ length: SUBSCRIPTIONS }, (_, s) => ({
		westcoastId: `S${s}`,
		customerId: `C${s % CUSTOMERS}`,
		productName: s % 3 === 0 ? 'Microsoft 365 Business Premium' : 'Exchange Online (Plan 1)',
		serviceName: 'O365',
		displayName: `Product ${s % 50}`,
		quantity: (s % 40) + 1,
		state: s % 25 === 0 ? 'Suspended' : 'Active',
		provisioningStatus: 'Provisioned',
		contractId: `K${s}`,
		contractEndDate: '2027-03-31T00:00:00.000+01:00',
		scheduledTerminationDate: null,
		endDate: '2027-03-31T00:00:00.000+01:00',
		parentSubscriptionId: s % 10 === 9 ? `S${s - 1}` : null,
		vendorReference: null,
		sku: `SKU${s % 50}`,
		purchasePrice: 4.5,
		salesPrice: 5.6,
		currency: 'GBP',
	}));
	const linkedToSubscriptions = 40_000;
	const deleted = 5_000;
	const licences = Array.from({ length: LICENCES }, (_, l) => {
		const link =
			l < linkedToSubscriptions ? `S${l}` : l < linkedToSubscriptions + deleted ? `GONE${l}` : null;
		return {
			id: l + 1,
			client_id: (l % CUSTOMERS) + 1,
			name: `Product ${l % 50}`,
			count: l % 7 === 0 ? 99 : (l % 40) + 1,
			start_date: '2024-04-01T00:00:00',
			end_date: '2027-03-31T00:00:00',
			is_active: true,
			vendor: 'Microsoft',
			distributor: 'Westcoast Cloud',
			product_sku: `SKU${l % 50}`,
			parent_id: null,
			third_party_product: link,
		};
	});
	return { subscriptions, licences, mappings };
}

interface Result {
	name: string;
	ms: number;
	runs: number;
	outcome: ActionCounts;
}

export async function run(): Promise<Result[]> {
	const input = buildInput();
	const name = `licences ${SUBSCRIPTIONS}x${LICENCES}x${CUSTOMERS}`;
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
