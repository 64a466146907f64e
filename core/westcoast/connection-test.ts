import {
	accountIdValue,
	CALLS,
	COMPANY_FIELDS,
	FAULT_PATTERNS,
	PARAMETERS,
	resellerCompanyQuery,
	type MarketplaceCall,
} from './protocol';
import { RecordReader, RecordShapeError } from './record';
import { redact } from './redact';
import {
	interpretResponse,
	readSessionToken,
	MarketplaceError,
	type RawHttpResponse,
	type Secrets,
} from './response';
import { describeNetworkError, networkErrorCode } from './network';
import { isRetryableNetworkError } from './retry';
import { parseMarketplaceUrl } from './url';

/**
 * The connection check, as Halo's "Test Configuration": log in, read the
 * reseller's company, read its customers, and say in plain words what failed.
 * Every message a user sees about a connection is written here.
 */

export type ConnectionCase =
	| 'success'
	| 'invalidUrl'
	| 'unreachable'
	| 'notMarketplace'
	| 'invalidLogin'
	| 'mfa'
	| 'apiNotEnabled'
	| 'ipRefused'
	| 'missingRole'
	| 'accountNotFound'
	| 'error';

export interface ConnectionResult {
	case: ConnectionCase;
	message: string;
}

/** What Check Connection returns: the case, its words, and everything it learned on the way. */
export interface ConnectionDiagnosis extends ConnectionResult {
	ok: boolean;
	marketplaceUrl: string | null;
	user: string;
	company: string | null;
	accountId: string | null;
	customersReadable: number | null;
	/** Whether the user could list the reseller's customers (null when the check stopped before). */
	resellerAdminRole: boolean | null;
	/** Milliseconds per step; `loginAndCompany` includes a fresh login. */
	answerTimesMs: { loginAndCompany: number | null; customers: number | null };
}

export interface ConnectionCredentials {
	marketplaceUrl: string;
	username: string;
	password: string;
	resellerAccountId?: string;
}

/** Sends one call to `{baseUrl}{API_PATH}{call}`; rejects only on network errors. */
export type SendCall = (
	baseUrl: string,
	call: MarketplaceCall,
	body: object,
	sessionToken?: string,
) => Promise<RawHttpResponse>;

/** The two reads of a connection check; each rejects with a MarketplaceError (or a network error). */
export interface ConnectionSteps {
	/** Logs in afresh and reads the reseller's company (`{}` = the logged-in user's). */
	readCompany(query: { accountId?: number | string }): Promise<unknown>;
	readCustomers(parentAccountId: string): Promise<unknown>;
}

export const CONNECTION_MESSAGES = {
	unreachable: (host: string, reason: string) =>
		`Cannot reach ${host}: ${reason}. Check the Marketplace URL and that n8n can reach that host.`,
	invalidLogin: () =>
		'Wrong username or password: the marketplace refused the login. Check both, as you would type them on the marketplace login page.',
	mfa: () =>
		'This user has MFA/2FA switched on, which the marketplace API does not support. Ask Westcoast support to disable 2FA for this user, or use a dedicated API user without 2FA; a marketplace administrator can also exempt the user under Company > Security > Enforced Multi-Factor Authentication.',
	apiNotEnabled: (username: string) =>
		`The user ${username} is not enabled for the marketplace API. Ask Westcoast to enable API access for this user: the distributor must allow each API user.`,
	ipRefused: () =>
		"The marketplace refused the login from this n8n's network address. Ask Westcoast to add the public IP address your n8n connects from to the API allow-list.",
	/** Without a username where the words are fixed in advance (the credential test's rule). */
	missingRole: (username?: string) =>
		`${username ? `The user ${username}` : 'This user'} logged in but lacks the Reseller Admin role, which reading customers and subscriptions needs. Ask your Westcoast administrator to give this user the Reseller Admin role.`,
	accountNotFound: (accountId: string, detail: string) =>
		`Reseller Account ID ${accountId} cannot be read (${detail}). Leave the field empty to use the account of the logged-in user.`,
	success: (company: string, accountId: string, username: string, customers: number) =>
		`Connected to ${company} (account ${accountId}) as ${username}; ${customers} customer(s) readable.`,
	other: (detail: string) => `The marketplace refused the connection test: ${detail}`,
	failed: (detail: string) => `The connection test failed: ${detail}`,
} as const;

/** Which case a fault's text is (the patterns live with the other protocol facts). */
export function classifyFaultMessage(
	message: string,
): 'invalidLogin' | 'mfa' | 'apiNotEnabled' | 'ipRefused' | 'missingRole' | null {
	if (FAULT_PATTERNS.mfa.test(message)) return 'mfa';
	if (FAULT_PATTERNS.ipRefused.test(message)) return 'ipRefused';
	if (FAULT_PATTERNS.apiNotEnabled.test(message)) return 'apiNotEnabled';
	if (FAULT_PATTERNS.invalidLogin.test(message)) return 'invalidLogin';
	if (FAULT_PATTERNS.missingRole.test(message)) return 'missingRole';
	return null;
}

/** Runs the check through `steps` and says what it found; never throws. */
export async function diagnoseConnection(
	credentials: ConnectionCredentials,
	steps: ConnectionSteps,
	now: () => number = Date.now,
	secrets: Secrets = [credentials.password],
): Promise<ConnectionDiagnosis> {
	const username = credentials.username?.trim() ?? '';
	const parsed = parseMarketplaceUrl(credentials.marketplaceUrl);
	const diagnosis: ConnectionDiagnosis = {
		ok: false,
		case: 'invalidUrl',
		message: parsed.ok ? '' : parsed.problem,
		marketplaceUrl: parsed.ok ? parsed.url : null,
		user: username,
		company: null,
		accountId: null,
		customersReadable: null,
		resellerAdminRole: null,
		answerTimesMs: { loginAndCompany: null, customers: null },
	};
	if (!parsed.ok) return diagnosis;
	const configuredId = credentials.resellerAccountId?.toString().trim() ?? '';
	try {
		let started = now();
		const company = RecordReader.of(
			await steps.readCompany(resellerCompanyQuery(configuredId)),
			'The GetCompany answer',
		);
		diagnosis.answerTimesMs.loginAndCompany = now() - started;
		diagnosis.company = redact(company.text(COMPANY_FIELDS.name) ?? 'the reseller', secrets);
		diagnosis.accountId = redact(company.id(COMPANY_FIELDS.accountId) ?? configuredId, secrets);
		started = now();
		const customers = await steps.readCustomers(diagnosis.accountId);
		diagnosis.answerTimesMs.customers = now() - started;
		diagnosis.resellerAdminRole = true;
		diagnosis.customersReadable = Array.isArray(customers) ? customers.length : 0;
		return {
			...diagnosis,
			ok: true,
			case: 'success',
			message: CONNECTION_MESSAGES.success(
				diagnosis.company,
				diagnosis.accountId,
				username,
				diagnosis.customersReadable,
			),
		};
	} catch (error) {
		const explained = explainFailure(error, username, configuredId, secrets);
		if (explained.case === 'missingRole') diagnosis.resellerAdminRole = false;
		return { ...diagnosis, ...explained };
	}
}

/** The connection check over raw HTTP calls: logs in itself and passes the token on. */
export async function testConnection(
	credentials: ConnectionCredentials,
	send: SendCall,
): Promise<ConnectionDiagnosis> {
	const parsed = parseMarketplaceUrl(credentials.marketplaceUrl);
	const baseUrl = parsed.ok ? parsed.url : '';
	const username = credentials.username?.trim() ?? '';
	let token = '';
	// Grows with the session token once there is one.
	const secrets: string[] = [credentials.password ?? ''];
	const call = async (name: MarketplaceCall, body: object) =>
		readValue(await sendExplained(send, baseUrl, name, body, token), name, secrets);
	return await diagnoseConnection(
		credentials,
		{
			readCompany: async (query) => {
				token = await logIn(send, baseUrl, username, credentials.password ?? '');
				secrets.push(token);
				return await call(CALLS.getCompany, query);
			},
			readCustomers: async (parentAccountId) =>
				await call(CALLS.getCompanies, {
					[PARAMETERS.parentAccountId]: accountIdValue(parentAccountId),
				}),
		},
		Date.now,
		secrets,
	);
}

/** Logs in; a refused login becomes plain words (see explainLoginError). */
export async function logIn(
	send: SendCall,
	baseUrl: string,
	username: string,
	password: string,
): Promise<string> {
	const host = new URL(baseUrl).host;
	const secrets = [password];
	const answer = await send(baseUrl, CALLS.getSessionToken, {
		[PARAMETERS.username]: username,
		[PARAMETERS.password]: password,
	}).then(
		(raw) => ({ raw }),
		(error: unknown) => ({ error }),
	);
	// Only plain words leave here: the HTTP client's own error holds the request body, password included.
	if ('error' in answer) throw explainLoginError(answer.error, username, host, undefined, secrets);
	try {
		return readSessionToken(answer.raw, CALLS.getSessionToken, secrets);
	} catch (error) {
		throw explainLoginError(error, username, host, undefined, secrets);
	}
}

/** One call; a network failure becomes the plain "Cannot reach" words. */
export async function sendExplained(
	send: SendCall,
	baseUrl: string,
	call: MarketplaceCall,
	body: object,
	token?: string,
): Promise<RawHttpResponse> {
	const sent = await send(baseUrl, call, body, token).then(
		(response) => ({ response }),
		(error: unknown) => ({ error }),
	);
	if ('response' in sent) return sent.response;
	const reason = describeNetworkError(sent.error);
	if (!reason) throw sent.error;
	throw new MarketplaceError(
		'unreachable',
		CONNECTION_MESSAGES.unreachable(new URL(baseUrl).host, reason),
		{ call, retryable: isRetryableNetworkError(networkErrorCode(sent.error)) },
	);
}

/** The value of an answer, or the MarketplaceError it means (upstream text redacted). */
export function readValue(raw: RawHttpResponse, call: string, secrets: Secrets = []): unknown {
	const outcome = interpretResponse(raw, call, secrets);
	if (outcome.kind === 'ok') return outcome.value;
	if (outcome.kind === 'error') throw outcome.error;
	if (outcome.kind === 'fault')
		throw new MarketplaceError('fault', outcome.fault.message, {
			statusCode: outcome.statusCode,
			fault: outcome.fault,
			call,
		});
	throw new MarketplaceError(
		'http',
		`The marketplace is busy (HTTP ${outcome.statusCode}); try again later`,
		{ statusCode: outcome.statusCode, call, retryable: true, retryAfterMs: outcome.retryAfterMs },
	);
}

/** Plain words for a failed login or read; also used when a node's login fails. */
export function explainFailure(
	error: unknown,
	username: string,
	accountId?: string,
	secrets: Secrets = [],
): ConnectionResult {
	if (error instanceof RecordShapeError) {
		const detail = redact(error.message, secrets);
		return { case: 'error', message: `The marketplace's answer cannot be read: ${detail}` };
	}
	if (!(error instanceof MarketplaceError)) {
		// An HTTP client's own error can quote the request, password included.
		const detail = redact((error as Error)?.message ?? String(error), secrets);
		return { case: 'error', message: CONNECTION_MESSAGES.failed(detail) };
	}
	if (error.details.connectionCase) {
		return { case: error.details.connectionCase, message: error.message };
	}
	if (error.kind === 'unreachable') return { case: 'unreachable', message: error.message };
	if (error.kind === 'notMarketplace') return { case: 'notMarketplace', message: error.message };
	if (error.kind === 'fault') {
		const faultCase = classifyFaultMessage(error.message);
		if (faultCase === 'invalidLogin')
			return { case: faultCase, message: CONNECTION_MESSAGES.invalidLogin() };
		if (faultCase === 'mfa') return { case: faultCase, message: CONNECTION_MESSAGES.mfa() };
		if (faultCase === 'ipRefused')
			return { case: faultCase, message: CONNECTION_MESSAGES.ipRefused() };
		if (faultCase === 'apiNotEnabled')
			return { case: faultCase, message: CONNECTION_MESSAGES.apiNotEnabled(username) };
		if (faultCase === 'missingRole')
			return { case: faultCase, message: CONNECTION_MESSAGES.missingRole(username) };
		if (error.details.call === CALLS.getCompany && accountId?.trim()) {
			return {
				case: 'accountNotFound',
				message: CONNECTION_MESSAGES.accountNotFound(accountId.trim(), error.message),
			};
		}
	}
	return { case: 'error', message: CONNECTION_MESSAGES.other(error.message) };
}

/**
 * What a failed login becomes: plain words and no request data. Faults are
 * explained as the connection check explains them (the case travels with the
 * error); network failures name the host and say whether repeating could help.
 */
export function explainLoginError(
	error: unknown,
	username: string,
	host: string,
	accountId?: string,
	secrets: Secrets = [],
): MarketplaceError {
	if (error instanceof MarketplaceError) {
		if (error.kind !== 'fault') return error;
		const explained = explainFailure(error, username, accountId, secrets);
		return explained.case === 'error'
			? error
			: new MarketplaceError('fault', explained.message, {
					...error.details,
					connectionCase: explained.case,
				});
	}
	const call = CALLS.getSessionToken;
	const reason = describeNetworkError(error);
	if (reason) {
		return new MarketplaceError('unreachable', CONNECTION_MESSAGES.unreachable(host, reason), {
			call,
			retryable: isRetryableNetworkError(networkErrorCode(error)),
		});
	}
	return new MarketplaceError(
		'http',
		`Logging in to ${host} failed: ${redact((error as Error)?.message ?? 'unknown error', secrets)}`,
		{ call },
	);
}
