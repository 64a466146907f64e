/** What the fault matrix and the soak share: the environment as they run it, and how runs are told. */
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import { NODE } from '../../workflows/source/workflows';
import type { WorkflowToImport } from '../real-n8n/real-n8n';
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
 * A change these tests make to the shipped workflow: each run takes
 * its own write lock. The shipped lock lives in the n8n process and is
 * released only by the run's last node, so a run that fails holds it for
 * "Hold Up To" (15 min) and the next run waits that long (finding F1 in
 * test/reliability/stale-lock.test.ts). Runs here never overlap, so the lock protects
 * nothing in them; racing is the race tests' subject.
 */
export function ownLockPerRun(workflow: WorkflowToImport): WorkflowToImport {
	const copy = structuredClone(workflow);
	const lock = copy.nodes.find((node) => node.name === NODE.lock);
	if (lock) lock.parameters.lockName = `={{ 'westcoast-halo-writes-' + $execution.id }}`;
	const unlocks = copy.nodes.filter(
		(node) => node.type === lock?.type && node.parameters.operation === 'release',
	);
	for (const unlock of unlocks)
		unlock.parameters.lockName = `={{ 'westcoast-halo-writes-' + $execution.id }}`;
	return copy;
}

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

/** The test's changes to the shipped workflow, both explained above. */
export const adjustForTests = (workflow: WorkflowToImport) =>
	eachRunItsOwnDay(ownLockPerRun(workflow));

export function log(line: string): void {
	process.stderr.write(`[reliability] ${line}\n`);
}
