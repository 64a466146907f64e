import type { IDataObject, IRunData } from 'n8n-workflow';

/** The error a run stopped with, as n8n serialises it into the log (a plain object, not a class). */
export interface RunError extends IDataObject {
	message: string;
	description?: string | null;
	name?: string;
}

export interface ExecutionResult {
	/** 0 when the workflow succeeded, 1 when it failed (the result is still there). */
	exitCode: number | null;
	/** Every node's runs; empty when n8n printed no result (e.g. an unknown node type). */
	runData: IRunData;
	error: RunError | undefined;
	lastNodeExecuted: string | undefined;
	/** Why n8n could not load a community package ("Failed to load package" lines). */
	packageLoadErrors: string[];
	/** Everything n8n printed (stdout, then stderr). */
	rawLog: string;
	durationMs: number;
}

interface LogLine {
	level?: string;
	message?: unknown;
	metadata?: { error?: { message?: string } };
}

interface PrintedRun {
	data?: { resultData?: { runData?: IRunData; error?: RunError; lastNodeExecuted?: string } };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/**
 * Reads what `n8n execute --rawOutput` printed with N8N_LOG_FORMAT=json: the
 * run is the log line whose message is itself JSON with `.data.resultData`.
 */
export function parseExecuteOutput(output: {
	stdout: string;
	stderr: string;
	exitCode: number | null;
	durationMs: number;
}): ExecutionResult {
	const rawLog = output.stderr ? `${output.stdout}\n${output.stderr}` : output.stdout;
	let resultData: NonNullable<PrintedRun['data']>['resultData'];
	let lastErrorMessage: string | undefined;
	const packageLoadErrors: string[] = [];

	for (const text of rawLog.split('\n')) {
		const line = parseJson(text);
		if (!isObject(line)) continue;
		const { level, message, metadata } = line as LogLine;
		if (typeof message !== 'string') continue;
		if (message.startsWith('{')) {
			const printed = parseJson(message) as PrintedRun | undefined;
			if (isObject(printed?.data?.resultData)) resultData = printed.data.resultData;
		} else if (message.startsWith('Failed to load package')) {
			// The first line is the reason; the rest is the require stack.
			const reason = metadata?.error?.message?.split('\n')[0] ?? 'no reason given';
			packageLoadErrors.push(`${message}: ${reason}`);
		} else if (level === 'error') {
			lastErrorMessage = message.trim();
		}
	}

	// Without a result, a package that failed to load is the root cause (n8n then
	// reports "Unrecognized node type" or, racing, "No active execution found").
	const noResult: RunError | undefined = resultData
		? undefined
		: {
				message:
					packageLoadErrors[0] ??
					lastErrorMessage ??
					`n8n execute exited with status ${output.exitCode} and printed no execution result`,
			};
	return {
		exitCode: output.exitCode,
		runData: resultData?.runData ?? {},
		error: resultData?.error ?? noResult,
		lastNodeExecuted: resultData?.lastNodeExecuted,
		packageLoadErrors,
		rawLog,
		durationMs: output.durationMs,
	};
}

/** The json of the items a node's first run put on one output (output 0 by default). */
export function outputOf(
	result: ExecutionResult,
	nodeName: string,
	outputIndex = 0,
): IDataObject[] {
	const runs = result.runData[nodeName];
	if (!runs?.length) {
		const ran = Object.keys(result.runData).join(', ') || 'none';
		const error = result.error ? `; the run failed: ${result.error.message}` : '';
		throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran})${error}`);
	}
	return (runs[0].data?.main?.[outputIndex] ?? []).map((item) => item.json);
}
