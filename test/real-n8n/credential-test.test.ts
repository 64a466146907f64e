/**
 * The credential's "Test" button, run by the real n8n 2.41.1 server (through
 * its public API) against the Westcoast sandbox: each failure is said in plain
 * words, and no password is echoed or logged.
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
} from './real-n8n';
import { startN8nServer, type CredentialTestResponse, type N8nServer } from './server';
import { westcoastCredential, type WestcoastLogin } from './westcoast-workflows';

const MINUTE = 60_000;
const WRONG_PASSWORD = 'Not-The-Sandbox-Password-5120';
/** Nothing listens on the discard port, so the connection is refused at once. */
const UNREACHABLE_URL = 'http://127.0.0.1:9';

const progress: string[] = [];
function log(line: string): void {
	progress.push(line);
	process.stderr.write(`[real-n8n] ${line}\n`);
}

type CaseName = 'success' | 'wrongPassword' | 'mfa' | 'noRole' | 'notMarketplace' | 'unreachable';

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
	};
}

describe('Westcoast Cloud credential test in the real n8n server', () => {
	let sandbox: WestcoastSandbox;
	let home: N8nHome;
	let server: N8nServer;
	let logins: Record<CaseName, WestcoastLogin>;
	const responses: CredentialTestResponse[] = [];

	async function testCase(name: CaseName): Promise<CredentialTestResponse> {
		const response = await server.testCredential(name);
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
		'succeeds and names the reseller and the user',
		async () => {
			const response = await testCase('success');
			expect(response).toMatchObject({ httpStatus: 200, status: 'OK' });
			expect(response.message).toMatch(/^Connected to /);
			expect(response.message).toContain(`as ${sandbox.users.admin.username};`);
		},
		MINUTE,
	);

	test.each([
		['wrongPassword', /^Wrong username or password/],
		['mfa', /MFA\/2FA switched on/],
		['noRole', /lacks the Reseller Admin role/],
		['notMarketplace', /not a Westcoast Cloud marketplace/],
		['unreachable', /^Cannot reach 127\.0\.0\.1:9/],
	] as const)(
		'%s fails with a message that says why',
		async (name, message) => {
			const response = await testCase(name);
			expect(response).toMatchObject({ httpStatus: 200, status: 'Error' });
			expect(response.message).toMatch(message);
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
