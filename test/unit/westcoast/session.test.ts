import type { SendCall } from '../../../core/westcoast/connection-test';
import type { RawHttpResponse } from '../../../core/westcoast/response';
import { authorizeRequest, openSession, sessionTokenFor } from '../../../core/westcoast/session';

const API = '/SimpleAPI/SimpleAPIService.svc/rest/';
const session = {
	sessionToken: 'tok-123',
	sessionBaseUrl: 'https://marketplace.example',
	sessionAccountId: '42',
};

describe('a session token belongs to the marketplace that issued it', () => {
	it('is used only for the base URL it was issued by', () => {
		expect(sessionTokenFor(session, 'https://marketplace.example')).toBe('tok-123');
		expect(sessionTokenFor(session, 'https://other.example')).toBeUndefined();
		expect(sessionTokenFor({ sessionToken: 'tok-123' }, 'https://marketplace.example')).toBe(
			undefined,
		);
	});

	it.each([
		['https://marketplace.example' + API + 'GetCompanies', true],
		['https://other.example' + API + 'GetCompanies', false],
		['https://marketplace.example.evil.example' + API + 'GetCompanies', false],
		['http://marketplace.example' + API + 'GetCompanies', false],
		['https://marketplace.example/elsewhere', false],
	])('sends the session header to %s: %s', (url, sent) => {
		const request = authorizeRequest(session, {
			url,
			headers: { Authenticate: 'CCPSessionId forged' },
		});
		expect(request.headers.Authenticate).toBe(sent ? 'CCPSessionId tok-123' : undefined);
	});

	it("sends a request naming only a call to the session's marketplace, for its account", () => {
		expect(authorizeRequest(session, { url: 'GetCompanies', method: 'POST' })).toEqual({
			url: 'https://marketplace.example' + API + 'GetCompanies',
			method: 'POST',
			body: { parentAccountId: 42 },
			headers: { Authenticate: 'CCPSessionId tok-123' },
		});
	});
});

const json = (value: unknown): RawHttpResponse => ({
	statusCode: 200,
	headers: {},
	body: JSON.stringify(value),
});
const fault = (message: string, statusCode = 400): RawHttpResponse => ({
	statusCode,
	headers: {},
	body: `<Fault><Reason><Text>${message}</Text></Reason><Detail><ServiceException><IsSessionExpired>false</IsSessionExpired><Message>${message}</Message></ServiceException></Detail></Fault>`,
});

describe('openSession (the credential login)', () => {
	const sent: Array<{ url: string; call: string; token?: string }> = [];
	const marketplace =
		(answers: Record<string, RawHttpResponse>): SendCall =>
		async (baseUrl, call, _body, token) => {
			sent.push({ url: baseUrl, call, token });
			return answers[call];
		};
	const credentials = {
		marketplaceUrl: 'https://marketplace.example/',
		username: ' api@reseller.example ',
		password: 'S3cr3t-PW',
	};
	beforeEach(() => (sent.length = 0));

	it('records the token, the base URL it was issued by and the reseller account', async () => {
		const opened = await openSession(
			credentials,
			marketplace({ GetSessionToken: json('tok-9'), GetCompany: json({ AccountId: 7 }) }),
		);
		expect(opened).toEqual({
			sessionToken: 'tok-9',
			sessionBaseUrl: 'https://marketplace.example',
			sessionAccountId: '7',
		});
		expect(sent.map((s) => [s.call, s.token])).toEqual([
			['GetSessionToken', undefined],
			['GetCompany', 'tok-9'],
		]);
	});

	it.each([
		[{ GetSessionToken: fault('Invalid login!', 500) }, {}, /^Wrong username or password/],
		[{ GetSessionToken: fault('MFA users are not supported', 500) }, {}, /MFA\/2FA switched on/],
		[
			{ GetSessionToken: json('tok-9f2c'), GetCompany: fault('Company with AccountId 5 was not found.') },
			{ resellerAccountId: '5' },
			/^Reseller Account ID 5 cannot be read \(Company with AccountId 5 was not found\.\)/,
		],
		[
			{
				GetSessionToken: json('tok-9f2c'),
				GetCompany: fault('Access denied: the Reseller Admin role is required.'),
			},
			{ resellerAccountId: '5' },
			/^The user api@reseller\.example logged in but lacks the Reseller Admin role/,
		],
		[{}, { marketplaceUrl: 'http://marketplace.example' }, /must start with https:\/\//],
	])('fails in plain words (%#)', async (answers, overrides, message) => {
		const failure = openSession({ ...credentials, ...overrides }, marketplace(answers));
		await expect(failure).rejects.toThrow(message);
		await failure.catch((error: Error) => expect(error.message).not.toContain('S3cr3t-PW'));
	});
});
