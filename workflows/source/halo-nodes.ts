/**
 * HaloPSA calls through the HTTP Request node and n8n's generic OAuth2
 * credential: paged list reads and array POSTs (Halo's only write).
 */
import type { NodeSpec, Position } from './graph';
import { HALO_CREDENTIAL } from './package-nodes';
import { haloApiUrl } from './settings';

const PAGE_SIZE = 100;
/** A runaway read stops here (PSA List Check then finds it incomplete): 100,000 records at the page size asked for. */
const MAX_PAGES = 1000;

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
	credentials: { [HALO_CREDENTIAL.type]: { id: HALO_CREDENTIAL.id, name: HALO_CREDENTIAL.name } },
});

/**
 * Every page of a Halo list (inactive ones too), one item per page with the
 * records in `listKey`, read to the first empty page: that needs neither
 * Halo's page-size cap (a cap below PAGE_SIZE only means more pages) nor its
 * paging order to be known; PSA List Check then proves the pages complete.
 * Runs once, whatever it is given; a GET may be repeated.
 */
export const haloReadAll = (
	name: string,
	position: Position,
	entity: string,
	listKey: string,
): NodeSpec => ({
	...haloRequest(name, position, {
		method: 'GET',
		url: haloApiUrl(entity),
		sendQuery: true,
		queryParameters: {
			parameters: [
				{ name: 'includeinactive', value: 'true' },
				{ name: 'pageinate', value: 'true' },
				{ name: 'page_size', value: String(PAGE_SIZE) },
			],
		},
		options: {
			pagination: {
				pagination: {
					parameters: {
						parameters: [{ type: 'qs', name: 'page_no', value: '={{ $pageCount + 1 }}' }],
					},
					paginationCompleteWhen: 'other',
					// An error answer fails the node (n8n checks the status first); a body without the list ends the read too.
					completeExpression: `={{ ($response.body.${listKey} ?? []).length === 0 }}`,
					limitPagesFetched: true,
					maxRequests: MAX_PAGES,
				},
			},
		},
	}),
	executeOnce: true,
	retryOnFail: true,
	maxTries: 3,
	waitBetweenTries: 2000,
});

/**
 * One Halo list read per input item (a create to confirm), filtered by
 * `filters` (expressions on the item), inactive records too, every page to the
 * first empty one (a lookup holds a few records: a page or two). Retried: a
 * GET may be repeated.
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
				{ name: 'page_size', value: String(PAGE_SIZE) },
			],
		},
		options: {
			pagination: {
				pagination: {
					parameters: {
						parameters: [{ type: 'qs', name: 'page_no', value: '={{ $pageCount + 1 }}' }],
					},
					paginationCompleteWhen: 'other',
					completeExpression: `={{ ($response.body.${listKey} ?? []).length === 0 }}`,
					limitPagesFetched: true,
					maxRequests: MAX_PAGES,
				},
			},
		},
	}),
	retryOnFail: true,
	maxTries: 3,
	waitBetweenTries: 2000,
});

/**
 * One POST per input item, its body the item's `payloads` array (Halo creates
 * elements without an id and updates those with one). Never retried: a
 * repeated create would duplicate.
 */
export const haloPostPayloads = (name: string, position: Position, entity: string): NodeSpec =>
	haloRequest(name, position, {
		method: 'POST',
		url: haloApiUrl(entity),
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify($json.payloads) }}',
		options: {},
	});
