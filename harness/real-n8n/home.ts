import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { ensureRealN8n, type RealN8n } from './install';
import { silentLog, type Log } from './process';

/** Fixed so that a kept home can be reopened; it protects only throwaway test data. */
export const TEST_ENCRYPTION_KEY = 'westcoast-real-n8n-test-key-not-a-secret';

/** One n8n instance's files (sqlite database, settings, installed packages) and the env to run it with. */
export interface N8nHome {
	userFolder: string;
	env: NodeJS.ProcessEnv;
	n8n: RealN8n;
	log: Log;
	remove(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Only these are inherited, so a developer's own N8N_* or DB_* settings cannot leak in. */
const INHERITED_ENV = ['HOME', 'TMPDIR', 'LANG'] as const;

function n8nEnv(userFolder: string, n8n: RealN8n, brokerPort: number): NodeJS.ProcessEnv {
	const inherited = Object.fromEntries(
		INHERITED_ENV.filter((name) => process.env[name] !== undefined).map((name) => [
			name,
			process.env[name],
		]),
	);
	return {
		...inherited,
		// n8n 2.x needs Node 24, and its task runners are started with the `node` on PATH.
		PATH: [path.dirname(n8n.nodeBin), process.env.PATH].filter(Boolean).join(path.delimiter),
		// jest sets NODE_ENV=test, which makes n8n refuse to load nodes and silences its log.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		// Lets a demo that runs `n8n start` on this home log in over plain http.
		N8N_SECURE_COOKIE: 'false',
		// Each home gets its own task-broker port, so parallel instances don't collide.
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// The execution result is an info-level JSON log line; the harness parses it.
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: 'UTC',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		// SSRF protection is off by default in 2.41; on, it blocks 127.0.0.0/8. Run as a
		// hardened instance does, allowing only the loopback address the sandboxes use.
		N8N_SSRF_PROTECTION_ENABLED: 'true',
		N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32',
	};
}

/** A fresh, empty n8n user folder in the temp dir (installs the real n8n first if needed). */
export async function createN8nHome(options: { log?: Log } = {}): Promise<N8nHome> {
	const log = options.log ?? silentLog;
	const n8n = await ensureRealN8n({ log });
	const userFolder = await mkdtemp(path.join(os.tmpdir(), 'westcoast-n8n-home-'));
	const brokerPort = await findFreePort();
	log(`n8n home ${userFolder} (task broker on 127.0.0.1:${brokerPort})`);
	return {
		userFolder,
		env: n8nEnv(userFolder, n8n, brokerPort),
		n8n,
		log,
		remove: () => rm(userFolder, { recursive: true, force: true }),
	};
}
