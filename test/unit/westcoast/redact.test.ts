import { MAX_UPSTREAM_TEXT, redact } from '../../../core/westcoast/redact';

const PASSWORD = 'S3cr3t-PW-XYZ&"<>';
const TOKEN = 'tok-0123456789';

describe('redact', () => {
	it.each([
		['as sent', `login failed for ${PASSWORD}`],
		['JSON-escaped', JSON.stringify({ pw: PASSWORD })],
		['URL-encoded', `?q=${encodeURIComponent(PASSWORD)}`],
		['XML-escaped', '<Message>S3cr3t-PW-XYZ&amp;&quot;&lt;&gt;</Message>'],
	])('removes a known secret %s', (_, text) => {
		const clean = redact(text, [PASSWORD, TOKEN]);
		expect(clean).toContain('[redacted]');
		expect(clean).not.toContain('S3cr3t');
	});

	it.each([
		['Authenticate: CCPSessionId abc.def', 'Authenticate: [redacted]'],
		['authorization=Bearer xyz; next', 'authorization=[redacted]; next'],
		['{"Authorization":"Basic dXNlcjpwdw=="}', '{"Authorization":"[redacted]"}'],
		['sent CCPSessionId%20abc123 twice', 'sent CCPSessionId [redacted] twice'],
		['{"username":"u","password":"hunter2"}', '{"username":"u","password":"[redacted]"}'],
		['a=1&password=hunter2&b=2', 'a=1&password=[redacted]&b=2'],
		['<password>hunter2</password>', '<password>[redacted]</password>'],
	])('removes credential-looking values it was not told about: %s', (text, expected) => {
		expect(redact(text)).toBe(expected);
	});

	it('leaves ordinary text alone', () => {
		const text = 'Invalid username or password: the account is locked. Authorization has failed.';
		expect(redact(text, ['', undefined, null])).toBe(text);
	});

	it('caps the length after redaction, so a cut never leaves part of a secret', () => {
		const text = `${'x'.repeat(75)}${PASSWORD}${'y'.repeat(500)}`;
		const clean = redact(text, [PASSWORD], 80);
		expect(clean).toBe(`${'x'.repeat(75)}[reda…`);
		expect(clean).not.toContain('S3c');
		expect(redact('z'.repeat(1000)).length).toBe(MAX_UPSTREAM_TEXT + 1);
	});

	it('finishes on long hostile input (no backtracking patterns)', () => {
		const hostile = `Authorization: ${'a'.repeat(200_000)}` + ' password='.repeat(20_000);
		expect(redact(hostile, [PASSWORD], Infinity)).toContain('[redacted]');
	});
});
