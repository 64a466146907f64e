/** In-memory Halo tables: seed loading, ids, lookups, and the rows a client creates with it. */
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

/**
 * GUESS: Halo's numbers for `ExternalLink.table_id` (the document's TableEnum
 * lists numbers without names).
 */
export const LINK_TABLE = { client: 1, site: 2 } as const;

export const DEFAULT_SITE_NAME = 'Main';

export type HaloRow<T extends HaloTableName> = HaloTables[T][number];

const emptyTables = (): HaloTables => ({
	toplevels: [],
	clients: [],
	sites: [],
	licences: [],
	externalLinks: [],
});

export class HaloStore {
	private tables = emptyTables();

	load(seed: HaloSeed): void {
		this.tables = emptyTables();
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
			record.main_site_id = this.addSite(
				client.id,
				client.mainSite?.name,
				client.mainSite?.address,
			).id;
			for (const link of client.links ?? []) this.addLink(LINK_TABLE.client, client.id, link);
		}
		this.tables.licences = structuredClone(seed.licences);
	}

	tablesCopy(): HaloTables {
		return structuredClone(this.tables);
	}

	restore(tables: HaloTables): void {
		this.tables = tables;
	}

	rows<T extends HaloTableName>(table: T): HaloRow<T>[] {
		return this.tables[table] as HaloRow<T>[];
	}

	find<T extends HaloTableName>(table: T, id: unknown): HaloRow<T> | undefined {
		return this.rows(table).find((row) => row.id === id);
	}

	/** Adds a record under the next free id of its table. */
	insert<T extends HaloTableName>(table: T, fields: Omit<HaloRow<T>, 'id'>): HaloRow<T> {
		const rows = this.rows(table);
		const id = Math.max(FIRST_IDS[table] - 1, ...rows.map((row) => row.id)) + 1;
		const row = { id, ...fields } as HaloRow<T>;
		rows.push(row);
		return row;
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
		this.tables.externalLinks = this.tables.externalLinks.filter(
			(link) => !(link.table_id === tableId && link.halo_id === haloId),
		);
	}

	linksOf(tableId: number, haloId: number): ExternalLinkRecord[] {
		return this.tables.externalLinks
			.filter((link) => link.table_id === tableId && link.halo_id === haloId)
			.map((link) => structuredClone(link));
	}
}
