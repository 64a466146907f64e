import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	CALLS,
	SESSION_HEADER,
	SESSION_SCHEME,
	type MarketplaceCall,
	type RawCompany,
} from '../../../core/westcoast/protocol';
import { callUrl, parseMarketplaceUrl } from '../../../core/westcoast/url';
import {
	faultError,
	interpretResponse,
	MarketplaceError,
	type RawHttpResponse,
} from '../../../core/westcoast/response';
import { describeNetworkError, networkErrorCode } from '../../../core/westcoast/network';
import {
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
	isRetryableNetworkError,
	retryDelayMs,
} from '../../../core/westcoast/retry';

export const CREDENTIAL_TYPE = 'westcoastCloudApi';

export interface WestcoastCredentials {
	marketplaceUrl: string;
	username: string;
	password: string;
	resellerAccountId?: string;
	sessionToken?: string;
}

export interface CallOptions {
	maxRetries?: number;
	timeoutMs?: number;
	itemIndex?: number;
}

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * The HTTP request for one marketplace call. Answers come back as text with
 * their status so that faults, HTML pages and redirects are read here, not by
 * the HTTP client. The session header is added by the credential when
 * `sessionToken` is absent (node calls) or here (login and credential test).
 */
export function marketplaceRequest(
	baseUrl: string,
	call: MarketplaceCall,
	body: object,
	timeoutMs = DEFAULT_TIMEOUT_MS,
	sessionToken?: string,
): IHttpRequestOptions {
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

/**
 * Calls the marketplace with the node's credential: re-logs in once when the
 * session has expired, repeats 429/502/503/504 and dropped connections with
 * backoff (honouring Retry-After) up to `maxRetries` times, and turns every
 * failure into a NodeApiError whose message is the marketplace's own text.
 * Errors carry no request data, so no token or password can leak into them.
 */
export async function marketplaceCall<T = unknown>(
	this: Context,
	call: MarketplaceCall,
	body: IDataObject = {},
	options: CallOptions = {},
): Promise<T> {
	const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
	const credentials = await this.getCredentials<WestcoastCredentials>(CREDENTIAL_TYPE);
	const url = parseMarketplaceUrl(credentials.marketplaceUrl);
	if (!url.ok)
		throw new NodeOperationError(this.getNode(), url.problem, {
			itemIndex: options.itemIndex,
		});
	const baseUrl = url.url;
	const request = marketplaceRequest(baseUrl, call, body, options.timeoutMs);
	let reloggedIn = false;
	let reloginNow = false;
	let retries = 0;

	while (true) {
		let outcome: ReturnType<typeof interpretResponse>;
		try {
			const raw = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...request },
				reloginNow ? withoutSessionToken(this, credentials) : undefined,
			)) as RawHttpResponse;
			reloginNow = false;
			outcome = interpretResponse(raw, call);
		} catch (error) {
			const marketplaceError = findMarketplaceError(error);
			if (marketplaceError) throw toNodeError(this, marketplaceError, options.itemIndex);
			const reason = describeNetworkError(error);
			if (reason === null)
				throw toNodeError(
					this,
					new MarketplaceError('http', (error as Error).message ?? String(error), { call }),
					options.itemIndex,
				);
			if (!isRetryableNetworkError(networkErrorCode(error)) || retries >= maxRetries) {
				const host = new URL(baseUrl).host;
				const suffix = retries > 0 ? ` (after ${retries} retries)` : '';
				throw toNodeError(
					this,
					new MarketplaceError(
						'unreachable',
						`Cannot reach ${host} for ${call}: ${reason}${suffix}`,
						{ call },
					),
					options.itemIndex,
				);
			}
			retries++;
			await sleep(retryDelayMs(retries, null));
			continue;
		}

		if (outcome.kind === 'ok') return outcome.value as T;
		if (outcome.kind === 'error') throw toNodeError(this, outcome.error, options.itemIndex);
		if (outcome.kind === 'fault') {
			if (outcome.fault.isSessionExpired && !reloggedIn) {
				reloggedIn = true;
				reloginNow = true;
				continue;
			}
			throw toNodeError(
				this,
				faultError(outcome.fault, outcome.statusCode, call),
				options.itemIndex,
			);
		}
		if (retries >= maxRetries) {
			throw toNodeError(
				this,
				new MarketplaceError(
					'retriesExhausted',
					`The marketplace kept answering ${call} with HTTP ${outcome.statusCode}; gave up after ${retries} retries. Try again later, or raise "Max Retries".`,
					{ statusCode: outcome.statusCode, call },
				),
				options.itemIndex,
			);
		}
		retries++;
		await sleep(retryDelayMs(retries, outcome.retryAfterMs));
	}
}

/**
 * Forces a new session on the next request: n8n's credential helper runs the
 * credential's preAuthentication (and stores the new token) when the token it
 * is given is empty, so the stored credential is passed with the token blanked.
 */
function withoutSessionToken(context: Context, credentials: WestcoastCredentials) {
	const stored = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		credentialsDecrypted: {
			id: stored?.id ?? '',
			name: stored?.name ?? '',
			type: CREDENTIAL_TYPE,
			data: { ...credentials, sessionToken: '' },
		},
	};
}

function findMarketplaceError(error: unknown): MarketplaceError | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		if (current instanceof MarketplaceError) return current;
		if ((current as { name?: string }).name === 'MarketplaceError')
			return current as MarketplaceError;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function toNodeError(context: Context, error: MarketplaceError, itemIndex?: number): NodeApiError {
	const response: JsonObject = { message: error.message, kind: error.kind };
	if (error.details.statusCode) response.httpCode = String(error.details.statusCode);
	return new NodeApiError(context.getNode(), response, {
		message: error.message,
		description: error.details.call ? `Westcoast Cloud call: ${error.details.call}` : undefined,
		httpCode: error.details.statusCode ? String(error.details.statusCode) : undefined,
		itemIndex,
	});
}

/** The reseller account to read: the credential's, else the logged-in user's company. */
export async function resellerAccountId(this: Context, options: CallOptions = {}): Promise<string> {
	const credentials = await this.getCredentials<WestcoastCredentials>(CREDENTIAL_TYPE);
	const configured = credentials.resellerAccountId?.toString().trim();
	if (configured) return configured;
	const company = await marketplaceCall.call<
		Context,
		[MarketplaceCall, IDataObject, CallOptions],
		Promise<RawCompany>
	>(this, CALLS.getCompany, {}, options);
	return String(company.AccountId);
}
