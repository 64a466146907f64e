import type http from 'node:http';
import {
	CALLS,
	SESSION_HEADER,
	SESSION_SCHEME,
	type MarketplaceCall,
} from '../../core/westcoast/protocol';
import { readBody, send, sendJson } from '../server';
import type { CallLog } from './call-log';
import { ApiFault, FAULT_CONTENT_TYPE } from './fault-xml';
import type { Dialect } from './dialect';
import type { FaultPlan, ResponseFault } from './faults';
import { HANDLERS, type RequestBody } from './handlers';
import {
	ENDPOINT_NOT_FOUND_PAGE,
	gatewayErrorPage,
	HTML_CONTENT_TYPE,
	iisErrorPage,
	METHOD_NOT_ALLOWED_PAGE,
} from './pages';
import type { SessionStore } from './sessions';
import type { MarketplaceStore } from './store';
import { findUser } from './users';

export interface ApiDependencies {
	store: MarketplaceStore;
	sessions: SessionStore;
	faults: FaultPlan;
	log: CallLog;
	baseUrl: string;
	dialect: Dialect;
}

export const SESSION_EXPIRED_MESSAGE = 'Session expired. Please log in again.';

/** Login refusals per dialect: spec has the live service's texts and status (sybr-hub, the official MFA text). */
export const LOGIN_FAULTS: Record<
	Dialect,
	Record<
		'invalidLogin' | 'mfa' | 'apiDisabled' | 'ipRestricted',
		{ message: string; status: number }
	>
> = {
	spec: {
		invalidLogin: {
			message: 'We could not sign you in. Check your username and password and try again.',
			status: 500,
		},
		mfa: {
			message: 'Unable to get session token. Users with enabled MFA are not supported.',
			status: 500,
		},
		// GUESS: the texts of these two refusals are not public.
		apiDisabled: {
			message: 'Unable to get session token. The user is not enabled for API access.',
			status: 500,
		},
		ipRestricted: {
			message: 'Unable to get session token. Your IP address is not allowed to access the API.',
			status: 500,
		},
	},
	legacy: {
		invalidLogin: { message: 'Invalid login!', status: 400 },
		mfa: {
			message: 'MFA users are not supported. Use an API user without multi-factor authentication.',
			status: 400,
		},
		apiDisabled: { message: 'Access to the API is not enabled for this user.', status: 400 },
		ipRestricted: { message: 'Login from this IP address is not allowed.', status: 400 },
	},
};

const CALL_NAMES = new Map<string, MarketplaceCall>(
	Object.values(CALLS).map((call) => [call.toLowerCase(), call]),
);

/** WCF matches operation names case-insensitively. */
export function resolveCall(name: string): MarketplaceCall | undefined {
	return CALL_NAMES.get(name.toLowerCase());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request under the API path: `callName` is what follows it. */
export async function handleApiRequest(
	req: http.IncomingMessage,
	res: http.ServerResponse,
	callName: string,
	deps: ApiDependencies,
): Promise<void> {
	const call = resolveCall(callName);
	if (!call) return send(res, 404, ENDPOINT_NOT_FOUND_PAGE, HTML_CONTENT_TYPE);
	if (req.method !== 'POST')
		return send(res, 405, METHOD_NOT_ALLOWED_PAGE, HTML_CONTENT_TYPE, { Allow: 'POST' });

	const text = await readBody(req);
	const latency = deps.faults.latencyMs(call);
	if (latency > 0) await sleep(latency);

	const injected = deps.faults.takeResponseFault(call);
	if (injected) {
		answerWithInjectedFault(res, injected);
		deps.log.record(
			call,
			injected.kind === 'dropConnection' ? null : res.statusCode,
			injected.kind,
		);
		return;
	}

	let status = 200;
	try {
		const value = answer(call, text, req, deps);
		sendJson(res, status, Array.isArray(value) ? deps.faults.trimList(call, value) : value);
	} catch (error) {
		const fault =
			error instanceof ApiFault
				? error
				: new ApiFault('An internal error occurred. Please try again later.', 500);
		status = fault.status;
		send(res, status, fault.toXml(), FAULT_CONTENT_TYPE);
	}
	deps.log.record(call, status);
}

function answerWithInjectedFault(res: http.ServerResponse, fault: ResponseFault): void {
	switch (fault.kind) {
		case 'dropConnection':
			res.socket?.destroy();
			return;
		case 'rateLimit':
			return send(
				res,
				429,
				`Rate limit exceeded. Retry after ${fault.retryAfterSeconds} seconds.`,
				'text/plain; charset=utf-8',
				{
					'Retry-After': String(fault.retryAfterSeconds),
				},
			);
		case 'unavailable':
			return send(res, fault.status, gatewayErrorPage(fault.status), HTML_CONTENT_TYPE);
		case 'htmlError':
			return send(res, fault.status, iisErrorPage(fault.status), HTML_CONTENT_TYPE);
		case 'malformedJson':
			return send(
				res,
				200,
				'{"AccountId":100200,"CompanyName":"Sandbox Reseller',
				'application/json; charset=utf-8',
			);
	}
}

/** The call's JSON answer; throws ApiFault for every error the platform reports as a fault. */
function answer(
	call: MarketplaceCall,
	text: string,
	req: http.IncomingMessage,
	deps: ApiDependencies,
): unknown {
	const body = parseBody(text, req.headers['content-type']);
	if (call === CALLS.getSessionToken) return logIn(body, deps);

	const token = sessionToken(req.headers[SESSION_HEADER.toLowerCase()]);
	const session = deps.sessions.use(token);
	if (session.kind === 'expired') throw new ApiFault(SESSION_EXPIRED_MESSAGE, 400, true);
	if (deps.faults.takeSessionExpiry(call)) {
		deps.sessions.invalidate(token);
		throw new ApiFault(SESSION_EXPIRED_MESSAGE, 400, true);
	}
	if (call === CALLS.terminateSessionToken) {
		deps.sessions.invalidate(token);
		return null;
	}
	return HANDLERS[call](body, {
		store: deps.store,
		caller: session,
		baseUrl: deps.baseUrl,
		dialect: deps.dialect,
	});
}

function parseBody(text: string, contentType: string | undefined): RequestBody {
	if (!/^application\/json\b/i.test(contentType ?? '')) {
		throw new ApiFault(
			"The incoming message has an unexpected message format 'Raw'. The expected message formats for the operation are 'Xml', 'Json'.",
		);
	}
	if (text.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		// JSON.parse's message quotes the input, which may hold a password: never echo it.
		throw new ApiFault('The request body could not be deserialized: it is not valid JSON.');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ApiFault('The request body could not be deserialized: expected a JSON object.');
	}
	return parsed as RequestBody;
}

function logIn(body: RequestBody, { sessions, dialect }: ApiDependencies): string {
	const refuse = (why: keyof (typeof LOGIN_FAULTS)['spec']) => {
		const { message, status } = LOGIN_FAULTS[dialect][why];
		return new ApiFault(message, status, false, dialect === 'spec' ? 'soap12' : 'none');
	};
	const user = findUser(body.username, body.password);
	if (!user) throw refuse('invalidLogin');
	if (user.mfa) throw refuse('mfa');
	if (user.apiDisabled) throw refuse('apiDisabled');
	if (user.ipRestricted) throw refuse('ipRestricted');
	return sessions.open(user.kind, user.resellerAdmin);
}

/**
 * The token from `Authenticate: CCPSessionId <token>`, or from the bare token
 * (one public client has always sent it so); a missing header is not "expired".
 */
function sessionToken(header: string | string[] | undefined): string {
	const value = Array.isArray(header) ? header[0] : header;
	const match = new RegExp(`^\\s*(?:${SESSION_SCHEME}\\s+)?(\\S+)\\s*$`, 'i').exec(value ?? '');
	if (!match) {
		throw new ApiFault(
			`The ${SESSION_HEADER} header is missing; send '${SESSION_HEADER}: ${SESSION_SCHEME} <token>'.`,
		);
	}
	return match[1];
}
