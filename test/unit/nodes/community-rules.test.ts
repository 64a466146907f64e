/**
 * n8n's rules for community nodes that its linters do not check: one
 * credential per node, codex categories from n8n's own list, and no Logic or
 * Flow (core) nodes, which n8n does not accept for verification. Continue On
 * Fail and item indexes on errors are checked by behaviour in
 * test/workflow/bad-input.test.ts and test/workflow/westcoast-cloud.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { LicenceSync } from '../../../nodes/LicenceSync/LicenceSync.node';
import { MappingResolver } from '../../../nodes/MappingResolver/MappingResolver.node';
import { PsaCreateCheck } from '../../../nodes/PsaCreateCheck/PsaCreateCheck.node';
import { SyncReport } from '../../../nodes/SyncReport/SyncReport.node';
import { WestcoastCloud } from '../../../nodes/WestcoastCloud/WestcoastCloud.node';

const root = path.resolve(__dirname, '../../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every category n8n-nodes-base 2.41.1's own codex files use, less "Core Nodes" (Logic, Flow ...). */
const N8N_CATEGORIES = new Set([
	'AI',
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Developer Tools',
	'ECM',
	'Finance & Accounting',
	'HITL',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
]);

const nodes: Array<[string, INodeType]> = [
	['WestcoastCloud', new WestcoastCloud()],
	['MappingResolver', new MappingResolver()],
	['LicenceSync', new LicenceSync()],
	['PsaCreateCheck', new PsaCreateCheck()],
	['SyncReport', new SyncReport()],
];

describe.each(nodes)('%s follows the community-node rules', (folder, node) => {
	const codex = JSON.parse(
		fs.readFileSync(path.join(root, 'nodes', folder, `${folder}.node.json`), 'utf8'),
	);

	it('is registered in package.json, with a codex file naming it', () => {
		expect(packageJson.n8n.nodes).toContain(`dist/nodes/${folder}/${folder}.node.js`);
		expect(codex.node).toBe(`${packageJson.name}.${node.description.name}`);
	});

	it('uses at most one credential, one this package registers', () => {
		const credentials = node.description.credentials ?? [];
		expect(credentials.length).toBeLessThanOrEqual(1);
		for (const { name } of credentials) {
			expect(packageJson.n8n.credentials).toContain(
				`dist/credentials/${name.charAt(0).toUpperCase()}${name.slice(1)}.credentials.js`,
			);
		}
	});

	it("has categories from n8n's list and is no Logic or Flow node", () => {
		expect(codex.categories.length).toBeGreaterThan(0);
		for (const category of codex.categories) expect(N8N_CATEGORIES.has(category)).toBe(true);
		expect(JSON.stringify(codex.subcategories ?? {})).not.toMatch(/Flow|Logic/);
		expect(node.description.group).not.toContain('trigger');
	});
});
