/**
 * HaloPSA calls through the HTTP Request node and n8n's generic OAuth2
 * credential: paged list reads and array POSTs (Halo's only write).
 */
import { HALO_LIST_PAGE_SIZE } from '../../core/psa/halo';
import type { NodeSpec, Position, WorkflowGraph } from './graph';
import { byName, HALO_CREDENTIAL } from './package-nodes';
import { haloApiUrl, setting, SETTING } from './settings';

/**
 * n8n's Batching starts a batch of requests every interval without waiting
 * for the last batch's answers: it bounds the request rate (here 8 per 25 ms
 * by default), not the requests in flight.
 */
const BATCH_INTERVAL_MS = 25;

const haloRequest = (
	name: string,
	position: Position,
	parameters: NodeSpec['parameters'],
): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position,
	parameters: {
		authentication: 'genericCredentialType',
		genericAuthType: HALO_CREDENTIAL.type,
		...parameters,
	},
	credentials: byName(HALO_CREDENTIAL),
});

const retried = { retryOnFail: true, maxTries: 3, waitBetweenTries: 2000 } as const;

/** A runaway lookup stops here (PSA Create Check then finds it incomplete): a lookup holds a page or two. */
const MAX_LOOKUP_PAGES = 100;

/**
 * The first page of a Halo list (inactive ones too): its record_count and
 * length plan the other reads (PSA List Check, Plan Page Reads). Runs once,
 * whatever it is given; a GET may be repeated.
 */
export const haloReadFirstPage = (name: string, position: Position, entity: string): NodeSpec => ({
	...haloRequest(name, position, {
		method: 'GET',
		url: haloApiUrl(entity),
		sendQuery: true,
		queryParameters: {
			parameters: [
				{ name: 'includeinactive', value: 'true' },
				{ name: 'pageinate', value: 'true' },
				{ name: 'page_size', value: String(HALO_LIST_PAGE_SIZE) },
				{ name: 'page_no', value: '1' },
			],
		},
		options: {},
	}),
	executeOnce: true,
	...retried,
});

/**
 * One GET per planned page (`page_no`, `page_size` of the item), the
 * "Halo Reads per Batch" setting at a time: one item per page, in plan
 * order, for PSA List Check to prove complete.
 */
export const haloReadPages = (name: string, position: Position, entity: string): NodeSpec => ({
	...haloRequest(name, position, {
		method: 'GET',
		url: haloApiUrl(entity),
		sendQuery: true,
		queryParameters: {
			parameters: [
				{ name: 'includeinactive', value: 'true' },
				{ name: 'pageinate', value: 'true' },
				{ name: 'page_size', value: '={{ $json.page_size }}' },
				{ name: 'page_no', value: '={{ $json.page_no }}' },
			],
		},
		options: {
			batching: {
				batch: {
					batchSize: `={{ Number(${setting(SETTING.readsPerBatch)}) }}`,
					batchInterval: BATCH_INTERVAL_MS,
				},
			},
		},
	}),
	...retried,
});

/**
 * One Halo list read per input item (a create to confirm), filtered by
 * `filters` (expressions on the item), inactive records too, every page until
 * one page held all `record_count` records or a page came back empty (a
 * lookup holds a few records: one page, where asking for the empty page after
 * it doubled the requests). Retried: a GET may be repeated.
 */
export const haloLookup = (
	name: string,
	position: Position,
	entity: string,
	listKey: string,
	filters: Array<{ name: string; value: string }>,
): NodeSpec => ({
	...haloRequest(name, position, {
		method: 'GET',
		url: haloApiUrl(entity),
		sendQuery: true,
		queryParameters: {
			parameters: [
				...filters,
				{ name: 'includeinactive', value: 'true' },
				{ name: 'pageinate', value: 'true' },
				{ name: 'page_size', value: String(HALO_LIST_PAGE_SIZE) },
			],
		},
		options: {
			pagination: {
				pagination: {
					parameters: {
						parameters: [{ type: 'qs', name: 'page_no', value: '={{ $pageCount + 1 }}' }],
					},
					paginationCompleteWhen: 'other',
					completeExpression: `={{ ($response.body.${listKey} ?? []).length === 0 || ($response.body.${listKey} ?? []).length >= Number($response.body.record_count) }}`,
					limitPagesFetched: true,
					maxRequests: MAX_LOOKUP_PAGES,
				},
			},
		},
	}),
	...retried,
});

/** Where n8n's Summarize node puts the appended `payload`s of a batch. */
export const BATCH_PAYLOADS_FIELD = 'appended_payload';

/**
 * One item per write batch: the planners emit one item per change, numbered
 * `batch` by their Batch Size option; n8n's Summarize node, split by `batch`,
 * appends their `payload`s into one array per batch (no loop: one node run,
 * one stored copy of the payloads).
 */
export const haloWriteBatches = (name: string, position: Position): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1.1,
	position,
	parameters: {
		fieldsToSummarize: { values: [{ aggregation: 'append', field: 'payload' }] },
		fieldsToSplitBy: 'batch',
		options: {},
	},
});

/**
 * One POST per input item, its body the item's array `field` (Halo creates
 * elements without an id and updates those with one). Never retried: a
 * repeated create would duplicate.
 */
export const haloPostPayloads = (
	name: string,
	position: Position,
	entity: string,
	field = 'payloads',
): NodeSpec =>
	haloRequest(name, position, {
		method: 'POST',
		url: haloApiUrl(entity),
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `={{ JSON.stringify($json.${field}) }}`,
		options: {},
	});

/**
 * The changes of one planner output into write batches (Summarize), then
 * Halo's array POST per batch. Returns the Summarize (the chain's first node)
 * and the POST (its last).
 */
export function addBatchedPost(
	graph: WorkflowGraph,
	[batchesName, postName]: [string, string],
	[x, y]: Position,
	entity: string,
): { batches: string; post: string } {
	const batches = graph.add(haloWriteBatches(batchesName, [x, y]));
	const post = graph.add(haloPostPayloads(postName, [x + 220, y], entity, BATCH_PAYLOADS_FIELD));
	graph.connect(batches, post);
	return { batches, post };
}
