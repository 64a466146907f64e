import { seconds, type GroupProcess } from '../../../harness/real-n8n/process';

const POLL_INTERVAL_MS = 250;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(text: string, lines = 30): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Polls `condition` until it holds; fails at once when `process` (what should
 * make it hold) has ended, and after `timeoutMs`, naming `what` and the process's last output.
 */
export async function waitFor(
	what: string,
	condition: () => boolean | Promise<boolean>,
	options: { timeoutMs: number; process?: GroupProcess },
): Promise<void> {
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		const ended = options.process?.ended();
		if (ended)
			throw new Error(
				`${what}: the process ended (${ended}):\n${tail(options.process?.output() ?? '')}`,
			);
		if (await condition()) return;
		if (Date.now() > deadline)
			throw new Error(
				`${what}: not so within ${seconds(options.timeoutMs)}${options.process ? `:\n${tail(options.process.output())}` : ''}`,
			);
		await delay(POLL_INTERVAL_MS);
	}
}
