import { isRecord, readText } from '../read';
import { groupBy } from './group';
import { caselessNameKey } from './normalize';
import type { ReviewEntry, WestcoastCustomer } from './types';

export interface ManualRow {
	/** Its row in the Manual Mappings table (0-based). */
	index: number;
	/** Westcoast ID or name, as typed. */
	westcoast: string;
	psaId: string;
}

/** Manual rows by Westcoast ID (as typed) and by Westcoast name (caseless). */
export interface ManualIndex {
	rows: readonly ManualRow[];
	byText: ReadonlyMap<string, ManualRow[]>;
	byCaselessName: ReadonlyMap<string, ManualRow[]>;
}

export function readManualMappings(rows: readonly unknown[]): {
	index: ManualIndex;
	review: ReviewEntry[];
} {
	const valid: ManualRow[] = [];
	const review: ReviewEntry[] = [];
	rows.forEach((row, manualMappingIndex) => {
		const westcoast = readText(isRecord(row) ? row.westcoast : undefined);
		const psaId = readText(isRecord(row) ? row.psaId : undefined);
		if (typeof westcoast === 'string' && typeof psaId === 'string') {
			valid.push({ index: manualMappingIndex, westcoast, psaId });
			return;
		}
		const field = typeof westcoast === 'string' ? 'psaId' : 'westcoast';
		review.push({
			subject: 'manualMapping',
			reason: 'invalidManualMapping',
			message: `Manual mapping row ${manualMappingIndex + 1}: ${field} is missing or not text.`,
			source: { manualMapping: manualMappingIndex },
			field,
		});
	});
	return {
		index: {
			rows: valid,
			byText: groupBy(valid, (row) => [row.westcoast]),
			byCaselessName: groupBy(valid, (row) => [caselessNameKey(row.westcoast)]),
		},
		review,
	};
}

/** A row for the customer's ID wins over rows for its name: an ID is the more specific key. */
export function manualRowsFor(index: ManualIndex, customer: WestcoastCustomer): ManualRow[] {
	if (index.rows.length === 0) return [];
	return (
		index.byText.get(customer.westcoastId) ??
		index.byCaselessName.get(caselessNameKey(customer.name)) ??
		[]
	);
}

/** Rows that name no Westcoast customer in the input: likely a typo, or a customer gone. */
export function unusedManualRows(
	index: ManualIndex,
	customers: readonly WestcoastCustomer[],
): ReviewEntry[] {
	if (index.rows.length === 0) return [];
	const ids = new Set(customers.map((customer) => customer.westcoastId));
	const names = new Set(customers.map((customer) => caselessNameKey(customer.name)));
	return index.rows
		.filter((row) => !ids.has(row.westcoast) && !names.has(caselessNameKey(row.westcoast)))
		.map((row) => ({
			subject: 'manualMapping',
			reason: 'manualMappingUnused',
			message: `Manual mapping row ${row.index + 1}: "${row.westcoast}" is no Westcoast customer ID or name in the input.`,
			source: { manualMapping: row.index },
			psaId: row.psaId,
		}));
}
