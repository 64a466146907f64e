import {
	accountIdValue,
	CALLS,
	COMPANY_FIELDS,
	FAULT_PATTERNS,
	PARAMETERS,
	type MarketplaceCall,
} from './protocol';
import { RecordReader, RecordShapeError } from './record';
import {
	interpretResponse,
	readSessionToken,
	MarketplaceError,
	type RawHttpResponse,
	type Secrets,
} from './response';
import { redact } from './redact';
import { describeNetworkError, networkErrorCode } from './network';
import { isRetryableNetworkError } from './retry';
import { parseMarketplaceUrl } from './url';

/**
 * The credential test, as Halo's "Test Configuration": log in, read the
 * reseller's company, read its customers, and say in plain words what failed.
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
	missingRole: (username: string) =>
		`The user ${username} logged in but lacks the Reseller Admin role, which reading customers and subscriptions needs. Ask your Westcoast administrator to give this user the Reseller Admin role.`,
	accountNotFound: (accountId: string, detail: string) =>
		`Reseller Account ID ${accountId} cannot be read (${detail}). Leave the field empty to use the account of the logged-in user.`,
	success: (company: string, accountId: string, username: string, customers: number) =>
		`Connected to ${company} (account ${accountId}) as ${username}; ${customers} customer(s) readable.`,
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

export async function testConnection(
	credentials: ConnectionCredentials,
	send: SendCall,
): Promise<ConnectionResult> {
	const parsed = parseMarketplaceUrl(credentials.marketplaceUrl);
	if (!parsed.ok) return { case: 'invalidUrl', message: parsed.problem };
	const baseUrl = parsed.url;
	const host = new URL(baseUrl).host;
	const username = credentials.username?.trim() ?? '';
	// Grows with the session token once there is one.
	const secrets: string[] = [credentials.password ?? ''];

	const call = async (name: MarketplaceCall, body: object, token?: string) => {
		const sent = await send(baseUrl, name, body, token).then(
			(response) => ({ response }),
			(error: unknown) => ({ error }),
		);
		if ('response' in sent) return sent.response;
		const reason = describeNetworkError(sent.error);
		throw reason
			? new MarketplaceError('unreachable', CONNECTION_MESSAGES.unreachable(host, reason))
			: sent.error;
	};

	try {
		const token = readSessionToken(
			await call(CALLS.getSessionToken, {
				username,
				password: credentials.password ?? '',
			}),
			CALLS.getSessionToken,
			secrets,
		);
		secrets.push(token);
		const accountId = credentials.resellerAccountId?.toString().trim() ?? '';
		const company = RecordReader.of(
			readValue<unknown>(
				await call(
					CALLS.getCompany,
					accountId ? { [PARAMETERS.accountId]: accountIdValue(accountId) } : {},
					token,
				),
				CALLS.getCompany,
				secrets,
			),
			'The GetCompany answer',
		);
		const companyId = company.requiredId(COMPANY_FIELDS.accountId);
		const customers = readValue<unknown[]>(
			await call(
				CALLS.getCompanies,
				{ [PARAMETERS.parentAccountId]: accountIdValue(companyId) },
				token,
			),
			CALLS.getCompanies,
			secrets,
		);
		return {
			case: 'success',
			message: CONNECTION_MESSAGES.success(
				redact(company.text(COMPANY_FIELDS.name) ?? 'the reseller', secrets),
				redact(companyId, secrets),
				username,
				Array.isArray(customers) ? customers.length : 0,
			),
		};
	} catch (error) {
		return explainFailure(error, username, credentials.resellerAccountId, secrets);
	}
}

function readValue<T>(raw: RawHttpResponse, call: string, secrets: Secrets): T {
	const outcome = interpretResponse(raw, call, secrets);
	if (outcome.kind === 'ok') return outcome.value as T;
	if (outcome.kind === 'error') throw outcome.error;
	if (outcome.kind === 'fault')
		throw new MarketplaceError('fault', outcome.fault.message, {
			fault: outcome.fault,
			call,
		});
	throw new MarketplaceError(
		'http',
		`The marketplace is busy (HTTP ${outcome.statusCode}); try again later`,
		{ call },
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
		return { case: 'error', message: `The connection test failed: ${detail}` };
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
			return {
				case: faultCase,
				message: CONNECTION_MESSAGES.missingRole(username),
			};
		if (error.details.call === CALLS.getCompany && accountId?.trim()) {
			return {
				case: 'accountNotFound',
				message: CONNECTION_MESSAGES.accountNotFound(accountId.trim(), error.message),
			};
		}
	}
	return {
		case: 'error',
		message: `The marketplace refused the connection test: ${error.message}`,
	};
}

/**
 * What a failed login becomes: plain words and no request data. Faults are
 * explained as the credential test explains them; network failures name the
 * host and say whether repeating the call could help.
 */
export function explainLoginError(
	error: unknown,
	username: string,
	host: string,
	secrets: Secrets = [],
): MarketplaceError {
	if (error instanceof MarketplaceError) {
		if (error.kind !== 'fault') return error;
		const explained = explainFailure(error, username, undefined, secrets);
		return explained.case === 'error'
			? error
			: new MarketplaceError('fault', explained.message, error.details);
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
		{
			call,
		},
	);
}
