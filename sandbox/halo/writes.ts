/**
 * One element of a `POST /api/<Entity>` array: with an id it updates that
 * record (only the fields sent change), without one it creates a record.
 * Everything is checked before anything changes.
 */
import {
	HALO_CLIENT_FIELDS as CLIENT,
	HALO_ENTITIES,
	HALO_EXTERNAL_LINK_FIELDS as LINK,
	HALO_LICENCE_FIELDS as LICENCE,
	HALO_LICENCE_PRICE_FIELDS as PRICE,
} from '../../core/psa/halo';
import {
	booleanField,
	dateField,
	integerField,
	numberField,
	objectField,
	requireField,
	textField,
} from './checks';
import { badRequest } from './errors';
import type {
	ClientRecord,
	ExternalLinkRecord,
	HaloTableName,
	LicenceRecord,
	OtherFields,
	SiteRecord,
	ThirdPartyRef,
	TopLevelRecord,
} from './records';
import { HaloStore, LINK_TABLE } from './store';
import { CLIENT_JOINED_FIELDS, LICENCE_JOINED_FIELDS, SITE_JOINED_FIELDS } from './views';

/** Absent, null or 0 (.NET's default int) creates; a positive id updates. */
function targetId(entity: string, element: OtherFields): number | undefined {
	return element.id === null ? undefined : integerField(entity, element, 'id') || undefined;
}

/** The row `id` names, else 400; `field` is the body field that named it (none: the element's own id). */
function mustFind<T extends HaloTableName>(
	store: HaloStore,
	table: T,
	entity: string,
	id: number,
	field?: string,
) {
	const row = store.find(table, id);
	if (row) return row;
	throw field
		? badRequest(`${entity}: ${field} ${id} does not exist`, { entity, field, value: id })
		: badRequest(`${entity} ${id} does not exist`, { entity, id });
}

function belongsTo(
	store: HaloStore,
	entity: string,
	field: string,
	siteId: number,
	clientId?: number,
) {
	if (mustFind(store, 'sites', entity, siteId, field).client_id !== clientId) {
		throw badRequest(`${entity}: site ${siteId} belongs to another client`, { entity, field });
	}
}

/** The fields a write stores: all but the id, joined read-only fields and one-off commands. */
function storedFields(element: OtherFields, isNotStored: (field: string) => boolean = () => false) {
	return Object.fromEntries(
		Object.entries(structuredClone(element)).filter(
			([field]) => field !== 'id' && !isNotStored(field),
		),
	);
}

const among = (list: readonly string[]) => (field: string) => list.includes(field);

/** Halo reads a JSON number sent for a text field as its digits. */
function thirdPartyRef(entity: string, link: OtherFields): ThirdPartyRef {
	const id = link[LINK.thirdPartyId];
	const text =
		typeof id === 'number' && Number.isFinite(id)
			? String(id)
			: requireField(entity, LINK.thirdPartyId, textField(entity, link, LINK.thirdPartyId));
	return { ...link, [LINK.thirdPartyId]: text };
}

export function saveTopLevel(store: HaloStore, element: OtherFields): TopLevelRecord {
	const entity = HALO_ENTITIES.topLevel;
	const id = targetId(entity, element);
	const name = textField(entity, element, 'name');
	const fields = storedFields(element);
	if (id !== undefined)
		return store.update('toplevels', mustFind(store, 'toplevels', entity, id), fields);
	return store.insert('toplevels', { ...fields, name: requireField(entity, 'name', name) });
}

export function saveClient(store: HaloStore, element: OtherFields): ClientRecord {
	const entity = HALO_ENTITIES.customer;
	const id = targetId(entity, element);
	const current = id === undefined ? undefined : mustFind(store, 'clients', entity, id);
	const name = textField(entity, element, CLIENT.name);
	const topLevelId = integerField(entity, element, CLIENT.topLevelId, 1);
	if (topLevelId !== undefined) {
		mustFind(store, 'toplevels', entity, topLevelId, CLIENT.topLevelId);
	}
	booleanField(entity, element, CLIENT.inactive);
	const mainSiteId = current && integerField(entity, element, CLIENT.mainSiteId, 1);
	if (mainSiteId !== undefined) belongsTo(store, entity, CLIENT.mainSiteId, mainSiteId, id);
	const newLink = objectField(entity, element, CLIENT.newExternalLink);
	const link = newLink && thirdPartyRef(entity, newLink);
	const siteName = textField(entity, element, 'newclient_sitename');
	const address = objectField(entity, element, CLIENT.newClientAddress);
	const fields = storedFields(
		element,
		(field) =>
			among(CLIENT_JOINED_FIELDS)(field) ||
			field === CLIENT.newExternalLink ||
			field.startsWith('newclient_'),
	);

	let client: ClientRecord;
	if (current) {
		// Like Halo, an update ignores the newclient_* fields.
		client = store.update('clients', current, fields);
	} else {
		client = store.insert('clients', {
			inactive: false,
			...fields,
			name: requireField(entity, CLIENT.name, name),
			toplevel_id: requireField(
				entity,
				CLIENT.topLevelId,
				topLevelId ?? store.rows('toplevels')[0]?.id,
			),
			main_site_id: 0,
		});
		client.main_site_id = store.addSite(client.id, siteName, address).id;
	}
	if (link) store.addLink(LINK_TABLE.client, client.id, link);
	return client;
}

export function saveSite(store: HaloStore, element: OtherFields): SiteRecord {
	const entity = HALO_ENTITIES.site;
	const id = targetId(entity, element);
	const current = id === undefined ? undefined : mustFind(store, 'sites', entity, id);
	const name = textField(entity, element, 'name');
	const clientId = integerField(entity, element, 'client_id', 1);
	if (clientId !== undefined) mustFind(store, 'clients', entity, clientId, 'client_id');
	booleanField(entity, element, 'inactive');
	objectField(entity, element, 'delivery_address');
	const newLink = objectField(entity, element, 'new_external_link');
	const link = newLink && thirdPartyRef(entity, newLink);
	const fields = storedFields(
		element,
		(field) =>
			among(SITE_JOINED_FIELDS)(field) ||
			field === 'new_external_link' ||
			field.startsWith('newsite_'),
	);

	// An update replaces delivery_address whole: a line left out is cleared, as in Halo's address form.
	const site: SiteRecord = current
		? store.update('sites', current, fields)
		: store.insert('sites', {
				inactive: false,
				delivery_address: {},
				...fields,
				name: requireField(entity, 'name', name),
				client_id: requireField(entity, 'client_id', clientId),
			});
	if (link) store.addLink(LINK_TABLE.site, site.id, link);
	return site;
}

export function saveLicence(store: HaloStore, element: OtherFields): LicenceRecord {
	const entity = HALO_ENTITIES.licence;
	const id = targetId(entity, element);
	const current = id === undefined ? undefined : mustFind(store, 'licences', entity, id);
	const name = textField(entity, element, LICENCE.name);
	const clientId = integerField(entity, element, LICENCE.clientId, 1);
	if (clientId !== undefined) mustFind(store, 'clients', entity, clientId, LICENCE.clientId);
	integerField(entity, element, LICENCE.count);
	booleanField(entity, element, LICENCE.isActive);
	for (const field of Object.values(PRICE)) numberField(entity, element, field);
	for (const field of [LICENCE.startDate, LICENCE.endDate]) dateField(entity, element, field);
	const siteId = integerField(entity, element, 'site_id');
	if (siteId) belongsTo(store, entity, 'site_id', siteId, clientId ?? current?.client_id);
	const parentId = integerField(entity, element, LICENCE.parentId);
	if (parentId && (parentId === id || !store.find('licences', parentId))) {
		throw badRequest(`${entity}: ${LICENCE.parentId} ${parentId} is not another licence`, {
			entity,
			field: LICENCE.parentId,
			value: parentId,
		});
	}
	const fields = storedFields(element, among(LICENCE_JOINED_FIELDS));

	if (current) return store.update('licences', current, fields);
	return store.insert('licences', {
		count: 0,
		is_active: true,
		...fields,
		name: requireField(entity, LICENCE.name, name),
		client_id: requireField(entity, LICENCE.clientId, clientId),
	});
}

export function saveExternalLink(store: HaloStore, element: OtherFields): ExternalLinkRecord {
	const entity = HALO_ENTITIES.externalLink;
	const id = targetId(entity, element);
	const current = id === undefined ? undefined : mustFind(store, 'externalLinks', entity, id);
	const tableId = integerField(entity, element, 'table_id') ?? current?.table_id;
	const haloId = integerField(entity, element, 'halo_id', 1) ?? current?.halo_id;
	const linkedTable =
		tableId === LINK_TABLE.client ? 'clients' : tableId === LINK_TABLE.site ? 'sites' : undefined;
	if (linkedTable && haloId !== undefined) mustFind(store, linkedTable, entity, haloId, 'halo_id');
	const fields = storedFields(element);
	// A new link needs its third-party id; an update may leave it as it is.
	const sent =
		current && fields[LINK.thirdPartyId] === undefined ? fields : thirdPartyRef(entity, fields);

	if (current) return store.update('externalLinks', current, sent);
	return store.insert('externalLinks', {
		...(sent as ThirdPartyRef),
		table_id: requireField(entity, 'table_id', tableId),
		halo_id: requireField(entity, 'halo_id', haloId),
	});
}
