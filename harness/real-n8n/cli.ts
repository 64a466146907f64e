import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { IConnections, IDataObject, INode, IWorkflowSettings } from 'n8n-workflow';

import type { N8nHome } from './home';
import { assertSucceeded, runProcess, seconds, type ProcessResult } from './process';
import { parseExecuteOutput, type ExecutionResult } from './result';

/** A credential as `n8n import:credentials` takes it: `data` in plain text, encrypted on import. */
export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: IDataObject;
}

/** Workflow JSON as the editor exports it; `id` is kept on import. */
export interface WorkflowToImport {
	id: string;
	name: string;
	active?: boolean;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
}

/** Each command boots n8n (about 2.5 s; migrations add about 3 s on a fresh home). */
const IMPORT_TIMEOUT_MS = 60_000;
export const EXECUTE_TIMEOUT_MS = 120_000;

function runN8n(
	home: N8nHome,
	args: string[],
	label: string,
	timeoutMs: number,
): Promise<ProcessResult> {
	return runProcess(home.n8n.nodeBin, [home.n8n.n8nBin, ...args], {
		label,
		timeoutMs,
		cwd: home.userFolder,
		env: home.env,
		// The commands print their result and exit at once: a pipe would lose its tail.
		stdoutFile: path.join(home.userFolder, `stdout-${randomUUID()}.log`),
	});
}

/** Writes an import file only n8n's user can read, runs the import, and deletes the file. */
async function importFile(
	home: N8nHome,
	command: string,
	fileName: string,
	content: unknown,
): Promise<ProcessResult> {
	const file = path.join(home.userFolder, fileName);
	await writeFile(file, JSON.stringify(content), { mode: 0o600 });
	try {
		const result = await runN8n(
			home,
			[command, `--input=${file}`],
			`n8n ${command}`,
			IMPORT_TIMEOUT_MS,
		);
		assertSucceeded(result, `n8n ${command}`);
		return result;
	} finally {
		await rm(file, { force: true });
	}
}

export async function importCredentials(
	home: N8nHome,
	credentials: CredentialToImport[],
): Promise<void> {
	const result = await importFile(
		home,
		'import:credentials',
		'import-credentials.json',
		credentials,
	);
	// Names and types only: the data holds secrets.
	const names = credentials.map(({ id, name, type }) => `"${name}" (${type}, id ${id})`).join(', ');
	home.log(
		`imported ${credentials.length} credential(s) in ${seconds(result.durationMs)}: ${names}`,
	);
}

/**
 * Every credential as n8n stores it now, decrypted (`n8n export:credentials
 * --decrypted`), e.g. to learn a session token n8n saved. The export file is
 * deleted before this returns.
 */
export async function exportCredentials(home: N8nHome): Promise<CredentialToImport[]> {
	const file = path.join(home.userFolder, 'export-credentials.json');
	try {
		const result = await runN8n(
			home,
			['export:credentials', '--all', '--decrypted', `--output=${file}`],
			'n8n export:credentials',
			IMPORT_TIMEOUT_MS,
		);
		assertSucceeded(result, 'n8n export:credentials');
		return JSON.parse(await readFile(file, 'utf8')) as CredentialToImport[];
	} finally {
		await rm(file, { force: true });
	}
}

export async function importWorkflow(
	home: N8nHome,
	workflows: WorkflowToImport | WorkflowToImport[],
): Promise<void> {
	const list = Array.isArray(workflows) ? workflows : [workflows];
	const result = await importFile(home, 'import:workflow', 'import-workflows.json', list);
	const names = list.map(({ id, name }) => `"${name}" (id ${id})`).join(', ');
	home.log(`imported ${list.length} workflow(s) in ${seconds(result.durationMs)}: ${names}`);
}

/**
 * Runs a stored workflow as `n8n execute` does (manual mode, no server). A
 * failed workflow is a result (exit status 1, `error` set), not an exception;
 * only a run that exceeds `timeoutMs` throws, after being killed.
 */
export async function executeWorkflow(
	home: N8nHome,
	workflowId: string,
	options: { timeoutMs?: number } = {},
): Promise<ExecutionResult> {
	home.log(`executing workflow ${workflowId} in the real n8n`);
	const output = await runN8n(
		home,
		['execute', `--id=${workflowId}`, '--rawOutput'],
		`n8n execute --id=${workflowId}`,
		options.timeoutMs ?? EXECUTE_TIMEOUT_MS,
	);
	const result = parseExecuteOutput(output);
	for (const problem of result.packageLoadErrors) home.log(problem);
	const took = seconds(result.durationMs);
	home.log(
		result.error
			? `workflow ${workflowId} failed in ${took} (exit ${result.exitCode}): ${result.error.message}`
			: `workflow ${workflowId} succeeded in ${took} (last node: ${result.lastNodeExecuted})`,
	);
	return result;
}
