/**
 * What a sync run planned, as rows and sentences: from the items Mapping
 * Resolver and Licence Sync output (their json as is, one item per change).
 * Pure: the node and the demo both feed it.
 */
import { LICENCE_REASONS, type ReasonCode } from '../licences/reasons';
import type { LicencePlanEntry, LicencePlanSummary } from '../licences/types';
import type {
	AddressChangeEntry,
	CreateEntry as CustomerCreateEntry,
	MappedEntry,
	MappingTableRow,
	MatchRule,
	ReviewEntry,
} from '../mapping/types';
import type { CustomerChanges } from './html';

export interface CustomerOutputs {
	mapped: MappedEntry[];
	create: CustomerCreateEntry[];
	addressChanges: AddressChangeEntry[];
	review: ReviewEntry[];
	table: MappingTableRow[];
}

/** Licence Sync's Summary item: a plan's summary, or why the plan was refused. */
export type LicenceSummaryItem =
	| ({ refused: false } & LicencePlanSummary)
	| { refused: true; code: string; error: string; [detail: string]: unknown };

export interface LicenceOutputs {
	create: LicencePlanEntry[];
	update: LicencePlanEntry[];
	deactivate: LicencePlanEntry[];
	skipped: LicencePlanEntry[];
	summary: LicenceSummaryItem | null;
}

export interface SyncReportInput {
	workflowName: string;
	/** When the report was made (ISO text): the renderer reads no clock. */
	generatedAt: string;
	/** Null when the run has no Mapping Resolver output. */
	customers: CustomerOutputs | null;
	/** Null when the run did not get to Licence Sync (customers only). */
	licences: LicenceOutputs | null;
	/** Why the run wrote nothing (or no more), e.g. a dry run: shown first, the totals then read as planned. */
	notWritten?: string;
}

export type CountRow = [label: string, count: number];

const isMappedRow = (row: MappingTableRow, rule: MatchRule) =>
	row.status === 'mapped' && row.matchedBy === rule;

export function customerTotals(customers: CustomerOutputs): CountRow[] {
	const count = (rule: MatchRule) => customers.table.filter((row) => isMappedRow(row, rule)).length;
	return [
		['mapped by stored link', count('link')],
		['mapped by manual mapping', count('manual')],
		['mapped by exact name', count('exactName')],
		['mapped by normalized name', count('normalizedName')],
		['created', customers.create.length],
		['links stored', customers.mapped.filter((entry) => entry.link !== undefined).length],
		['main sites updated', customers.addressChanges.length],
		['needing review', customers.table.filter((row) => row.status === 'review').length],
	];
}

export function licenceTotals({ summary }: LicenceOutputs): CountRow[] {
	if (!summary || summary.refused) return [];
	const { byAction, byReason } = summary;
	const zeroed = byReason.deletedUpstreamZeroed ?? 0;
	return [
		['created', byAction.create],
		['updated', byAction.update],
		['deactivated', byAction.deactivate - zeroed],
		['zeroed (deleted in Westcoast)', zeroed],
		['unchanged', byAction.unchanged],
		['skipped', byAction.skipped],
	];
}

const show = (value: unknown) =>
	value === null || value === undefined ? '(none)' : String(value).replace(/T00:00:00$/, '');

/** A licence entry's product: the name it carries (planner output or payload), else its subscription ID. */
function productOf(entry: LicencePlanEntry): string {
	const record = entry as unknown as Record<string, unknown>;
	const payload = (entry.payload ?? {}) as Record<string, unknown>;
	const name = [record.productName, record.licenceName, payload.name].find(
		(value) => typeof value === 'string' && value !== '',
	);
	const id = entry.westcoastSubscriptionId ?? '?';
	return name === undefined ? `subscription ${id}` : `${String(name)} (${id})`;
}

/** One licence change as a sentence. */
export function licenceChangeLine(entry: LicencePlanEntry, product = productOf(entry)): string {
	switch (entry.action) {
		case 'create':
			return `${product}: licence created, ${show(entry.payload.count)} seats, ends ${show(entry.payload.end_date)}`;
		case 'update':
			return `${product}: licence ${entry.psaLicenceId} ${entry.changes
				.map((change) => `${change.field} ${show(change.from)} -> ${show(change.to)}`)
				.join(', ')}`;
		default:
			return `${product}: licence ${entry.psaLicenceId ?? '(none)'}: ${entry.reason?.message ?? entry.action}`;
	}
}

/** What the run changed, customer by customer (Westcoast name), in first-seen order. */
export function changesByCustomer({ customers, licences }: SyncReportInput): CustomerChanges[] {
	const names = new Map<string, string>();
	for (const row of customers?.table ?? [])
		if (row.westcoastId && row.westcoastName) names.set(row.westcoastId, row.westcoastName);
	for (const entry of customers?.mapped ?? [])
		if (entry.westcoastName) names.set(entry.westcoastId, entry.westcoastName);
	const byCustomer = new Map<string, string[]>();
	const add = (westcoastId: string | null | undefined, change: string) => {
		const customer = names.get(westcoastId ?? '') ?? `Westcoast customer ${westcoastId ?? '?'}`;
		byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), change]);
	};
	for (const entry of customers?.create ?? [])
		add(entry.westcoastId, 'created in Halo, with its Westcoast link');
	for (const entry of customers?.mapped ?? [])
		if (entry.link !== undefined)
			add(
				entry.westcoastId,
				`linked to Halo client ${entry.psaId} "${entry.psaName}" (${entry.matchedBy})`,
			);
	for (const entry of customers?.addressChanges ?? [])
		add(
			entry.westcoastId,
			`main site ${entry.siteId}: ${entry.changes.map((change) => `${change.field} "${show(change.from)}" -> "${change.to}"`).join(', ')}`,
		);
	for (const entry of [
		...(licences?.create ?? []),
		...(licences?.update ?? []),
		...(licences?.deactivate ?? []),
	])
		add(entry.westcoastCustomerId, licenceChangeLine(entry));
	return [...byCustomer].map(([customer, changes]) => ({ customer, changes }));
}

/** Reasons that are changes (deactivations), not "left alone". */
const CHANGE_REASONS: ReadonlySet<string> = new Set([
	'inactiveUpstream',
	'deletedUpstream',
	'deletedUpstreamZeroed',
]);

/** Licences left alone, by reason: [code, count, meaning]. */
export function leftAloneByReason(licences: LicenceOutputs): Array<[string, number, string]> {
	const summary = licences.summary;
	if (!summary || summary.refused) return [];
	return Object.entries(summary.byReason)
		.filter(([code]) => !CHANGE_REASONS.has(code))
		.map(([code, count]) => [code, count ?? 0, LICENCE_REASONS[code as ReasonCode] ?? '']);
}
