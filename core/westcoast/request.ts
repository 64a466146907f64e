import { SESSION_HEADER, SESSION_SCHEME, type MarketplaceCall } from './protocol';
import { DEFAULT_TIMEOUT_MS } from './retry';
import { callUrl } from './url';

/** One marketplace call as an HTTP request, in the shape of n8n's IHttpRequestOptions. */
export interface MarketplaceRequest {
	method: 'POST';
	url: string;
	body: string;
	headers: Record<string, string>;
	encoding: 'text';
	json: false;
	returnFullResponse: true;
	ignoreHttpStatusErrors: true;
	disableFollowRedirect: true;
	timeout: number;
}

/**
 * The HTTP request for one marketplace call. Answers come back as text with
 * their status so that faults, HTML pages and redirects are read here, not by
 * the HTTP client. Node calls get the session header from the credential's
 * `authenticate`; its own login passes `sessionToken` to add it here.
 */
export function marketplaceRequest(
	baseUrl: string,
	call: MarketplaceCall,
	body: object,
	timeoutMs = DEFAULT_TIMEOUT_MS,
	sessionToken?: string,
): MarketplaceRequest {
	return {
		method: 'POST',
		url: callUrl(baseUrl, call),
		body: JSON.stringify(body),
		headers: {
			'Content-Type': 'application/json',
			Accept: 'application/json',
			...(sessionToken ? { [SESSION_HEADER]: `${SESSION_SCHEME} ${sessionToken}` } : {}),
		},
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: timeoutMs,
	};
}
