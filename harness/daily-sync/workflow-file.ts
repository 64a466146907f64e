/**
 * The workflows as shipped (workflows/*.json), with their Settings values
 * changed the way a user would change them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { WORKFLOWS_DIR } from '../../workflows/source/write-files';
import { SETTINGS_NODE, type SettingValues } from '../../workflows/source/settings';
import { stableId } from '../../workflows/source/graph';
import { DAILY_SYNC_FILE, NODE } from '../../workflows/source/workflows';
import type { WorkflowToImport } from '../real-n8n/real-n8n';

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

/**
 * The daily sync with a test Webhook trigger (at `path`) beside its Schedule,
 * and the Schedule disabled: n8n 2.41.1 has no call that fires a Schedule
 * Trigger on demand, and a run started in the editor is "manual", for which
 * n8n keeps no workflow static data (so Licence Sync's guard across runs is
 * off). A webhook run is a production run like a scheduled one (the same
 * WorkflowRunner path in n8n): n8n saves the static data after it.
 */
export function withProductionTrigger(workflow: WorkflowToImport, path: string): WorkflowToImport {
	const copy = structuredClone(workflow);
	const schedule = copy.nodes.find((node) => node.name === NODE.schedule);
	if (!schedule) throw new Error(`"${workflow.name}" has no "${NODE.schedule}" node`);
	schedule.disabled = true;
	const name = 'Test Webhook';
	copy.nodes.push({
		id: stableId(`${workflow.id}/${name}`),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 400],
		webhookId: stableId(`${workflow.id}/${name}/${path}`),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived' },
	});
	copy.connections[name] = structuredClone(copy.connections[NODE.schedule]);
	return copy;
}
