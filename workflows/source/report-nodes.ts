/**
 * The run report at the end of each sync workflow (with its disabled send
 * branches), and the alert workflow the sync workflows name as their error
 * workflow.
 */
import { errorTrigger, ifAllTrue, stickyNote } from './base-nodes';
import { WorkflowGraph, type NodeSpec, type Position, type WorkflowJson } from './graph';
import { PACKAGE } from './package-nodes';
import { failedRunUnlock, type WorkflowVariant } from './queue-mode';

export const REPORT_NODE = {
	report: 'Sync Report',
	sendReport: 'Send Report',
	reviewChanged: 'Review List Changed?',
	sendDigest: 'Send Review Digest',
} as const;

export const ALERT_NODE = {
	trigger: 'Error Trigger',
	unlock: 'Unlock After Failure',
	alert: 'Failure Alert',
	sendAlert: 'Send Alert',
} as const;

/** The binary field the report's HTML file is in. */
export const REPORT_FIELD = 'report';

export const ALERT_WORKFLOW_ID = 'wcHaloAlert';
export const ALERT_FILE = 'westcoast-halo-alert.json';

const syncReport = (
	name: string,
	position: Position,
	parameters: NodeSpec['parameters'],
): NodeSpec => ({
	name,
	type: `${PACKAGE}.syncReport`,
	typeVersion: 1,
	position,
	parameters,
});

/** n8n's Send Email, shipped disabled and without a credential: a person switches it on. */
export const sendEmail = (
	name: string,
	position: Position,
	message: { subject: string; format: 'html' | 'text'; body: string; attachments?: string },
): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.emailSend',
	typeVersion: 2.1,
	position,
	parameters: {
		fromEmail: 'n8n@example.com',
		toEmail: 'licences@example.com',
		subject: message.subject,
		emailFormat: message.format,
		[message.format]: message.body,
		options: message.attachments ? { fileAttachments: message.attachments } : {},
	},
	disabled: true,
});

const SEND_NOTE = (what: string, node: string) => `## ${what}
**${node}** is off. To switch it on: open it, pick or create an SMTP credential, set From and To, then right-click > Activate (or press D).
For Slack or Teams instead: add n8n's Slack (*Send Message*) or Microsoft Teams (*Create Message*) node in its place, with the same expressions as text.`;

/**
 * Sync Report after `after` (every given node feeds it; only one runs), then
 * the disabled Send Report, and the review digest: sent only when the review
 * list changed since the last digest.
 */
export function addReportBranch(
	graph: WorkflowGraph,
	after: string[],
	[x, y]: Position,
	reads: { mappingNode: string; licenceNode: string },
): string {
	const report = graph.add(
		syncReport(REPORT_NODE.report, [x, y], {
			operation: 'report',
			...reads,
			binaryPropertyName: REPORT_FIELD,
		}),
	);
	for (const node of after) graph.connect(node, report);
	graph.add(
		sendEmail(REPORT_NODE.sendReport, [x + 220, y - 100], {
			subject: '={{ $json.workflow }}: run report',
			format: 'html',
			body: '=The run report of {{ $json.workflow }} ({{ $json.generatedAt }}) is attached.',
			attachments: REPORT_FIELD,
		}),
	);
	graph.connect(report, REPORT_NODE.sendReport);
	graph.add(
		ifAllTrue(REPORT_NODE.reviewChanged, [x + 220, y + 100], ['$json.reviewDigest.changed']),
	);
	graph.connect(report, REPORT_NODE.reviewChanged);
	graph.add(
		sendEmail(REPORT_NODE.sendDigest, [x + 440, y + 100], {
			subject: '={{ $json.reviewDigest.subject }}',
			format: 'text',
			body: '={{ $json.reviewDigest.text }}',
		}),
	);
	graph.connect(REPORT_NODE.reviewChanged, REPORT_NODE.sendDigest, 0);
	graph.add(
		stickyNote(
			'Note: Report',
			[x - 40, y - 420],
			{ width: 700, height: 260 },
			`${SEND_NOTE('Report', REPORT_NODE.sendReport)}
**${REPORT_NODE.sendDigest}** sends the customers to review only when that list changed since the last digest (remembered in the workflow's static data; on queue-mode workers n8n 2.41.1 keeps none, so there it goes out every run with review items).`,
		),
	);
	return report;
}

/**
 * The error workflow every sync workflow names: for a failed or refused
 * production run it gives back the writes lock the run held (at once, not
 * after the hold time) and makes one message.
 */
export function buildAlertWorkflow(variant: WorkflowVariant): WorkflowJson {
	const graph = new WorkflowGraph(
		ALERT_WORKFLOW_ID,
		variant === 'queue-mode'
			? 'Westcoast to HaloPSA: alert (queue mode)'
			: 'Westcoast to HaloPSA: alert',
	);
	graph.add(
		stickyNote(
			'Note: Alert',
			[-40, -460],
			{ width: 700, height: 320 },
			`## Alert on a failed run
The sync workflows name this workflow as their error workflow (Workflow settings > Error workflow). **Publish it** (n8n 2.41.1 runs only a published error workflow). Imported from the editor's "Import from File", it gets a new id: then choose it under Error workflow in each sync workflow's settings. When a production run (schedule or webhook) fails, or Licence Sync refuses its plan, **${ALERT_NODE.unlock}** gives back the writes lock the run held and **${ALERT_NODE.alert}** makes one message: the workflow, the node, the reason in plain words and what to do.
${SEND_NOTE('Send it', ALERT_NODE.sendAlert)}`,
		),
	);
	graph.add(errorTrigger(ALERT_NODE.trigger, [0, 0]));
	// Topmost first (execution order v1): the lock is back before the message is made.
	graph.add(failedRunUnlock(variant, ALERT_NODE.unlock, [220, -160]));
	graph.add(syncReport(ALERT_NODE.alert, [220, 80], { operation: 'alert' }));
	graph.add(
		sendEmail(ALERT_NODE.sendAlert, [440, 80], {
			subject: '={{ $json.subject }}',
			format: 'text',
			body: '={{ $json.text }}',
		}),
	);
	graph.connect(ALERT_NODE.trigger, ALERT_NODE.unlock);
	graph.connect(ALERT_NODE.trigger, ALERT_NODE.alert);
	graph.connect(ALERT_NODE.alert, ALERT_NODE.sendAlert);
	return graph.toJson();
}

/** A sync workflow that names the alert workflow as its error workflow. */
export const withAlert = (workflow: WorkflowJson): WorkflowJson => ({
	...workflow,
	settings: { ...workflow.settings, errorWorkflow: ALERT_WORKFLOW_ID },
});
