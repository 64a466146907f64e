/**
 * `npm run screenshots`: the README's pictures, taken in a real browser
 * (Debian's Chromium through playwright-core) on the real n8n with the
 * package, the shipped workflows and both sandboxes: the daily sync's
 * canvas, the three nodes' panels, and Licence Sync's outputs and the run
 * report after a run started from the editor. Writes docs/images/*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { fitToView, openWorkflow } from '../harness/real-n8n/editor/canvas';
import { closePanel, openPanel } from '../harness/real-n8n/editor/panels';
import { startEditorSession, type EditorSession } from '../harness/real-n8n/editor/session';
import { REPO_ROOT } from '../harness/real-n8n/install';
import { REPORT_NODE } from '../workflows/source/report-nodes';
import { NODE } from '../workflows/source/workflows';

const IMAGES = path.join(REPO_ROOT, 'docs', 'images');
const RUN_TIMEOUT_MS = 5 * 60_000;

function print(line: string): void {
	process.stdout.write(`${line}\n`);
}

async function save(page: Page, name: string): Promise<void> {
	// Toasts ("Workflow executed successfully") would cover part of the picture.
	await page
		.locator('.el-notification__closeBtn')
		.evaluateAll((buttons) => buttons.forEach((button) => (button as { click(): void }).click()));
	await page.waitForSelector('.el-notification', { state: 'detached' });
	const file = path.join(IMAGES, `${name}.png`);
	await page.screenshot({ path: file });
	print(`  ${path.relative(REPO_ROOT, file)}`);
}

async function panel(page: Page, nodeName: string, image: string): Promise<void> {
	await openPanel(page, nodeName);
	await save(page, image);
	await closePanel(page);
}

/** Clicks the editor's main run button and waits until n8n has stored the run as finished. */
async function runFromEditor(session: EditorSession, workflowId: string): Promise<void> {
	const { page, server } = session;
	const finished = async () => {
		const answer = await server.rest(
			'GET',
			`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
		);
		const results = (JSON.parse(answer.body) as { data?: { results?: Array<{ status: string }> } })
			.data?.results;
		return results?.find((execution) => !['new', 'running', 'waiting'].includes(execution.status));
	};
	await page.click('[data-test-id="execute-workflow-button"]');
	const deadline = Date.now() + RUN_TIMEOUT_MS;
	for (;;) {
		const run = await finished();
		if (run) {
			if (run.status !== 'success')
				throw new Error(`the run from the editor ended "${run.status}"`);
			return;
		}
		if (Date.now() > deadline)
			throw new Error('the run from the editor did not finish in 5 minutes');
		await page.waitForTimeout(500);
	}
}

async function main(): Promise<void> {
	mkdirSync(IMAGES, { recursive: true });
	print('Screenshots: the real n8n with the package and the sandboxes, in Chromium');
	const session = await startEditorSession({ log: (line) => print(`  . ${line}`) });
	try {
		const { page, server, workflows } = session;
		const [dailySync] = workflows;
		await openWorkflow(page, server.url, dailySync.id);
		await save(page, 'daily-sync-canvas');
		await panel(page, NODE.westcoastSubscriptions, 'westcoast-cloud-panel');
		await panel(page, NODE.mapCustomers, 'mapping-resolver-panel');
		await panel(page, NODE.licenceSync, 'licence-sync-panel');

		await runFromEditor(session, dailySync.id);
		await fitToView(page);
		await save(page, 'daily-sync-after-run');
		await openPanel(page, NODE.licenceSync);
		await save(page, 'licence-sync-outputs');
		await closePanel(page);
		await openPanel(page, REPORT_NODE.report);
		await save(page, 'sync-report-output');
		await closePanel(page);
	} finally {
		await session.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`Screenshots failed: ${String((error as Error)?.stack ?? error)}\n`);
	process.exit(1);
});
