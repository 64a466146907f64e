/** The demo's console lines: progress, per-run summary tables, changes. */
import { seconds } from '../../harness/real-n8n/process';
import { customerCounts, licenceCounts, type CustomerChanges } from './run-facts';
import type { RunOutcome } from './run-outcome';

export const print = (line = '') => process.stdout.write(`${line}\n`);

/** Columns padded to their widest cell; numbers right-aligned. */
export function alignColumns(rows: Array<Array<string | number>>): string[] {
	const widths = rows[0].map((_, column) =>
		Math.max(...rows.map((row) => String(row[column] ?? '').length)),
	);
	return rows.map((row) =>
		row
			.map((cell, column) =>
				typeof cell === 'number'
					? String(cell).padStart(widths[column])
					: cell.padEnd(widths[column]),
			)
			.join('   ')
			.trimEnd(),
	);
}

/** What the run asked of Halo, e.g. "3 reads; writes: POST /api/Client x2". */
export function haloRequestLine(outcome: RunOutcome): string {
	const writes = new Map<string, number>();
	for (const { method, path } of outcome.haloWrites) {
		const route = `${method} ${path.split('?')[0]}`;
		writes.set(route, (writes.get(route) ?? 0) + 1);
	}
	const written = [...writes].map(([route, count]) => `${route} x${count}`).join(', ');
	return `Halo: ${outcome.haloReads} reads; ${written ? `writes: ${written}` : 'no writes'}`;
}

export function printRunSummary(title: string, outcome: RunOutcome, durationMs: number): void {
	const customers = customerCounts(outcome);
	const licences = licenceCounts(outcome);
	print();
	print(`${title} (n8n execute: ${seconds(durationMs)})`);
	const rows: Array<Array<string | number>> = [['Customers', '', 'Licences', '']];
	customers.forEach(([label, count], index) => {
		const [licenceLabel, licenceCount] = licences[index] ?? ['', ''];
		rows.push([label, count, licenceLabel, licenceCount]);
	});
	for (const line of alignColumns(rows)) print(`  ${line}`);
	print(`  ${haloRequestLine(outcome)}`);
}

export function printChanges(changes: CustomerChanges[]): void {
	if (changes.length === 0) {
		print('  Nothing to change.');
		return;
	}
	for (const { customer, changes: lines } of changes) {
		print(`  ${customer}`);
		for (const line of lines) print(`    - ${line}`);
	}
}
