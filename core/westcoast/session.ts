import {
	explainLoginError,
	logIn,
	readValue,
	sendExplained,
	type ConnectionCredentials,
	type SendCall,
} from './connection-test';
import {
	accountIdValue,
	API_PATH,
	CALLS,
	COMPANY_FIELDS,
	PARAMETERS,
	resellerCompanyQuery,
	SESSION_HEADER,
	SESSION_SCHEME,
} from './protocol';
import { RecordReader } from './record';
import { MarketplaceError } from './response';
import { callUrl, parseMarketplaceUrl } from './url';

/**
 * A marketplace session as the credential stores it: the token, the base URL
 * that issued it (a token belongs to its marketplace and is never sent
 * elsewhere), and the reseller account it reads.
 */
export interface StoredSession {
	sessionToken: string;
	sessionBaseUrl: string;
	sessionAccountId: string;
}

/** A request as n8n's HTTP helpers take it (only what the session touches). */
export interface SessionRequest {
	url: string;
	method?: string;
	body?: unknown;
	headers?: Record<string, unknown>;
}

/** The stored token if it was issued by the marketplace at `baseUrl`, else undefined. */
export function sessionTokenFor(
	stored: Partial<StoredSession>,
	baseUrl: string,
): string | undefined {
	return stored.sessionToken && stored.sessionBaseUrl === baseUrl ? stored.sessionToken : undefined;
}

/**
 * Logs in and reads the reseller's company (the configured Reseller Account
 * ID, else the user's own), so that a session names its account. Every
 * failure is a MarketplaceError in plain words, with no request data.
 */
export async function openSession(
	credentials: ConnectionCredentials,
	send: SendCall,
): Promise<StoredSession> {
	const parsed = parseMarketplaceUrl(credentials.marketplaceUrl);
	if (!parsed.ok) {
		throw new MarketplaceError('http', parsed.problem, {
			call: CALLS.getSessionToken,
			connectionCase: 'invalidUrl',
		});
	}
	const baseUrl = parsed.url;
	const host = new URL(baseUrl).host;
	const username = credentials.username?.trim() ?? '';
	const token = await logIn(send, baseUrl, username, credentials.password ?? '');
	const secrets = [credentials.password, token];
	const configuredId = credentials.resellerAccountId?.toString().trim() ?? '';
	try {
		const answer = readValue(
			await sendExplained(
				send,
				baseUrl,
				CALLS.getCompany,
				resellerCompanyQuery(configuredId),
				token,
			),
			CALLS.getCompany,
			secrets,
		);
		const company = RecordReader.of(answer, 'The GetCompany answer');
		const accountId = company.id(COMPANY_FIELDS.accountId) ?? configuredId;
		if (!accountId) {
			throw new MarketplaceError(
				'malformed',
				'The marketplace answered GetCompany without an AccountId, so the reseller account is unknown. Set "Reseller Account ID" in the credential.',
				{ call: CALLS.getCompany },
			);
		}
		return { sessionToken: token, sessionBaseUrl: baseUrl, sessionAccountId: accountId };
	} catch (error) {
		throw explainLoginError(error, username, host, configuredId, secrets);
	}
}

/**
 * Adds the session header, only to a call under the base URL that issued the
 * token. A request that names only a call (the credential's declarative test,
 * whose fields n8n fixes before it logs in) is sent to the session's
 * marketplace, for the session's reseller account.
 */
export function authorizeRequest<T extends SessionRequest>(
	stored: Partial<StoredSession>,
	request: T,
): T {
	const authorized = { ...request, headers: { ...(request.headers ?? {}) } };
	if (!/^[a-z][a-z0-9+.-]*:/i.test(request.url) && stored.sessionBaseUrl) {
		authorized.url = callUrl(stored.sessionBaseUrl, request.url);
		if (request.url === CALLS.getCompanies && stored.sessionAccountId) {
			authorized.body = { [PARAMETERS.parentAccountId]: accountIdValue(stored.sessionAccountId) };
		}
	}
	const ownApi = stored.sessionBaseUrl ? `${stored.sessionBaseUrl}${API_PATH}` : undefined;
	if (ownApi && stored.sessionToken && authorized.url.startsWith(ownApi)) {
		authorized.headers[SESSION_HEADER] = `${SESSION_SCHEME} ${stored.sessionToken}`;
	} else {
		delete authorized.headers[SESSION_HEADER];
	}
	return authorized;
}
