/** The import workflows on a running n8n: published (so `n8n start` activates them) and called on their webhooks. */
import type { N8nHome } from '../real-n8n';
import { assertSucceeded, runProcess } from '../process';

const PUBLISH_TIMEOUT_MS = 60_000;
const WEBHOOK_TIMEOUT_MS = 120_000;

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

/** n8n answers 404 "... is not registered" until `n8n start` has activated the workflow, which can follow readiness. */
const REGISTER_TIMEOUT_MS = 60_000;
const REGISTER_POLL_MS = 250;

const isUnregistered = (answer: WebhookAnswer) =>
	answer.status === 404 && /not registered/i.test(JSON.stringify(answer.body));

async function postOnce(url: string): Promise<WebhookAnswer> {
	const response = await fetch(url, {
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

/**
 * POSTs to a production webhook and reads the JSON answer (the text when it
 * is not JSON), waiting while n8n says the webhook is not registered yet.
 */
export async function callWebhook(serverUrl: string, path: string): Promise<WebhookAnswer> {
	const url = `${serverUrl}/webhook/${path}`;
	const deadline = Date.now() + REGISTER_TIMEOUT_MS;
	let answer = await postOnce(url);
	while (isUnregistered(answer) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, REGISTER_POLL_MS));
		answer = await postOnce(url);
	}
	return answer;
}
