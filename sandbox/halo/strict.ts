/**
 * Strict mode: a body field that Halo's schema for the entity does not have
 * is refused, so a misspelt field fails in tests instead of being dropped
 * silently as the real Halo does. Names come from schema-fields.json
 * (generated from Halo's OpenAPI document by generate-schema-fields.ts).
 */
import { isPlainObject } from './checks';
import schemaFields from './schema-fields.json';

type Fixture = Record<string, string[]> & { $nested: Record<string, Record<string, string>> };
const fixture = schemaFields as unknown as Fixture;

const allowed = new Map(
	Object.entries(fixture)
		.filter(([name]) => name !== '$nested')
		.map(([name, fields]) => [name, new Set(fields as string[])]),
);

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
