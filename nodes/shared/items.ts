import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import type { Port } from '../../core/node-io';

/**
 * The records of an input. One item with no fields is n8n's "Always Output
 * Data" placeholder of a read that found nothing: no records. Any other
 * input is taken whole, so item indexes stay those of the input.
 */
export function inputRecords(items: INodeExecutionData[]): IDataObject[] {
	if (items.length === 1 && Object.keys(items[0].json).length === 0) return [];
	return items.map((item) => item.json);
}

/** Input item positions an output item came from, as n8n's pairedItem. */
export type Sources = Array<{ input: number; item: number | undefined }>;

export function pairedItems(sources: Sources): IPairedItemData[] {
	return sources
		.filter((source): source is { input: number; item: number } => source.item !== undefined)
		.map(({ input, item }) => ({ input, item }));
}

export function outputItem(json: object, sources: Sources): INodeExecutionData {
	return { json: json as IDataObject, pairedItem: pairedItems(sources) };
}

/**
 * One item per batch of `size` payloads (for a PSA's array writes), carrying
 * the payloads, the records they came from and every source item; size 0 keeps
 * one item per record.
 */
export function batchOutput<T extends { payload?: unknown }>(
	entries: T[],
	size: number,
	toJson: (entry: T) => object,
	sourcesOf: (entry: T) => Sources,
): INodeExecutionData[] {
	if (!size || size < 1) return entries.map((entry) => outputItem(toJson(entry), sourcesOf(entry)));
	const batches: INodeExecutionData[] = [];
	for (let start = 0; start < entries.length; start += size) {
		const slice = entries.slice(start, start + size);
		batches.push(
			outputItem(
				{
					batch: batches.length + 1,
					count: slice.length,
					payloads: slice.map((entry) => entry.payload),
					records: slice.map(toJson),
				},
				slice.flatMap(sourcesOf),
			),
		);
	}
	return batches;
}

/** Splits a comma/newline separated text parameter into trimmed, non-empty values. */
export function textList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\n,]/)
		.map((part) => part.trim())
		.filter(Boolean);
}

/** A copy of `record` without the given keys (planner bookkeeping such as input indexes). */
export function omit<T extends object>(record: T, keys: readonly string[]): Partial<T> {
	return Object.fromEntries(
		Object.entries(record).filter(([key]) => !keys.includes(key)),
	) as Partial<T>;
}

/** A node's output lists in the order of its I/O table, given by output key. */
export function byOutput<O extends string>(
	io: { outputList: readonly Port[]; outputs: Readonly<Record<O, Port>> },
	items: Record<O, INodeExecutionData[]>,
): INodeExecutionData[][] {
	return io.outputList.map((port) => items[port.key as O]);
}
