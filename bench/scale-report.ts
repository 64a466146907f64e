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

import { SCALES, type Scale } from './scale';

/** Compare Datasets searches linearly for every item: past this it is reported as not finished. */
const COMPARE_CAP_S = Number(process.env.BENCH_COMPARE_CAP_S ?? 300);
const RESULTS_DIR = path.join(__dirname, 'results');

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
	checks: Array<{ name: string; met: boolean | null; detail: string }>;
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
		'| Scale | Customers | Subscriptions | Planner | Planner items/s | Planner peak RSS | Licence Sync in n8n | Compare Datasets in n8n |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...report.rows.map(
			(row) =>
				`| ${row.scale.name} | ${row.scale.customers.toLocaleString('en-GB')} | ${row.subscriptions.toLocaleString('en-GB')} | ${cell(row.planner)} | ${perSecond(row.planner)} | ${rss(row.planner)} | ${cell(row.engineLicenceSync)} | ${cell(row.engineCompareDatasets)} |`,
		),
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

export async function scaleReport(): Promise<ScaleReport> {
	const before = os.loadavg();
	const rows: ScaleReport['rows'] = [];
	for (const scale of SCALES) {
		const row: ScaleReport['rows'][number] = {
			scale,
			subscriptions: scale.customers * scale.subscriptionsPerCustomer,
			planner: await measure(['planner', scale.name]),
		};
		if (scale.name !== 'L') {
			row.engineLicenceSync = await measure(['engine', scale.name, 'licenceSync']);
			row.engineCompareDatasets = await measure(
				['engine', scale.name, 'compareDatasets'],
				COMPARE_CAP_S,
			);
		}
		rows.push(row);
	}
	const report: ScaleReport = {
		when: new Date().toISOString(),
		loadAverage: { before, after: os.loadavg() },
		cores: os.cpus().length,
		rows,
		checks: checks(rows),
	};
	await mkdir(RESULTS_DIR, { recursive: true });
	await writeFile(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, '\t')}\n`);
	await writeFile(path.join(RESULTS_DIR, 'latest.md'), markdown(report));
	return report;
}
