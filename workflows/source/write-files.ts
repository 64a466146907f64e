/**
 * Writes workflows/*.json from these sources:
 * `npx ts-node --transpile-only workflows/source/write-files.ts`.
 * A unit test (test/unit/workflow-files.test.ts) fails when a committed file differs from what this builds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { WORKFLOW_FILES } from './workflows';

export const WORKFLOWS_DIR = path.resolve(__dirname, '..');

/** The file's text as committed: tab-indented JSON and a final newline. */
export const workflowText = (workflow: unknown) => `${JSON.stringify(workflow, null, '\t')}\n`;

if (require.main === module) {
	for (const { file, build } of WORKFLOW_FILES) {
		mkdirSync(path.dirname(path.join(WORKFLOWS_DIR, file)), { recursive: true });
		writeFileSync(path.join(WORKFLOWS_DIR, file), workflowText(build()));
		process.stdout.write(`wrote workflows/${file}\n`);
	}
}
