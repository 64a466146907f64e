/** The sandbox against the OAuth2 client n8n's generic OAuth2 credential uses (client credentials). */
import { ClientOAuth2 } from '@n8n/client-oauth2';
import { startHaloSandbox, type HaloSandbox } from '../../../sandbox/halo';

describe("Halo sandbox with n8n's OAuth2 client", () => {
	let halo: HaloSandbox;
	beforeAll(async () => {
		halo = await startHaloSandbox({ clientSecret: 'secret+with/odd%chars' });
	});
	afterAll(() => halo.close());

	it.each(['header', 'body'] as const)(
		'issues a usable token with authentication "%s"',
		async (authentication) => {
			const client = new ClientOAuth2({
				clientId: halo.clientId,
				clientSecret: halo.clientSecret,
				accessTokenUri: `${halo.tokenUrl}?tenant=sandbox`,
				scopes: ['all'],
				authentication,
			});
			const token = await client.credentials.getToken();
			expect(token.tokenType).toBe('bearer');
			const response = await fetch(`${halo.url}/api/TopLevel`, {
				headers: { Authorization: `Bearer ${token.accessToken}` },
			});
			expect(response.status).toBe(200);
		},
	);

	it('makes it fail on a wrong secret', async () => {
		const client = new ClientOAuth2({
			clientId: halo.clientId,
			clientSecret: 'wrong',
			accessTokenUri: halo.tokenUrl,
			scopes: ['all'],
		});
		await expect(client.credentials.getToken()).rejects.toThrow();
	});
});
