/** What the demo's runs must show; any difference fails the demo. */
import type { LicencePlanEntry } from '../../core/licences/types';
import type { SyncRun } from '../../harness/daily-sync/environment';
import type { RunOutcome } from './run-outcome';
import type { DemoChanges } from './westcoast-changes';

/** The run succeeded and Halo accepted every request (its strict mode refuses unknown fields). */
export function runProblems({ result, haloRequests }: SyncRun): string[] {
	const problems = result.error ? [`the run failed: ${result.error.message}`] : [];
	for (const request of haloRequests)
		if (request.status >= 400)
			problems.push(`Halo answered ${request.status} to ${request.method} ${request.path}`);
	return problems;
}

const describe = (entry: LicencePlanEntry) =>
	`${entry.action} ${entry.westcoastSubscriptionId} (${entry.reason?.code ?? entry.changes.map((change) => change.field).join(', ')})`;

/** Run 2 writes exactly the four changes made in Westcoast. */
export function secondRunProblems(outcome: RunOutcome, made: DemoChanges): string[] {
	const problems: string[] = [];
	const created = outcome.customers.table
		.filter((row) => row.status === 'create')
		.map((row) => row.westcoastId);
	if (created.join() !== made.newCustomerId)
		problems.push(`customers created: [${created.join(', ')}], expected [${made.newCustomerId}]`);

	const changes = outcome.licences?.changes ?? [];
	const expected = [
		{
			id: made.quantityChanged.id,
			matches: (entry: LicencePlanEntry) =>
				entry.action === 'update' &&
				entry.changes.some(
					(change) => change.field === 'count' && change.to === made.quantityChanged.to,
				),
		},
		{
			id: made.cancelled,
			matches: (entry: LicencePlanEntry) =>
				entry.action === 'deactivate' && entry.reason?.code === 'inactiveUpstream',
		},
		{
			id: made.deleted,
			matches: (entry: LicencePlanEntry) =>
				entry.action === 'deactivate' && entry.reason?.code === 'deletedUpstreamZeroed',
		},
	];
	for (const { id, matches } of expected)
		if (!changes.some((entry) => entry.westcoastSubscriptionId === id && matches(entry)))
			problems.push(`no licence change of the expected kind for subscription ${id}`);
	if (changes.length !== expected.length)
		problems.push(
			`licence changes: ${changes.map(describe).join('; ')}; expected ${expected.length}`,
		);
	return problems;
}

/** Run 3 has nothing to do. */
export function thirdRunProblems(outcome: RunOutcome): string[] {
	return outcome.haloWrites.map((write) => `unexpected Halo write: ${write.method} ${write.path}`);
}
