import type http from 'node:http';
import { send } from '../server';
import { HTML_CONTENT_TYPE, NOT_FOUND_PAGE, WEB_SHOP_PAGE } from './pages';

/**
 * Things a user may paste as the marketplace URL that are not a marketplace.
 * The client appends the API path, so each answers for every path under its prefix.
 */
export const DECOY_PREFIXES = {
	html: '/decoy/html',
	redirect: '/decoy/redirect',
	notFound: '/decoy/notfound',
} as const;

/** Answers when `path` is under a decoy prefix; false otherwise. */
export function handleDecoyRequest(
	req: http.IncomingMessage,
	res: http.ServerResponse,
	path: string,
): boolean {
	if (path.startsWith(DECOY_PREFIXES.html)) {
		send(res, 200, WEB_SHOP_PAGE, HTML_CONTENT_TYPE);
	} else if (path.startsWith(DECOY_PREFIXES.redirect)) {
		const location = `/Account/Login?ReturnUrl=${encodeURIComponent(req.url ?? '/')}`;
		send(
			res,
			302,
			`<html><body>Object moved to <a href="${location}">here</a>.</body></html>`,
			HTML_CONTENT_TYPE,
			{
				Location: location,
			},
		);
	} else if (path.startsWith(DECOY_PREFIXES.notFound)) {
		send(res, 404, NOT_FOUND_PAGE, HTML_CONTENT_TYPE);
	} else {
		return false;
	}
	// The request body is never read; drain it so the connection can be reused.
	req.resume();
	return true;
}
