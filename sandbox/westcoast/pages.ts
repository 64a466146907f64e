/** The HTML a marketplace host (or something that is not one) answers with. */

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** WCF's answer to a path under the service that names no operation. */
export const ENDPOINT_NOT_FOUND_PAGE = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Service</title></head>
<body><div id="content"><p class="heading1">Service</p><p>Endpoint not found.</p></div></body></html>`;

export const METHOD_NOT_ALLOWED_PAGE = `<!DOCTYPE html>
<html><head><title>Service</title></head>
<body><div id="content"><p class="heading1">Service</p><p>Method not allowed.</p></div></body></html>`;

export const LANDING_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Westcoast Cloud marketplace (local sandbox)</title></head>
<body><h1>Westcoast Cloud marketplace &mdash; local sandbox</h1>
<p>Use this address as the marketplace URL. The API is under <code>/SimpleAPI/SimpleAPIService.svc/rest/</code>; the admin API under <code>/__admin</code>.</p>
</body></html>`;

/** A web shop's login page: what a user gets when they paste the storefront instead of the marketplace. */
export const WEB_SHOP_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in | Example Web Shop</title></head>
<body><header><a href="/">Example Web Shop</a></header>
<main><h1>Sign in to your account</h1>
<form method="post" action="/Account/Login"><label>Email <input name="email" type="email"></label>
<label>Password <input name="password" type="password"></label><button type="submit">Sign in</button></form></main>
</body></html>`;

export const NOT_FOUND_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>404 - File or directory not found.</title></head>
<body><h1>Server Error</h1><h2>404 - File or directory not found.</h2>
<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
</body></html>`;

/** IIS's own page when the application pool is down. */
export function iisErrorPage(status: number): string {
	const title = status === 503 ? 'Service Unavailable' : `HTTP Error ${status}`;
	return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">
<HTML><HEAD><TITLE>${title}</TITLE>
<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>
<BODY><h2>${title}</h2>
<hr><p>HTTP Error ${status}. The service is unavailable.</p>
</BODY></HTML>`;
}

/** A load balancer's short page for 502/503/504. */
export function gatewayErrorPage(status: number): string {
	const text =
		{ 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' }[
			status
		] ?? 'Error';
	return `<html>
<head><title>${status} ${text}</title></head>
<body><center><h1>${status} ${text}</h1></center></body>
</html>`;
}
