/** Licence Sync's Licence Name and Keep Terms in Step parameters, through n8n's engine. */
import { workflowFeeding } from '../../harness/in-process/fixture-workflow';
import { runWorkflow } from '../../harness/in-process/run-workflow';

const subscription = (westcoastId: string, overrides: Record<string, unknown> = {}) => ({
	westcoastId,
	customerId: 'C1',
	productName: '521266_BackupOrder_91798',
	vendorDisplayName: 'Acronis Cyber Protect Cloud - Per Workload',
	displayName: 'Acronis Cyber Protect Cloud',
	serviceName: 'AcronisCyberProtect',
	quantity: 4,
	state: 'Active',
	endDate: '2027-03-31T00:00:00.000Z',
	billingCycle: 'Monthly',
	commitmentMonths: 12,
	autoRenew: true,
	billingStartDate: '2026-04-01T00:00:00.000Z',
	...overrides,
});
const mappings = [{ westcoastId: 'C1', psaId: 11 }];
const CREATE = 0;

async function created(parameters: Record<string, unknown>, subscriptions: unknown[]) {
	const { error, output } = await runWorkflow(
		workflowFeeding('licenceSync', { psaPreset: 'haloPsa', ...parameters }, [
			subscriptions,
			[],
			mappings,
		]),
	);
	expect(error).toBeUndefined();
	return output('Node', CREATE).map((item) => item.json.payload as Record<string, unknown>);
}

describe('Licence Name', () => {
	it('by default names a licence after the vendor when the product name is an internal key', async () => {
		const [payload] = await created({}, [subscription('S1')]);
		expect(payload.name).toBe('Acronis Cyber Protect Cloud - Per Workload');
	});

	it.each([
		['productName', '521266_BackupOrder_91798'],
		['vendorDisplayName', 'Acronis Cyber Protect Cloud - Per Workload'],
		['serviceDisplayName', 'Acronis Cyber Protect Cloud'],
	])('can be the %s', async (licenceName, expected) => {
		const [payload] = await created({ licenceName }, [subscription('S1')]);
		expect(payload.name).toBe(expected);
	});

	it('can be an expression, evaluated for each subscription', async () => {
		const payloads = await created(
			{
				licenceName: 'custom',
				customLicenceName: '={{ $json.vendorDisplayName }} ({{ $json.westcoastId }})',
			},
			[subscription('S1'), subscription('S2', { vendorDisplayName: 'Keeper Business' })],
		);
		expect(payloads.map((payload) => payload.name)).toEqual([
			'Acronis Cyber Protect Cloud - Per Workload (S1)',
			'Keeper Business (S2)',
		]);
	});
});

describe('Keep Terms in Step', () => {
	it("writes Halo's term fields in the types its schema declares", async () => {
		const [payload] = await created({}, [subscription('S1')]);
		expect(payload).toMatchObject({
			billing_cycle: 'Monthly',
			term_duration: '12 Months',
			autorenew: true,
			start_date: '2026-04-01T00:00:00',
		});
	});

	it('leaves out the terms that are switched off', async () => {
		const [payload] = await created({ syncTerms: ['autoRenew'] }, [subscription('S1')]);
		expect(payload.autorenew).toBe(true);
		for (const field of ['billing_cycle', 'term_duration', 'start_date'])
			expect(payload).not.toHaveProperty(field);
	});
});
