/**
 * Reading untyped items (n8n item json, marketplace records, node
 * parameters): the one object check, the one "keep the default when
 * undefined" rule and the one result type of an item read. No n8n import.
 */

export type JsonObject = Record<string, unknown>;

/** A plain object: not null, not a list. */
export function isRecord(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops the entries left undefined (an unset option or node parameter keeps its default). */
export function definedOnly<T extends object>(values: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(values).filter(([, value]) => value !== undefined),
	) as Partial<T>;
}

/** What is wrong with one field of an item, e.g. `{ field: 'westcoastId', problem: 'is missing' }`. */
export interface FieldProblem {
	field: string;
	problem: string;
}

/** An item read into a record, or why it cannot be. */
export type ItemRead<T, Invalid = FieldProblem> =
	| { record: T; invalid: null }
	| { record: null; invalid: Invalid };

export const WRONG_TYPE = Symbol('wrong type');

/**
 * The text of a scalar cell: strings trimmed, finite numbers as text (IDs
 * compare as strings), empty and null/undefined as null; any other type is
 * WRONG_TYPE so the caller can name the field.
 */
export function readText(value: unknown): string | null | typeof WRONG_TYPE {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return WRONG_TYPE;
}

/** readText for cells where a wrong type simply means "no usable value". */
export function textOrNull(value: unknown): string | null {
	const text = readText(value);
	return text === WRONG_TYPE ? null : text;
}
