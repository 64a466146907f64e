import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import {
	accountIdValue,
	CALLS,
	COMPANY_FIELDS,
	PARAMETERS,
	RESELLER_CONTEXT_CALLS,
	resellerCompanyQuery,
	type MarketplaceCall,
} from '../../../core/westcoast/protocol';
import { WESTCOAST_CREDENTIAL_TYPE } from '../../../core/westcoast/credential';
import { RecordReader } from '../../../core/westcoast/record';
import { marketplaceRequest } from '../../../core/westcoast/request';
import { parseMarketplaceUrl } from '../../../core/westcoast/url';
import {
	faultError,
	interpretResponse,
	MarketplaceError,
	type Outcome,
	type RawHttpResponse,
	type Secrets,
} from '../../../core/westcoast/response';
import { redact } from '../../../core/westcoast/redact';
import { describeNetworkError, networkErrorCode } from '../../../core/westcoast/network';
import {
	isRetryableNetworkError,
	isWaitTooLong,
	requestLimits,
	retryDelayMs,
} from '../../../core/westcoast/retry';
import { sessionTokenFor } from '../../../core/westcoast/session';

export interface WestcoastCredentials {
	marketplaceUrl: string;
	username: string;
	password: string;
	resellerAccountId?: string;
	sessionToken?: string;
	sessionBaseUrl?: string;
	sessionAccountId?: string;
}

export interface CallOptions {
	maxRetries?: number;
	timeoutMs?: number;
	itemIndex?: number;
	/** Log in afresh even when the stored session is still good (Check Connection). */
	freshLogin?: boolean;
}

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** What to do after one attempt at a call. */
type Step =
	| { kind: 'done'; value: unknown }
	| { kind: 'fail'; error: MarketplaceError }
	/** `error` is what to report when the session cannot be renewed (it expired right after a new login). */
	| { kind: 'relogin'; error: MarketplaceError }
	| { kind: 'retry'; retryAfterMs: number | null; givingUp: (retries: number) => MarketplaceError };

/**
 * Calls the marketplace with the node's credential: logs in afresh when the
 * stored session was issued by another URL (the credential's URL changed) and
 * once when the session has expired, repeats 429/502/503/504, dropped
 * connections and a busy login with backoff (honouring Retry-After) up to
 * `maxRetries` times, and turns every failure into a NodeApiError whose
 * message is the marketplace's own text. Errors carry no request data, so no
 * token or password can leak.
 */
export async function marketplaceCall<T = unknown>(
	this: Context,
	call: MarketplaceCall,
	body: IDataObject = {},
	options: CallOptions = {},
): Promise<T> {
	try {
		return (await callMarketplace.call(this, call, body, options)) as T;
	} catch (error) {
		throw toNodeError(this, asMarketplaceError(error, call), options.itemIndex);
	}
}

/** Any failure of a call as a MarketplaceError (one from the marketplace stays as it is). */
export function asMarketplaceError(error: unknown, call: MarketplaceCall): MarketplaceError {
	return error instanceof MarketplaceError
		? error
		: new MarketplaceError('http', (error as Error)?.message ?? String(error), { call });
}

/** As marketplaceCall, rejecting with the MarketplaceError itself (for a diagnosis). */
export async function callMarketplace<T = unknown>(
	this: Context,
	call: MarketplaceCall,
	body: IDataObject = {},
	options: CallOptions = {},
): Promise<T> {
	const { maxRetries, timeoutMs } = requestLimits(options);
	const credentials = await this.getCredentials<WestcoastCredentials>(WESTCOAST_CREDENTIAL_TYPE);
	const secrets: Array<string | undefined> = [credentials.password, credentials.sessionToken];
	const url = parseMarketplaceUrl(credentials.marketplaceUrl);
	if (!url.ok) throw new MarketplaceError('http', url.problem, { connectionCase: 'invalidUrl' });
	const request = marketplaceRequest(
		url.url,
		call,
		withResellerContext(call, body, credentials.resellerAccountId),
		timeoutMs,
	);
	const host = new URL(url.url).host;
	let reloggedIn = false;
	let reloginNow =
		options.freshLogin === true || sessionTokenFor(credentials, url.url) === undefined;
	let retries = 0;

	while (true) {
		const sent = await this.helpers.httpRequestWithAuthentication
			.call(
				this,
				WESTCOAST_CREDENTIAL_TYPE,
				{ ...request },
				reloginNow ? withoutSessionToken(this, credentials) : undefined,
			)
			.then(
				(raw) => ({ raw: raw as RawHttpResponse }),
				(error: unknown) => ({ error }),
			);
		// A login may have run inside the helper (empty, expired or renewed token): its token is a secret too.
		secrets.push(await currentSessionToken(this));
		const step =
			'raw' in sent
				? stepFromAnswer(interpretResponse(sent.raw, call, secrets), call)
				: stepFromError(sent.error, call, host, secrets);
		reloginNow = false;
		if (step.kind === 'done') return step.value as T;
		if (step.kind === 'relogin' && !reloggedIn) {
			reloggedIn = reloginNow = true;
			continue;
		}
		if (step.kind === 'retry') {
			if (isWaitTooLong(step.retryAfterMs)) {
				const seconds = Math.round((step.retryAfterMs ?? 0) / 1000);
				throw new MarketplaceError(
					'retriesExhausted',
					`The marketplace asks to wait ${seconds} s before answering ${call} again; try again later.`,
					{ call },
				);
			}
			if (retries < maxRetries) {
				retries++;
				await sleep(retryDelayMs(retries, step.retryAfterMs));
				continue;
			}
			throw step.givingUp(retries);
		}
		throw step.error;
	}
}

function stepFromAnswer(outcome: Outcome, call: string): Step {
	if (outcome.kind === 'ok') return { kind: 'done', value: outcome.value };
	if (outcome.kind === 'error') return { kind: 'fail', error: outcome.error };
	if (outcome.kind === 'fault') {
		const error = faultError(outcome.fault, outcome.statusCode, call);
		return outcome.fault.isSessionExpired ? { kind: 'relogin', error } : { kind: 'fail', error };
	}
	const { statusCode, retryAfterMs } = outcome;
	return {
		kind: 'retry',
		retryAfterMs,
		givingUp: (retries) =>
			new MarketplaceError(
				'retriesExhausted',
				`The marketplace kept answering ${call} with HTTP ${statusCode}; gave up after ${retries} retries. Try again later, or raise "Max Retries".`,
				{ statusCode, call },
			),
	};
}

/** Errors thrown by the HTTP helper: the login's own (already in plain words), or the network's. */
function stepFromError(error: unknown, call: string, host: string, secrets: Secrets): Step {
	const marketplaceError = findMarketplaceError(error);
	if (marketplaceError) {
		if (!marketplaceError.details.retryable) return { kind: 'fail', error: marketplaceError };
		return {
			kind: 'retry',
			retryAfterMs: marketplaceError.details.retryAfterMs ?? null,
			givingUp: (retries) =>
				new MarketplaceError(
					'retriesExhausted',
					`${marketplaceError.message} (gave up after ${retries} retries)`,
					{
						call,
					},
				),
		};
	}
	const reason = describeNetworkError(error);
	if (reason === null) {
		return {
			kind: 'fail',
			error: new MarketplaceError(
				'http',
				`${call} failed: ${redact((error as Error)?.message ?? String(error), secrets)}`,
				{ call },
			),
		};
	}
	const unreachable = (suffix: string) =>
		new MarketplaceError('unreachable', `Cannot reach ${host} for ${call}: ${reason}${suffix}`, {
			call,
		});
	if (!isRetryableNetworkError(networkErrorCode(error)))
		return { kind: 'fail', error: unreachable('') };
	return {
		kind: 'retry',
		retryAfterMs: null,
		givingUp: (retries) => unreachable(` (after ${retries} retries)`),
	};
}

/**
 * Calls that take `resellerContext` get the credential's Reseller Account ID
 * there (it decides which purchase prices apply); without one the platform uses
 * the caller's own reseller.
 */
function withResellerContext(
	call: MarketplaceCall,
	body: IDataObject,
	resellerAccountId: string | undefined,
): IDataObject {
	const configured = resellerAccountId?.toString().trim();
	if (!configured || !RESELLER_CONTEXT_CALLS.has(call) || PARAMETERS.resellerContext in body)
		return body;
	return { ...body, [PARAMETERS.resellerContext]: accountIdValue(configured) };
}

/** A list call's answer; anything else (an empty body, an object) is a failed read, never an empty list. */
export async function marketplaceList<T>(
	this: Context,
	call: MarketplaceCall,
	body: IDataObject,
	options: CallOptions = {},
): Promise<T[]> {
	const answer = await marketplaceCall.call(this, call, body, options);
	if (Array.isArray(answer)) return answer as T[];
	const got = answer === null ? 'nothing' : typeof answer;
	throw toNodeError(
		this,
		new MarketplaceError(
			'malformed',
			`The marketplace answered ${call} with ${got} instead of a list, so nothing was read.`,
			{
				call,
			},
		),
		options.itemIndex,
	);
}

/**
 * Forces a new session on the next request: n8n's credential helper runs the
 * credential's preAuthentication (and stores the new token) when the token it
 * is given is empty, so the stored credential is passed with the token blanked.
 */
function withoutSessionToken(context: Context, credentials: WestcoastCredentials) {
	const stored = context.getNode().credentials?.[WESTCOAST_CREDENTIAL_TYPE];
	return {
		credentialsDecrypted: {
			id: stored?.id ?? '',
			name: stored?.name ?? '',
			type: WESTCOAST_CREDENTIAL_TYPE,
			data: { ...credentials, sessionToken: '' },
		},
	};
}

/** The session token as stored now (a login during the call replaces the one read at its start). */
async function currentSessionToken(context: Context): Promise<string | undefined> {
	const credentials = await context
		.getCredentials<WestcoastCredentials>(WESTCOAST_CREDENTIAL_TYPE)
		.catch(() => undefined);
	return credentials?.sessionToken;
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

export function toNodeError(
	context: Context,
	error: MarketplaceError,
	itemIndex?: number,
): NodeApiError {
	const response: JsonObject = { message: error.message, kind: error.kind };
	if (error.details.statusCode) response.httpCode = String(error.details.statusCode);
	return new NodeApiError(context.getNode(), response, {
		message: error.message,
		description: error.details.call ? `Westcoast Cloud call: ${error.details.call}` : undefined,
		httpCode: error.details.statusCode ? String(error.details.statusCode) : undefined,
		itemIndex,
	});
}

/** The `GetCompany` query for the reseller's company, from the node's credential. */
export async function resellerCompany(this: Context): Promise<IDataObject> {
	const { resellerAccountId } =
		await this.getCredentials<WestcoastCredentials>(WESTCOAST_CREDENTIAL_TYPE);
	return resellerCompanyQuery(resellerAccountId);
}

/** The reseller's account ID, read from the marketplace when the credential does not set it. */
export async function resellerAccountId(this: Context, options: CallOptions = {}): Promise<string> {
	const query = await resellerCompany.call(this);
	const configured = query[PARAMETERS.accountId];
	if (configured !== undefined) return String(configured);
	const company = await marketplaceCall.call(this, CALLS.getCompany, query, options);
	const unknownAccount = (why: string) =>
		toNodeError(
			this,
			new MarketplaceError(
				'malformed',
				`${why}, so the reseller account is unknown. Set "Reseller Account ID" in the credential.`,
				{ call: CALLS.getCompany },
			),
			options.itemIndex,
		);
	let accountId: string | null;
	try {
		accountId = RecordReader.of(company, 'The GetCompany answer').id(COMPANY_FIELDS.accountId);
	} catch (error) {
		throw unknownAccount((error as Error).message);
	}
	if (accountId === null)
		throw unknownAccount('The marketplace answered GetCompany without an AccountId');
	return accountId;
}
