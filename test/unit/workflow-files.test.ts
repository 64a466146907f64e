/** The committed workflows/*.json are what workflows/source builds (regenerate with `npm run workflows`). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WORKFLOWS_DIR, workflowText } from '../../workflows/source/write-files';
import { WORKFLOW_FILES } from '../../workflows/source/workflows';

it.each(WORKFLOW_FILES.map(({ file, build }) => [file, build] as const))(
	'workflows/%s is what workflows/source builds',
	(file, build) => {
		expect(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')).toBe(workflowText(build()));
	},
);
