/**
 * The run report and the alert in the real n8n 2.41.1 against the sandboxes:
 * the daily sync's Sync Report holds an HTML file whose figures match what
 * Halo now holds (read from the Halo sandbox, not from the planners), and a
 * production run that fails (Halo down) runs the shipped alert workflow,
 * whose Failure Alert names the node and the reason.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { IBinaryData, IDataObject } from 'n8n-workflow';

import type { HaloState } from '../../sandbox/halo';
import {
	ALERT_FILE,
	ALERT_NODE,
	ALERT_WORKFLOW_ID,
	REPORT_FIELD,
	REPORT_NODE,
} from '../../workflows/source/report-nodes';
import { SETTING } from '../../workflows/source/settings';
import {
	DAILY_SYNC_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
	NODE,
	WEBHOOK_PATH,
} from '../../workflows/source/workflows';
import {
	startDailySyncEnvironment,
	TEST_SETTINGS,
	type DailySyncEnvironment,
} from '../../harness/daily-sync/environment';
import { callWebhook, publishWorkflow, waitForWebhook } from '../../harness/daily-sync/webhooks';
import { licensedSubscriptions } from '../../harness/daily-sync/westcoast-facts';
import { readWorkflowFile, withSettings } from '../../harness/daily-sync/workflow-file';
import { importWorkflow, outputOf } from '../../harness/real-n8n/real-n8n';
import { startN8nServer, type N8nServer } from '../../harness/real-n8n/server';
import { unflatten } from '../../harness/real-n8n/flatted';

const MINUTE = 60_000;
const POLL_MS = 250;

function log(line: string): void {
	process.stderr.write(`[real-n8n] ${line}\n`);
}

/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
const visible = (html: string) =>
	html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

async function until<T>(
	what: string,
	check: () => Promise<T | undefined>,
	timeoutMs: number,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await check();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

describe('run report and alert in the real n8n', () => {
	let env: DailySyncEnvironment;
	let haloBefore: HaloState;

	beforeAll(async () => {
		env = await startDailySyncEnvironment({ log, settings: TEST_SETTINGS });
		haloBefore = env.sandboxes.halo.state();
	}, 15 * MINUTE);

	afterAll(async () => {
		await env?.close();
	});

	test(
		"the daily sync's Sync Report holds an HTML file whose totals are what Halo now holds",
		async () => {
			const run = await env.run();
			expect(run.result.error).toBeUndefined();

			const [item] = run.result.runData[REPORT_NODE.report]?.[0]?.data?.main?.[0] ?? [];
			const file = item?.binary?.[REPORT_FIELD] as IBinaryData | undefined;
			expect(file).toMatchObject({ mimeType: 'text/html', fileExtension: 'html' });
			// n8n 2.41.1 keeps binary data in files (mode filesystem) under ~/.n8n/storage.
			expect(file?.id).toMatch(/^filesystem-v2:/);
			const html = await readFile(
				path.join(env.home.userFolder, '.n8n', 'storage', String(file?.id).replace(/^[^:]+:/, '')),
				'utf8',
			);
			const text = visible(html);

			const now = env.sandboxes.halo.state();
			const createdClients = now.clients.filter(
				(client) => !haloBefore.clients.some((before) => before.id === client.id),
			);
			const createdLicences = now.licences.length - haloBefore.licences.length;
			expect(createdClients.length).toBeGreaterThan(0);
			expect(createdLicences).toBeGreaterThan(0);
			expect(text).toMatch(new RegExp(`Licences Count created ${createdLicences} updated \\d+`));
			expect(text).toMatch(
				new RegExp(`mapped by normalized name \\d+ created ${createdClients.length} links stored`),
			);
			for (const client of createdClients)
				expect(text).toContain(`${String(client.name).replace(/\s+/g, ' ')} created in Halo`);
			expect(text.match(/licence created/g)).toHaveLength(createdLicences);
			// The item's figures are the report's.
			expect(outputOf(run.result, REPORT_NODE.report)[0]).toMatchObject({
				licences: { created: createdLicences },
				customers: { created: createdClients.length },
			});
			// The shipped send branch is off (a disabled node passes its items on, sending nothing).
			const shipped = readWorkflowFile(DAILY_SYNC_FILE);
			expect(shipped.nodes.find((node) => node.name === REPORT_NODE.sendReport)).toMatchObject({
				disabled: true,
			});
		},
		5 * MINUTE,
	);

	describe('a failed production run (the subscription import on its webhook)', () => {
		let server: N8nServer | undefined;
		/** Alert executions already read. */
		const seenAlerts = new Set<string>();

		/** A server started afresh: a failed run keeps the Run Lock in its n8n process until the lock expires. */
		async function restartServer(): Promise<N8nServer> {
			await server?.stop();
			server = await startN8nServer(env.home);
			await waitForWebhook(server.url, WEBHOOK_PATH.subscriptions);
			return server;
		}

		/** Calls the import, which must fail, and returns the Failure Alert's items of the alert run it caused. */
		async function failAndReadAlert(): Promise<IDataObject[]> {
			const n8n = await restartServer();
			const answer = await callWebhook(n8n.url, WEBHOOK_PATH.subscriptions);
			expect(answer.status).toBeGreaterThanOrEqual(500);
			let listing = '';
			const id = await until(
				'an ended execution of the alert workflow',
				async () => {
					listing = (await n8n.rest('GET', '/executions')).body;
					const results =
						(JSON.parse(listing) as { data?: { results?: IDataObject[] } }).data?.results ?? [];
					const ended = results.find(
						(execution) =>
							execution.workflowId === ALERT_WORKFLOW_ID &&
							!seenAlerts.has(String(execution.id)) &&
							!['new', 'running', 'waiting'].includes(String(execution.status)),
					);
					return ended ? String(ended.id) : undefined;
				},
				2 * MINUTE,
			).catch((error: Error) => {
				throw new Error(
					`${error.message}\nexecutions: ${listing.slice(0, 3000)}\nn8n: ${n8n.output().slice(-4000)}`,
				);
			});
			seenAlerts.add(id);
			const execution = JSON.parse((await n8n.rest('GET', `/executions/${id}`)).body) as {
				data: { status: string; data: string };
			};
			expect(execution.data.status).toBe('success');
			const runData = (
				unflatten(execution.data.data) as {
					resultData: {
						runData: Record<string, Array<{ data: { main: Array<Array<{ json: IDataObject }>> } }>>;
					};
				}
			).resultData.runData;
			return runData[ALERT_NODE.alert][0].data.main[0].map((item) => item.json);
		}

		beforeAll(async () => {
			const { halo } = env.sandboxes;
			const subscriptionImport = withSettings(readWorkflowFile(IMPORT_SUBSCRIPTIONS_FILE), {
				[SETTING.haloBaseUrl]: halo.url,
			});
			const alert = readWorkflowFile(ALERT_FILE);
			expect(subscriptionImport.settings).toMatchObject({ errorWorkflow: alert.id });
			expect(alert.nodes.find((node) => node.name === ALERT_NODE.sendAlert)).toMatchObject({
				disabled: true,
			});
			await importWorkflow(env.home, [subscriptionImport, alert]);
			// n8n 2.41.1 runs an error workflow only when it is published.
			for (const workflow of [subscriptionImport, alert])
				await publishWorkflow(env.home, workflow.id);
		}, 8 * MINUTE);

		afterAll(async () => {
			env.sandboxes.halo.admin.clearFaults();
			await server?.stop();
		});

		test(
			'Halo down: one message naming the workflow, the failed Halo read, the reason and what to do',
			async () => {
				const { halo } = env.sandboxes;
				const licencesBefore = JSON.stringify(halo.state().licences);
				halo.admin.setFaults({ unavailable: { count: 10_000 } });

				const messages = await failAndReadAlert();
				halo.admin.clearFaults();

				expect(messages).toHaveLength(1);
				const [message] = messages;
				expect(message).toMatchObject({
					workflow: subscriptionImportName(),
					node: NODE.haloLicences,
					reason: 'A service could not be reached or answered with a server error.',
				});
				expect(String(message.text)).toContain(`failed at the node "${NODE.haloLicences}"`);
				expect(String(message.text)).toContain('What to do: Check that the service is up');
				expect(JSON.stringify(halo.state().licences)).toBe(licencesBefore);
			},
			5 * MINUTE,
		);

		test(
			"Licence Sync's refusal fails the run and reaches the alert, which says nothing was written and what to do",
			async () => {
				const { westcoast, halo } = env.sandboxes;
				const licencesBefore = JSON.stringify(halo.state().licences);
				for (const subscription of licensedSubscriptions(westcoast.state(), halo.state(), 12, {
					distinctCustomers: false,
				}))
					westcoast.admin.deleteSubscription(subscription.AccountId);

				const [message, ...more] = await failAndReadAlert();

				expect(more).toEqual([]);
				expect(message).toMatchObject({
					workflow: subscriptionImportName(),
					node: NODE.licenceSync,
				});
				expect(String(message.reason)).toMatch(/refused the plan.*Nothing was written/);
				expect(String(message.action)).toContain('Max Deactivations (%)');
				expect(String(message.detail)).toMatch(/would deactivate or zero 12 of/);
				expect(JSON.stringify(halo.state().licences)).toBe(licencesBefore);
			},
			5 * MINUTE,
		);
	});
});

const subscriptionImportName = () => readWorkflowFile(IMPORT_SUBSCRIPTIONS_FILE).name;
