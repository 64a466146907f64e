/**
 * The workflows as shipped (workflows/*.json), with their Settings values
 * changed the way a user would change them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WORKFLOWS_DIR } from '../../../workflows/source/write-files';
import { SETTINGS_NODE, type SettingValues } from '../../../workflows/source/settings';
import { DAILY_SYNC_FILE } from '../../../workflows/source/workflows';
import type { WorkflowToImport } from '../real-n8n';

export function readWorkflowFile(file: string): WorkflowToImport {
	return JSON.parse(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as WorkflowToImport;
}

export const readDailySyncWorkflow = () => readWorkflowFile(DAILY_SYNC_FILE);

interface Assignment {
	name: string;
	value: unknown;
}

/** A copy whose Settings node holds `values` (fields it lacks are an error: a typo would go unnoticed). */
export function withSettings(workflow: WorkflowToImport, values: SettingValues): WorkflowToImport {
	const copy = structuredClone(workflow);
	const settings = copy.nodes.find((node) => node.name === SETTINGS_NODE);
	const assignments = (
		settings?.parameters.assignments as { assignments?: Assignment[] } | undefined
	)?.assignments;
	if (!assignments)
		throw new Error(`"${workflow.name}" has no "${SETTINGS_NODE}" node with fields`);
	for (const [name, value] of Object.entries(values)) {
		const field = assignments.find((assignment) => assignment.name === name);
		if (!field)
			throw new Error(`The "${SETTINGS_NODE}" node of "${workflow.name}" has no field "${name}"`);
		field.value = value;
	}
	return copy;
}
