/**
 * The shipped daily sync end to end as a user runs it: a running n8n server
 * (`n8n start`, the cache of scripts/install-real-n8n.sh) with the package
 * installed, the workflow published and started by a production trigger (a
 * test Webhook beside the disabled Schedule: n8n 2.41.1 cannot fire a
 * Schedule on demand), against both sandboxes at S and M, every request held
 * LATENCY_MS: two runs per scale (the first catches Halo up with the seed's
 * differences, the second is a steady-state day). From the sandboxes' own
 * record of every exchange: requests by kind, bytes, the sequential waves (a
 * wave starts with a request sent after every earlier one was answered) and
 * the lower bound waves x LATENCY_MS; from /proc every 100 ms, the RSS of the
 * n8n server's process group (its main process and task runners; the server
 * is started afresh after the first run); from n8n's
 * database, the execution's own wall, the size of its execution_data row and,
 * per node, its time, items and output size, with the RSS while it ran.
 * The run's status is polled from the executions list (no run data), so the
 * bench itself never makes the server load a stored run.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startPairedSandboxes, type PairedSandboxes } from '../sandbox/paired';
import { trafficRecorder, type Exchange } from '../sandbox/server';
import { SETTING } from '../workflows/source/settings';
import { ALERT_FILE } from '../workflows/source/report-nodes';
import { sandboxCredentials } from '../harness/daily-sync/credentials';
import { TEST_SETTINGS } from '../harness/daily-sync/environment';
import { callWebhook, publishWorkflow } from '../harness/daily-sync/webhooks';
import {
	readDailySyncWorkflow,
	readWorkflowFile,
	withProductionTrigger,
	withSettings,
} from '../harness/daily-sync/workflow-file';
import { ensureRealN8n } from '../harness/real-n8n/install';
import {
	createN8nHome,
	importCredentials,
	importWorkflow,
	installPackage,
	packPackage,
	type N8nHome,
} from '../harness/real-n8n/real-n8n';
import { startN8nServer, type N8nServer } from '../harness/real-n8n/server';
import { scaleNamed, type Scale } from './scale';

export const LATENCY_MS = 25;
/** A run past this is reported as not finished. */
const RUN_CAP_S = Number(process.env.BENCH_SYNC_CAP_S ?? 600);

const PRODUCTION_PATH = 'bench/daily-sync';

/** BENCH_CPU_PROF_DIR: where the server of the steady runs writes V8 CPU profiles (written when it stops). */
const profileOfNextRun = (): NodeJS.ProcessEnv => {
	const dir = process.env.BENCH_CPU_PROF_DIR;
	return dir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(dir)}` } : {};
};
const POLL_MS = 200;
const REST_ATTEMPTS = 20;
const RSS_SAMPLE_MS = 100;

/** One node's share of a run, from n8n's stored run data. */
export interface NodeFigures {
	name: string;
	/** n8n's executionTime, summed over the node's runs. */
	ms: number;
	/** Output items, over all outputs and runs. */
	items: number;
	/** JSON size of the node's output (what n8n stores for it, before its flatted encoding). */
	outputBytes: number;
	/** Peak RSS of the n8n server's processes while the node ran. */
	peakRssMb: number | null;
}

export interface SyncRunFigures {
	/** first: Halo catches up with the seed; next: a steady day on a server started afresh; again: the day after, same server. */
	run: 'first' | 'next' | 'again';
	ok: boolean;
	error?: string;
	didNotFinishInS?: number;
	/** The execution's own start to stop (n8n's database); from the trigger call to the stored end took processMs. */
	wallMs: number | null;
	processMs: number;
	requests: Record<string, number>;
	requestCount: number;
	bytesIn: number;
	bytesOut: number;
	waves: number;
	lowerBoundMs: number;
	achievedOverLowerBound: number | null;
	/** Peak RSS of the server's process group during the run, and before it (idle, after the previous run). */
	peakRssMb: number;
	idleRssMb: number;
	/** Peak RSS of n8n's main process alone. */
	peakMainRssMb: number;
	executionDataBytes: number | null;
	/** Sum of the nodes' executionTime: the rest of the wall is n8n between nodes and waiting on nothing. */
	nodesMs: number | null;
	/** The nodes by time spent, largest first. */
	nodes: NodeFigures[];
	loadAverage: number[];
}

export interface SyncScaleFigures {
	scale: string;
	customers: number;
	subscriptions: number;
	haloLicences: number;
	haloClients: number;
	runs: SyncRunFigures[];
}

/** Groups of requests in flight together: a new wave starts after every earlier request was answered. */
export function sequentialWaves(exchanges: readonly Pick<Exchange, 'startMs' | 'endMs'>[]): number {
	let waves = 0;
	let answeredBy = -Infinity;
	for (const { startMs, endMs } of [...exchanges].sort((a, b) => a.startMs - b.startMs)) {
		if (startMs >= answeredBy) waves++;
		answeredBy = Math.max(answeredBy, endMs);
	}
	return waves;
}

function kindOf(exchange: Exchange, sandboxes: PairedSandboxes): string {
	const pathname = exchange.path.split('?')[0];
	if (exchange.server === sandboxes.westcoast.url)
		return `Westcoast ${pathname.split('/').filter(Boolean).pop()}`;
	return `Halo ${exchange.method} ${pathname.replace(/^(\/api\/[^/]+)\/[^/]+$/, '$1/{id}')}`;
}

interface RssSample {
	atMs: number;
	totalKb: number;
	mainKb: number;
}

/**
 * Samples VmRSS of the n8n server's process group (found by the home's
 * N8N_USER_FOLDER in a process's environment; task runners share its group)
 * every RSS_SAMPLE_MS, with wall-clock timestamps to set against node times.
 */
function watchRss(home: N8nHome): { samples: RssSample[]; stop(): void } {
	const samples: RssSample[] = [];
	const marker = `N8N_USER_FOLDER=${home.userFolder}`;
	const groups = new Set<string>();
	const sample = async () => {
		let totalKb = 0;
		let mainKb = 0;
		for (const pid of await readdir('/proc').catch(() => [])) {
			if (!/^\d+$/.test(pid)) continue;
			try {
				const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
				// Fields after the command's closing parenthesis: state ppid pgrp ...
				const pgrp = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2];
				if (!groups.has(pgrp)) {
					const environ = await readFile(`/proc/${pid}/environ`, 'latin1');
					if (!environ.split('\0').includes(marker)) continue;
					const command = await readFile(`/proc/${pid}/cmdline`, 'latin1');
					if (!command.split('\0').includes('start')) continue;
					groups.add(pgrp);
				}
				const status = await readFile(`/proc/${pid}/status`, 'utf8');
				const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
				totalKb += kb;
				if (pid === pgrp) mainKb = kb;
			} catch {
				// the process ended
			}
		}
		samples.push({ atMs: Date.now(), totalKb, mainKb });
	};
	let running = true;
	void (async () => {
		while (running) {
			await sample();
			await new Promise((resolve) => setTimeout(resolve, RSS_SAMPLE_MS));
		}
	})();
	return {
		samples,
		stop: () => {
			running = false;
		},
	};
}

const mb = (kb: number) => Math.round(kb / 1024);

interface StoredRun {
	status: string | null;
	startedAtMs: number | null;
	wallMs: number | null;
	dataBytes: number | null;
	/** The run's error, as n8n stored it: the node and its message. */
	failure: string | null;
	nodes: Array<{ name: string; startMs: number; ms: number; items: number; outputBytes: number }>;
}

/**
 * Reads execution `id` from n8n's SQLite database in a child process (the
 * run data is tens of MB: parsed there, not in the bench): its times, the
 * size of its execution_data row and, per node, its time, items and output size.
 */
async function storedRun(home: N8nHome, id: string): Promise<StoredRun> {
	const n8n = await ensureRealN8n();
	const database = path.join(home.userFolder, '.n8n', 'database.sqlite');
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(${JSON.stringify(database)}, { readOnly: true });
		const row = db.prepare('SELECT e.status, e.startedAt, e.stoppedAt, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.id = ?').get(${JSON.stringify(id)});
		if (!row) process.stdout.write("null"); else {
		const time = (text) => (text ? Date.parse(text.replace(' ', 'T') + 'Z') : NaN);
		// n8n stores run data "flatted": one array; string values in objects and arrays index into it.
		const table = row.data ? JSON.parse(row.data) : [];
		const revived = new Map();
		const revive = (index) => {
			if (revived.has(index)) return revived.get(index);
			const value = table[index];
			if (typeof value !== 'object' || value === null) return value;
			const copy = Array.isArray(value) ? [] : {};
			revived.set(index, copy);
			for (const [key, inner] of Object.entries(value)) copy[key] = typeof inner === 'string' ? revive(Number(inner)) : inner;
			return copy;
		};
		const resultData = table.length ? revive(0).resultData || {} : {};
		const runData = resultData.runData || {};
		const failure = resultData.error ? [resultData.error.node && resultData.error.node.name, resultData.error.message].filter(Boolean).join(': ') : null;
		const nodes = Object.entries(runData).map(([name, runs]) => {
			let ms = 0, items = 0, outputBytes = 0, startMs = Infinity;
			for (const run of runs) {
				ms += run.executionTime || 0;
				startMs = Math.min(startMs, run.startTime || Infinity);
				for (const output of (run.data && run.data.main) || []) items += (output || []).length;
				outputBytes += Buffer.byteLength(JSON.stringify(run.data || {}));
			}
			return { name, startMs, ms, items, outputBytes };
		});
		const started = time(row.startedAt);
		const wall = time(row.stoppedAt) - started;
		process.stdout.write(JSON.stringify({
			status: row.status,
			startedAtMs: Number.isFinite(started) ? started : null,
			wallMs: Number.isFinite(wall) ? wall : null,
			dataBytes: row.data ? Buffer.byteLength(row.data) : null,
			failure,
			nodes,
		}));
		}`;
	return new Promise((resolve) => {
		execFile(
			n8n.nodeBin,
			['--no-warnings', '--max-old-space-size=4096', '-e', script],
			{ maxBuffer: 16 << 20 },
			(error, stdout) => {
				const none: StoredRun = {
					status: null,
					startedAtMs: null,
					wallMs: null,
					dataBytes: null,
					failure: null,
					nodes: [],
				};
				if (error) return resolve(none);
				resolve((JSON.parse(stdout || 'null') as StoredRun | null) ?? none);
			},
		);
	});
}

/**
 * A GET that is tried again when the connection fails or n8n says its
 * database is not ready: a run blocks n8n's event loop for seconds at M, so a
 * kept-alive socket it closed meanwhile makes fetch fail ("other side
 * closed"), and its own database ping times out, though the server is fine.
 */
async function restWithRetry(server: N8nServer, restPath: string) {
	for (let attempt = 1; ; attempt++) {
		try {
			const answer = await server.rest('GET', restPath);
			// n8n answers 503 "Database is not ready!" while its own database ping is late.
			if (answer.status !== 503 || attempt >= REST_ATTEMPTS) return answer;
		} catch (error) {
			if (attempt >= REST_ATTEMPTS) throw error;
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS * attempt));
	}
}

interface ExecutionSummary {
	id: string;
	status: string;
}

/** The newest execution of the workflow, from the executions list (summaries, no run data). */
async function newestExecution(
	server: N8nServer,
	workflowId: string,
): Promise<ExecutionSummary | undefined> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await restWithRetry(server, `/executions?filter=${filter}&limit=1`);
	if (answer.status !== 200)
		throw new Error(`GET /rest/executions: HTTP ${answer.status} ${answer.body}`);
	return (JSON.parse(answer.body) as { data: { results: ExecutionSummary[] } }).data.results[0];
}

const ENDED = (status: string) => !['new', 'running', 'waiting', 'unknown'].includes(status);

/** Calls the production trigger and waits, polling the executions list, until the run it started has ended. */
async function runToEnd(
	server: N8nServer,
	workflowId: string,
	capMs: number,
): Promise<{ id: string; status: string } | { didNotFinish: true }> {
	const before = Number((await newestExecution(server, workflowId))?.id ?? 0);
	const answer = await callWebhook(server.url, PRODUCTION_PATH);
	if (answer.status !== 200)
		throw new Error(
			`the test webhook answered HTTP ${answer.status} ${JSON.stringify(answer.body)}`,
		);
	const deadline = Date.now() + capMs;
	while (Date.now() < deadline) {
		const newest = await newestExecution(server, workflowId);
		if (newest && Number(newest.id) > before && ENDED(newest.status))
			return { id: newest.id, status: newest.status };
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	return { didNotFinish: true };
}

async function measureRun(
	run: SyncRunFigures['run'],
	home: N8nHome,
	server: N8nServer,
	workflowId: string,
	sandboxes: PairedSandboxes,
	exchanges: Exchange[],
): Promise<SyncRunFigures> {
	exchanges.length = 0;
	const loadAverage = os.loadavg();
	const rss = watchRss(home);
	// One sample before the call: the server's idle RSS.
	while (rss.samples.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
	const idleRssMb = mb(rss.samples[0].totalKb);
	const started = performance.now();
	let error: string | undefined;
	let didNotFinishInS: number | undefined;
	let executionId: string | undefined;
	try {
		const ended = await runToEnd(server, workflowId, RUN_CAP_S * 1000);
		if ('didNotFinish' in ended) didNotFinishInS = RUN_CAP_S;
		else executionId = ended.id;
	} catch (thrown) {
		error = (thrown as Error).message.split('\n')[0];
		process.stderr.write(`${error}; the n8n server printed:\n${server.output().slice(-4000)}\n`);
	}
	const processMs = Math.round(performance.now() - started);
	rss.stop();
	const stored = executionId ? await storedRun(home, executionId) : undefined;
	const ok = stored?.status === 'success';
	if (!ok && !error && !didNotFinishInS)
		error = `execution ${executionId} ${stored?.status}${stored?.failure ? ` (${stored.failure})` : ''}`;
	const requests: Record<string, number> = {};
	for (const exchange of exchanges) {
		const kind = kindOf(exchange, sandboxes);
		requests[kind] = (requests[kind] ?? 0) + 1;
	}
	const waves = sequentialWaves(exchanges);
	const lowerBoundMs = waves * LATENCY_MS;
	const during = (from: number, to: number) => {
		const inside = rss.samples.filter((sample) => sample.atMs >= from && sample.atMs <= to);
		return inside.length ? mb(Math.max(...inside.map((sample) => sample.totalKb))) : null;
	};
	const nodes: NodeFigures[] = (stored?.nodes ?? [])
		.map((node) => ({
			name: node.name,
			ms: node.ms,
			items: node.items,
			outputBytes: node.outputBytes,
			peakRssMb: during(node.startMs, node.startMs + node.ms + RSS_SAMPLE_MS),
		}))
		.sort((a, b) => b.ms - a.ms);
	return {
		run,
		ok,
		...(error ? { error } : {}),
		...(didNotFinishInS ? { didNotFinishInS } : {}),
		wallMs: stored?.wallMs ?? null,
		processMs,
		requests,
		requestCount: exchanges.length,
		bytesIn: exchanges.reduce((total, exchange) => total + exchange.bytesIn, 0),
		bytesOut: exchanges.reduce((total, exchange) => total + exchange.bytesOut, 0),
		waves,
		lowerBoundMs,
		achievedOverLowerBound:
			stored?.wallMs && lowerBoundMs > 0
				? Math.round((stored.wallMs / lowerBoundMs) * 100) / 100
				: null,
		peakRssMb: mb(Math.max(...rss.samples.map((sample) => sample.totalKb))),
		idleRssMb,
		peakMainRssMb: mb(Math.max(...rss.samples.map((sample) => sample.mainKb))),
		executionDataBytes: stored?.dataBytes ?? null,
		nodesMs: stored ? nodes.reduce((total, node) => total + node.ms, 0) : null,
		nodes,
		loadAverage,
	};
}

export async function measureDailySync(scale: Scale): Promise<SyncScaleFigures> {
	await packPackage();
	const sandboxes = await startPairedSandboxes({
		seed: 1,
		customers: scale.customers,
		subscriptionsPerCustomer: scale.subscriptionsPerCustomer,
	});
	const exchanges: Exchange[] = [];
	const home = await createN8nHome();
	let server: N8nServer | undefined;
	try {
		await installPackage(home.userFolder);
		await importCredentials(home, sandboxCredentials(sandboxes));
		const shipped = readDailySyncWorkflow();
		const workflow = withProductionTrigger(
			withSettings(shipped, { ...TEST_SETTINGS, [SETTING.haloBaseUrl]: sandboxes.halo.url }),
			PRODUCTION_PATH,
		);
		// As shipped: the alert workflow is the daily sync's error workflow (n8n runs only a published one).
		const alert = readWorkflowFile(ALERT_FILE);
		await importWorkflow(home, [workflow, alert]);
		for (const published of [workflow, alert]) await publishWorkflow(home, published.id);
		server = await startN8nServer(home);
		sandboxes.westcoast.admin.setFaults({ latencyMs: LATENCY_MS });
		sandboxes.halo.admin.setFaults({ latencyMs: LATENCY_MS });
		const state = sandboxes.halo.state();
		const figures: SyncScaleFigures = {
			scale: scale.name,
			customers: sandboxes.westcoast.state().customers.length,
			subscriptions: sandboxes.westcoast.state().subscriptions.length,
			haloLicences: state.licences.length,
			haloClients: state.clients.length,
			runs: [],
		};
		const servers = new Set([sandboxes.westcoast.url, sandboxes.halo.url]);
		trafficRecorder.record = (exchange) => {
			if (servers.has(exchange.server) && !exchange.path.startsWith('/__admin'))
				exchanges.push(exchange);
		};
		for (const run of ['first', 'next', 'again'] as const) {
			// A fresh server after the catch-up: a steady day's peak RSS is not the memory V8 kept from it.
			if (run === 'next') {
				await server.stop();
				server = await startN8nServer(home, profileOfNextRun());
			}
			const figuresOfRun = await measureRun(run, home, server, shipped.id, sandboxes, exchanges);
			figures.runs.push(figuresOfRun);
			if (!figuresOfRun.ok) break;
		}
		return figures;
	} finally {
		trafficRecorder.record = undefined;
		await server?.stop();
		await Promise.all([sandboxes.close(), home.remove()]);
	}
}

/**
 * `ts-node --transpile-only bench/daily-sync.ts M`: one scale alone (the
 * whole `npm run bench` takes long), written to
 * bench/results/daily-sync-<scale>.json and .md.
 */
if (require.main === module) {
	const name = process.argv[2] ?? 'S';
	void (async () => {
		const { RESULTS_DIR, syncMarkdown } = await import('./scale-report');
		const before = os.loadavg();
		const figures = await measureDailySync(scaleNamed(name));
		const when = new Date().toISOString();
		const load = (numbers: number[]) => numbers.map((n) => n.toFixed(2)).join(' / ');
		const text = [
			`Measured ${when} on ${os.cpus().length} cores; load average before ${load(before)}, after ${load(os.loadavg())} (1 / 5 / 15 min).`,
			...syncMarkdown([figures]),
			'',
		].join('\n');
		await writeFile(
			path.join(RESULTS_DIR, `daily-sync-${name}.json`),
			`${JSON.stringify({ when, loadAverage: before, figures }, null, '\t')}\n`,
		);
		await writeFile(path.join(RESULTS_DIR, `daily-sync-${name}.md`), text);
		process.stdout.write(text);
	})();
}
