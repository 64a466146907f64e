/**
 * The editor as a builder meets it: the real n8n with the package installed,
 * the three shipped workflows and their credentials imported (pointed at the
 * sandboxes), the server running, and a signed-in browser tab.
 */
import type { Browser, Page } from 'playwright-core';

import { WESTCOAST_CREDENTIAL } from '../../../workflows/source/package-nodes';
import {
	DAILY_SYNC_FILE,
	IMPORT_CUSTOMERS_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
} from '../../../workflows/source/workflows';
import { importWorkflow } from '../cli';
import {
	startDailySyncEnvironment,
	type DailySyncEnvironment,
	type EnvironmentOptions,
} from '../../daily-sync/environment';
import { readWorkflowFile } from '../../daily-sync/workflow-file';
import { startN8nServer, type N8nServer } from '../server';
import { launchBrowser, signedInPage } from './browser';
import { panelGallery, type GalleryNode } from './panels';

export interface ShippedWorkflow {
	file: string;
	id: string;
	name: string;
}

export interface EditorSession {
	env: DailySyncEnvironment;
	server: N8nServer;
	browser: Browser;
	page: Page;
	workflows: ShippedWorkflow[];
	/** The panel gallery's id as the server stored it, and its nodes. */
	gallery: { id: string; nodes: GalleryNode[] };
	close(): Promise<void>;
}

export async function startEditorSession(options: EnvironmentOptions = {}): Promise<EditorSession> {
	const env = await startDailySyncEnvironment(options);
	const closers: Array<() => Promise<void>> = [() => env.close()];
	const close = async () => {
		for (const closer of closers.reverse()) await closer().catch(() => undefined);
	};
	try {
		const imports = [IMPORT_CUSTOMERS_FILE, IMPORT_SUBSCRIPTIONS_FILE].map(readWorkflowFile);
		await importWorkflow(env.home, imports);
		const workflows = [readWorkflowFile(DAILY_SYNC_FILE), ...imports].map((workflow, index) => ({
			file: [DAILY_SYNC_FILE, IMPORT_CUSTOMERS_FILE, IMPORT_SUBSCRIPTIONS_FILE][index],
			id: workflow.id,
			name: workflow.name,
		}));
		const server = await startN8nServer(env.home);
		closers.push(() => server.stop());
		const { workflow, nodes } = panelGallery({
			[WESTCOAST_CREDENTIAL.type]: { id: WESTCOAST_CREDENTIAL.id, name: WESTCOAST_CREDENTIAL.name },
		});
		// As the editor's "Import from File" saves it: the server gives it an id.
		const { name, nodes: galleryNodes, connections, settings } = workflow;
		const saved = await server.rest('POST', '/workflows', {
			name,
			nodes: galleryNodes,
			connections,
			settings,
		});
		if (saved.status !== 200)
			throw new Error(`n8n did not save the panel gallery: HTTP ${saved.status} ${saved.body}`);
		const galleryId = (JSON.parse(saved.body) as { data: { id: string } }).data.id;
		const browser = await launchBrowser();
		closers.push(() => browser.close());
		const page = await signedInPage(browser, server);
		return { env, server, browser, page, workflows, gallery: { id: galleryId, nodes }, close };
	} catch (error) {
		await close();
		throw error;
	}
}
