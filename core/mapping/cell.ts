/** Reading single values out of untyped input items. */

export const WRONG_TYPE = Symbol('wrong type');

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
