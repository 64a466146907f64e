/** `GET /api/<Entity>`, `GET /api/<Entity>/{id}` and `POST /api/<Entity>` (a JSON array). */
import { isPlainObject } from './checks';
import { badRequest, HaloApiError } from './errors';
import { HALO_ENTITIES, type HaloEntity } from './entities';
import type { HaloResponse, OtherFields } from './records';
import type { FaultInjector } from './faults';
import { listAnswer, ListQuery, pageNumber } from './query';
import { HaloStore } from './store';
import { mistypedFields, unknownFields } from './strict';

const API_PATH = /^\/api\/([^/]+)(?:\/([^/]+))?\/?$/;

export function handleApi(
	store: HaloStore,
	faults: FaultInjector,
	strict: boolean,
	method: string,
	url: URL,
	body: string,
): HaloResponse {
	try {
		return route(store, faults, strict, method, url, body);
	} catch (error) {
		if (error instanceof HaloApiError) return error.toResponse();
		throw error;
	}
}

function route(
	store: HaloStore,
	faults: FaultInjector,
	strict: boolean,
	method: string,
	url: URL,
	body: string,
): HaloResponse {
	const [, path, idText] = API_PATH.exec(url.pathname) ?? [];
	const entity = path === undefined ? undefined : HALO_ENTITIES[path.toLowerCase()];
	if (!entity) throw new HaloApiError(404, `no such resource: ${url.pathname}`);

	if (idText !== undefined) {
		if (method !== 'GET')
			throw new HaloApiError(405, `${method} is not supported on ${entity.name}/{id} here`);
		const id = Number(idText);
		const record = Number.isInteger(id) ? entity.find(store, id) : undefined;
		if (!record)
			throw new HaloApiError(404, `${entity.name} ${idText} not found`, {
				entity: entity.name,
				id: idText,
			});
		return { status: 200, body: record };
	}
	if (method === 'GET') {
		const query = new ListQuery(url.searchParams);
		const shape = query.flag('pageinate') ? faults.takeList(entity.name, pageNumber(query)) : {};
		const body = listAnswer(entity.plural, entity.list(store, query), query, shape, (row) =>
			entity.view(store, row),
		);
		if (shape.deleteFirstAfter) {
			const [first] = body[entity.plural] as Array<{ id?: unknown }>;
			if (first) entity.remove(store, first.id);
		}
		return { status: 200, body };
	}
	if (method === 'POST') return saveAll(store, strict, entity, body);
	throw new HaloApiError(
		405,
		`${method} is not supported on ${entity.name}: writes are POST with an array`,
	);
}

/**
 * Saves every element or none (a failing element rolls the whole request
 * back). Answers the saved record for a one-element array, else an array.
 */
function saveAll(
	store: HaloStore,
	strict: boolean,
	entity: HaloEntity,
	body: string,
): HaloResponse {
	const elements = parseArray(entity, body);
	if (strict) {
		const unknown = [
			...new Set(elements.flatMap((element) => unknownFields(entity.schema, element))),
		];
		if (unknown.length > 0) {
			throw badRequest(
				`${entity.name}: unknown field(s) ${unknown.join(', ')} (not in Halo's ${entity.schema} schema)`,
				{
					entity: entity.name,
					schema: entity.schema,
					unknownFields: unknown,
				},
			);
		}
		const mistyped = [
			...new Set(elements.flatMap((element) => mistypedFields(entity.schema, element))),
		];
		if (mistyped.length > 0) {
			throw badRequest(
				`${entity.name}: field(s) of the wrong type (Halo's ${entity.schema} schema): ${mistyped.join('; ')}`,
				{ entity: entity.name, schema: entity.schema, mistypedFields: mistyped },
			);
		}
	}
	const saved = store.atomically(() => elements.map((element) => entity.save(store, element)));
	return { status: 200, body: saved.length === 1 ? saved[0] : saved };
}

function parseArray(entity: HaloEntity, body: string): OtherFields[] {
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch {
		throw badRequest(`${entity.name}: the body is not JSON`);
	}
	if (!Array.isArray(value) || value.length === 0 || !value.every(isPlainObject)) {
		throw badRequest(`${entity.name}: the body must be a JSON array of ${entity.schema} objects`);
	}
	return value;
}
