/** In-memory Halo tables: seed loading, ids, lookups, and the rows a client creates with it. */
import { HALO_LINK_TABLE } from '../../core/psa/halo';
import type {
	ClientRecord,
	ExternalLinkRecord,
	HaloSeed,
	HaloTableName,
	HaloTables,
	OtherFields,
	SiteRecord,
	ThirdPartyRef,
} from './records';

/** Distinct id ranges make a client id passed as a site id fail instead of hitting a record. */
export const FIRST_IDS: Record<HaloTableName, number> = {
	toplevels: 1,
	clients: 11,
	sites: 101,
	licences: 501,
	externalLinks: 901,
};

/** Halo's `ExternalLink.table_id` numbers (a GUESS kept in core/psa/halo.ts). */
export const LINK_TABLE = HALO_LINK_TABLE;

export const DEFAULT_SITE_NAME = 'Main';

export type HaloRow<T extends HaloTableName> = HaloTables[T][number];

const emptyTables = (): HaloTables => ({
	toplevels: [],
	clients: [],
	sites: [],
	licences: [],
	externalLinks: [],
});

const linkKey = (tableId: number, haloId: number) => `${tableId}:${haloId}`;

/** What a change did, so that a failing write can be undone (see `atomically`). */
type Undo = () => void;

/**
 * Lookups by id, the next ids, links by record and the rows a list query
 * matches are indexed, so a read or write costs what it touches, not the store.
 */
export class HaloStore {
	private tables = emptyTables();
	private byId = new Map<HaloTableName, Map<number, { id: number }>>();
	private nextIds = new Map<HaloTableName, number>();
	private links?: Map<string, ExternalLinkRecord[]>;
	/** The rows list queries matched since the last change. */
	private matches = new Map<string, unknown[]>();
	private undo?: Undo[];

	load(seed: HaloSeed): void {
		this.tables = emptyTables();
		this.changed();
		this.tables.toplevels = structuredClone(seed.topLevels);
		for (const client of seed.clients) {
			const record: ClientRecord = {
				...structuredClone(client.fields ?? {}),
				id: client.id,
				name: client.name,
				toplevel_id: client.toplevel_id,
				inactive: client.inactive ?? false,
				main_site_id: 0,
			};
			this.tables.clients.push(record);
			this.byId.delete('clients');
			record.main_site_id = this.addSite(
				client.id,
				client.mainSite?.name,
				client.mainSite?.address,
			).id;
			for (const link of client.links ?? []) this.addLink(LINK_TABLE.client, client.id, link);
		}
		this.tables.licences = structuredClone(seed.licences);
		this.changed();
	}

	tablesCopy(): HaloTables {
		return structuredClone(this.tables);
	}

	rows<T extends HaloTableName>(table: T): readonly HaloRow<T>[] {
		return this.tables[table] as HaloRow<T>[];
	}

	find<T extends HaloTableName>(table: T, id: unknown): HaloRow<T> | undefined {
		return typeof id === 'number'
			? (this.index(table).get(id) as HaloRow<T> | undefined)
			: undefined;
	}

	/**
	 * The rows of `table` that `matches`, in table order; `key` names the query
	 * (without its paging), so the pages of one read filter the table once.
	 */
	matching<T extends HaloTableName>(
		table: T,
		key: string,
		matches: (row: HaloRow<T>) => boolean,
	): HaloRow<T>[] {
		const cacheKey = `${table}?${key}`;
		const cached = this.matches.get(cacheKey);
		if (cached) return cached as HaloRow<T>[];
		const rows = this.rows(table).filter(matches);
		this.matches.set(cacheKey, rows);
		return rows;
	}

	/** Adds a record under the next free id of its table. */
	insert<T extends HaloTableName>(table: T, fields: Omit<HaloRow<T>, 'id'>): HaloRow<T> {
		const rows = this.tables[table] as HaloRow<T>[];
		let id = this.nextIds.get(table);
		if (id === undefined) {
			id = rows.reduce((max, row) => Math.max(max, row.id), FIRST_IDS[table] - 1) + 1;
		}
		const row = { id, ...fields } as HaloRow<T>;
		rows.push(row);
		this.index(table).set(id, row);
		this.nextIds.set(table, id + 1);
		if (table === 'externalLinks') {
			const link = row as ExternalLinkRecord;
			this.links?.set(linkKey(link.table_id, link.halo_id), [
				...(this.links.get(linkKey(link.table_id, link.halo_id)) ?? []),
				link,
			]);
		}
		this.matches.clear();
		this.undo?.push(() => this.remove(table, id));
		return row;
	}

	/** Changes the fields sent (never the id). */
	update<T extends HaloTableName>(table: T, row: HaloRow<T>, fields: OtherFields): HaloRow<T> {
		if (this.undo) {
			const before = structuredClone(row);
			this.undo.push(() => {
				for (const field of Object.keys(row)) delete (row as OtherFields)[field];
				Object.assign(row, before);
				this.changed(table);
			});
		}
		Object.assign(row, fields);
		this.changed(table);
		return row;
	}

	/** Deletes a record (sandbox faults and undoing a failed write only). */
	remove(table: HaloTableName, id: unknown): void {
		const rows = this.tables[table] as Array<{ id: number }>;
		const index = rows.findIndex((row) => row.id === id);
		if (index < 0) return;
		const [removed] = rows.splice(index, 1);
		this.byId.get(table)?.delete(removed.id);
		// Like the id scan it replaces, the highest id is handed out again once deleted.
		if (this.nextIds.get(table) === removed.id + 1) this.nextIds.delete(table);
		this.changed(table);
	}

	/** Runs `write`; when it throws, every change it made is undone (a POST saves all or none). */
	atomically<T>(write: () => T): T {
		this.undo = [];
		try {
			return write();
		} catch (error) {
			for (const undo of this.undo.reverse()) undo();
			throw error;
		} finally {
			this.undo = undefined;
		}
	}

	addSite(clientId: number, name = DEFAULT_SITE_NAME, address: OtherFields = {}): SiteRecord {
		return this.insert('sites', {
			name,
			client_id: clientId,
			inactive: false,
			delivery_address: structuredClone(address),
		});
	}

	addLink(tableId: number, haloId: number, ref: ThirdPartyRef): ExternalLinkRecord {
		const { id: _ignored, ...fields } = structuredClone(ref);
		return this.insert('externalLinks', { ...fields, table_id: tableId, halo_id: haloId });
	}

	/** Drops a record's links: they belong to it (Halo shows them as its `external_links`). */
	removeLinksOf(tableId: number, haloId: number): void {
		for (const link of this.linksOf(tableId, haloId)) this.remove('externalLinks', link.id);
	}

	linksOf(tableId: number, haloId: number): ExternalLinkRecord[] {
		if (!this.links) {
			this.links = new Map();
			for (const link of this.tables.externalLinks) {
				const key = linkKey(link.table_id, link.halo_id);
				this.links.set(key, [...(this.links.get(key) ?? []), link]);
			}
		}
		return (this.links.get(linkKey(tableId, haloId)) ?? []).map((link) => structuredClone(link));
	}

	private index(table: HaloTableName): Map<number, { id: number }> {
		let index = this.byId.get(table);
		if (!index) {
			index = new Map(this.rows(table).map((row) => [row.id, row]));
			this.byId.set(table, index);
		}
		return index;
	}

	/** Drops what a change to `table` made stale (everything when no table is named). */
	private changed(table?: HaloTableName): void {
		this.matches.clear();
		if (table === undefined) {
			this.byId.clear();
			this.nextIds.clear();
		}
		if (table === undefined || table === 'externalLinks') this.links = undefined;
	}
}
