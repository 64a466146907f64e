/**
 * `npm run bench`: the planners' speed targets from the issues, checked on
 * this machine (never in unit tests). Exits 1 when a target is missed.
 */
import { run as runLicences } from './licences.bench';
import { run as runMapping } from './mapping.bench';

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
	process.exitCode = missed ? 1 : 0;
}

void main();
