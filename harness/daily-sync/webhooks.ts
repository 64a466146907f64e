/** The import workflows on a running n8n: published (so `n8n start` activates them) and called on their webhooks. */
import type { N8nHome } from '../real-n8n/real-n8n';
import { assertSucceeded, runProcess } from '../real-n8n/process';

const PUBLISH_TIMEOUT_MS = 60_000;
const WEBHOOK_TIMEOUT_MS = 120_000;
/** Activation runs after /healthz/readiness says ok; on a busy machine it can take a while. */
const ACTIVATION_TIMEOUT_MS = 3 * 60_000;
const POLL_INTERVAL_MS = 250;

/** `n8n publish:workflow`: the stored version becomes the active one at the next start. */
export async function publishWorkflow(home: N8nHome, workflowId: string): Promise<void> {
	const label = `n8n publish:workflow --id=${workflowId}`;
	const result = await runProcess(
		home.n8n.nodeBin,
		[home.n8n.n8nBin, 'publish:workflow', `--id=${workflowId}`],
		{
			label,
			timeoutMs: PUBLISH_TIMEOUT_MS,
			cwd: home.userFolder,
			env: home.env,
		},
	);
	assertSucceeded(result, label);
	home.log(`published workflow ${workflowId}`);
}

export interface WebhookAnswer {
	status: number;
	body: unknown;
}

/**
 * POSTs to a production webhook and reads the JSON answer (the text when it
 * is not JSON), once n8n says the workflow is active (its webhook is
 * registered): n8n activates published workflows after it reports ready, so
 * every caller goes through here and never gets the 404 of a call too early.
 */
export async function callWebhook(serverUrl: string, path: string): Promise<WebhookAnswer> {
	await waitForWebhook(serverUrl, path);
	const response = await fetch(`${serverUrl}/webhook/${path}`, {
		method: 'POST',
		signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
	});
	const text = await response.text();
	try {
		return { status: response.status, body: JSON.parse(text) as unknown };
	} catch {
		return { status: response.status, body: text };
	}
}

/** The methods n8n has a production webhook registered for on `path` (its CORS answer to OPTIONS). */
async function registeredMethods(serverUrl: string, path: string): Promise<string[]> {
	const response = await fetch(`${serverUrl}/webhook/${path}`, {
		method: 'OPTIONS',
		headers: { origin: serverUrl, 'access-control-request-method': 'POST' },
	}).catch(() => undefined);
	const allowed = response?.headers.get('access-control-allow-methods') ?? '';
	return allowed.split(',').map((method) => method.trim());
}

/**
 * Resolves once n8n has registered a POST webhook on `path`, i.e. the workflow
 * is active: n8n activates workflows after it reports ready, so a call right
 * after readiness can get 404.
 */
export async function waitForWebhook(serverUrl: string, path: string): Promise<void> {
	const deadline = Date.now() + ACTIVATION_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if ((await registeredMethods(serverUrl, path)).includes('POST')) return;
		await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
	}
	throw new Error(
		`n8n registered no POST webhook on /webhook/${path} within ${ACTIVATION_TIMEOUT_MS / 1000} s`,
	);
}
