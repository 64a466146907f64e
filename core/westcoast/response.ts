import type { ConnectionCase } from './connection-test';
import { parseFault, type MarketplaceFault } from './fault';
import { redact } from './redact';
import { DEFAULT_MARKETPLACE_URL } from './protocol';
import { parseRetryAfter, RETRYABLE_STATUSES } from './retry';
import { isRecord } from '../read';
import { field } from './record';

/** An HTTP answer as text, whichever n8n helper fetched it. */
export interface RawHttpResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export type MarketplaceErrorKind =
	| 'fault'
	| 'notMarketplace'
	| 'malformed'
	| 'http'
	| 'unreachable'
	| 'retriesExhausted';

/** Every way a marketplace call can fail, with a message fit to show a user. */
export class MarketplaceError extends Error {
	constructor(
		readonly kind: MarketplaceErrorKind,
		message: string,
		readonly details: {
			statusCode?: number;
			fault?: MarketplaceFault;
			call?: string;
			/** Worth repeating (busy, or a dropped connection), e.g. a failed login. */
			retryable?: boolean;
			retryAfterMs?: number | null;
			/** Set once the error's words are a connection diagnosis (e.g. a refused login). */
			connectionCase?: ConnectionCase;
		} = {},
	) {
		super(message);
		this.name = 'MarketplaceError';
	}
}

export type Outcome =
	| { kind: 'ok'; value: unknown }
	| { kind: 'fault'; fault: MarketplaceFault; statusCode: number }
	| { kind: 'retry'; statusCode: number; retryAfterMs: number | null }
	| { kind: 'error'; error: MarketplaceError };

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

const looksLikeHtml = (text: string) => /^\s*(<!doctype html|<html|<head|<body)/i.test(text);
/** Faults are XML documents; a JSON answer that merely mentions one is data. */
const looksLikeXml = (text: string) => text.trimStart().startsWith('<');
/** The start of an unreadable body, redacted before it is cut. */
const preview = (text: string, secrets: Secrets) =>
	JSON.stringify(redact(text.trim(), secrets, 80));
const httpError = (message: string, statusCode: number, call: string): Outcome => ({
	kind: 'error',
	error: new MarketplaceError('http', message, { statusCode, call }),
});

/** The credential's password and session token: what an echoing upstream must not hand back. */
export type Secrets = ReadonlyArray<string | null | undefined>;

/** A fault's texts with the secrets removed, so nothing downstream can copy them. */
function redactFault(fault: MarketplaceFault, secrets: Secrets): MarketplaceFault {
	return {
		...fault,
		message: redact(fault.message, secrets),
		reason: fault.reason === null ? null : redact(fault.reason, secrets),
		code: fault.code === null ? null : redact(fault.code, secrets),
	};
}

/**
 * What a marketplace answer means, before any retry or re-login decision.
 * Every upstream text in the outcome (fault, preview, Location) has passed `redact`.
 */
export function interpretResponse(
	raw: RawHttpResponse,
	call: string,
	secrets: Secrets = [],
): Outcome {
	const status = raw.statusCode;
	const text = bodyText(raw.body);
	const parsedFault = looksLikeXml(text) ? parseFault(text) : null;
	const fault = parsedFault && redactFault(parsedFault, secrets);
	// A busy answer is repeated even when it carries a fault, unless the fault is a lost session.
	if (RETRYABLE_STATUSES.has(status) && !fault?.isSessionExpired) {
		return {
			kind: 'retry',
			statusCode: status,
			retryAfterMs: parseRetryAfter(header(raw.headers, 'retry-after')),
		};
	}
	if (fault) return { kind: 'fault', fault, statusCode: status };
	if (status >= 300 && status < 400) {
		const location = redact(header(raw.headers, 'location') ?? 'another address', secrets);
		const login = /login|signin|sign-in|account/i.test(location) ? ' (a login page)' : '';
		return notMarketplace(`it redirects to ${location}${login}`, status, call);
	}
	if (status === 404) {
		return notMarketplace('the marketplace API was not found there (HTTP 404)', status, call);
	}
	const success = status >= 200 && status < 300;
	if (looksLikeHtml(text)) {
		return success
			? notMarketplace(
					`it answered ${call} with a web page (HTTP ${status}), not the marketplace API`,
					status,
					call,
				)
			: httpError(
					`The marketplace answered ${call} with an error page (HTTP ${status})`,
					status,
					call,
				);
	}
	if (!success) {
		return httpError(
			`The marketplace answered ${call} with HTTP ${status}: ${preview(text, secrets)}`,
			status,
			call,
		);
	}
	if (text.trim() === '') return { kind: 'ok', value: null };
	try {
		return { kind: 'ok', value: JSON.parse(text) };
	} catch {
		return {
			kind: 'error',
			error: new MarketplaceError(
				'malformed',
				`The marketplace answered ${call} with a body that is not valid JSON: ${preview(text, secrets)}`,
				{ statusCode: status, call },
			),
		};
	}
}

function notMarketplace(detail: string, statusCode: number, call: string): Outcome {
	return {
		kind: 'error',
		error: new MarketplaceError(
			'notMarketplace',
			`This URL is not a Westcoast Cloud marketplace: ${detail}. Use the address you log in to, e.g. ${DEFAULT_MARKETPLACE_URL}`,
			{ statusCode, call },
		),
	};
}

/**
 * Where an object answer of `GetSessionToken` may hold the token (public
 * clients accept a JSON string, a bare string, or an object holding it;
 * `GetSessionTokenResult` is WCF's wrapped style). Looked up case-insensitively.
 */
const TOKEN_KEYS = [
	'SessionToken',
	'Token',
	'GetSessionTokenResult',
	'SessionId',
	'CCPSessionId',
	'd',
];

/** A bare (unquoted) token: one word of token characters. */
const BARE_TOKEN = /^[\w\-.~+/=:]{8,}$/;

function tokenIn(value: unknown, text: string): string | null {
	if (typeof value === 'string') return value.trim() || null;
	// A bare token of digits parses as a JSON number.
	if (typeof value === 'number') return BARE_TOKEN.test(text) ? text : null;
	if (!isRecord(value)) return null;
	for (const key of TOKEN_KEYS) {
		const held = field(value, key);
		if (typeof held === 'string' && held.trim()) return held.trim();
	}
	const texts = Object.values(value).filter((held) => typeof held === 'string' && held.trim());
	return texts.length === 1 ? (texts[0] as string).trim() : null;
}

/** The session token from a `GetSessionToken` answer, or a MarketplaceError saying why not. */
export function readSessionToken(
	raw: RawHttpResponse,
	call: string,
	secrets: Secrets = [],
): string {
	const outcome = interpretResponse(raw, call, secrets);
	const text = bodyText(raw.body).trim();
	if (outcome.kind === 'error') {
		const success = raw.statusCode >= 200 && raw.statusCode < 300;
		if (outcome.error.kind === 'malformed' && success && BARE_TOKEN.test(text)) return text;
		throw outcome.error;
	}
	if (outcome.kind === 'fault') throw faultError(outcome.fault, outcome.statusCode, call);
	if (outcome.kind === 'retry') throw busyError(outcome.statusCode, outcome.retryAfterMs, call);
	const token = tokenIn(outcome.value, text);
	if (token === null) {
		throw new MarketplaceError(
			'malformed',
			`The marketplace answered ${call} without a session token`,
			{
				call,
			},
		);
	}
	return token;
}

/** A busy answer (429/502/503/504) where it cannot be repeated on the spot, e.g. a login. */
export function busyError(
	statusCode: number,
	retryAfterMs: number | null,
	call: string,
): MarketplaceError {
	return new MarketplaceError(
		'http',
		`The marketplace is busy (HTTP ${statusCode}) and did not answer ${call}; try again later`,
		{ statusCode, call, retryable: true, retryAfterMs },
	);
}

export function faultError(
	fault: MarketplaceFault,
	statusCode: number,
	call: string,
): MarketplaceError {
	return new MarketplaceError('fault', fault.message, { statusCode, fault, call });
}
