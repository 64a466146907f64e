import { API_PATH, DEFAULT_MARKETPLACE_URL } from './protocol';

/** Thrown when a marketplace URL cannot be used; the message is shown to the user. */
export class MarketplaceUrlError extends Error {}

export type UrlReading = { ok: true; url: string } | { ok: false; problem: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const MALFORMED = `Marketplace URL must be https:// followed by a host name, e.g. ${DEFAULT_MARKETPLACE_URL}`;

/**
 * Turns what a user pastes into the marketplace base URL: `https://` only
 * (plain `http://` is allowed on loopback, for the local sandbox), no
 * credentials in the URL, no trailing slash, and a pasted API path such as
 * `/SimpleAPI/SimpleAPIService.svc/rest/GetCompanies` removed. A bare host
 * name gets `https://`; anything else not well formed (`http:/host`,
 * `https:host`, `https:///host`, backslashes, a query) is refused, never
 * repaired into some other address. Problems never echo the input: it may
 * hold a password.
 */
export function parseMarketplaceUrl(input: string): UrlReading {
	const trimmed = (input ?? '').trim();
	if (!trimmed) return { ok: false, problem: 'Marketplace URL is empty' };
	const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
	// A scheme without its two slashes (a colon not starting a port), a third slash, or characters URL parsers repair.
	const misshapen =
		(!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) ||
		/^[a-z][a-z0-9+.-]*:\/\/\//i.test(trimmed) ||
		/[\s\\]/.test(trimmed);
	if (misshapen) return { ok: false, problem: MALFORMED };
	const withScheme = hasScheme ? trimmed : `https://${trimmed}`;
	if (!URL.canParse(withScheme))
		return { ok: false, problem: 'Marketplace URL is not a valid URL' };
	const url = new URL(withScheme);
	if (url.search || url.hash || withScheme.includes('?') || withScheme.includes('#')) {
		return { ok: false, problem: 'Marketplace URL must not contain a query (?) or fragment (#)' };
	}
	if (!isLoopback(url.hostname) && !/^[^.]+(\.[^.]+)+$/.test(url.hostname)) {
		return { ok: false, problem: MALFORMED };
	}
	if (url.username || url.password) {
		return {
			ok: false,
			problem:
				'Marketplace URL must not contain a username or password: enter them in the Username and Password fields',
		};
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		return {
			ok: false,
			problem: `Marketplace URL must start with https:// (got http://${url.host}); plain http is only allowed for a local sandbox`,
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return {
			ok: false,
			problem: `Marketplace URL must start with https:// (got ${url.protocol}//)`,
		};
	}
	const apiRoot = API_PATH.replace(/\/rest\/$/, '').toLowerCase();
	let path = url.pathname;
	const apiAt = path.toLowerCase().indexOf(apiRoot);
	if (apiAt >= 0) path = path.slice(0, apiAt);
	return {
		ok: true,
		url: `${url.protocol}//${url.host}${path.replace(/\/+$/, '')}`,
	};
}

/** As parseMarketplaceUrl, throwing MarketplaceUrlError with the problem. */
export function normalizeMarketplaceUrl(input: string): string {
	const reading = parseMarketplaceUrl(input);
	if (!reading.ok) throw new MarketplaceUrlError(reading.problem);
	return reading.url;
}

/** The URL of one API call, from an already normalised base. */
export function callUrl(baseUrl: string, call: string): string {
	return `${baseUrl}${API_PATH}${call}`;
}
