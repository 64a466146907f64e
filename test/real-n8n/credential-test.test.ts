/**
 * The credential's "Test" button, run by the real n8n 2.41.1 server through
 * the editor's own request (`POST /rest/credentials/test`) against the
 * Westcoast sandbox: each failure is said in its own plain words (what the
 * dialog shows under "More details"), and no password is echoed or logged.
 */
import { startWestcoastSandbox, type WestcoastSandbox } from '../../sandbox/westcoast';
import { DECOY_PREFIXES } from '../../sandbox/westcoast/decoys';
import type { Credentials } from '../../sandbox/westcoast/users';
import {
	createN8nHome,
	importCredentials,
	installPackage,
	N8N_VERSION,
	packPackage,
	type N8nHome,
} from '../../harness/real-n8n/real-n8n';
import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import { startN8nServer, type CredentialTestResponse, type N8nServer } from '../../harness/real-n8n/server';
import { westcoastCredential, type WestcoastLogin } from '../../harness/real-n8n/westcoast-workflows';

const MINUTE = 60_000;
const WRONG_PASSWORD = 'Not-The-Sandbox-Password-5120';
/** Nothing listens on the discard port, so the connection is refused at once. */
const UNREACHABLE_URL = 'http://127.0.0.1:9';
const UNKNOWN_ACCOUNT_ID = '999999';

const progress: string[] = [];
function log(line: string): void {
	progress.push(line);
	process.stderr.write(`[real-n8n] ${line}\n`);
}

type CaseName =
	| 'success'
	| 'wrongPassword'
	| 'mfa'
	| 'noRole'
	| 'notMarketplace'
	| 'unreachable'
	| 'plainHttp'
	| 'unknownAccount';

/** One credential per case; ids are the case names. */
function loginsFor(sandbox: WestcoastSandbox): Record<CaseName, WestcoastLogin> {
	const { admin, mfa, noRole } = sandbox.users;
	const at = (marketplaceUrl: string, user: Credentials) => ({
		marketplaceUrl,
		...user,
	});
	return {
		success: at(sandbox.url, admin),
		wrongPassword: at(sandbox.url, { ...admin, password: WRONG_PASSWORD }),
		mfa: at(sandbox.url, mfa),
		noRole: at(sandbox.url, noRole),
		// A web page (200, HTML) wherever the API path is appended.
		notMarketplace: at(`${sandbox.url}${DECOY_PREFIXES.html}`, admin),
		unreachable: at(UNREACHABLE_URL, admin),
		plainHttp: at('http://marketplace.example', admin),
		unknownAccount: { ...at(sandbox.url, admin), resellerAccountId: UNKNOWN_ACCOUNT_ID },
	};
}

describe('Westcoast Cloud credential test in the real n8n server', () => {
	let sandbox: WestcoastSandbox;
	let home: N8nHome;
	let server: N8nServer;
	let logins: Record<CaseName, WestcoastLogin>;
	const responses: CredentialTestResponse[] = [];

	async function testCase(name: CaseName): Promise<CredentialTestResponse> {
		const response = await server.testCredential({
			id: name,
			name: `Westcoast ${name}`,
			type: WESTCOAST_CREDENTIAL_TYPE,
			data: { resellerAccountId: '', ...logins[name] },
		});
		responses.push(response);
		log(
			`credential test "${name}": HTTP ${response.httpStatus} ${response.status}: ${response.message}`,
		);
		return response;
	}

	beforeAll(async () => {
		// Before the (possibly minutes-long) n8n install: fails at once if dist/ is missing.
		await packPackage({ log });
		sandbox = await startWestcoastSandbox({ port: 0, seed: 20261101 });
		logins = loginsFor(sandbox);
		home = await createN8nHome({ log });
		await installPackage(home.userFolder, { log });
		await importCredentials(
			home,
			Object.entries(logins).map(([name, login]) =>
				westcoastCredential(name, `Westcoast ${name}`, login),
			),
		);
		server = await startN8nServer(home);
	}, 15 * MINUTE);

	afterAll(async () => {
		await server?.stop();
		await sandbox?.close();
		await home?.remove();
	}, 2 * MINUTE);

	test(
		'succeeds',
		async () => {
			const response = await testCase('success');
			// n8n's own words for a declarative test; the editor shows "Connection tested successfully".
			expect(response).toMatchObject({
				httpStatus: 200,
				status: 'OK',
				message: 'Connection successful!',
			});
		},
		MINUTE,
	);

	// The words a user reads under "More details", written here independently of the code.
	test.each([
		[
			'wrongPassword',
			'Wrong username or password: the marketplace refused the login. Check both, as you would type them on the marketplace login page.',
		],
		[
			'mfa',
			'This user has MFA/2FA switched on, which the marketplace API does not support. Ask Westcoast support to disable 2FA for this user, or use a dedicated API user without 2FA; a marketplace administrator can also exempt the user under Company > Security > Enforced Multi-Factor Authentication.',
		],
		[
			'noRole',
			'This user logged in but lacks the Reseller Admin role, which reading customers and subscriptions needs. Ask your Westcoast administrator to give this user the Reseller Admin role.',
		],
		[
			'notMarketplace',
			/^This URL is not a Westcoast Cloud marketplace: it answered GetSessionToken with a web page \(HTTP 200\), not the marketplace API\. Use the address you log in to/,
		],
		[
			'unreachable',
			'Cannot reach 127.0.0.1:9: the connection was refused. Check the Marketplace URL and that n8n can reach that host.',
		],
		[
			'plainHttp',
			'Marketplace URL must start with https:// (got http://marketplace.example); plain http is only allowed for a local sandbox',
		],
		[
			'unknownAccount',
			/^Reseller Account ID 999999 cannot be read \(Company with AccountId 999999 was not found\.\)\. Leave the field empty to use the account of the logged-in user\.$/,
		],
	] as const)(
		'%s fails with its own words',
		async (name, message) => {
			const response = await testCase(name);
			expect(response).toMatchObject({ httpStatus: 200, status: 'Error' });
			if (typeof message === 'string') expect(response.message).toBe(message);
			else expect(response.message).toMatch(message);
		},
		MINUTE,
	);

	test('no password is in any response or in the server log', () => {
		expect(responses.length).toBeGreaterThan(0);
		// The log check means something only if the log was captured.
		expect(server.output()).toContain(`Version: ${N8N_VERSION}`);
		const passwords = [...new Set(Object.values(logins).map(({ password }) => password))];
		const seen = [...responses.map(({ body }) => body), server.output(), ...progress].join('\n');
		for (const password of passwords) expect(seen).not.toContain(password);
	});
});
