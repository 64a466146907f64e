/** The `/api/<Entity>` resources: schema, list key, filters, views and writes. */
import {
	HALO_ENTITIES as ENTITY,
	HALO_EXTERNAL_LINK_FIELDS as LINK,
	HALO_LIST_KEY as LIST_KEY,
} from '../../core/psa/halo';
import type { HaloTableName, OtherFields } from './records';
import { ListQuery } from './query';
import { HaloStore, LINK_TABLE, type HaloRow } from './store';
import { clientView, licenceView, siteView } from './views';
import { saveClient, saveExternalLink, saveLicence, saveSite, saveTopLevel } from './writes';

export interface HaloEntity {
	/** As in the path: `/api/<name>`. */
	name: string;
	/** OpenAPI schema of the entity; strict mode checks writes against it. */
	schema: string;
	/** Key of the list in `GET /api/<Entity>` answers. */
	plural: string;
	find(store: HaloStore, id: number): OtherFields | undefined;
	/** The stored rows a list query matches, in list order; `view` makes them what a read answers. */
	list(store: HaloStore, query: ListQuery): object[];
	view(store: HaloStore, row: object): OtherFields;
	save(store: HaloStore, element: OtherFields): OtherFields;
	/** Deletes a record (sandbox faults only: Halo deletes are not part of this package). */
	remove(store: HaloStore, id: unknown): void;
}

/** Tables whose records carry external links, and the links' table_id. */
const LINKED_TABLES: Partial<Record<HaloTableName, number>> = {
	clients: LINK_TABLE.client,
	sites: LINK_TABLE.site,
};

function entity<T extends HaloTableName>(definition: {
	name: string;
	schema: string;
	plural: string;
	table: T;
	view: (store: HaloStore, row: HaloRow<T>) => OtherFields;
	matches: (row: HaloRow<T>, query: ListQuery) => boolean;
	save: (store: HaloStore, element: OtherFields) => HaloRow<T>;
}): HaloEntity {
	const { name, schema, plural, table, view, matches, save } = definition;
	return {
		name,
		schema,
		plural,
		find: (store, id) => {
			const row = store.find(table, id);
			return row && view(store, row);
		},
		// Halo lists in id order unless told otherwise (`order` is not supported here).
		list: (store, query) => store.matching(table, query.filterKey(), (row) => matches(row, query)),
		view: (store, row) => view(store, row as HaloRow<T>),
		save: (store, element) => view(store, save(store, element)),
		remove: (store, id) => {
			store.remove(table, id);
			const linkTable = LINKED_TABLES[table];
			if (linkTable !== undefined) store.removeLinksOf(linkTable, Number(id));
		},
	};
}

const copy = (_store: HaloStore, row: OtherFields) => structuredClone(row);

/** Keyed by the path segment in lower case: Halo's routes ignore case. */
export const HALO_ENTITIES: Record<string, HaloEntity> = {
	client: entity({
		name: ENTITY.customer,
		schema: 'Area',
		plural: LIST_KEY.client,
		table: 'clients',
		view: clientView,
		matches: (client, query) =>
			(query.flag('includeinactive') || !client.inactive) &&
			query.matchesInteger('toplevel_id', client.toplevel_id) &&
			query.matchesSearch(client.name),
		save: saveClient,
	}),
	site: entity({
		name: ENTITY.site,
		schema: 'Site',
		plural: LIST_KEY.site,
		table: 'sites',
		view: siteView,
		matches: (site, query) =>
			(query.flag('includeinactive') || !site.inactive) &&
			query.matchesInteger('client_id', site.client_id) &&
			query.matchesSearch(site.name),
		save: saveSite,
	}),
	softwarelicence: entity({
		name: ENTITY.licence,
		schema: 'Licence_List',
		plural: LIST_KEY.licence,
		table: 'licences',
		view: licenceView,
		// Licence_List has `is_active` (no `inactive`): includeinactive shows is_active=false ones.
		matches: (licence, query) =>
			(query.flag('includeinactive') || licence.is_active !== false) &&
			query.matchesInteger('client_id', licence.client_id) &&
			query.matchesSearch(licence.name),
		save: saveLicence,
	}),
	// GUESS: the list keys `links` and `tree` are not in Halo's API document.
	externallink: entity({
		name: ENTITY.externalLink,
		schema: 'ExternalLink_List',
		plural: LIST_KEY.externalLink,
		table: 'externalLinks',
		view: copy,
		matches: (link, query) =>
			query.matchesInteger('table_id', link.table_id) &&
			query.matchesInteger('halo_id', link.halo_id) &&
			query.matchesInteger('module_id', link.module_id) &&
			[LINK.thirdPartyId, LINK.thirdPartyType].every((field) => {
				const wanted = query.text(field);
				return wanted === undefined || link[field] === wanted;
			}) &&
			query.matchesSearch(link[LINK.thirdPartyId], link[LINK.thirdPartyDesc]),
		save: saveExternalLink,
	}),
	toplevel: entity({
		name: ENTITY.topLevel,
		schema: 'Tree',
		plural: 'tree',
		table: 'toplevels',
		view: copy,
		matches: (topLevel, query) => query.matchesSearch(topLevel.name),
		save: saveTopLevel,
	}),
};
