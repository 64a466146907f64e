/** The demo's HTML report: counts per run, the mapping table, changes per customer, review items. */
import { LICENCE_REASONS, type ReasonCode } from '../../core/licences/reasons';
import type { MappingTableRow } from '../../core/mapping/types';
import {
	customerChangesHtml,
	escapeHtml as escape,
	htmlPage,
	htmlTable as tableHtml,
	reviewRows,
} from '../../core/report';
import { seconds } from '../../harness/real-n8n/process';
import { haloRequestLine } from './console-output';
import {
	changesByCustomer,
	customerCounts,
	licenceCounts,
	type CountRow,
	type Names,
} from './run-facts';
import type { RunOutcome } from './run-outcome';

export interface ReportRun {
	title: string;
	outcome: RunOutcome;
	durationMs: number;
	/** What was changed in Westcoast before this run. */
	changesBefore: string[];
}

export interface ReportInput {
	runs: ReportRun[];
	names: Names;
	settings: Array<[string, unknown]>;
	sandboxes: { westcoast: string; halo: string };
	totalMs: number;
}

function countsTable(
	runs: ReportRun[],
	what: string,
	counts: (outcome: RunOutcome) => CountRow[],
): string {
	const perRun = runs.map((run) => counts(run.outcome));
	return tableHtml(
		[what, ...runs.map((run) => run.title)],
		perRun[0].map(([label], index) => [label, ...perRun.map((rows) => rows[index][1])]),
	);
}

const rowOutcome = (row: MappingTableRow | undefined) =>
	!row
		? ''
		: row.status === 'mapped'
			? `mapped (${row.matchedBy}) to Halo client ${row.psaId} "${row.psaName}"`
			: row.status === 'create'
				? 'created in Halo'
				: `needs review: ${row.reason}`;

function mappingTable(first: RunOutcome, last: RunOutcome): string {
	const latest = new Map(last.customers.table.map((row) => [row.westcoastId, row]));
	const ids = [
		...new Set([...first.customers.table, ...last.customers.table].map((row) => row.westcoastId)),
	];
	const firstById = new Map(first.customers.table.map((row) => [row.westcoastId, row]));
	return tableHtml(
		['Westcoast customer', 'ID', 'First run', 'Last run'],
		ids.map((id) => {
			const row = firstById.get(id) ?? latest.get(id);
			return [row?.westcoastName, id, rowOutcome(firstById.get(id)), rowOutcome(latest.get(id))];
		}),
	);
}

function reviewItems(outcome: RunOutcome): string {
	const customers = reviewRows(outcome.customers.review);
	const skipped = Object.entries(outcome.licences?.summary.byReason ?? {})
		.filter(
			([code]) => !['inactiveUpstream', 'deletedUpstream', 'deletedUpstreamZeroed'].includes(code),
		)
		.map(([code, count]) => [code, count, LICENCE_REASONS[code as ReasonCode]]);
	return `<h3>Customers</h3>${
		customers.length
			? tableHtml(['Customer', 'Reason', 'Message', 'Candidates'], customers)
			: '<p>None.</p>'
	}<h3>Licences left alone, by reason</h3>${
		skipped.length ? tableHtml(['Reason', 'Licences', 'Meaning'], skipped) : '<p>None.</p>'
	}`;
}

function runSection(run: ReportRun, names: Names): string {
	const changes = changesByCustomer(run.outcome, names);
	const before = run.changesBefore.length
		? `<p>Changed in Westcoast before this run:</p><ul>${run.changesBefore.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>`
		: '';
	const body = customerChangesHtml(changes);
	return `<section><h2>${escape(run.title)} <small>(${seconds(run.durationMs)})</small></h2>${before}<p>${escape(
		haloRequestLine(run.outcome),
	)}</p><details${run.changesBefore.length ? ' open' : ''}><summary>Changes per customer (${changes.length})</summary>${body}</details></section>`;
}

export function renderReport(input: ReportInput): string {
	const { runs } = input;
	const first = runs[0].outcome;
	const last = runs[runs.length - 1].outcome;
	return htmlPage(
		'Westcoast to HaloPSA: daily sync demo',
		`<h1>Westcoast to HaloPSA: daily sync demo</h1>
<p>The workflow <code>workflows/westcoast-halo-daily-sync.json</code>, run by the real n8n against the Westcoast sandbox (${escape(
			input.sandboxes.westcoast,
		)}) and the HaloPSA sandbox (${escape(input.sandboxes.halo)}). Total ${seconds(input.totalMs)}; generated ${escape(
			new Date().toISOString(),
		)}.</p>
${tableHtml(['Setting', 'Value'], input.settings)}
<h2>Summary</h2>
${countsTable(runs, 'Customers', customerCounts)}
${countsTable(runs, 'Licences', licenceCounts)}
${runs.map((run) => runSection(run, input.names)).join('\n')}
<h2>Mapping table</h2>
${mappingTable(first, last)}
<h2>Needs review (last run)</h2>
${reviewItems(last)}`,
	);
}
