/**
 * n8n's own community-package installer (the REST calls behind Settings >
 * Community nodes) installs the packed package from a local registry on
 * 127.0.0.1, lists it with its version, runs a workflow with it, updates it to
 * a newer version and uninstalls it, in the real n8n 2.41.1.
 *
 * n8n only uses a registry other than npm's with its Enterprise licence
 * feature for custom registries (`feat:communityNodes:customRegistry`); the
 * test switches that one feature on through n8n's own end-to-end test mode.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startWestcoastSandbox, type WestcoastSandbox } from '../../sandbox/westcoast';
import {
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	outputOf,
	packPackage,
	type N8nHome,
} from '../../harness/real-n8n/real-n8n';
import { runProcess, assertSucceeded } from '../../harness/real-n8n/process';
import { startLocalRegistry, type LocalRegistry } from './registry';
import { startN8nServer, type N8nServer } from '../../harness/real-n8n/server';
import { listCustomersWorkflow, westcoastCredential } from '../../harness/real-n8n/westcoast-workflows';

const MINUTE = 60_000;
const NODE_NAME = 'List Customers';
const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

const progress: string[] = [];
function log(line: string): void {
	progress.push(line);
	process.stderr.write(`[real-n8n] ${line}\n`);
}

interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ name: string; type: string }>;
	updateAvailable?: string;
}

describe("n8n's community-package installer, from a local registry", () => {
	let sandbox: WestcoastSandbox;
	let registry: LocalRegistry;
	let home: N8nHome;
	let work: string;
	let packageName: string;
	let version: string;
	let nextVersion: string;
	/** What n8n should list: one type per node file the manifest names (dist/nodes/X/X.node.js is type x). */
	let shippedNodeTypes: string[];
	/** The unpacked package with the patch version raised; published only for the update. */
	let nextPackage: string;
	let server: N8nServer | undefined;

	async function startServer(): Promise<N8nServer> {
		const started = await startN8nServer(home, {
			E2E_TESTS: 'true',
			N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
			// n8n's "npm outdated" (the update check) reads npm's own registry setting.
			npm_config_registry: registry.url,
		});
		const feature = await started.rest('PATCH', '/e2e/feature', {
			feature: CUSTOM_REGISTRY_FEATURE,
			enabled: true,
		});
		expect(feature.status).toBe(200);
		return started;
	}

	async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
		const answer = await server!.rest(method, route, body);
		log(`${method} /rest${route}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
		expect(answer.status).toBe(200);
		return (answer.body ? (JSON.parse(answer.body) as { data: T }).data : undefined) as T;
	}

	beforeAll(async () => {
		const packed = await packPackage({ log });
		work = await mkdtemp(path.join(os.tmpdir(), 'westcoast-registry-test-'));
		const tarball = path.join(work, packed.fileName);
		await writeFile(tarball, packed.tarball);
		// The same package with the patch version raised: what an update installs.
		const next = (nextPackage = path.join(work, 'next'));
		await mkdir(next);
		assertSucceeded(
			await runProcess('tar', ['-xzf', tarball, '-C', next, '--strip-components=1'], {
				label: 'tar',
				timeoutMs: 30_000,
			}),
			'tar',
		);
		const manifest = JSON.parse(await readFile(path.join(next, 'package.json'), 'utf8'));
		packageName = manifest.name;
		version = manifest.version;
		shippedNodeTypes = (manifest.n8n.nodes as string[])
			.map((file) => path.basename(file, '.node.js'))
			.map((name) => `${packageName}.${name[0].toLowerCase()}${name.slice(1)}`)
			.sort();
		const [major, minor, patch] = String(version).split('.').map(Number);
		nextVersion = `${major}.${minor}.${patch + 1}`;
		await writeFile(
			path.join(next, 'package.json'),
			JSON.stringify({ ...manifest, version: nextVersion }, null, 2),
		);

		sandbox = await startWestcoastSandbox({ port: 0, seed: 20261101 });
		registry = await startLocalRegistry({ log });
		await registry.publish(tarball);
		home = await createN8nHome({ log });
		const credential = westcoastCredential('wc-registry', 'Westcoast Sandbox', {
			marketplaceUrl: sandbox.url,
			...sandbox.users.admin,
		});
		await importCredentials(home, [credential]);
		await importWorkflow(home, [listCustomersWorkflow('wcRegistryList', credential, NODE_NAME)]);
		server = await startServer();
	}, 15 * MINUTE);

	afterAll(async () => {
		await server?.stop();
		await registry?.stop();
		await sandbox?.close();
		await home?.remove();
		if (work) await rm(work, { recursive: true, force: true });
	}, 2 * MINUTE);

	test(
		'installs it as Settings > Community nodes does, and lists it with its version',
		async () => {
			const installed = await call<InstalledPackage>('POST', '/community-packages', {
				name: packageName,
			});
			expect(installed).toMatchObject({ packageName, installedVersion: version });
			expect(installed.installedNodes.map((node) => node.type).sort()).toEqual(shippedNodeTypes);
			const listed = await call<InstalledPackage[]>('GET', '/community-packages');
			expect(listed.map((p) => [p.packageName, p.installedVersion])).toEqual([
				[packageName, version],
			]);
		},
		5 * MINUTE,
	);

	test(
		'runs a workflow with the installed node',
		async () => {
			await server!.stop();
			server = undefined;
			const result = await executeWorkflow(home, 'wcRegistryList');
			expect(result.packageLoadErrors).toEqual([]);
			expect(result.error).toBeUndefined();
			expect(outputOf(result, NODE_NAME)).toHaveLength(sandbox.state().customers.length);
			server = await startServer();
		},
		5 * MINUTE,
	);

	test(
		'updates it to a newer version, then uninstalls it',
		async () => {
			await registry.publish(nextPackage);
			const outdated = await call<InstalledPackage[]>('GET', '/community-packages');
			expect(outdated[0]).toMatchObject({
				installedVersion: version,
				updateAvailable: nextVersion,
			});

			const updated = await call<InstalledPackage>('PATCH', '/community-packages', {
				name: packageName,
				version: nextVersion,
			});
			expect(updated).toMatchObject({ packageName, installedVersion: nextVersion });
			const listed = await call<InstalledPackage[]>('GET', '/community-packages');
			expect(listed.map((p) => [p.packageName, p.installedVersion])).toEqual([
				[packageName, nextVersion],
			]);

			await call('DELETE', `/community-packages?name=${encodeURIComponent(packageName)}`);
			expect(await call<InstalledPackage[]>('GET', '/community-packages')).toEqual([]);
		},
		5 * MINUTE,
	);
});
