/**
 * Strict mode: a body field that Halo's schema for the entity does not have,
 * or whose value is not of the type the schema declares (integer and its
 * 32/64-bit range, number, boolean, text and its length, a date-time as Halo
 * writes it, object, list), is refused, so a misspelt or mistyped field fails
 * in tests instead of being dropped or coerced silently as the real Halo may.
 * Names and types come from schema-fields.json (generated from Halo's OpenAPI
 * document by generate-schema-fields.ts).
 */
import { isPlainObject } from './checks';
import type { FieldType } from './generate-schema-fields';
import schemaFields from './schema-fields.json';

type Fixture = Record<string, string[]> & {
	$nested: Record<string, Record<string, string>>;
	$types: Record<string, Record<string, FieldType>>;
};
const fixture = schemaFields as unknown as Fixture;

const allowed = new Map(
	Object.entries(fixture)
		.filter(([name]) => !name.startsWith('$'))
		.map(([name, fields]) => [name, new Set(fields as string[])]),
);

const INTEGER_RANGES: Record<string, readonly [number, number]> = {
	int32: [-(2 ** 31), 2 ** 31 - 1],
	int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** A date-time as Halo reads and returns it: `YYYY-MM-DDThh:mm:ss`, optional fraction and offset. */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;

function isRealDate(text: string): boolean {
	const parts = DATE_TIME.exec(text);
	if (!parts) return false;
	const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
	return (
		month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
	);
}

const describeValue = (value: unknown) =>
	`${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;

/** Why `value` is not of the declared type, or null when it is. */
function typeProblem(declared: FieldType, value: unknown): string | null {
	const expected = `${declared.type}${declared.format ? ` (${declared.format})` : ''}`;
	const got = () => `expected ${expected}, got ${describeValue(value)}`;
	if (value === null) return declared.nullable ? null : got();
	switch (declared.type) {
		case 'integer': {
			const [min, max] = INTEGER_RANGES[declared.format ?? 'int64'] ?? INTEGER_RANGES.int64;
			return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
				? null
				: got();
		}
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? null : got();
		case 'boolean':
			return typeof value === 'boolean' ? null : got();
		case 'string':
			if (typeof value !== 'string') return got();
			if (declared.maxLength !== undefined && value.length > declared.maxLength)
				return `expected at most ${declared.maxLength} characters, got ${value.length}`;
			if (declared.format === 'date-time' && !isRealDate(value)) return got();
			return null;
		case 'array':
			return Array.isArray(value) ? null : got();
		case 'object':
			return isPlainObject(value) ? null : got();
		default:
			return null;
	}
}

/** `path: why` for each known field of `value` (and of its nested addresses and links) of the wrong type. */
export function mistypedFields(
	schema: string,
	value: Record<string, unknown>,
	prefix = '',
): string[] {
	const types = fixture.$types[schema] ?? {};
	const nested = fixture.$nested[schema] ?? {};
	return Object.entries(value).flatMap(([field, fieldValue]) => {
		const path = `${prefix}${field}`;
		const declared = types[field];
		const problem = declared ? typeProblem(declared, fieldValue) : null;
		if (problem) return [`${path}: ${problem}`];
		const inner = nested[field];
		if (!inner) return [];
		const items = Array.isArray(fieldValue) ? fieldValue : [fieldValue];
		return items.filter(isPlainObject).flatMap((item) => mistypedFields(inner, item, `${path}.`));
	});
}

/** Dotted paths of the fields of `value` (and of its nested addresses and links) the schema lacks. */
export function unknownFields(
	schema: string,
	value: Record<string, unknown>,
	prefix = '',
): string[] {
	const fields = allowed.get(schema);
	if (!fields) throw new Error(`no field list for schema ${schema}`);
	const nested = fixture.$nested[schema] ?? {};
	return Object.entries(value).flatMap(([field, fieldValue]) => {
		const path = `${prefix}${field}`;
		if (!fields.has(field)) return [path];
		const inner = nested[field];
		if (!inner) return [];
		const items = Array.isArray(fieldValue) ? fieldValue : [fieldValue];
		return items.filter(isPlainObject).flatMap((item) => unknownFields(inner, item, `${path}.`));
	});
}
