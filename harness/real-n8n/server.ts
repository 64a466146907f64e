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
 * the environment and logs in as the editor does, so that what only the
 * server does (a credential's "Test", community packages) can be called over HTTP.
 */

/** Boot on a fresh home runs the migrations and loads every node: about 10-20 s here. */
const READY_TIMEOUT_MS = 3 * 60_000;
const POLL_INTERVAL_MS = 250;
const OWNER_EMAIL = 'owner@westcoast-real-n8n.test';
const START_FINISHED = 'Editor is now accessible via';

/** n8n's answer to a credential test: what the editor shows (the message under "More details"). */
interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** What `POST /rest/credentials/test` answered; status and message only on HTTP 2xx. */
export interface CredentialTestResponse extends Partial<CredentialTestResult> {
	httpStatus: number;
	/** The raw body, for checks that no secret is echoed. */
	body: string;
}

/** A credential as the editor's dialog sends it for a test. */
export interface CredentialUnderTest {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface RestAnswer {
	status: number;
	body: string;
}

export interface N8nServer {
	url: string;
	/** Everything the server printed so far (stdout and stderr). */
	output(): string;
	/** The editor's "Test" of a credential (the dialog's request). */
	testCredential(credential: CredentialUnderTest): Promise<CredentialTestResponse>;
	/** A call to the editor's REST API as the logged-in owner. */
	rest(method: string, path: string, body?: unknown): Promise<RestAnswer>;
	/** The throw-away owner's login, for a browser that signs in as a person does. */
	owner: { email: string; password: string };
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

/** Resolves once `/healthz/readiness` says ok and n8n has finished starting. */
async function waitUntilReady(url: string, server: GroupProcess): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const ended = server.ended();
		if (ended) throw new Error(`n8n start ended (${ended}):\n${tail(server.output())}`);
		const ready = await fetch(`${url}/healthz/readiness`).then(
			(response) => response.ok,
			() => false,
		);
		// n8n prints this line once its start has finished (after the readiness probe says ok).
		if (ready && server.output().includes(START_FINISHED)) return;
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

/** Logs the owner in as the editor does; the session is bound to a browser id. */
async function logInOwner(url: string, password: string): Promise<OwnerSession> {
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

async function restCall(
	url: string,
	session: Record<string, string>,
	method: string,
	path: string,
	body?: unknown,
): Promise<RestAnswer> {
	const response = await fetch(`${url}/rest${path}`, {
		method,
		headers: { ...session, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.text() };
}

/** The editor's credential test: n8n merges the dialog's data with the stored credential and runs its `test`. */
async function testCredentialAsEditor(
	url: string,
	session: Record<string, string>,
	credential: CredentialUnderTest,
): Promise<CredentialTestResponse> {
	const answer = await restCall(url, session, 'POST', '/credentials/test', {
		credentials: credential,
	});
	if (answer.status < 200 || answer.status >= 300)
		return { httpStatus: answer.status, body: answer.body };
	const { data } = JSON.parse(answer.body) as { data: CredentialTestResult };
	return {
		httpStatus: answer.status,
		body: answer.body,
		status: data.status,
		message: data.message,
	};
}

/**
 * Starts `n8n start` on `home` (the package must be installed and the
 * credentials imported before, as n8n loads them at start).
 */
export async function startN8nServer(
	home: N8nHome,
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<N8nServer> {
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
		...extraEnv,
	};

	const server = startProcessGroup(home.n8n.nodeBin, [home.n8n.n8nBin, 'start'], {
		cwd: home.userFolder,
		env,
	});
	try {
		await waitUntilReady(url, server);
		home.log(`n8n server ready on ${url} in ${seconds(Date.now() - started)}`);
		const session = await logInOwner(url, ownerPassword);
		return {
			url,
			output: server.output,
			testCredential: (credential) => testCredentialAsEditor(url, session, credential),
			rest: (method, path, body) => restCall(url, session, method, path, body),
			owner: { email: OWNER_EMAIL, password: ownerPassword },
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
