import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';

/** A progress-line sink (a test's console, a demo's stdout). */
export type Log = (line: string) => void;

export const silentLog: Log = () => undefined;

export interface ProcessResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface RunProcessOptions {
	/** What to call the process in errors, e.g. "n8n execute". */
	label: string;
	timeoutMs: number;
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Written to stdin, which is then closed (at once when there is none). */
	input?: Buffer;
	onStdoutLine?: (line: string) => void;
	onStderrLine?: (line: string) => void;
	/**
	 * Stdout goes to this file (read, then deleted, once the process ended)
	 * instead of a pipe: Node writes to a pipe asynchronously, so a program
	 * that calls process.exit() right after printing a large result (n8n's
	 * CLI commands) loses its tail when the reader is slow; file writes are
	 * synchronous. Not with onStdoutLine.
	 */
	stdoutFile?: string;
}

export class ProcessTimeoutError extends Error {}

/** Calls `onLine` for each complete line of a stream, and for the rest at the end. */
function lineSplitter(onLine: ((line: string) => void) | undefined) {
	let pending = '';
	return {
		push(chunk: string) {
			if (!onLine) return;
			pending += chunk;
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) onLine(line);
		},
		flush() {
			if (onLine && pending) onLine(pending);
			pending = '';
		},
	};
}

function tail(text: string, lines = 20): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs a program (no shell), collecting its output. The child gets its own
 * process group so that a timeout also ends what it started (n8n's task runners).
 */
export function runProcess(
	command: string,
	args: readonly string[],
	options: RunProcessOptions,
): Promise<ProcessResult> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		if (options.stdoutFile && options.onStdoutLine)
			throw new Error(`${options.label}: stdoutFile and onStdoutLine do not go together`);
		const stdoutFd = options.stdoutFile ? openSync(options.stdoutFile, 'w', 0o600) : undefined;
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['pipe', stdoutFd ?? 'pipe', 'pipe'],
			detached: true,
		});
		if (stdoutFd !== undefined) closeSync(stdoutFd);
		const fileOutput = () => {
			if (!options.stdoutFile) return '';
			const text = readFileSync(options.stdoutFile, 'utf8');
			rmSync(options.stdoutFile, { force: true });
			return text;
		};
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const stdoutLines = lineSplitter(options.onStdoutLine);
		const stderrLines = lineSplitter(options.onStderrLine);
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			stdoutLines.push(chunk);
		});
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			stderrLines.push(chunk);
		});
		const timer = setTimeout(() => {
			timedOut = true;
			killProcessGroup(child, 'SIGKILL');
		}, options.timeoutMs);
		// An early exit (e.g. a failed start) must not surface as an EPIPE on stdin.
		child.stdin?.on('error', () => undefined);
		child.stdin?.end(options.input);
		child.on('error', (error) => {
			clearTimeout(timer);
			if (options.stdoutFile) rmSync(options.stdoutFile, { force: true });
			reject(new Error(`${options.label}: could not start ${command}: ${error.message}`));
		});
		child.on('close', (exitCode, signal) => {
			clearTimeout(timer);
			stdoutLines.flush();
			stderrLines.flush();
			stdout += fileOutput();
			if (timedOut) {
				const seconds = Math.round(options.timeoutMs / 1000);
				const output = tail(`${stdout}\n${stderr}`);
				reject(
					new ProcessTimeoutError(
						`${options.label} did not finish within ${seconds} s and was killed. Last output:\n${output}`,
					),
				);
				return;
			}
			resolve({ exitCode, signal, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

/** Signals a child and everything it started (it runs in its own process group). */
function killProcessGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		if (child.pid !== undefined) process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** n8n's graceful shutdown waits for its task runners; after this it is killed. */
const STOP_GRACE_MS = 20_000;

/** A long-running child in its own process group, so that stopping it also ends its task runners. */
export interface GroupProcess {
	output(): string;
	/** Why it ended early (exit status, signal or spawn error); undefined while it runs. */
	ended(): string | undefined;
	/** SIGTERM for a graceful shutdown, then SIGKILL for the whole group. */
	stop(): Promise<void>;
	/** Signals the whole group at once (a crash: SIGKILL) and resolves when the leader has closed. */
	kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts a long-running program (a server) in its own process group. */
export function startProcessGroup(
	command: string,
	args: string[],
	options: SpawnOptions,
): GroupProcess {
	const chunks: string[] = [];
	let ended: string | undefined;
	const child = spawn(command, args, {
		...options,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
	child.on('error', (error) => (ended ??= error.message));
	child.on('exit', (code, signal) => (ended ??= signal ? `signal ${signal}` : `status ${code}`));
	const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

	const killGroup = (signal: NodeJS.Signals) => killProcessGroup(child, signal);
	return {
		output: () => chunks.join(''),
		ended: () => ended,
		stop: async () => {
			// Never started: there is nothing to stop or wait for.
			if (child.pid === undefined) return;
			killGroup('SIGTERM');
			let grace: NodeJS.Timeout | undefined;
			await Promise.race([
				closed,
				new Promise((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS))),
			]);
			// A pending timer would keep jest from exiting.
			clearTimeout(grace);
			// The runners may outlive n8n's own process.
			killGroup('SIGKILL');
			await closed;
		},
		kill: async (signal) => {
			if (child.pid === undefined) return;
			killGroup(signal);
			await closed;
		},
	};
}

/** Throws with the end of the output unless the process exited with status 0. */
export function assertSucceeded(result: ProcessResult, label: string): void {
	if (result.exitCode === 0) return;
	const status = result.signal ? `signal ${result.signal}` : `status ${result.exitCode}`;
	throw new Error(`${label} failed (${status}):\n${tail(`${result.stdout}\n${result.stderr}`)}`);
}

export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
