/**
 * The one gate for text copied from an upstream answer (a body preview, a
 * fault's text, a redirect's Location, a header, an HTTP client's error) into
 * an error, a message, an output item or a log. An upstream or proxy that
 * echoes the request would otherwise hand back the password and the session
 * token, so they are removed here, together with any credential-looking value
 * whose secret the caller does not know (a header value, a password field).
 */

export const REDACTED = '[redacted]';

/** Longest upstream text carried into a message; longer text is cut after redaction. */
export const MAX_UPSTREAM_TEXT = 200;

// Linear-time patterns only: one character class per run, no nested quantifiers.
const HEADER_VALUE =
	/\b(authori[sz]ation|authenticate|proxy-authori[sz]ation|cookie|set-cookie|x-api-key)(["']?[ \t]*[:=][ \t]*["']?)[^\r\n"'<,;&]*/gi;
const SCHEME_VALUE = /\b(CCPSessionId|Bearer|Basic)(\s+|%20|\+)[\w.~+/=%-]+/gi;
const SECRET_NAMES = 'password|passwd|pwd|sessionToken|access_token|refresh_token|client_secret';
const JSON_FIELD = new RegExp(`(["'](?:${SECRET_NAMES})["']\\s*:\\s*["']?)[^"'\\r\\n,}]*`, 'gi');
const FORM_FIELD = new RegExp(`\\b((?:${SECRET_NAMES})=)[^&\\s"'<]*`, 'gi');
const XML_FIELD = new RegExp(`(<(?:[\\w.-]+:)?(?:${SECRET_NAMES})(?:\\s[^>]*)?>)[^<]*`, 'gi');

/** The forms a secret takes when an upstream echoes it: as sent, JSON-escaped, URL-encoded, XML-escaped. */
function encodings(secret: string): string[] {
	const xml = secret
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
	const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), xml];
	// Longest first, so a shorter form never leaves part of a longer one behind.
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * `text` without the given secrets or any credential-looking value, at most
 * `maxLength` characters. Redaction runs before the cut, so a cut never
 * leaves the start of a secret behind.
 */
export function redact(
	text: string,
	secrets: ReadonlyArray<string | null | undefined> = [],
	maxLength = MAX_UPSTREAM_TEXT,
): string {
	let clean = String(text ?? '');
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret === '') continue;
		for (const form of encodings(secret)) clean = clean.split(form).join(REDACTED);
	}
	clean = clean
		.replace(HEADER_VALUE, `$1$2${REDACTED}`)
		.replace(SCHEME_VALUE, `$1 ${REDACTED}`)
		.replace(JSON_FIELD, `$1${REDACTED}`)
		.replace(FORM_FIELD, `$1${REDACTED}`)
		.replace(XML_FIELD, `$1${REDACTED}`);
	return clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean;
}
