/**
 * Dev tool: derives `schema-fields.json` (the field names strict mode allows)
 * from Halo's OpenAPI document. The sandbox only reads the committed fixture.
 *
 *   npx ts-node --transpile-only sandbox/halo/generate-schema-fields.ts <halo-openapi.json> [out.json]
 */
import fs from 'node:fs';
import path from 'node:path';

/** Schemas behind the sandbox's entities, plus the nested ones strict mode looks inside. */
export const ENTITY_SCHEMAS = [
	'Area',
	'Site',
	'Licence_List',
	'ExternalLink_List',
	'Tree',
] as const;
export const NESTED_SCHEMAS = ['AddressStore', 'ExternalLink_List'] as const;

interface OpenApiProperty {
	$ref?: string;
	items?: { $ref?: string };
	type?: string;
	format?: string;
	nullable?: boolean;
	maxLength?: number;
}
interface OpenApiDocument {
	components: { schemas: Record<string, { properties?: Record<string, OpenApiProperty> }> };
}

/** A property's declared type: `type`, `format` when given, nullable, maxLength when given. */
export interface FieldType {
	type: string;
	format?: string;
	nullable?: true;
	maxLength?: number;
}

export type SchemaFields = Record<string, string[]> & {
	/** Per schema: property -> nested schema checked inside it (object or array items). */
	$nested: Record<string, Record<string, string>>;
	/** Per schema: property -> its declared type (properties that are a `$ref` are objects). */
	$types: Record<string, Record<string, FieldType>>;
};

function fieldType(property: OpenApiProperty): FieldType | null {
	const type = property.$ref ? 'object' : property.type;
	if (!type) return null;
	return {
		type,
		...(property.format ? { format: property.format } : {}),
		...(property.nullable ? { nullable: true as const } : {}),
		...(property.maxLength !== undefined ? { maxLength: property.maxLength } : {}),
	};
}

const refName = (ref: string | undefined) => ref?.split('/').pop();

export function extractSchemaFields(doc: OpenApiDocument): SchemaFields {
	const fields: Record<string, string[]> = {};
	const nested: Record<string, Record<string, string>> = {};
	const types: Record<string, Record<string, FieldType>> = {};
	const names = [...new Set<string>([...ENTITY_SCHEMAS, ...NESTED_SCHEMAS])];
	for (const name of names) {
		const properties = doc.components.schemas[name]?.properties;
		if (!properties) throw new Error(`schema ${name} not found in the OpenAPI document`);
		fields[name] = Object.keys(properties).sort();
		for (const [field, property] of Object.entries(properties)) {
			const type = fieldType(property);
			if (type) types[name] = { ...types[name], [field]: type };
			const target = refName(property.$ref) ?? refName(property.items?.$ref);
			if (target && (NESTED_SCHEMAS as readonly string[]).includes(target)) {
				nested[name] = { ...nested[name], [field]: target };
			}
		}
	}
	return Object.assign(fields, { $nested: nested, $types: types });
}

if (require.main === module) {
	const [input, output = path.join(__dirname, 'schema-fields.json')] = process.argv.slice(2);
	if (!input) {
		console.error('usage: generate-schema-fields.ts <halo-openapi.json> [out.json]');
		process.exit(2);
	}
	const doc = JSON.parse(fs.readFileSync(input, 'utf8')) as OpenApiDocument;
	fs.writeFileSync(output, `${JSON.stringify(extractSchemaFields(doc), null, '\t')}\n`);
	console.log(`wrote ${output}`);
}
