/** The committed workflows/*.json are what workflows/source builds (regenerate with `npm run workflows`). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WORKFLOWS_DIR, workflowText } from '../../workflows/source/write-files';
import { ALERT_FILE } from '../../workflows/source/report-nodes';
import { WORKFLOW_FILES } from '../../workflows/source/workflows';

it.each(WORKFLOW_FILES.map(({ file, build }) => [file, build] as const))(
	'workflows/%s is what workflows/source builds',
	(file, build) => {
		expect(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')).toBe(workflowText(build()));
	},
);

/**
 * n8n's per-item nodes (If, Filter, Set, HTTP Request, ...) evaluate their
 * parameters for every item: fed a whole list (a Westcoast Get Many, a PSA
 * List Check's records) they cost seconds at 50,000 items. Such a list goes
 * only to this package's nodes, to n8n's whole-list nodes, or to a node that
 * runs once.
 */
const WHOLE_LIST_NODES = new Set([
	'n8n-nodes-base.merge',
	'n8n-nodes-base.aggregate',
	'n8n-nodes-base.summarize',
	'n8n-nodes-base.removeDuplicates',
]);

const SYNC_FILES = WORKFLOW_FILES.filter(({ file }) => !file.includes(ALERT_FILE));

it.each(SYNC_FILES.map(({ file, build }) => [file, build] as const))(
	'workflows/%s hands no record list to a per-item node',
	(file, build) => {
		const workflow = build();
		const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
		const listNodes = workflow.nodes.filter(
			(node) =>
				(node.type.endsWith('.westcoastCloud') && node.parameters.operation === 'getAll') ||
				(node.type.endsWith('.psaListCheck') && node.parameters.operation === 'check'),
		);
		expect(listNodes.length).toBeGreaterThan(0);
		const perItem = listNodes.flatMap((list) =>
			(workflow.connections[list.name]?.main ?? [])
				.flat()
				.map((connection) => byName.get(connection!.node)!)
				.filter(
					(next) =>
						!next.type.startsWith('n8n-nodes-westcoast-cloud.') &&
						!WHOLE_LIST_NODES.has(next.type) &&
						next.executeOnce !== true,
				)
				.map((next) => `${list.name} -> ${next.name}`),
		);
		expect(perItem).toEqual([]);
	},
);
