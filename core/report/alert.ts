/**
 * The alert for a failed run: one message from what n8n's Error Trigger
 * emits, naming the workflow, the node, the reason in plain words and what
 * to do. Upstream text goes through redact(), so no secret reaches it.
 */
import { redact } from '../westcoast/redact';

/** The part of an Error Trigger item the message reads (anything else is ignored). */
export interface FailedRunInput {
	workflow?: { id?: unknown; name?: unknown };
	execution?: {
		id?: unknown;
		url?: unknown;
		lastNodeExecuted?: unknown;
		mode?: unknown;
		error?: FailedRunError;
	};
	/** When the trigger itself failed (no execution was stored). */
	trigger?: { error?: FailedRunError; mode?: unknown };
}

interface FailedRunError {
	message?: unknown;
	description?: unknown;
	node?: { name?: unknown; type?: unknown };
}

export interface AlertMessage {
	subject: string;
	text: string;
	workflow: string;
	node: string;
	/** What went wrong, in plain words. */
	reason: string;
	/** What a person does about it. */
	action: string;
	/** The n8n error's own message (redacted). */
	detail: string;
	executionUrl: string | null;
}

const MAX_DETAIL = 400;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

interface Diagnosis {
	reason: string;
	action: string;
}

/** What the error means, by the failing node's type and the error's words, first match wins. */
const DIAGNOSES: Array<{
	matches: (type: string, message: string) => boolean;
	diagnosis: Diagnosis;
}> = [
	{
		matches: (type, message) =>
			type.endsWith('.licenceSync') &&
			/refus|nothing was planned|would deactivate or zero/i.test(message),
		diagnosis: {
			reason:
				'Licence Sync refused the plan because it looked like a bad read (too many licences would be deactivated or zeroed, an empty subscription list, or a failed read upstream). Nothing was written to Halo licences.',
			action:
				'Check that Westcoast and Halo answered completely (see the execution). If the clean-up is real, raise "Max Deactivations (%)" on Licence Sync to the value the error names for one run, then set it back.',
		},
	},
	{
		matches: (type) => type.endsWith('.psaListCheck'),
		diagnosis: {
			reason:
				'A Halo list read could not be proven complete, so the run stopped before writing anything that depends on it.',
			action: 'Check that Halo is reachable and answers normally, then run the workflow again.',
		},
	},
	{
		matches: (type) => type.endsWith('.runLock'),
		diagnosis: {
			reason:
				'Another run held the Halo write lock for too long, so this run read and wrote nothing.',
			action: 'Wait for the other run to end (see the executions list), then run this one again.',
		},
	},
	{
		matches: (_type, message) =>
			/\b(401|403)\b|unauthori[sz]ed|forbidden|credentials?|invalid_client|login/i.test(message),
		diagnosis: {
			reason:
				'A service refused the login: the credential is wrong, expired or lacks a permission.',
			action:
				'Open the credential named in the node, test it, and fix the login (Westcoast: Reseller Admin role, 2FA off; Halo: client ID and secret of the API application).',
		},
	},
	{
		matches: (_type, message) =>
			/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|timed? ?out|socket hang up|\b50[0-9]\b|service unavailable|bad gateway|connect/i.test(
				message,
			),
		diagnosis: {
			reason: 'A service could not be reached or answered with a server error.',
			action:
				'Check that the service is up and its URL in the credential or Settings is right, then run the workflow again. Nothing is lost: every run reads everything again.',
		},
	},
	{
		matches: (type) => type === 'n8n-nodes-base.stopAndError',
		diagnosis: {
			reason: 'The Settings of the workflow are not valid.',
			action: 'Open the Settings node, fix the value the error names, and run again.',
		},
	},
];

const FALLBACK: Diagnosis = {
	reason: 'A node stopped the run with an error.',
	action:
		'Open the execution, read the error on the node named above, fix its cause and run again. The run reads everything first, so a stop before the writes leaves Halo untouched.',
};

export function alertMessage(input: FailedRunInput): AlertMessage {
	const error = input.execution?.error ?? input.trigger?.error ?? {};
	const workflow =
		text(input.workflow?.name) || `workflow ${text(input.workflow?.id) || '(unknown)'}`;
	const node =
		text(error.node?.name) || text(input.execution?.lastNodeExecuted) || '(unknown node)';
	const detail = redact(
		[text(error.message), text(error.description)].filter(Boolean).join(' '),
		[],
		MAX_DETAIL,
	);
	const type = text(error.node?.type);
	const { reason, action } =
		DIAGNOSES.find((candidate) => candidate.matches(type, detail))?.diagnosis ?? FALLBACK;
	const executionUrl = text(input.execution?.url) || null;
	return {
		subject: `${workflow} failed at "${node}"`,
		text: [
			`The workflow "${workflow}" failed at the node "${node}".`,
			`What happened: ${reason}`,
			`What to do: ${action}`,
			detail ? `The error: ${detail}` : '',
			executionUrl ? `The execution: ${executionUrl}` : '',
		]
			.filter(Boolean)
			.join('\n'),
		workflow,
		node,
		reason,
		action,
		detail,
		executionUrl,
	};
}
