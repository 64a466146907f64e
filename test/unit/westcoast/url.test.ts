import { callUrl, normalizeMarketplaceUrl, parseMarketplaceUrl } from '../../../core/westcoast/url';

describe('marketplace URL', () => {
	it.each([
		['https://marketplace.westcoastcloud.co.uk', 'https://marketplace.westcoastcloud.co.uk'],
		['https://marketplace.westcoastcloud.co.uk/', 'https://marketplace.westcoastcloud.co.uk'],
		['  https://marketplace.westcoastcloud.co.uk///  ', 'https://marketplace.westcoastcloud.co.uk'],
		['marketplace.westcoastcloud.co.uk', 'https://marketplace.westcoastcloud.co.uk'],
		[
			'https://marketplace.westcoastcloud.co.uk/SimpleAPI/SimpleAPIService.svc/rest/GetCompanies',
			'https://marketplace.westcoastcloud.co.uk',
		],
		[
			'https://marketplace.westcoastcloud.co.uk/simpleapi/SimpleAPIService.svc/',
			'https://marketplace.westcoastcloud.co.uk',
		],
		[
			'https://host.example/tenant/SimpleAPI/SimpleAPIService.svc/rest/',
			'https://host.example/tenant',
		],
		['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
		['http://localhost:4010/', 'http://localhost:4010'],
		['http://[::1]:4010', 'http://[::1]:4010'],
	])('normalises %s', (input, expected) => {
		expect(normalizeMarketplaceUrl(input)).toBe(expected);
	});

	it.each([
		['', /empty/],
		['http://marketplace.westcoastcloud.co.uk', /must start with https:\/\//],
		[
			'https://user:secret@marketplace.westcoastcloud.co.uk',
			/must not contain a username or password/,
		],
		['ftp://marketplace.westcoastcloud.co.uk', /must start with https:\/\//],
		['https://exa mple', /must be https:\/\/ followed by a host name/],
	])('refuses %s', (input, problem) => {
		const reading = parseMarketplaceUrl(input);
		expect(reading.ok).toBe(false);
		if (!reading.ok) expect(reading.problem).toMatch(problem);
	});

	it.each(['https://user:hunter2@marketplace.westcoastcloud.co.uk', 'https://user:hunter2@ho st'])(
		'never echoes a password it refuses (%s)',
		(input) => {
			const reading = parseMarketplaceUrl(input);
			expect(reading.ok).toBe(false);
			expect(JSON.stringify(reading)).not.toContain('hunter2');
		},
	);

	it('builds call URLs under the SimpleAPI REST path', () => {
		expect(callUrl('https://m.example', 'GetCompanies')).toBe(
			'https://m.example/SimpleAPI/SimpleAPIService.svc/rest/GetCompanies',
		);
	});
});

describe('marketplace URL: misshapen input is refused, never rewritten', () => {
	it.each([
		'http:/evil.example',
		'https:/evil.example',
		'https:evil.example',
		'https:///evil.example',
		'https:\\\\evil.example',
		'https://evil.example\\@marketplace.westcoastcloud.co.uk',
		'https://marketplace.westcoastcloud.co.uk?next=https://evil.example',
		'https://marketplace.westcoastcloud.co.uk/#x',
		'https://http/evil.example',
		'https://marketplace .westcoastcloud.co.uk',
		'https://marketplace.westcoastcloud.co.uk.',
	])('refuses %s with a message', (input) => {
		const reading = parseMarketplaceUrl(input);
		expect(reading).toEqual({ ok: false, problem: expect.stringMatching(/^Marketplace URL /) });
		expect(() => normalizeMarketplaceUrl(input)).toThrow(/^Marketplace URL /);
	});

	it('says what a well-formed URL looks like', () => {
		expect(parseMarketplaceUrl('http:/evil.example')).toEqual({
			ok: false,
			problem:
				'Marketplace URL must be https:// followed by a host name, e.g. https://marketplace.westcoastcloud.co.uk',
		});
	});

	it.each(['localhost:4010', '127.0.0.1:4010'])(
		'still reads a bare loopback host with a port (%s)',
		(input) => {
			expect(parseMarketplaceUrl(input)).toEqual({ ok: true, url: `https://${input}` });
		},
	);
});
