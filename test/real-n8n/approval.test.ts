/**
 * Dry Run and Approval Before Big Changes in the real n8n 2.41.1 against the
 * sandboxes: the daily sync on a production webhook (withProductionTrigger),
 * and the subscription import (its webhook answer),
 * one imported copy per Settings variant, on one n8n server. Halo is judged
 * from the sandbox (its request log and state, the independent oracle of
 * halo-check), never from the planners' outputs. Every wait is a poll of the
 * execution's status through n8n's REST API.
 */
import type { IDataObject } from 'n8n-workflow';

import { startPairedSandboxes, type PairedSandboxes } from '../../sandbox/paired';
import type { HaloState } from '../../sandbox/halo';
import { APPROVE_DECISION, approvalNodes } from '../../workflows/source/approval';
import { REPORT_NODE } from '../../workflows/source/report-nodes';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import {
	DAILY_SYNC_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
	WEBHOOK_PATH,
} from '../../workflows/source/workflows';
import { sandboxCredentials } from '../../harness/daily-sync/credentials';
import { TEST_SETTINGS, TEST_TOP_LEVEL } from '../../harness/daily-sync/environment';
import { haloProblems } from './daily-sync/halo-check';
import { callWebhook, publishWorkflow, waitForWebhook } from '../../harness/daily-sync/webhooks';
import {
	readWorkflowFile,
	withProductionTrigger,
	withSettings,
} from '../../harness/daily-sync/workflow-file';
import {
	createN8nHome,
	importCredentials,
	importWorkflow,
	installPackage,
	packPackage,
	type N8nHome,
} from '../../harness/real-n8n/real-n8n';
import { startN8nServer, type N8nServer } from '../../harness/real-n8n/server';
import { unflatten } from '../../harness/real-n8n/flatted';

const MINUTE = 60_000;
const POLL_MS = 500;
/** n8n's wait tracker looks for due waits once a minute: a timed-out wait ends within about that. */
const RUN_TIMEOUT_MS = 4 * MINUTE;

function log(line: string): void {
	process.stderr.write(`[real-n8n] ${line}\n`);
}

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: IDataObject }>> } }>>;

interface Execution {
	id: string;
	status: string;
	runData: RunData;
	error?: unknown;
}

/** One copy of the daily sync per Settings variant, each on its own webhook. */
const VARIANTS: Record<string, SettingValues> = {
	dryRun: { [SETTING.dryRun]: true },
	approval: { [SETTING.approval]: true, [SETTING.approveOver]: 0 },
	// About 11 s: the wait ends at the wait tracker's next look.
	timeout: { [SETTING.approval]: true, [SETTING.approveOver]: 0, [SETTING.approvalTimeout]: 0.003 },
};
const idOf = (variant: string) => `wcHaloApproval${variant[0].toUpperCase()}${variant.slice(1)}`;
const pathOf = (variant: string) => `test/approval-${variant}`;

describe('Dry Run and approval in the real n8n', () => {
	let sandboxes: PairedSandboxes;
	let home: N8nHome;
	let server: N8nServer;
	let haloBefore: HaloState;
	const seen = new Set<string>();

	const execution = async (id: string): Promise<Execution> => {
		const answer = await server.rest('GET', `/executions/${id}`);
		const { data } = JSON.parse(answer.body) as {
			data: { id: string; status: string; data: string };
		};
		const run = unflatten(data.data) as {
			resultData: { runData: RunData; error?: unknown };
		};
		return {
			id,
			status: data.status,
			runData: run.resultData.runData,
			error: run.resultData.error,
		};
	};

	async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
		const deadline = Date.now() + RUN_TIMEOUT_MS;
		while (Date.now() < deadline) {
			const value = await check();
			if (value !== undefined) return value;
			await new Promise((resolve) => setTimeout(resolve, POLL_MS));
		}
		throw new Error(
			`${what}: not within ${RUN_TIMEOUT_MS / 1000} s\nn8n: ${server.output().slice(-3000)}`,
		);
	}

	/** Starts the variant on its webhook and answers its execution id. */
	async function start(variant: string): Promise<string> {
		log(`starting the ${variant} variant`);
		const response = await fetch(`${server.url}/webhook/${pathOf(variant)}`, { method: 'POST' });
		expect(response.status).toBe(200);
		return until(`an execution of ${variant}`, async () => {
			const answer = await server.rest('GET', '/executions?limit=50');
			const rows = (JSON.parse(answer.body) as { data: { results: IDataObject[] } }).data.results;
			const row = rows.find(
				(candidate) => candidate.workflowId === idOf(variant) && !seen.has(String(candidate.id)),
			);
			if (!row) return undefined;
			seen.add(String(row.id));
			return String(row.id);
		});
	}

	/** The execution once its status is one of `statuses`. */
	const reaches = (id: string, statuses: string[]) =>
		until(`execution ${id} ${statuses.join(' or ')}`, async () => {
			const found = await execution(id);
			return statuses.includes(found.status) ? found : undefined;
		});

	const json = (run: Execution, node: string, output = 0) =>
		(run.runData[node]?.at(-1)?.data?.main?.[output] ?? []).map((item) => item.json);

	/** POSTs a decision to the resume URL that the waiting run's Approval Request holds. */
	async function decide(run: Execution, decision: string): Promise<void> {
		log(`execution ${run.id} waits: deciding "${decision}"`);
		const request = ['Customers', 'Licences']
			.map((kind) => json(run, approvalNodes(kind as 'Customers').request)[0])
			.filter(Boolean)
			.at(-1) as IDataObject;
		expect(String(request.text)).toContain(String(request.resumeUrl));
		const url = new URL(String(request.resumeUrl));
		const response = await fetch(`${server.url}${url.pathname}${url.search}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ decision }),
		});
		expect(response.status).toBe(200);
	}

	const haloPosts = (before: number) =>
		sandboxes.halo.admin
			.requests()
			.slice(before)
			.filter((request) => request.method === 'POST' && !request.path.startsWith('/auth'));

	beforeAll(async () => {
		await packPackage({ log });
		sandboxes = await startPairedSandboxes({ seed: 1 });
		home = await createN8nHome({ log });
		await installPackage(home.userFolder, { log });
		await importCredentials(home, sandboxCredentials(sandboxes));
		const shipped = readWorkflowFile(DAILY_SYNC_FILE);
		const copies = Object.entries(VARIANTS).map(([variant, values]) => {
			const copy = withProductionTrigger(
				withSettings(
					{ ...shipped, id: idOf(variant), name: `${shipped.name} (${variant})` },
					{ ...TEST_SETTINGS, [SETTING.haloBaseUrl]: sandboxes.halo.url, ...values },
				),
				pathOf(variant),
			);
			// No error workflow here: none of these runs fails.
			copy.settings = { ...copy.settings, errorWorkflow: undefined };
			return copy;
		});
		const dryImport = withSettings(readWorkflowFile(IMPORT_SUBSCRIPTIONS_FILE), {
			[SETTING.haloBaseUrl]: sandboxes.halo.url,
			[SETTING.dryRun]: true,
		});
		dryImport.settings = { ...dryImport.settings, errorWorkflow: undefined };
		await importWorkflow(home, [...copies, dryImport]);
		for (const workflow of [...copies, dryImport]) await publishWorkflow(home, workflow.id);
		server = await startN8nServer(home);
		for (const variant of Object.keys(VARIANTS)) await waitForWebhook(server.url, pathOf(variant));
	}, 12 * MINUTE);

	afterAll(async () => {
		await server?.stop();
		await sandboxes?.close();
		await home?.remove();
	}, 2 * MINUTE);

	beforeEach(() => {
		sandboxes.westcoast.admin.reset();
		sandboxes.halo.admin.reset();
		haloBefore = sandboxes.halo.state();
	});

	/** Halo's tables, without the request counters (reads change those). */
	const haloTables = () => {
		const { requestCounts, ...rest } = sandboxes.halo.state();
		void requestCounts;
		return JSON.stringify(rest);
	};

	test(
		'a dry run reads and plans, writes nothing to Halo, and its report says so',
		async () => {
			const tablesBefore = haloTables();
			const logBefore = sandboxes.halo.admin.requests().length;
			const run = await reaches(await start('dryRun'), ['success', 'error', 'crashed']);
			expect(run.error).toBeUndefined();
			expect(run.status).toBe('success');
			expect(haloPosts(logBefore)).toEqual([]);
			expect(haloTables()).toBe(tablesBefore);
			// It did read Halo (the clients, the licences, the Create Checks' lookups).
			expect(sandboxes.halo.admin.requests().length).toBeGreaterThan(logBefore);
			const [report] = json(run, REPORT_NODE.report);
			expect(String(report.notWritten)).toMatch(/^Dry run: nothing was written to Halo/);
			expect(report.totals).toBe('planned');
			// The plan is there: clients and licences a real run would create.
			expect((report.customers as IDataObject).created).toBeGreaterThan(0);
			expect((report.licences as IDataObject).created).toBeGreaterThan(0);
		},
		5 * MINUTE,
	);

	test(
		"the subscription import's dry run writes nothing and its webhook answer says so",
		async () => {
			const tablesBefore = haloTables();
			const logBefore = sandboxes.halo.admin.requests().length;
			const answer = await callWebhook(server.url, WEBHOOK_PATH.subscriptions);
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({
				dryRun: true,
				notWritten: expect.stringMatching(/^Dry run: nothing was written to Halo/),
				licences: { byAction: { create: expect.any(Number) } },
			});
			expect(
				(answer.body as { licences: { byAction: { create: number } } }).licences.byAction.create,
			).toBeGreaterThan(0);
			expect(haloPosts(logBefore)).toEqual([]);
			expect(haloTables()).toBe(tablesBefore);
		},
		5 * MINUTE,
	);

	test(
		'rejected: the run ends without a write, and its report says the plan was not approved',
		async () => {
			const tablesBefore = haloTables();
			const logBefore = sandboxes.halo.admin.requests().length;
			const id = await start('approval');
			const waiting = await reaches(id, ['waiting', 'success', 'error']);
			expect(waiting.status).toBe('waiting');
			const [plan] = json(waiting, approvalNodes('Customers').plan);
			expect(plan.changes).toBeGreaterThan(0);
			expect(plan.customers).toHaveLength(Number(plan.changes));
			await decide(waiting, 'reject');
			const run = await reaches(id, ['success', 'error', 'crashed']);
			expect(run.status).toBe('success');
			expect(haloPosts(logBefore)).toEqual([]);
			expect(haloTables()).toBe(tablesBefore);
			expect(String(json(run, REPORT_NODE.report)[0].notWritten)).toMatch(
				/^Customer changes not approved \(rejected\): nothing was written to Halo/,
			);
		},
		6 * MINUTE,
	);

	test(
		'no answer within the timeout: the run ends without a write, and says so',
		async () => {
			const tablesBefore = haloTables();
			const logBefore = sandboxes.halo.admin.requests().length;
			const run = await reaches(await start('timeout'), ['success', 'error', 'crashed']);
			expect(run.status).toBe('success');
			expect(haloPosts(logBefore)).toEqual([]);
			expect(haloTables()).toBe(tablesBefore);
			expect(String(json(run, REPORT_NODE.report)[0].notWritten)).toMatch(
				/^Customer changes not approved \(no answer within 0\.003 hours\)/,
			);
		},
		6 * MINUTE,
	);

	test(
		'approved (customers, then licences): the plan is applied and Halo is in step with Westcoast',
		async () => {
			const id = await start('approval');
			const licenceRequest = (run: Execution) => json(run, approvalNodes('Licences').request);
			const first = await reaches(id, ['waiting', 'success', 'error']);
			expect(first.status).toBe('waiting');
			expect(licenceRequest(first)).toEqual([]);
			await decide(first, APPROVE_DECISION);
			// The customer writes done, the licence plan waits in turn (stored once the run waits again).
			const second = await until(`execution ${id} waiting for the licence approval`, async () => {
				const run = await execution(id);
				const waitsAgain = run.status === 'waiting' && licenceRequest(run).length > 0;
				return waitsAgain || ['success', 'error', 'crashed'].includes(run.status) ? run : undefined;
			});
			expect(second.status).toBe('waiting');
			expect(String(licenceRequest(second)[0].text)).toMatch(
				/licence plan creates, deactivates or zeroes \d+ records, more than/,
			);
			await decide(second, APPROVE_DECISION);
			const run = await reaches(id, ['success', 'error', 'crashed']);
			expect(run.error).toBeUndefined();
			expect(run.status).toBe('success');
			expect(json(run, REPORT_NODE.report)[0].notWritten).toBeNull();
			expect(
				haloProblems({
					westcoast: sandboxes.westcoast.state(),
					haloBefore,
					haloNow: sandboxes.halo.state(),
					topLevelId: TEST_TOP_LEVEL,
					updateSiteAddress: true,
				}),
			).toEqual({ customers: [], licences: [] });
		},
		8 * MINUTE,
	);
});
