/**
 * Confirm before create. Just before PSA clients or licences are created, a
 * fresh read of only what each create needs says whether it exists already:
 * for a client, a Westcoast link holding its Westcoast ID (`GET
 * /api/ExternalLink?third_party_id=`), whatever the client is called now; for
 * a licence, a licence of its client holding its subscription ID (`GET
 * /api/SoftwareLicence?client_id=&includeinactive=true`). A create that would
 * duplicate becomes what the planner would have planned had its read seen the
 * record: a mapped customer, a licence update, or nothing. This closes the
 * window between the list read and the write: a record a read missed, or one
 * another writer (a person, Halo's own integration, another n8n) made meanwhile.
 * Pure: the PSA Create Check node feeds it the planned items and the pages read.
 */
import type { LicenceFieldNames } from './preset';
import { readLicence, type LicenceRecord } from '../licences/licences';
import { TERM_FIELDS } from '../licences/types';
import {
	HALO_DISTRIBUTOR_NAME,
	HALO_EXTERNAL_LINK_FIELDS as LINK,
	HALO_LINK_TABLE,
	HALO_LIST_KEY,
	WESTCOAST_LINK_TYPE,
} from './halo';
import { isRecord, type JsonObject } from '../read';

const idText = (value: unknown): string | null =>
	(typeof value === 'number' && Number.isFinite(value)) ||
	(typeof value === 'string' && value.trim() !== '')
		? String(value).trim()
		: null;

/** The read is doubtful: nothing may be created from it. The message names the read and what was wrong. */
export class CreateCheckError extends Error {
	constructor(
		message: string,
		readonly itemIndex?: number,
	) {
		super(message);
		this.name = 'CreateCheckError';
	}
}

/** One planned create: a planner's Create item (one per change) and its payload. */
export interface PlannedCreate {
	itemIndex: number;
	record: JsonObject;
	payload: JsonObject;
}

/** Reads Mapping Resolver's or Licence Sync's Create items, one per change: `{ ..., payload }`. */
export function readPlannedCreates(items: readonly unknown[]): PlannedCreate[] {
	return items.map((item, itemIndex) => {
		const where = `Planned create item ${itemIndex}`;
		if (!isRecord(item)) throw new CreateCheckError(`${where} is not an object.`, itemIndex);
		if (!isRecord(item.payload))
			throw new CreateCheckError(
				`${where} has no payload: connect the Create output of Mapping Resolver or Licence Sync.`,
				itemIndex,
			);
		return { itemIndex, record: item, payload: item.payload };
	});
}

/**
 * The records of the lookup reads: pages `{ record_count, <listKey>: [...] }`
 * (a paged read, one item per page), or records one per item (an answer that
 * is a bare list, which n8n's HTTP Request node splits). Pages with records
 * are grouped by `groupOf` (the lookup they answer, read from the records, as
 * the answers do not say which request they were), and each group must hold
 * the record_count its pages report: a lookup that fell short is doubtful.
 */
function readFound(
	items: readonly unknown[],
	listKey: string,
	what: (lookup: string) => string,
	groupOf: (record: JsonObject) => string | null,
): JsonObject[] {
	const byId = new Map<string, JsonObject>();
	const groups = new Map<string, { counts: Set<number>; ids: Set<string> }>();
	items.forEach((item, index) => {
		if (!isRecord(item))
			throw new CreateCheckError(`${what('a create')}: answer ${index} is not an object.`);
		const page = item[listKey];
		const records = Array.isArray(page) ? page : 'record_count' in item ? [] : [item];
		const count = item.record_count;
		for (const [position, record] of records.entries()) {
			const id = isRecord(record) ? idText(record.id) : null;
			if (!isRecord(record) || id === null)
				throw new CreateCheckError(
					`${what('a create')}: answer ${index}, record ${position} has no id.`,
				);
			byId.set(id, record);
			if (!Array.isArray(page)) continue;
			const key = groupOf(record) ?? '(none)';
			const group = groups.get(key) ?? { counts: new Set<number>(), ids: new Set<string>() };
			if (typeof count === 'number') group.counts.add(count);
			group.ids.add(id);
			groups.set(key, group);
		}
	});
	for (const [key, { counts, ids }] of groups) {
		if (counts.size > 1)
			throw new CreateCheckError(
				`${what(key)} is doubtful: its pages reported record_count ${[...counts].join(' and ')} (it changed during the read). Nothing was created; the next run reads again.`,
			);
		const [count] = [...counts];
		if (count !== undefined && ids.size !== count)
			throw new CreateCheckError(
				`${what(key)} is doubtful: Halo reported ${count} record(s), the pages held ${ids.size}. Nothing was created; the next run reads again.`,
			);
	}
	return [...byId.values()];
}

/** What the check decided, per output of the node. */
export interface CreateCheckResult {
	/** Creates confirmed missing. */
	create: PlannedCreate[];
	/** Licences found that differ: update entries (their payload in `payload`), keeping the create's `batch`. */
	update: Array<{ itemIndex: number; json: JsonObject }>;
	/** Found and needing no write: mapped customers, unchanged licences, and duplicates a person must sort out. */
	existing: Array<{ itemIndex: number; json: JsonObject }>;
}

const FOUND_CODE = 'foundBeforeCreate';
const DUPLICATE_CODE = 'duplicateFoundBeforeCreate';

/**
 * Customers: a planned client create whose Westcoast ID a link already holds
 * becomes a mapped customer (`matchedBy: 'link'`), so nothing is created.
 * Only client links count, of the Westcoast type or untyped (links made by
 * hand or by Halo's own Westcoast module), as Mapping Resolver counts them.
 */
export function confirmCustomerCreates(
	plannedItems: readonly unknown[],
	foundItems: readonly unknown[],
	options: { linkType?: string } = {},
): CreateCheckResult {
	const linkType = options.linkType ?? WESTCOAST_LINK_TYPE;
	const creates = readPlannedCreates(plannedItems);
	const links = readFound(
		foundItems,
		HALO_LIST_KEY.externalLink,
		(westcoastId) =>
			`The read of the links to Westcoast customer ${westcoastId} (GET /api/ExternalLink)`,
		(link) => idText(link[LINK.thirdPartyId]),
	);
	const clientsByWestcoastId = new Map<string, string[]>();
	for (const link of links) {
		const westcoastId = idText(link[LINK.thirdPartyId]);
		const clientId = idText(link[LINK.haloId]);
		const type = link[LINK.thirdPartyType];
		const table = link[LINK.tableId];
		const isWestcoast = type === undefined || type === null || type === '' || type === linkType;
		const isClient = table === undefined || String(table) === String(HALO_LINK_TABLE.client);
		if (westcoastId === null || clientId === null || !isWestcoast || !isClient) continue;
		const clients = clientsByWestcoastId.get(westcoastId) ?? [];
		if (!clients.includes(clientId)) clients.push(clientId);
		clientsByWestcoastId.set(westcoastId, clients);
	}

	const result: CreateCheckResult = { create: [], update: [], existing: [] };
	for (const create of creates) {
		const westcoastId = idText(create.record.westcoastId);
		if (westcoastId === null)
			throw new CreateCheckError(
				`Planned create item ${create.itemIndex} has no westcoastId: connect the Create output of Mapping Resolver.`,
				create.itemIndex,
			);
		const clients = clientsByWestcoastId.get(westcoastId) ?? [];
		if (clients.length === 0) {
			result.create.push(create);
			continue;
		}
		const westcoastName = create.record.westcoastName ?? null;
		const psaIds = clients.map((id) => (/^\d+$/.test(id) ? Number(id) : id));
		result.existing.push({
			itemIndex: create.itemIndex,
			json:
				clients.length === 1
					? {
							westcoastId,
							westcoastName,
							psaId: psaIds[0],
							psaName: null,
							matchedBy: 'link',
							reason: FOUND_CODE,
							message: `Halo client ${clients[0]} already holds the link to Westcoast customer ${westcoastId}: mapped to it, not created again.`,
						}
					: {
							westcoastId,
							westcoastName,
							psaIds,
							reason: DUPLICATE_CODE,
							message: `Halo clients ${clients.join(', ')} all hold the link to Westcoast customer ${westcoastId}: nothing is created; a person decides which client it is.`,
						},
		});
	}
	return result;
}

/** The fields Licence Sync keeps in step, by the record key the planner reads them into. */
const COMPARED: Array<[keyof LicenceFieldNames, keyof LicenceRecord]> = [
	['name', 'name'],
	['clientId', 'clientKey'],
	['count', 'count'],
	['endDate', 'endDate'],
	['isActive', 'isActive'],
	['parentId', 'parentKey'],
	['price', 'price'],
	['purchasePrice', 'purchasePrice'],
	['billingCycle', 'billingCycle'],
	['termDuration', 'termDuration'],
	['autoRenew', 'autoRenew'],
	['startDate', 'startDate'],
];

/** As Licence Sync compares money (payloads.ts): to Halo's 4 decimal places. */
const sameValue = (a: unknown, b: unknown) =>
	typeof a === 'number' && typeof b === 'number'
		? Math.round(a * 10_000) === Math.round(b * 10_000)
		: a === b;

const WESTCOAST_DISTRIBUTOR = HALO_DISTRIBUTOR_NAME.toLowerCase();
const READ_EVERY_FIELD = { syncPrices: true, syncTerms: TERM_FIELDS };

/** A found licence read as Licence Sync reads it; unreadable, no create is decided on it. */
function readFoundLicence(
	json: JsonObject,
	fields: LicenceFieldNames,
	link: string,
): LicenceRecord {
	let problem: string;
	try {
		return readLicence(json, fields, READ_EVERY_FIELD);
	} catch (error) {
		problem = (error as Error).message;
	}
	throw new CreateCheckError(
		`Halo licence ${String(json[fields.id])} holding Westcoast subscription ${link} is unreadable (${problem}): nothing was created for it.`,
	);
}

/**
 * Licences: a planned licence create whose client already holds a Westcoast
 * licence with its subscription ID becomes an update of the fields that
 * differ (read and compared as Licence Sync reads them), or nothing when none
 * does. Licences of another distributor never count (their link field may hold
 * that distributor's reference).
 */
export function confirmLicenceCreates(
	plannedItems: readonly unknown[],
	foundItems: readonly unknown[],
	fields: LicenceFieldNames,
): CreateCheckResult {
	const creates = readPlannedCreates(plannedItems);
	const found = readFound(
		foundItems,
		HALO_LIST_KEY.licence,
		(clientId) => `The read of Halo client ${clientId}'s licences (GET /api/SoftwareLicence)`,
		(licence) => idText(licence[fields.clientId]),
	);
	const bySubscription = new Map<string, LicenceRecord[]>();
	for (const json of found) {
		const distributor = json[fields.distributor];
		const ours =
			distributor === undefined ||
			distributor === null ||
			String(distributor).trim() === '' ||
			String(distributor).trim().toLowerCase() === WESTCOAST_DISTRIBUTOR;
		const link = idText(json[fields.westcoastLink]);
		if (!ours || link === null) continue;
		const licence = readFoundLicence(json, fields, link);
		bySubscription.set(link, [...(bySubscription.get(link) ?? []), licence]);
	}

	const result: CreateCheckResult = { create: [], update: [], existing: [] };
	for (const create of creates) {
		const subscriptionId = idText(create.record.westcoastSubscriptionId);
		const clientId = idText(create.payload[fields.clientId]);
		if (subscriptionId === null || clientId === null)
			throw new CreateCheckError(
				`Planned create item ${create.itemIndex} has no westcoastSubscriptionId or ${fields.clientId}: connect the Create output of Licence Sync.`,
				create.itemIndex,
			);
		const licences = (bySubscription.get(subscriptionId) ?? []).filter(
			(licence) => licence.clientKey === clientId,
		);
		if (licences.length === 0) {
			result.create.push(create);
			continue;
		}
		const identity = {
			customerName: create.record.customerName ?? null,
			productName: create.record.productName ?? null,
			westcoastSubscriptionId: subscriptionId,
			westcoastCustomerId: create.record.westcoastCustomerId ?? null,
			psaCustomerId: create.payload[fields.clientId],
			// The planner's write batch, so a found licence's update is POSTed with its batch.
			...(create.record.batch === undefined ? {} : { batch: create.record.batch }),
		};
		if (licences.length > 1) {
			const ids = licences.map((licence) => licence.id);
			result.existing.push({
				itemIndex: create.itemIndex,
				json: {
					action: 'skipped',
					...identity,
					psaLicenceId: null,
					psaLicenceIds: ids,
					changes: [],
					reason: {
						code: DUPLICATE_CODE,
						message: `Licences ${ids.join(', ')} of Halo client ${clientId} all hold Westcoast subscription ${subscriptionId}: nothing is created or written; a person decides which one is its licence.`,
					},
					payload: null,
				},
			});
			continue;
		}
		const [licence] = licences;
		const wanted = readLicence(
			{ ...create.payload, [fields.id]: licence.id },
			fields,
			READ_EVERY_FIELD,
		);
		const changes = COMPARED.filter(
			([field, key]) => fields[field] in create.payload && !sameValue(wanted[key], licence[key]),
		).map(([field]) => ({
			field: fields[field],
			from: licence.json[fields[field]] ?? null,
			to: create.payload[fields[field]],
		}));
		const message = `Halo licence ${licence.id} of client ${clientId} already holds Westcoast subscription ${subscriptionId} (a read missed it, or it was written since)`;
		if (changes.length === 0) {
			result.existing.push({
				itemIndex: create.itemIndex,
				json: {
					action: 'unchanged',
					...identity,
					psaLicenceId: licence.id,
					changes: [],
					reason: { code: FOUND_CODE, message: `${message}, and is in step: not created again.` },
					payload: null,
				},
			});
			continue;
		}
		const payload = {
			[fields.id]: licence.id,
			...Object.fromEntries(changes.map(({ field, to }) => [field, to])),
		};
		result.update.push({
			itemIndex: create.itemIndex,
			json: {
				action: 'update',
				...identity,
				psaLicenceId: licence.id,
				changes,
				reason: { code: FOUND_CODE, message: `${message}: updated instead of created again.` },
				payload,
			},
		});
	}
	return result;
}
