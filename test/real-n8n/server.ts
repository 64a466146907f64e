import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';

import { findFreePort, type N8nHome } from './home';
import {
	assertSucceeded,
	runProcess,
	seconds,
	startProcessGroup,
	type GroupProcess,
} from './process';

/**
 * Runs `n8n start` on a home (127.0.0.1, a free port) with an owner set from
 * the environment, logs in, and makes an API key, so that what only the
 * server does (a credential's "Test") can be called over HTTP.
 */

/** Boot on a fresh home runs the migrations and loads every node: about 10-20 s here. */
const READY_TIMEOUT_MS = 3 * 60_000;
const POLL_INTERVAL_MS = 250;
const OWNER_EMAIL = 'owner@westcoast-real-n8n.test';

/** n8n's answer to a credential test (the credential's own `credentialTest` result). */
interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** What `POST /api/v1/credentials/{id}/test` answered; status and message only on HTTP 2xx. */
export interface CredentialTestResponse extends Partial<CredentialTestResult> {
	httpStatus: number;
	/** The raw body, for checks that no secret is echoed. */
	body: string;
}

export interface N8nServer {
	url: string;
	/** An internal REST call (`/rest/...`) as the logged-in owner, as the editor makes it; answers the JSON body. */
	rest<T>(method: string, path: string, body?: unknown): Promise<T>;
	/** Everything the server printed so far (stdout and stderr). */
	output(): string;
	testCredential(credentialId: string): Promise<CredentialTestResponse>;
	stop(): Promise<void>;
}

/** bcrypt as n8n checks it, computed with the bcryptjs of the n8n install (nothing added to this repo). */
async function hashOwnerPassword(home: N8nHome, password: string): Promise<string> {
	const n8nModules = path.resolve(path.dirname(home.n8n.n8nBin), '..');
	const script = `
		const bcrypt = require(require.resolve('bcryptjs', { paths: [${JSON.stringify(n8nModules)}] }));
		let input = '';
		process.stdin.on('data', (chunk) => (input += chunk));
		process.stdin.on('end', () => process.stdout.write(bcrypt.hashSync(input, 10)));
	`;
	// The password goes in on stdin so that it is never in a command line.
	const result = await runProcess(home.n8n.nodeBin, ['-e', script], {
		label: 'bcrypt owner password',
		timeoutMs: 30_000,
		input: Buffer.from(password),
	});
	assertSucceeded(result, 'bcrypt owner password');
	return result.stdout.trim();
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(text: string, lines = 30): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Resolves once `/healthz/readiness` says ok (database migrated and every route set up). */
async function waitUntilReady(url: string, server: GroupProcess): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const ended = server.ended();
		if (ended) throw new Error(`n8n start ended (${ended}):\n${tail(server.output())}`);
		const ready = await fetch(`${url}/healthz/readiness`).then(
			(response) => response.ok,
			() => false,
		);
		if (ready) return;
		await delay(POLL_INTERVAL_MS);
	}
	throw new Error(
		`n8n start was not ready within ${seconds(READY_TIMEOUT_MS)}:\n${tail(server.output())}`,
	);
}

async function readJson<T>(response: Response, what: string): Promise<T> {
	const body = await response.text();
	if (!response.ok) throw new Error(`${what}: HTTP ${response.status}: ${body}`);
	return JSON.parse(body) as T;
}

type OwnerSession = Record<'cookie' | 'browser-id', string>;

/** Logs the owner in; the session is bound to a browser id. */
async function logIn(url: string, password: string): Promise<OwnerSession> {
	const browserId = randomUUID();
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER_EMAIL, password }),
	});
	await readJson(login, 'POST /rest/login');
	const cookie = login.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.join('; ');
	return { cookie, 'browser-id': browserId };
}

/** Makes an API key with every scope the owner may have. */
async function createApiKey(url: string, session: OwnerSession): Promise<string> {
	const scopes = await readJson<{ data: string[] }>(
		await fetch(`${url}/rest/api-keys/scopes`, { headers: session }),
		'GET /rest/api-keys/scopes',
	);
	const created = await readJson<{ data: { rawApiKey: string } }>(
		await fetch(`${url}/rest/api-keys`, {
			method: 'POST',
			headers: { ...session, 'content-type': 'application/json' },
			body: JSON.stringify({ label: 'real-n8n tests', scopes: scopes.data, expiresAt: null }),
		}),
		'POST /rest/api-keys',
	);
	return created.data.rawApiKey;
}

/** The public API's test of a stored credential: n8n decrypts it and runs the node's test server-side. */
async function testStoredCredential(
	url: string,
	apiKey: string,
	credentialId: string,
): Promise<CredentialTestResponse> {
	const response = await fetch(
		`${url}/api/v1/credentials/${encodeURIComponent(credentialId)}/test`,
		{ method: 'POST', headers: { 'x-n8n-api-key': apiKey } },
	);
	const body = await response.text();
	if (!response.ok) return { httpStatus: response.status, body };
	const { status, message } = JSON.parse(body) as CredentialTestResult;
	return { httpStatus: response.status, body, status, message };
}

/**
 * Starts `n8n start` on `home` (the package must be installed and the
 * credentials imported before, as n8n loads them at start).
 */
export async function startN8nServer(home: N8nHome): Promise<N8nServer> {
	const started = Date.now();
	const port = await findFreePort();
	const url = `http://127.0.0.1:${port}`;
	// Fresh per run: the owner only lives as long as the throwaway home.
	const ownerPassword = `Owner-${randomBytes(12).toString('hex')}`;
	const env: NodeJS.ProcessEnv = {
		...home.env,
		N8N_PORT: String(port),
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER_EMAIL,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: await hashOwnerPassword(home, ownerPassword),
		// Its start-up fetches a registry from the internet, which these machines cannot reach.
		N8N_DISABLED_MODULES: 'mcp-registry',
	};

	const server = startProcessGroup(home.n8n.nodeBin, [home.n8n.n8nBin, 'start'], {
		cwd: home.userFolder,
		env,
	});
	try {
		await waitUntilReady(url, server);
		home.log(`n8n server ready on ${url} in ${seconds(Date.now() - started)}`);
		const session = await logIn(url, ownerPassword);
		const apiKey = await createApiKey(url, session);
		return {
			url,
			rest: async <T>(method: string, path: string, body?: unknown) =>
				readJson<T>(
					await fetch(`${url}/rest${path}`, {
						method,
						headers: { ...session, 'content-type': 'application/json' },
						body: body === undefined ? undefined : JSON.stringify(body),
					}),
					`${method} /rest${path}`,
				),
			output: server.output,
			testCredential: (credentialId) => testStoredCredential(url, apiKey, credentialId),
			stop: async () => {
				const stopping = Date.now();
				await server.stop();
				home.log(`n8n server on ${url} stopped in ${seconds(Date.now() - stopping)}`);
			},
		};
	} catch (error) {
		await server.stop();
		throw error;
	}
}
