/**
 * `npm run bench`: the planners' speed targets from the issues, checked on
 * this machine (never in unit tests), then the scale report (S, M, L, and
 * n8n's Compare Datasets beside Licence Sync) written under bench/results/.
 * Exits 1 when a target is missed. `npm run bench -- --quick` skips the scale
 * report; `-- --no-sync` skips its daily sync in the real n8n.
 */
import { run as runLicences } from './licences.bench';
import { run as runMapping } from './mapping.bench';
import { markdown, scaleReport } from './scale-report';

const TARGETS: Array<{
	prefix: string;
	maxMs: number;
	run: () => Promise<Array<{ name: string; ms: number }>>;
}> = [
	{ prefix: 'mapping', maxMs: 1000, run: runMapping },
	{ prefix: 'licences', maxMs: 2000, run: runLicences },
];

async function main() {
	let missed = 0;
	for (const target of TARGETS) {
		for (const result of await target.run()) {
			const heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
			const verdict = result.ms <= target.maxMs ? 'ok' : 'MISSED';
			if (verdict === 'MISSED') missed++;
			process.stdout.write(
				`  ${verdict}: ${result.name} ${result.ms} ms (target < ${target.maxMs} ms; heap ${heapMb} MB)\n`,
			);
		}
	}
	if (!process.argv.includes('--quick')) {
		const report = await scaleReport({ dailySync: !process.argv.includes('--no-sync') });
		process.stdout.write(`\n${markdown(report)}`);
		missed += report.checks.filter((check) => check.met === false).length;
	}
	process.exitCode = missed ? 1 : 0;
}

void main();
