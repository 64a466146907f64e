import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { assertSucceeded, runProcess, seconds, silentLog, type Log } from './process';

/** Pinned: 2.41.3 (npm latest) does not install from the registries these machines reach. */
export const N8N_VERSION = '2.41.1';
const NODE_MAJOR = '24';
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const INSTALL_SCRIPT = path.join(REPO_ROOT, 'scripts', 'install-real-n8n.sh');
/** The first install downloads about 1 GB and rebuilds native modules. */
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const PACK_TIMEOUT_MS = 2 * 60_000;

export interface RealN8n {
	/** Node 24, which n8n 2.x needs. */
	nodeBin: string;
	n8nBin: string;
	cacheRoot: string;
}

interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	scripts?: Record<string, string>;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

async function readPackageJson(file: string): Promise<PackageJson> {
	return JSON.parse(await readFile(file, 'utf8')) as PackageJson;
}

let installing: Promise<RealN8n> | undefined;

/** Installs (first time, minutes) or finds (cached, instant) Node 24 and n8n; once per process. */
export function ensureRealN8n(options: { log?: Log } = {}): Promise<RealN8n> {
	installing ??= installRealN8n(options.log ?? silentLog).catch((error: unknown) => {
		installing = undefined;
		throw error;
	});
	return installing;
}

/**
 * Under `npm test`/`npx`, npm exports its config, the repo's .npmrc included,
 * as npm_config_* variables. The installer works outside the repo and needs
 * install scripts (node@24's postinstall, `npm rebuild sqlite3`) and Node 24's
 * headers, so these two must not reach it: with them the install "succeeds"
 * without a Node 24 binary or a sqlite3 build.
 */
const NPM_CONFIG_NOT_FOR_INSTALLER = ['npm_config_ignore_scripts', 'npm_config_nodedir'];

function installerEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, N8N_VERSION, NODE_MAJOR };
	for (const name of Object.keys(env)) {
		if (NPM_CONFIG_NOT_FOR_INSTALLER.includes(name.toLowerCase())) delete env[name];
	}
	return env;
}

async function installRealN8n(log: Log): Promise<RealN8n> {
	log(
		`real n8n ${N8N_VERSION}: checking the cached install (the first install takes a few minutes)`,
	);
	const result = await runProcess('bash', [INSTALL_SCRIPT], {
		label: 'scripts/install-real-n8n.sh',
		timeoutMs: INSTALL_TIMEOUT_MS,
		env: installerEnv(),
		// The script tags its own lines "[real-n8n]"; the caller's log adds its own tag.
		onStderrLine: (line) => line.trim() && log(line.replace(/^\[real-n8n\] /, '')),
	});
	assertSucceeded(result, 'scripts/install-real-n8n.sh');
	const cacheRoot = result.stdout.trim().split('\n').pop() ?? '';
	const real: RealN8n = {
		cacheRoot,
		nodeBin: path.join(cacheRoot, `node${NODE_MAJOR}`, 'node_modules', '.bin', 'node'),
		n8nBin: path.join(cacheRoot, `n8n-${N8N_VERSION}`, 'node_modules', '.bin', 'n8n'),
	};
	for (const bin of [real.nodeBin, real.n8nBin]) {
		if (!existsSync(bin)) throw new Error(`install-real-n8n.sh finished but ${bin} does not exist`);
	}
	log(`real n8n ${N8N_VERSION} ready in ${seconds(result.durationMs)} (cache ${cacheRoot})`);
	return real;
}

/** The files package.json "n8n" points at must exist, i.e. `npm run build` has run. */
async function assertBuilt(manifest: PackageJson): Promise<void> {
	const files = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const missing = files.filter((file) => !existsSync(path.join(REPO_ROOT, file)));
	if (files.length === 0 || missing.length > 0) {
		throw new Error(
			`The package is not built (missing: ${missing.join(', ') || 'n8n.nodes in package.json'}). Run \`npm run build\` first.`,
		);
	}
}

export interface PackedPackage {
	fileName: string;
	tarball: Buffer;
}

let packing: Promise<PackedPackage> | undefined;

/**
 * `npm pack`s the repo once per process and keeps the tarball in memory (the
 * temp folder goes at once: jest workers exit without running exit handlers).
 * Fails at once when the package is not built.
 */
export function packPackage(options: { log?: Log } = {}): Promise<PackedPackage> {
	const log = options.log ?? silentLog;
	packing ??= (async () => {
		await assertBuilt(await readPackageJson(path.join(REPO_ROOT, 'package.json')));
		const destination = await mkdtemp(path.join(os.tmpdir(), 'westcoast-pack-'));
		try {
			const result = await runProcess(
				'npm',
				['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
				{ label: 'npm pack', timeoutMs: PACK_TIMEOUT_MS, cwd: REPO_ROOT },
			);
			assertSucceeded(result, 'npm pack');
			const [packed] = JSON.parse(result.stdout) as Array<{ filename: string; entryCount: number }>;
			log(`packed ${packed.filename} (${packed.entryCount} files)`);
			return {
				fileName: packed.filename,
				tarball: await readFile(path.join(destination, packed.filename)),
			};
		} finally {
			await rm(destination, { recursive: true, force: true });
		}
	})().catch((error: unknown) => {
		packing = undefined;
		throw error;
	});
	return packing;
}

/**
 * Installs the packed package into `<userFolder>/.n8n/nodes` the way n8n's
 * community-package installer leaves it, so n8n loads it at start.
 */
export async function installPackage(
	userFolder: string,
	options: { log?: Log } = {},
): Promise<{ name: string; version: string }> {
	const log = options.log ?? silentLog;
	const packed = await packPackage({ log });
	const nodesFolder = path.join(userFolder, '.n8n', 'nodes');
	const manifest = await readPackageJson(path.join(REPO_ROOT, 'package.json'));
	const target = path.join(nodesFolder, 'node_modules', manifest.name);
	await mkdir(target, { recursive: true });
	const extracted = await runProcess('tar', ['-xzf', '-', '-C', target, '--strip-components=1'], {
		label: 'tar',
		timeoutMs: PACK_TIMEOUT_MS,
		input: packed.tarball,
	});
	assertSucceeded(extracted, `extracting ${packed.fileName}`);

	const installedFile = path.join(target, 'package.json');
	const installed = await readPackageJson(installedFile);
	if (Object.keys(installed.dependencies ?? {}).length > 0) {
		// n8n would `npm install` them; this harness installs offline, so it cannot.
		throw new Error(
			`${installed.name} has runtime dependencies; the real-n8n harness only installs packages without any`,
		);
	}
	delete installed.devDependencies;
	delete installed.peerDependencies;
	delete installed.scripts;
	await writeFile(installedFile, `${JSON.stringify(installed, null, 2)}\n`);
	await writeFile(
		path.join(nodesFolder, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [installed.name]: installed.version } }, null, 2)}\n`,
	);
	log(`installed ${installed.name}@${installed.version} into ${target}`);
	return { name: installed.name, version: installed.version };
}
