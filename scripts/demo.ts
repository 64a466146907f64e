/**
 * `npm run demo`: the daily-sync workflow file, run three times by the real
 * n8n against the Westcoast and HaloPSA sandboxes: a first sync, a sync after
 * four changes in Westcoast, and a sync with nothing left to do. Prints a
 * summary per run and writes reports/demo-report.html. Exits 1 when a run
 * fails or does not show what it should. Ports: WESTCOAST_PORT, HALO_PORT
 * (default: free ones).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { seconds } from '../harness/real-n8n/process';
import { REPO_ROOT } from '../harness/real-n8n/real-n8n';
import {
	startDailySyncEnvironment,
	type DailySyncEnvironment,
} from '../harness/daily-sync/environment';
import { SETTING, type SettingValues } from '../workflows/source/settings';
import { alignColumns, print, printChanges, printRunSummary } from './demo/console-output';
import { runProblems, secondRunProblems, thirdRunProblems } from './demo/expectations';
import { renderReport, type ReportRun } from './demo/html-report';
import { changesByCustomer, type Names } from './demo/run-facts';
import { outcomeOf } from './demo/run-outcome';
import { applyDemoChanges } from './demo/westcoast-changes';

const REPORT_PATH = path.join(REPO_ROOT, 'reports', 'demo-report.html');

/** As a user would set them; the Halo URL is the sandbox's. "Cloud Customers" is the sandbox's top level 2. */
const DEMO_SETTINGS: SettingValues = {
	[SETTING.entities]: 'both',
	[SETTING.topLevel]: '2',
	[SETTING.updateSiteAddress]: true,
	[SETTING.deactivateDeleted]: false,
};

class DemoFailure extends Error {}

function check(what: string, problems: string[]): void {
	if (problems.length === 0) return;
	throw new DemoFailure(`${what}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

/** Westcoast names by id, kept across runs so that deleted subscriptions can still be named. */
function rememberNames(env: DailySyncEnvironment, names: Names): void {
	const state = env.sandboxes.westcoast.state();
	for (const customer of state.customers)
		names.customers.set(String(customer.AccountId), customer.CompanyName);
	for (const subscription of state.subscriptions)
		names.subscriptions.set(String(subscription.AccountId), subscription.ProductName);
}

async function runOnce(
	env: DailySyncEnvironment,
	title: string,
	changesBefore: string[],
): Promise<ReportRun> {
	print();
	print(`${title}: n8n execute --id=${env.workflowId}`);
	const run = await env.run();
	check(`${title} failed`, runProblems(run));
	const outcome = outcomeOf(run);
	printRunSummary(title, outcome, run.result.durationMs);
	return { title, outcome, durationMs: run.result.durationMs, changesBefore };
}

async function demo(started: number): Promise<void> {
	print('Westcoast to HaloPSA: daily sync demo (real n8n, local sandboxes)');
	const env = await startDailySyncEnvironment({
		log: (line) => print(`  . ${line}`),
		westcoastPort: Number(process.env.WESTCOAST_PORT ?? 0),
		haloPort: Number(process.env.HALO_PORT ?? 0),
		settings: DEMO_SETTINGS,
	});
	try {
		const { westcoast, halo } = env.sandboxes;
		print(`  Westcoast sandbox ${westcoast.url} (sandbox login ${westcoast.users.admin.username})`);
		print(
			`  HaloPSA sandbox   ${halo.url} (token URL ${halo.tokenUrl}, sandbox client ${halo.clientId})`,
		);
		const names: Names = { customers: new Map(), subscriptions: new Map() };
		rememberNames(env, names);

		const first = await runOnce(env, 'Run 1', []);

		print();
		print('Changing the Westcoast sandbox:');
		const made = applyDemoChanges(westcoast, halo.state());
		for (const line of made.lines) print(`  - ${line}`);
		rememberNames(env, names);

		const second = await runOnce(env, 'Run 2', made.lines);
		print('  Changes per customer:');
		printChanges(changesByCustomer(second.outcome, names));
		check('Run 2 did not write exactly the changes made', secondRunProblems(second.outcome, made));

		const third = await runOnce(env, 'Run 3', []);
		check('Run 3 had something to do', thirdRunProblems(third.outcome));

		const runs = [first, second, third];
		const totalMs = Date.now() - started;
		mkdirSync(path.dirname(REPORT_PATH), { recursive: true });
		writeFileSync(
			REPORT_PATH,
			renderReport({
				runs,
				names,
				settings: Object.entries({ ...DEMO_SETTINGS, [SETTING.haloBaseUrl]: halo.url }),
				sandboxes: { westcoast: westcoast.url, halo: halo.url },
				totalMs,
			}),
		);
		print();
		print('Times');
		const rows = [
			...runs.map((run): [string, string] => [
				`  ${run.title} (n8n execute)`,
				seconds(run.durationMs),
			]),
			['  Total (setup, 3 runs, report)', seconds(totalMs)] as [string, string],
		];
		for (const line of alignColumns(rows)) print(line);
		print();
		print(`Report: ${REPORT_PATH}`);
	} finally {
		await env.close();
	}
}

const started = Date.now();
demo(started).catch((error: unknown) => {
	const message =
		error instanceof DemoFailure ? error.message : String((error as Error)?.stack ?? error);
	process.stderr.write(`\nDemo failed. ${message}\n`);
	// Exit now: a sandbox left listening by a failed start would keep the process alive.
	process.exit(1);
});
