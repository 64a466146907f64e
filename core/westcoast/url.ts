import { API_PATH } from './protocol';

/** Thrown when a marketplace URL cannot be used; the message is shown to the user. */
export class MarketplaceUrlError extends Error {}

export type UrlReading = { ok: true; url: string } | { ok: false; problem: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Turns what a user pastes into the marketplace base URL: `https://` only
 * (plain `http://` is allowed on loopback, for the local sandbox), no
 * credentials in the URL, no trailing slash, and a pasted API path such as
 * `/SimpleAPI/SimpleAPIService.svc/rest/GetCompanies` removed.
 */
export function parseMarketplaceUrl(input: string): UrlReading {
	const trimmed = (input ?? '').trim();
	if (!trimmed) return { ok: false, problem: 'Marketplace URL is empty' };
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	// Not echoed: a URL that does not parse may still hold a password.
	if (!URL.canParse(withScheme))
		return { ok: false, problem: 'Marketplace URL is not a valid URL' };
	const url = new URL(withScheme);
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
