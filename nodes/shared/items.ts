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
 * One item per change, for a person to read as a list. With `size` > 0 each
 * item carries `batch`, the number of the PSA array write it goes in (`size`
 * changes per batch, in plan order): n8n's Summarize node, grouped by `batch`,
 * appending `payload`, turns them into the array bodies of Halo's POST.
 */
export function changeOutput<T>(
	entries: T[],
	size: number,
	toJson: (entry: T) => object,
	sourcesOf: (entry: T) => Sources,
): INodeExecutionData[] {
	const batchOf = size >= 1 ? (position: number) => Math.floor(position / size) + 1 : null;
	return entries.map((entry, position) =>
		outputItem(
			batchOf ? { ...toJson(entry), batch: batchOf(position) } : toJson(entry),
			sourcesOf(entry),
		),
	);
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
