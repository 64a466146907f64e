/**
 * The whole picture at S, M and L, each measurement in a child process (its
 * own peak RSS): Licence Sync's planner, and Licence Sync beside n8n's own
 * Compare Datasets through n8n's engine on the same comparison. Writes
 * bench/results/latest.json and latest.md and answers the Markdown table.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {
	LATENCY_MS,
	measureDailySync,
	type SyncRunFigures,
	type SyncScaleFigures,
} from './daily-sync';
import { SCALES, scaleNamed, type Scale } from './scale';

/** Compare Datasets searches linearly for every item: past this it is reported as not finished. */
const COMPARE_CAP_S = Number(process.env.BENCH_COMPARE_CAP_S ?? 300);
export const RESULTS_DIR = path.join(__dirname, 'results');

interface Measurement {
	wallMs: number;
	items: number;
	peakRssMb: number;
}
type Outcome = Measurement | { didNotFinishInS: number } | { failed: string };

function measure(args: string[], capS = 600): Promise<Outcome> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[
				require.resolve('ts-node/dist/bin.js'),
				'--transpile-only',
				path.join(__dirname, 'scale.child.ts'),
				...args,
			],
			// ts-node must prefer WestcoastCloud.node.ts over the codex file WestcoastCloud.node.json.
			{
				env: { ...process.env, TS_NODE_PREFER_TS_EXTS: 'true' },
				timeout: capS * 1000,
				maxBuffer: 1 << 20,
			},
			(error, stdout, stderr) => {
				if (error && (error as { killed?: boolean }).killed) resolve({ didNotFinishInS: capS });
				else if (error) resolve({ failed: stderr.trim().split('\n')[0] ?? String(error) });
				else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measurement);
			},
		);
	});
}

const isMeasured = (outcome: Outcome): outcome is Measurement => 'wallMs' in outcome;

/**
 * The median of three measurements, each in a fresh process: for the second-long
 * figures, whose run-to-run noise (±20 % on a shared machine) would decide a ratio.
 */
async function medianOfThree(args: string[]): Promise<Outcome> {
	const outcomes: Outcome[] = [];
	for (let run = 0; run < 3; run++) outcomes.push(await measure(args));
	const measured = outcomes.filter(isMeasured).sort((a, b) => a.wallMs - b.wallMs);
	return measured.length === 3
		? measured[1]
		: (outcomes.find((outcome) => !isMeasured(outcome)) ?? outcomes[0]);
}
const cell = (outcome: Outcome | undefined) => {
	if (!outcome) return 'not run';
	if ('didNotFinishInS' in outcome) return `did not finish in ${outcome.didNotFinishInS} s`;
	if ('failed' in outcome) return `failed: ${outcome.failed}`;
	return `${outcome.wallMs.toLocaleString('en-GB')} ms`;
};
const perSecond = (outcome: Outcome | undefined) =>
	outcome && isMeasured(outcome)
		? Math.round((outcome.items / Math.max(outcome.wallMs, 1)) * 1000).toLocaleString('en-GB')
		: '';
const rss = (outcome: Outcome | undefined) =>
	outcome && isMeasured(outcome) ? `${outcome.peakRssMb} MB` : '';

export interface ScaleReport {
	when: string;
	loadAverage: { before: number[]; after: number[] };
	cores: number;
	rows: Array<{
		scale: Scale;
		subscriptions: number;
		planner: Outcome;
		engineLicenceSync?: Outcome;
		engineCompareDatasets?: Outcome;
	}>;
	/** The daily sync in the real n8n at S and M (absent with --no-sync). */
	dailySync?: Array<SyncScaleFigures | { scale: string; failed: string }>;
	checks: Array<{ name: string; met: boolean | null; detail: string }>;
}

const MB = 1024 * 1024;
/** Per run, the nodes listed in the report by time spent. */
const NODES_SHOWN = 10;
const isSync = (
	figures: SyncScaleFigures | { scale: string; failed: string } | undefined,
): figures is SyncScaleFigures => figures !== undefined && 'runs' in figures;

function syncChecks(sync: ScaleReport['dailySync']): ScaleReport['checks'] {
	const m = sync?.find((figures) => figures.scale === 'M');
	const runs = isSync(m) ? m.runs : [];
	// A day after a day: the steady run on a server that has run one before (modules loaded).
	const next = runs.find((run) => run.run === 'again' && run.ok);
	const unknown = (name: string) => ({ name, met: null, detail: 'not measured' });
	const steady = runs.filter((run) => run.run !== 'first');
	const first = runs.find((run) => run.run === 'first');
	const peak = steady.length ? Math.max(...steady.map((run) => run.peakRssMb)) : null;
	const data = steady
		.map((run) => run.executionDataBytes)
		.filter((bytes): bytes is number => bytes !== null);
	const firstRun = (figure: string) => (first ? `; the first run (catch-up): ${figure}` : '');
	return [
		next
			? {
					name: 'Daily sync at M: lower bound of the request pattern under 3 s (steady run)',
					met: next.lowerBoundMs < 3000,
					detail: `${next.waves} waves x ${LATENCY_MS} ms = ${next.lowerBoundMs} ms`,
				}
			: unknown('Daily sync at M: lower bound of the request pattern under 3 s (steady run)'),
		next && next.achievedOverLowerBound !== null
			? {
					name: 'Daily sync at M: achieved within 1.5x of the lower bound (steady run)',
					met: next.achievedOverLowerBound <= 1.5,
					detail: `${next.wallMs} ms = ${next.achievedOverLowerBound}x`,
				}
			: unknown('Daily sync at M: achieved within 1.5x of the lower bound (steady run)'),
		peak !== null
			? {
					name: 'n8n under 1 GB RSS during the M steady runs',
					met: peak < 1024,
					detail: `${peak} MB${firstRun(`${first?.peakRssMb} MB`)}`,
				}
			: unknown('n8n under 1 GB RSS during the M steady runs'),
		data.length
			? {
					name: 'Execution data stored per M steady run under 25 MB',
					met: Math.max(...data) < 25 * MB,
					detail: `${data.map((bytes) => `${(bytes / MB).toFixed(1)} MB`).join(', ')}${firstRun(
						first?.executionDataBytes
							? `${(first.executionDataBytes / MB).toFixed(1)} MB`
							: 'not stored',
					)}`,
				}
			: unknown('Execution data stored per M steady run under 25 MB'),
	];
}

const syncCell = (run: SyncRunFigures) =>
	run.didNotFinishInS
		? `did not finish in ${run.didNotFinishInS} s`
		: run.ok
			? `${run.wallMs?.toLocaleString('en-GB') ?? '?'} ms`
			: `failed: ${run.error ?? 'unknown'}`;

/** The nodes that took longest and those with the largest outputs, by time. */
function shownNodes(run: SyncRunFigures) {
	const largest = [...run.nodes].sort((a, b) => b.outputBytes - a.outputBytes);
	const shown = new Set([...run.nodes.slice(0, NODES_SHOWN), ...largest.slice(0, NODES_SHOWN / 2)]);
	return run.nodes.filter((node) => shown.has(node));
}

export function syncMarkdown(sync: NonNullable<ScaleReport['dailySync']>): string[] {
	const kinds = (run: SyncRunFigures) =>
		Object.entries(run.requests)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([kind, count]) => `${kind} ${count}`)
			.join(', ');
	return [
		'',
		`Daily sync on a running n8n server (\`n8n start\`, the workflow published, each run started by a production trigger), ${LATENCY_MS} ms latency per request on both sandboxes (first: Halo catches up with the seed; next: a steady-state day on a server started afresh after the first run; again: the day after, on the same server). RSS is the server's process group (main process and task runners), sampled every 100 ms; idle is just before the run:`,
		'',
		"| Scale | Run | Wall (execution) | Nodes' own time | Requests | Waves | Lower bound | Achieved / bound | Bytes sent / received by sandboxes | n8n peak RSS (main) | idle | Execution data | Load (1 min) |",
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...sync.flatMap((figures) =>
			isSync(figures)
				? figures.runs.map(
						(run) =>
							`| ${figures.scale} (${figures.customers.toLocaleString('en-GB')} customers, ${figures.subscriptions.toLocaleString('en-GB')} subscriptions, ${figures.haloLicences.toLocaleString('en-GB')} licences) | ${run.run} | ${syncCell(run)} | ${run.nodesMs?.toLocaleString('en-GB') ?? '?'} ms | ${run.requestCount.toLocaleString('en-GB')} | ${run.waves} | ${run.lowerBoundMs.toLocaleString('en-GB')} ms | ${run.achievedOverLowerBound ?? ''}x | ${(run.bytesOut / MB).toFixed(1)} MB / ${(run.bytesIn / MB).toFixed(1)} MB | ${run.peakRssMb} MB (${run.peakMainRssMb} MB) | ${run.idleRssMb} MB | ${run.executionDataBytes === null ? 'not stored' : `${(run.executionDataBytes / MB).toFixed(1)} MB`} | ${run.loadAverage[0].toFixed(1)} |`,
					)
				: [`| ${figures.scale} | | failed: ${figures.failed} | | | | | | | | | | |`],
		),
		'',
		'Requests by kind:',
		'',
		...sync.flatMap((figures) =>
			isSync(figures)
				? figures.runs.map((run) => `- ${figures.scale}, ${run.run} run: ${kinds(run)}`)
				: [],
		),
		...sync.flatMap((figures) =>
			isSync(figures)
				? figures.runs.flatMap((run) => [
						'',
						`Where the ${figures.scale} ${run.run} run went: the ${NODES_SHOWN} nodes that took longest and the ${NODES_SHOWN / 2} largest outputs (n8n's own executionTime; the output's JSON size before n8n's flatted encoding, which stores an object shared by two nodes once; RSS of the server while the node ran):`,
						'',
						'| Node | Time | Items out | Output JSON | RSS while it ran |',
						'| --- | ---: | ---: | ---: | ---: |',
						...shownNodes(run).map(
							(node) =>
								`| ${node.name} | ${node.ms.toLocaleString('en-GB')} ms | ${node.items.toLocaleString('en-GB')} | ${(node.outputBytes / MB).toFixed(1)} MB | ${node.peakRssMb === null ? '' : `${node.peakRssMb} MB`} |`,
						),
					])
				: [],
		),
	];
}

function checks(rows: ScaleReport['rows']): ScaleReport['checks'] {
	const by = (name: string) => rows.find((row) => row.scale.name === name);
	const [m, l] = [by('M'), by('L')];
	const ratio =
		m && l && isMeasured(m.planner) && isMeasured(l.planner)
			? l.planner.wallMs / m.planner.wallMs
			: null;
	const ls = m?.engineLicenceSync;
	const cd = m?.engineCompareDatasets;
	let speedup: string;
	let speedupMet: boolean | null = null;
	if (ls && isMeasured(ls) && cd && isMeasured(cd)) {
		const times = cd.wallMs / Math.max(ls.wallMs, 1);
		speedupMet = times >= 100;
		speedup = `${Math.round(times)}x`;
	} else if (ls && isMeasured(ls) && cd && 'didNotFinishInS' in cd) {
		const atLeast = (cd.didNotFinishInS * 1000) / Math.max(ls.wallMs, 1);
		speedupMet = atLeast >= 100 ? true : null;
		speedup = `at least ${Math.round(atLeast)}x (Compare Datasets did not finish)`;
	} else speedup = 'not measured';
	return [
		{
			name: 'Planner stays linear: L / M wall under 2.3',
			met: ratio === null ? null : ratio < 2.3,
			detail: ratio === null ? 'not measured' : ratio.toFixed(2),
		},
		{
			name: 'Licence Sync at least 100x faster than Compare Datasets at M',
			met: speedupMet,
			detail: speedup,
		},
	];
}

export function markdown(report: ScaleReport): string {
	const lines = [
		`Measured ${report.when} on ${report.cores} cores; load average before ${report.loadAverage.before.map((n) => n.toFixed(2)).join(' / ')}, after ${report.loadAverage.after.map((n) => n.toFixed(2)).join(' / ')} (1 / 5 / 15 min).`,
		'',
		'| Scale | Customers | Subscriptions | Planner | Planner items/s | Planner peak RSS | Licence Sync in n8n (median of 3) | Compare Datasets in n8n |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...report.rows.map(
			(row) =>
				`| ${row.scale.name} | ${row.scale.customers.toLocaleString('en-GB')} | ${row.subscriptions.toLocaleString('en-GB')} | ${cell(row.planner)} | ${perSecond(row.planner)} | ${rss(row.planner)} | ${cell(row.engineLicenceSync)} | ${cell(row.engineCompareDatasets)} |`,
		),
		...(report.dailySync ? syncMarkdown(report.dailySync) : []),
		'',
		'| Target | Met | Figure |',
		'| --- | --- | --- |',
		...report.checks.map(
			(check) =>
				`| ${check.name} | ${check.met === null ? 'unknown' : check.met ? 'yes' : 'no'} | ${check.detail} |`,
		),
	];
	return `${lines.join('\n')}\n`;
}

export async function scaleReport(options: { dailySync: boolean }): Promise<ScaleReport> {
	const before = os.loadavg();
	const rows: ScaleReport['rows'] = [];
	for (const scale of SCALES) {
		const row: ScaleReport['rows'][number] = {
			scale,
			subscriptions: scale.customers * scale.subscriptionsPerCustomer,
			planner: await measure(['planner', scale.name]),
		};
		if (scale.name !== 'L') {
			row.engineLicenceSync = await medianOfThree(['engine', scale.name, 'licenceSync']);
			row.engineCompareDatasets = await measure(
				['engine', scale.name, 'compareDatasets'],
				COMPARE_CAP_S,
			);
		}
		rows.push(row);
	}
	let dailySync: ScaleReport['dailySync'];
	if (options.dailySync) {
		dailySync = [];
		for (const name of ['S', 'M']) {
			dailySync.push(
				await measureDailySync(scaleNamed(name)).catch((error: Error) => ({
					scale: name,
					failed: error.message.split('\n')[0],
				})),
			);
		}
	}
	const report: ScaleReport = {
		when: new Date().toISOString(),
		loadAverage: { before, after: os.loadavg() },
		cores: os.cpus().length,
		rows,
		...(dailySync ? { dailySync } : {}),
		checks: [...checks(rows), ...syncChecks(dailySync)],
	};
	await mkdir(RESULTS_DIR, { recursive: true });
	await writeFile(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, '\t')}\n`);
	await writeFile(path.join(RESULTS_DIR, 'latest.md'), markdown(report));
	return report;
}
