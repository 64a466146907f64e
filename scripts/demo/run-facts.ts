/** A run's outcome as rows and sentences, for the console and the HTML report alike. */
import type { LicencePlanEntry } from '../../core/licences/types';
import { licenceChangeLine, type CustomerChanges } from '../../core/report';
import type { RunOutcome } from './run-outcome';

export type CountRow = [label: string, count: number];

export function customerCounts({ customers }: RunOutcome): CountRow[] {
	const needingReview = customers.table.filter((row) => row.status === 'review').length;
	return [
		['mapped by stored link', customers.mappedBy.link],
		['mapped by manual mapping', customers.mappedBy.manual],
		['mapped by exact name', customers.mappedBy.exactName],
		['mapped by normalized name', customers.mappedBy.normalizedName],
		['created', customers.created],
		['needing review', needingReview],
	];
}

export function licenceCounts({ licences }: RunOutcome): CountRow[] {
	const byAction = licences?.summary.byAction;
	const zeroed = licences?.zeroed ?? 0;
	return [
		['created', byAction?.create ?? 0],
		['updated', byAction?.update ?? 0],
		['deactivated', (byAction?.deactivate ?? 0) - zeroed],
		['zeroed (deleted upstream)', zeroed],
		['unchanged', byAction?.unchanged ?? 0],
		['skipped', byAction?.skipped ?? 0],
	];
}

/** Names the changes mention: Westcoast customers and subscriptions by id (kept for deleted ones too). */
export interface Names {
	customers: Map<string, string>;
	subscriptions: Map<string, string>;
}

export type { CustomerChanges } from '../../core/report';

const show = (value: unknown) =>
	value === null || value === undefined ? '(none)' : String(value).replace(/T00:00:00$/, '');

function licenceChange(entry: LicencePlanEntry, names: Names): string {
	const subscription = entry.westcoastSubscriptionId ?? '?';
	return licenceChangeLine(
		entry,
		`${names.subscriptions.get(subscription) ?? 'subscription'} (${subscription})`,
	);
}

/** What the run wrote, customer by customer (Westcoast name), in first-seen order. */
export function changesByCustomer(
	{ customers, licences }: RunOutcome,
	names: Names,
): CustomerChanges[] {
	const byCustomer = new Map<string, string[]>();
	const add = (westcoastId: string | null, change: string) => {
		const customer =
			names.customers.get(westcoastId ?? '') ?? `Westcoast customer ${westcoastId ?? '?'}`;
		byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), change]);
	};
	for (const row of customers.table)
		if (row.status === 'create') add(row.westcoastId, 'created in Halo, with its Westcoast link');
	for (const entry of customers.newLinks)
		add(
			entry.westcoastId,
			`linked to Halo client ${entry.psaId} "${entry.psaName}" (${entry.matchedBy})`,
		);
	for (const entry of customers.addressChanges)
		add(
			entry.westcoastId,
			`main site ${entry.siteId}: ${entry.changes.map((change) => `${change.field} "${show(change.from)}" -> "${change.to}"`).join(', ')}`,
		);
	for (const entry of licences?.changes ?? [])
		add(entry.westcoastCustomerId, licenceChange(entry, names));
	return [...byCustomer].map(([customer, changes]) => ({ customer, changes }));
}
