/**
 * The shipped daily sync end to end in the real n8n (`n8n execute`, the
 * cache of scripts/install-real-n8n.sh) against both sandboxes at S and M,
 * every request held LATENCY_MS: two runs per scale (the first catches Halo
 * up with the seed's differences, the second is a steady-state day). From
 * the sandboxes' own record of every exchange: requests by kind, bytes, the
 * sequential waves (a wave starts with a request sent after every earlier one
 * was answered) and the lower bound waves x LATENCY_MS; from /proc, the peak
 * RSS of n8n's processes; from n8n's database, the execution's own wall and
 * the size of its execution_data row.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { startPairedSandboxes, type PairedSandboxes } from '../sandbox/paired';
import { trafficRecorder, type Exchange } from '../sandbox/server';
import { SETTING } from '../workflows/source/settings';
import { sandboxCredentials } from '../harness/daily-sync/credentials';
import { TEST_SETTINGS } from '../harness/daily-sync/environment';
import { readDailySyncWorkflow, withSettings } from '../harness/daily-sync/workflow-file';
import { ensureRealN8n } from '../harness/real-n8n/install';
import {
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	installPackage,
	packPackage,
	ProcessTimeoutError,
	type N8nHome,
} from '../harness/real-n8n/real-n8n';
import type { Scale } from './scale';

export const LATENCY_MS = 25;
/** A run past this is reported as not finished. */
const RUN_CAP_S = Number(process.env.BENCH_SYNC_CAP_S ?? 600);

export interface SyncRunFigures {
	run: 'first' | 'next';
	ok: boolean;
	error?: string;
	didNotFinishInS?: number;
	/** The execution's own start to stop (n8n's database); the `n8n execute` process took processMs. */
	wallMs: number | null;
	processMs: number;
	requests: Record<string, number>;
	requestCount: number;
	bytesIn: number;
	bytesOut: number;
	waves: number;
	lowerBoundMs: number;
	achievedOverLowerBound: number | null;
	peakRssMb: number;
	executionDataBytes: number | null;
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

/** Sums VmRSS of the processes started with this n8n home (n8n and its task runners) every 200 ms. */
function watchRss(home: N8nHome): { stop(): number } {
	let peakKb = 0;
	const marker = `N8N_USER_FOLDER=${home.userFolder}`;
	const sample = async () => {
		let totalKb = 0;
		for (const pid of await readdir('/proc').catch(() => [])) {
			if (!/^\d+$/.test(pid)) continue;
			try {
				const environ = await readFile(`/proc/${pid}/environ`, 'latin1');
				if (!environ.split('\0').includes(marker)) continue;
				const status = await readFile(`/proc/${pid}/status`, 'utf8');
				totalKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			} catch {
				// the process ended
			}
		}
		peakKb = Math.max(peakKb, totalKb);
	};
	let running = true;
	const loop = (async () => {
		while (running) {
			await sample();
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	})();
	return {
		stop: () => {
			running = false;
			void loop;
			return Math.round(peakKb / 1024);
		},
	};
}

/** The last execution n8n stored in this home: its own wall and the size of its data. */
async function lastExecution(
	home: N8nHome,
): Promise<{ wallMs: number | null; dataBytes: number | null; status: string | null }> {
	const n8n = await ensureRealN8n();
	const database = path.join(home.userFolder, '.n8n', 'database.sqlite');
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(${JSON.stringify(database)}, { readOnly: true });
		const row = db.prepare('SELECT e.id, e.status, e.startedAt, e.stoppedAt, length(d.data) AS bytes FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id ORDER BY e.id DESC LIMIT 1').get();
		process.stdout.write(JSON.stringify(row ?? null));`;
	return new Promise((resolve) => {
		execFile(n8n.nodeBin, ['--no-warnings', '-e', script], (error, stdout) => {
			if (error) return resolve({ wallMs: null, dataBytes: null, status: null });
			const row = JSON.parse(stdout || 'null') as {
				status?: string;
				startedAt?: string;
				stoppedAt?: string;
				bytes?: number;
			} | null;
			const time = (text?: string) => (text ? Date.parse(`${text.replace(' ', 'T')}Z`) : NaN);
			const wall = row ? time(row.stoppedAt) - time(row.startedAt) : NaN;
			resolve({
				wallMs: Number.isFinite(wall) ? wall : null,
				dataBytes: typeof row?.bytes === 'number' ? row.bytes : null,
				status: row?.status ?? null,
			});
		});
	});
}

async function measureRun(
	run: SyncRunFigures['run'],
	home: N8nHome,
	workflowId: string,
	sandboxes: PairedSandboxes,
	exchanges: Exchange[],
): Promise<SyncRunFigures> {
	exchanges.length = 0;
	const rss = watchRss(home);
	const started = performance.now();
	let ok = false;
	let error: string | undefined;
	let didNotFinishInS: number | undefined;
	try {
		const result = await executeWorkflow(home, workflowId, { timeoutMs: RUN_CAP_S * 1000 });
		ok = !result.error;
		error = result.error?.message;
	} catch (thrown) {
		if (thrown instanceof ProcessTimeoutError) didNotFinishInS = RUN_CAP_S;
		else error = (thrown as Error).message.split('\n')[0];
	}
	const processMs = Math.round(performance.now() - started);
	const peakRssMb = rss.stop();
	const stored = didNotFinishInS
		? { wallMs: null, dataBytes: null, status: null }
		: await lastExecution(home);
	// A large run's printed result can be cut off at exit: n8n's database says how it ended.
	if (stored.status !== null) {
		ok = stored.status === 'success';
		if (ok) error = undefined;
	}
	const requests: Record<string, number> = {};
	for (const exchange of exchanges) {
		const kind = kindOf(exchange, sandboxes);
		requests[kind] = (requests[kind] ?? 0) + 1;
	}
	const waves = sequentialWaves(exchanges);
	const lowerBoundMs = waves * LATENCY_MS;
	return {
		run,
		ok,
		...(error ? { error } : {}),
		...(didNotFinishInS ? { didNotFinishInS } : {}),
		wallMs: stored.wallMs,
		processMs,
		requests,
		requestCount: exchanges.length,
		bytesIn: exchanges.reduce((total, exchange) => total + exchange.bytesIn, 0),
		bytesOut: exchanges.reduce((total, exchange) => total + exchange.bytesOut, 0),
		waves,
		lowerBoundMs,
		achievedOverLowerBound:
			stored.wallMs !== null && lowerBoundMs > 0
				? Math.round((stored.wallMs / lowerBoundMs) * 100) / 100
				: null,
		peakRssMb,
		executionDataBytes: stored.dataBytes,
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
	try {
		await installPackage(home.userFolder);
		await importCredentials(home, sandboxCredentials(sandboxes));
		const shipped = readDailySyncWorkflow();
		await importWorkflow(
			home,
			withSettings(shipped, { ...TEST_SETTINGS, [SETTING.haloBaseUrl]: sandboxes.halo.url }),
		);
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
		for (const run of ['first', 'next'] as const) {
			const figuresOfRun = await measureRun(run, home, shipped.id, sandboxes, exchanges);
			figures.runs.push(figuresOfRun);
			if (!figuresOfRun.ok) break;
		}
		return figures;
	} finally {
		trafficRecorder.record = undefined;
		await Promise.all([sandboxes.close(), home.remove()]);
	}
}
