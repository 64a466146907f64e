/** What the fault matrix and the soak share: the environment as they run it, and how runs are told. */
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import { NODE } from '../../workflows/source/workflows';
import type { WorkflowToImport } from '../../harness/real-n8n/real-n8n';
import type { OracleSettings } from './oracle';

/** `npm run test:reliability` sets it: the whole matrix and the 200-run soak; without it, a slice. */
export const FULL = process.env.RELIABILITY_FULL === '1';

export const MINUTE = 60_000;

export const SETTINGS: SettingValues = {
	[SETTING.entities]: 'both',
	[SETTING.topLevel]: '2',
	[SETTING.updateSiteAddress]: true,
	[SETTING.deactivateDeleted]: false,
};

export const ORACLE_SETTINGS: OracleSettings = {
	topLevelId: 2,
	updateSiteAddress: true,
	deactivateDeleted: false,
};

/**
 * Licence Sync's guard across runs counts the deactivations of 7 days; the
 * matrix and the soak press hundreds of daily runs into minutes, so their
 * legitimate removals would add up in one window. Here each run is limited
 * alone (Guard Window 0), as on separate days.
 */
export function eachRunItsOwnDay(workflow: WorkflowToImport): WorkflowToImport {
	const copy = structuredClone(workflow);
	const sync = copy.nodes.find((node) => node.name === NODE.licenceSync);
	if (!sync) throw new Error(`"${workflow.name}" has no "${NODE.licenceSync}" node`);
	sync.parameters.options = { ...(sync.parameters.options as object), guardWindowDays: 0 };
	return copy;
}

/**
 * The test's change to the shipped workflows, explained above. The write lock
 * is the shipped one: the imports race the daily sync through it, and a
 * failed run's lock is given back by the shipped alert workflow (finding F1).
 */
export const adjustForTests = eachRunItsOwnDay;

export function log(line: string): void {
	process.stderr.write(`[reliability] ${line}\n`);
}
