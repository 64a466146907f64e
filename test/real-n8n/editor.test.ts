/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser.
/**
 * The editor as a builder sees the package, in a real browser (Debian's
 * Chromium) on the real n8n 2.41.1: the shipped workflows' canvases, every
 * panel of the package's nodes, the credential form and the node search.
 */
import { canvasGeometry, layoutProblems, openWorkflow, type LayoutProblems } from '../../harness/real-n8n/editor/canvas';
import { closePanel, cutPanelLabels, openPanel } from '../../harness/real-n8n/editor/panels';
import { startEditorSession, type EditorSession } from '../../harness/real-n8n/editor/session';
import { WESTCOAST_CREDENTIAL } from '../../workflows/source/package-nodes';

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

	/*
	 * Known gap, kept visible: n8n draws a connection as one curve from output
	 * to input, so a read's output that feeds a node far down the main row (the
	 * Westcoast customers into Map Customers, the subscriptions and licences into
	 * Licence Sync) runs behind the nodes between them (30 such crossings in the
	 * daily sync, 4 and 7 in the imports). This test passes while that holds;
	 * once a layout puts those connections in lanes of their own, it fails and
	 * should become an ordinary test.
	 */
	test.failing(
		'each shipped workflow: no connection runs behind a node it does not connect (known gap)',
		async () => {
			expect(await problemsOf('linesBehind')).toEqual(noneIn());
		},
		5 * MINUTE,
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
