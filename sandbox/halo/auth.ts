/**
 * OAuth 2 client credentials (RFC 6749 §4.4) as Halo's authorisation server
 * answers them, and the bearer check (RFC 6750) on resource calls.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { HaloResponse } from './records';

const REALM = 'halo-sandbox';

interface ClientCredentials {
	clientId: string;
	clientSecret: string;
}

const oauthError = (
	status: number,
	error: string,
	description: string,
	headers: Record<string, string> = {},
): HaloResponse => ({
	status,
	body: { error, error_description: description },
	headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers },
});

/**
 * The readings of a Basic header: RFC 6749 §2.3.1 form-encodes id and secret
 * before base64, n8n's OAuth2 client does not; either reading may match.
 * undefined when there is no Basic header.
 */
function basicCredentials(authorization: string | undefined): ClientCredentials[] | undefined {
	const [scheme, encoded] = authorization?.split(' ') ?? [];
	if (scheme?.toLowerCase() !== 'basic') return undefined;
	const decoded = Buffer.from(encoded ?? '', 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return [];
	const raw = { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
	const formDecode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
	try {
		return [
			raw,
			{ clientId: formDecode(raw.clientId), clientSecret: formDecode(raw.clientSecret) },
		];
	} catch {
		return [raw];
	}
}

export class TokenIssuer {
	/** access token -> expiry (ms since epoch) */
	private readonly tokens = new Map<string, number>();

	constructor(
		private readonly client: ClientCredentials,
		private readonly ttlSeconds: number,
	) {}

	/** `POST /auth/token` with a form body; the client authenticates by Basic header or by form fields. */
	issue(headers: IncomingHttpHeaders, body: string): HaloResponse {
		const form = new URLSearchParams(body);
		const grantType = form.get('grant_type');
		if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');

		const basic = basicCredentials(headers.authorization);
		const presented: Array<Record<keyof ClientCredentials, string | null>> = basic ?? [
			{ clientId: form.get('client_id'), clientSecret: form.get('client_secret') },
		];
		const known = presented.some(
			({ clientId, clientSecret }) =>
				clientId === this.client.clientId && clientSecret === this.client.clientSecret,
		);
		if (!known) {
			const challenge: Record<string, string> =
				basic === undefined ? {} : { 'WWW-Authenticate': `Basic realm="${REALM}"` };
			return oauthError(401, 'invalid_client', 'client authentication failed', challenge);
		}
		if (grantType !== 'client_credentials') {
			return oauthError(400, 'unsupported_grant_type', 'only client_credentials is supported');
		}

		const accessToken = randomBytes(24).toString('base64url');
		this.tokens.set(accessToken, Date.now() + this.ttlSeconds * 1000);
		const scope = form.get('scope');
		return {
			status: 200,
			body: {
				access_token: accessToken,
				token_type: 'Bearer',
				expires_in: this.ttlSeconds,
				...(scope ? { scope } : {}),
			},
			headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
		};
	}

	/** The 401 answer for a missing, unknown or expired bearer token, else undefined. */
	refuse(authorization: string | undefined): HaloResponse | undefined {
		const [scheme, token] = authorization?.split(' ') ?? [];
		if (scheme?.toLowerCase() !== 'bearer' || !token) {
			return {
				status: 401,
				body: { error: 'unauthorized', error_description: 'a bearer token is required' },
				headers: { 'WWW-Authenticate': `Bearer realm="${REALM}"` },
			};
		}
		const expiresAt = this.tokens.get(token);
		if (expiresAt !== undefined && Date.now() < expiresAt) return undefined;
		const description =
			expiresAt === undefined ? 'unknown access token' : 'the access token expired';
		return {
			status: 401,
			body: { error: 'invalid_token', error_description: description },
			headers: {
				'WWW-Authenticate': `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`,
			},
		};
	}

	/** Ends every token issued so far; answers how many were still live. */
	expireAll(): number {
		const now = Date.now();
		let live = 0;
		for (const [token, expiresAt] of this.tokens) {
			if (expiresAt > now) live++;
			this.tokens.set(token, now);
		}
		return live;
	}
}
