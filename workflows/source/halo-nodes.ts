/**
 * HaloPSA calls through the HTTP Request node and n8n's generic OAuth2
 * credential: paged list reads and array POSTs (Halo's only write).
 */
import type { NodeSpec, Position } from './graph';
import { HALO_CREDENTIAL } from './package-nodes';
import { haloApiUrl } from './settings';

const PAGE_SIZE = 100;

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
 * Every record of a Halo list (inactive ones too), one item per page with the
 * records in `listKey`. Runs once, whatever it is given; a GET may be repeated.
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
					// A short page is the last; an error answer fails the node (n8n checks the status first).
					completeExpression: `={{ ($response.body.${listKey} ?? []).length < ${PAGE_SIZE} }}`,
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
