/**
 * Runs the real n8n (pinned, on Node 24, cached outside the repo) headless
 * against this package: install n8n, make a home, install the packed package,
 * import credentials and workflows, execute, read each node's output.
 * Free of jest so a demo script can use it too.
 */
export {
	ensureRealN8n,
	installPackage,
	packPackage,
	N8N_VERSION,
	REPO_ROOT,
	type RealN8n,
} from './install';
export { createN8nHome, findFreePort, TEST_ENCRYPTION_KEY, type N8nHome } from './home';
export {
	executeWorkflow,
	exportCredentials,
	importCredentials,
	importWorkflow,
	EXECUTE_TIMEOUT_MS,
	type CredentialToImport,
	type WorkflowToImport,
} from './cli';
export { outputOf, parseExecuteOutput, type ExecutionResult, type RunError } from './result';
export { ProcessTimeoutError, silentLog, type Log } from './process';
