import { startHaloSandbox, type HaloSandbox } from '../../../sandbox/halo';
import { answer, clientCredentialsForm, requestToken } from './helpers';

describe('Halo sandbox: OAuth 2 client credentials', () => {
	let halo: HaloSandbox;
	beforeAll(async () => {
		// Characters that Basic credentials must form-encode before base64.
		halo = await startHaloSandbox({ clientId: 'halo client+1', clientSecret: 's:ecret/%&' });
	});
	afterAll(() => halo.close());

	const getClients = (authorization?: string) =>
		fetch(`${halo.url}/api/Client`, {
			headers: authorization ? { Authorization: authorization } : {},
		}).then(answer);

	it('issues a bearer token for client_secret_post form fields', async () => {
		const { status, body, headers } = await requestToken(halo, clientCredentialsForm(halo));
		expect(status).toBe(200);
		expect(body).toEqual({
			access_token: expect.any(String),
			token_type: 'Bearer',
			expires_in: 3600,
			scope: 'all',
		});
		expect(headers.get('cache-control')).toBe('no-store');
		expect((await getClients(`Bearer ${body.access_token}`)).status).toBe(200);
	});

	it('issues a token for HTTP Basic client authentication (form-encoded, then base64)', async () => {
		const formEncode = (text: string) =>
			new URLSearchParams({ text }).toString().slice('text='.length);
		const basic = Buffer.from(
			`${formEncode(halo.clientId)}:${formEncode(halo.clientSecret)}`,
		).toString('base64');
		const { status, body } = await requestToken(
			halo,
			{ grant_type: 'client_credentials' },
			{ Authorization: `Basic ${basic}` },
		);
		expect(status).toBe(200);
		expect(body.token_type).toBe('Bearer');
		expect(body).not.toHaveProperty('scope');
	});

	it("issues a token for a Basic header that is not form-encoded (as n8n's OAuth2 client sends it)", async () => {
		const raw = Buffer.from(`${halo.clientId}:${halo.clientSecret}`).toString('base64');
		const { status } = await requestToken(
			halo,
			{ grant_type: 'client_credentials', scope: 'all' },
			{ Authorization: `Basic ${raw}` },
		);
		expect(status).toBe(200);
	});

	it('ignores the hosted-Halo ?tenant= parameter', async () => {
		const response = await fetch(`${halo.tokenUrl}?tenant=acme`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(clientCredentialsForm(halo)),
		});
		expect(response.status).toBe(200);
	});

	it('answers 401 invalid_client for a wrong secret or unknown client', async () => {
		for (const form of [
			{ ...clientCredentialsForm(halo), client_secret: 'wrong' },
			{ ...clientCredentialsForm(halo), client_id: 'someone-else' },
			{ grant_type: 'client_credentials' },
		]) {
			const { status, body } = await requestToken(halo, form);
			expect(status).toBe(401);
			expect(body.error).toBe('invalid_client');
		}
	});

	it('challenges a bad Basic header with WWW-Authenticate', async () => {
		const bad = Buffer.from(`${halo.clientId}:nope`).toString('base64');
		const { status, body, headers } = await requestToken(
			halo,
			{ grant_type: 'client_credentials' },
			{ Authorization: `Basic ${bad}` },
		);
		expect(status).toBe(401);
		expect(body.error).toBe('invalid_client');
		expect(headers.get('www-authenticate')).toMatch(/^Basic /);
	});

	it('answers 400 unsupported_grant_type / invalid_request for other grants', async () => {
		const password = await requestToken(halo, {
			...clientCredentialsForm(halo),
			grant_type: 'password',
		});
		expect(password.status).toBe(400);
		expect(password.body.error).toBe('unsupported_grant_type');
		const { grant_type: _grant, ...noGrant } = clientCredentialsForm(halo);
		const missing = await requestToken(halo, noGrant);
		expect(missing.status).toBe(400);
		expect(missing.body.error).toBe('invalid_request');
	});

	it('accepts only POST at the token endpoint', async () => {
		expect((await fetch(halo.tokenUrl)).status).toBe(405);
	});

	it('refuses resource calls without a valid bearer token', async () => {
		const missing = await getClients();
		expect(missing.status).toBe(401);
		expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
		const invalid = await getClients('Bearer not-a-token');
		expect(invalid.status).toBe(401);
		expect(invalid.body.error).toBe('invalid_token');
		const basic = await getClients(`Basic ${Buffer.from('a:b').toString('base64')}`);
		expect(basic.status).toBe(401);
	});

	it('ends tokens on the admin call', async () => {
		const { body } = await requestToken(halo, clientCredentialsForm(halo));
		const expire = await fetch(`${halo.url}/__admin/tokens/expire`, { method: 'POST' }).then(
			answer,
		);
		expect(expire.body.expired).toBeGreaterThanOrEqual(1);
		const response = await getClients(`Bearer ${body.access_token}`);
		expect(response.status).toBe(401);
		expect(response.body.error_description).toMatch(/expired/);
	});
});

describe('Halo sandbox: token lifetime', () => {
	it('expires tokens after tokenTtlSeconds', async () => {
		const halo = await startHaloSandbox({ tokenTtlSeconds: 1 });
		try {
			const { body } = await requestToken(halo, clientCredentialsForm(halo));
			expect(body.expires_in).toBe(1);
			const call = () =>
				fetch(`${halo.url}/api/TopLevel`, {
					headers: { Authorization: `Bearer ${body.access_token}` },
				});
			expect((await call()).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			expect((await call()).status).toBe(401);
		} finally {
			await halo.close();
		}
	});
});
