/**
 * n8n's verification scan, offline: `@n8n/scan-community-package`'s own
 * analyzePackage() on the source tree (the files `n8n-node lint` covers) and
 * on the packed tarball, as the scanner does after downloading both. What it
 * cannot do here (read npm provenance, fetch the source from GitHub) needs the
 * network; the release workflow publishes with provenance.
 * Then it checks that the tarball holds only what ships: package.json,
 * README.md, LICENSE, CHANGELOG.md, the entry index.js, and compiled dist/
 * files (no tests, sandboxes, TypeScript sources or declaration files).
 * Usage: npm run scan   (builds first; exit 1 on any finding)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(
	fs.readFileSync(path.join(root, 'node_modules/@n8n/scan-community-package/package.json'), 'utf8'),
).version;

const SHIPPED = [
	/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|index\.js)$/,
	/^dist\/(core|credentials|nodes)\/.+\.(js|js\.map|json|svg)$/,
];

/** Files in the tarball that are not meant to ship (an empty list passes). */
function unexpectedFiles(files) {
	return files.filter((file) => !SHIPPED.some((pattern) => pattern.test(file)));
}

function report(what, result) {
	console.log(`${what}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'westcoast-scan-'));
try {
	console.log(`@n8n/scan-community-package ${version} (analyzePackage, offline)`);
	const source = report('source tree', await analyzePackage(root, SOURCE_FILE_PATTERNS));

	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	)[0];
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
	const tarball = report(
		`tarball ${packed.filename} (${packed.entryCount} files)`,
		await analyzePackage(path.join(work, 'package')),
	);
	const files = packed.files.map((file) => file.path);
	const stray = unexpectedFiles(files);
	const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
	const contents = report(
		`tarball contents (${files.length} files, ${kib(packed.size)} packed, ${kib(packed.unpackedSize)} unpacked)`,
		stray.length
			? { passed: false, message: 'files that should not ship', details: stray.join('\n') }
			: { passed: true },
	);
	process.exitCode = source && tarball && contents ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
