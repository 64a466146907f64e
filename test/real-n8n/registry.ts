import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { findFreePort } from '../../harness/real-n8n/home';
import { ensureRealN8n } from '../../harness/real-n8n/install';
import {
	assertSucceeded,
	runProcess,
	seconds,
	silentLog,
	startProcessGroup,
	type Log,
} from '../../harness/real-n8n/process';

/**
 * A private npm registry (Verdaccio) on 127.0.0.1 with no uplink, for
 * installing the package the way n8n's own community-package installer does.
 * Verdaccio 6.8.0 is the newest that runs on Node 20 (6.10 wants Node 22); it
 * needs node-fetch 2.7.0. It is installed once next to the real n8n's cache.
 */
export const VERDACCIO_VERSION = '6.8.0';
const INSTALL_TIMEOUT_MS = 5 * 60_000;
const READY_TIMEOUT_MS = 60_000;
const NPM_TIMEOUT_MS = 2 * 60_000;

export interface LocalRegistry {
	url: string;
	/** `npm publish` of a folder or tarball, as a registered user. */
	publish(packagePath: string): Promise<void>;
	stop(): Promise<void>;
}

async function ensureVerdaccio(log: Log): Promise<string> {
	const { cacheRoot } = await ensureRealN8n({ log });
	const folder = path.join(cacheRoot, `verdaccio-${VERDACCIO_VERSION}`);
	const bin = path.join(folder, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
	if (existsSync(bin)) return bin;
	const started = Date.now();
	// Installed aside and renamed into place, so a half-done install is never used.
	const staging = await mkdtemp(path.join(cacheRoot, '.verdaccio-'));
	try {
		await writeFile(
			path.join(staging, 'package.json'),
			JSON.stringify({ private: true, overrides: { 'node-fetch': '2.7.0' } }),
		);
		const result = await runProcess(
			'npm',
			['install', '--no-audit', '--no-fund', '--save-exact', `verdaccio@${VERDACCIO_VERSION}`],
			{ label: 'npm install verdaccio', timeoutMs: INSTALL_TIMEOUT_MS, cwd: staging },
		);
		assertSucceeded(result, 'npm install verdaccio');
		await rename(staging, folder).catch((error: NodeJS.ErrnoException) => {
			// Another run installed it meanwhile.
			if (!existsSync(bin)) throw error;
		});
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
	log(`Verdaccio ${VERDACCIO_VERSION} installed in ${seconds(Date.now() - started)}`);
	return bin;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts Verdaccio on a free port with throwaway storage and registers a publisher. */
export async function startLocalRegistry(options: { log?: Log } = {}): Promise<LocalRegistry> {
	const log = options.log ?? silentLog;
	const bin = await ensureVerdaccio(log);
	const folder = await mkdtemp(path.join(os.tmpdir(), 'westcoast-registry-'));
	await mkdir(path.join(folder, 'storage'));
	await writeFile(
		path.join(folder, 'config.yaml'),
		[
			'storage: ./storage',
			'auth:',
			'  htpasswd:',
			'    file: ./htpasswd',
			'    max_users: 1',
			'uplinks: {}',
			'packages:',
			"  '**':",
			'    access: $all',
			'    publish: $authenticated',
			'    unpublish: $authenticated',
			'log: { type: stdout, format: pretty, level: warn }',
			'',
		].join('\n'),
	);
	const port = await findFreePort();
	const url = `http://127.0.0.1:${port}`;
	const server = startProcessGroup(
		process.execPath,
		[bin, '--config', path.join(folder, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
		{ cwd: folder },
	);
	const stop = async () => {
		await server.stop();
		await rm(folder, { recursive: true, force: true });
	};
	try {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (
			!(await fetch(`${url}/-/ping`).then(
				(r) => r.ok,
				() => false,
			))
		) {
			const ended = server.ended();
			if (ended || Date.now() > deadline)
				throw new Error(`Verdaccio did not start (${ended ?? 'timeout'}):\n${server.output()}`);
			await delay(200);
		}
		const user = await fetch(`${url}/-/user/org.couchdb.user:publisher`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'publisher', password: `pw-${Date.now()}-${port}` }),
		});
		const { token } = (await user.json()) as { token?: string };
		if (!token) throw new Error(`Verdaccio refused the publisher (HTTP ${user.status})`);
		log(`local registry (Verdaccio ${VERDACCIO_VERSION}) on ${url}`);
		return {
			url,
			publish: async (packagePath) => {
				const result = await runProcess(
					'npm',
					[
						'publish',
						packagePath,
						`--registry=${url}`,
						`--//127.0.0.1:${port}/:_authToken=${token}`,
						'--ignore-scripts',
					],
					{ label: 'npm publish', timeoutMs: NPM_TIMEOUT_MS, cwd: folder },
				);
				assertSucceeded(result, 'npm publish');
				log(`published ${path.basename(packagePath)} to ${url}`);
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
