/**
 * The daily-sync workflow file in the real n8n against both sandboxes: one
 * n8n home reused across runs, and each run's Halo requests told apart.
 */
import { startPairedSandboxes, type PairedSandboxes } from '../../sandbox/paired';
import type { HaloRequestLogEntry } from '../../sandbox/halo';
import type { Dialect } from '../../sandbox/westcoast';
import { SETTING, type SettingValues } from '../../workflows/source/settings';
import {
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	installPackage,
	packPackage,
	silentLog,
	type ExecutionResult,
	type Log,
	type N8nHome,
} from '../real-n8n/real-n8n';
import { sandboxCredentials } from './credentials';
import { readDailySyncWorkflow, withSettings } from './workflow-file';

/** The Settings the real-n8n daily-sync tests run with: both halves, a top level, addresses updated. */
export const TEST_TOP_LEVEL = 2;
export const TEST_SETTINGS: SettingValues = {
	[SETTING.entities]: 'both',
	[SETTING.topLevel]: String(TEST_TOP_LEVEL),
	[SETTING.updateSiteAddress]: true,
	[SETTING.deactivateDeleted]: false,
};

export interface SyncRun {
	result: ExecutionResult;
	/** What the run asked of Halo, in order. */
	haloRequests: HaloRequestLogEntry[];
}

export interface DailySyncEnvironment {
	sandboxes: PairedSandboxes;
	home: N8nHome;
	workflowId: string;
	/** Imports the workflow again with these Settings values (on top of the sandbox URL). */
	configure(values: SettingValues): Promise<void>;
	run(): Promise<SyncRun>;
	close(): Promise<void>;
}

export interface EnvironmentOptions {
	log?: Log;
	seed?: number;
	westcoastPort?: number;
	haloPort?: number;
	/** Settings values for the first import. */
	settings?: SettingValues;
	/** The marketplace sandbox's dialect (default `spec`). */
	dialect?: Dialect;
}

export async function startDailySyncEnvironment(
	options: EnvironmentOptions = {},
): Promise<DailySyncEnvironment> {
	const log = options.log ?? silentLog;
	// Fails at once, before the n8n install, when dist/ is missing.
	await packPackage({ log });
	const sandboxes = await startPairedSandboxes({
		seed: options.seed ?? 1,
		westcoastPort: options.westcoastPort ?? 0,
		haloPort: options.haloPort ?? 0,
		dialect: options.dialect,
	});
	let home: N8nHome | undefined;
	try {
		log(`Westcoast sandbox at ${sandboxes.westcoast.url}, Halo sandbox at ${sandboxes.halo.url}`);
		home = await createN8nHome({ log });
		await installPackage(home.userFolder, { log });
		await importCredentials(home, sandboxCredentials(sandboxes));
	} catch (error) {
		await Promise.all([sandboxes.close(), home?.remove()]);
		throw error;
	}
	const n8nHome = home;
	const shipped = readDailySyncWorkflow();
	const configure = (values: SettingValues) =>
		importWorkflow(
			n8nHome,
			withSettings(shipped, { [SETTING.haloBaseUrl]: sandboxes.halo.url, ...values }),
		);
	await configure(options.settings ?? {});

	return {
		sandboxes,
		home: n8nHome,
		workflowId: shipped.id,
		configure,
		run: async () => {
			const before = sandboxes.halo.admin.requests().length;
			const result = await executeWorkflow(n8nHome, shipped.id);
			return { result, haloRequests: sandboxes.halo.admin.requests().slice(before) };
		},
		close: async () => {
			await Promise.all([sandboxes.close(), n8nHome.remove()]);
		},
	};
}
