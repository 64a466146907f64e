/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser.
/**
 * The editor as a builder sees the package, in a real browser (Debian's
 * Chromium) on the real n8n 2.41.1: the shipped workflows' canvases, every
 * panel of the package's nodes, the credential form and the node search.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	canvasGeometry,
	importFromFile,
	layoutProblems,
	nodesWithIssues,
	openWorkflow,
	type LayoutProblems,
} from '../../harness/real-n8n/editor/canvas';
import { closePanel, cutPanelLabels, openPanel } from '../../harness/real-n8n/editor/panels';
import { startEditorSession, type EditorSession } from '../../harness/real-n8n/editor/session';
import { HALO_CREDENTIAL, WESTCOAST_CREDENTIAL } from '../../workflows/source/package-nodes';
import { WORKFLOWS_DIR } from '../../workflows/source/write-files';
import { DAILY_SYNC_FILE, NODE } from '../../workflows/source/workflows';

const MINUTE = 60_000;

/** What a builder types in the node search, and the nodes they expect to find. */
const SEARCHES: Record<string, string[]> = {
	License: ['Licence Sync'],
	Licence: ['Licence Sync'],
	subscription: ['Westcoast Cloud', 'Licence Sync'],
	marketplace: ['Westcoast Cloud'],
	Halo: ['Mapping Resolver', 'Licence Sync'],
	PSA: ['Mapping Resolver', 'Licence Sync'],
};

function log(line: string): void {
	process.stderr.write(`[editor] ${line}\n`);
}

describe('the editor in a real browser', () => {
	let session: EditorSession;

	beforeAll(async () => {
		session = await startEditorSession({ log });
	}, 10 * MINUTE);

	afterAll(async () => {
		await session?.close();
	}, 2 * MINUTE);

	/** Each shipped workflow's canvas problems, measured once for the tests below. */
	const canvases = async () => {
		const { page, server, workflows } = session;
		const measured: Record<string, LayoutProblems> = {};
		for (const workflow of workflows) {
			await openWorkflow(page, server.url, workflow.id);
			measured[workflow.file] = layoutProblems(await canvasGeometry(page));
		}
		return measured;
	};
	let measured: Record<string, LayoutProblems> | undefined;
	const problemsOf = async (kind: keyof LayoutProblems) => {
		measured ??= await canvases();
		return Object.fromEntries(
			Object.entries(measured).map(([file, problems]) => [file, problems[kind]]),
		);
	};
	const noneIn = () => Object.fromEntries(session.workflows.map((workflow) => [workflow.file, []]));

	test(
		'each shipped workflow: no node drawn over another, and no input or output label cut off',
		async () => {
			expect(await problemsOf('overlaps')).toEqual(noneIn());
			expect(await problemsOf('cutLabels')).toEqual(noneIn());
		},
		5 * MINUTE,
	);

	test(
		'each shipped workflow: no connection runs behind a node it does not connect',
		async () => {
			expect(await problemsOf('linesBehind')).toEqual(noneIn());
		},
		5 * MINUTE,
	);

	test(
		'the daily sync imported from a file finds the credentials of its names: no node left red',
		async () => {
			const { page, server } = session;
			const file = path.join(WORKFLOWS_DIR, DAILY_SYNC_FILE);
			const shipped = JSON.parse(readFileSync(file, 'utf8')) as {
				nodes: Array<{ name: string; credentials?: Record<string, { id: string | null }> }>;
			};
			const haloNodes = shipped.nodes
				.filter((node) => node.credentials?.[HALO_CREDENTIAL.type])
				.map((node) => node.name);
			// The oracle: the same file naming the Halo credential by an id from another instance.
			const folder = mkdtempSync(path.join(tmpdir(), 'westcoast-import-'));
			try {
				const foreign = structuredClone(shipped);
				for (const node of foreign.nodes)
					if (node.credentials?.[HALO_CREDENTIAL.type])
						node.credentials[HALO_CREDENTIAL.type].id = 'id-on-another-instance';
				const foreignFile = path.join(folder, DAILY_SYNC_FILE);
				writeFileSync(foreignFile, JSON.stringify(foreign));
				await importFromFile(page, server.url, foreignFile);
				await page.waitForFunction(
					(count) => document.querySelectorAll('[data-test-id="node-issues"]').length >= count,
					haloNodes.length,
				);
				expect((await nodesWithIssues(page)).sort()).toEqual([...haloNodes].sort());
			} finally {
				rmSync(folder, { recursive: true, force: true });
			}
			await importFromFile(page, server.url, file);
			await openPanel(page, haloNodes[0]);
			await expect(
				page.locator('[data-test-id="node-credentials-select"] input').inputValue(),
			).resolves.toBe(HALO_CREDENTIAL.name);
			await closePanel(page);
			expect(haloNodes.length).toBeGreaterThanOrEqual(10);
			expect(await nodesWithIssues(page)).toEqual([]);
		},
		3 * MINUTE,
	);

	test(
		"the daily sync's main button names the trigger it starts from: Daily Schedule",
		async () => {
			const { page, server, workflows } = session;
			await openWorkflow(page, server.url, workflows[0].id);
			const button = page.locator('[data-test-id="execute-workflow-button"]');
			expect((await button.innerText()).replace(/\s+/g, ' ')).toBe(
				`Execute workflow from ${NODE.schedule}`,
			);
		},
		2 * MINUTE,
	);

	test(
		"every panel of the package's nodes shows its labels in full",
		async () => {
			const { page, server, gallery } = session;
			await openWorkflow(page, server.url, gallery.id);
			const cut: Record<string, string[]> = {};
			for (const node of gallery.nodes) {
				await openPanel(page, node.name);
				const labels = await cutPanelLabels(page);
				if (labels.length > 0) cut[node.name] = labels;
				await closePanel(page);
			}
			expect(gallery.nodes.length).toBeGreaterThanOrEqual(5);
			expect(cut).toEqual({});
		},
		5 * MINUTE,
	);

	test(
		'the Westcoast Cloud credential form shows the reseller account requirement and its labels in full',
		async () => {
			const { page, server } = session;
			await page.goto(`${server.url}/home/credentials/${WESTCOAST_CREDENTIAL.id}`);
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor();
			const shown = await modal.evaluate((element) => ({
				text: (element as HTMLElement).innerText,
				cut: [...element.querySelectorAll('[data-test-id="input-label"] *')]
					.filter(
						(label) =>
							getComputedStyle(label).textOverflow === 'ellipsis' &&
							label.scrollWidth > label.clientWidth + 1,
					)
					.map((label) => (label.textContent ?? '').trim()),
			}));
			expect(shown.text).toMatch(/Reseller Admin/);
			expect(shown.cut).toEqual([]);
		},
		2 * MINUTE,
	);

	test(
		"the node search finds the package's nodes by the words a builder types",
		async () => {
			const { page, server, workflows } = session;
			await openWorkflow(page, server.url, workflows[0].id);
			const found: Record<string, string[]> = {};
			await page.click('[data-test-id="node-creator-plus-button"]');
			const search = page.locator('input[data-test-id="node-creator-search-bar"]');
			const nodeResults = '[data-keyboard-nav-type="node"]';
			for (const term of Object.keys(SEARCHES)) {
				// From the category list it opens with (no node listed), so that no earlier result is read.
				await search.fill('');
				await page.waitForSelector(nodeResults, { state: 'detached' });
				await search.fill(term);
				await page.waitForSelector(`${nodeResults}, [data-test-id="node-creator-no-results"]`);
				found[term] = await page
					.locator(`${nodeResults} [data-test-id="node-creator-item-name"]`)
					.allInnerTexts();
			}
			const missing = Object.entries(SEARCHES).flatMap(([term, expected]) =>
				expected
					.filter((name) => !found[term].includes(name))
					.map(
						(name) =>
							`"${term}" does not find ${name} (found: ${found[term].join(', ') || 'nothing'})`,
					),
			);
			expect(missing).toEqual([]);
		},
		3 * MINUTE,
	);
});
