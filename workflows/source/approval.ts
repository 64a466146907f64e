/**
 * Dry Run and Approval Before Big Changes in the shipped workflows.
 *
 * One gate: every Halo POST of a workflow gets an If right before it
 * ("Apply ...?", added by withWriteGates once the workflow is built) whose
 * condition is writesAllowed(): Dry Run is off, and every approval point
 * upstream of the write ran and either needed no approval or was approved.
 * An approval point that has not run counts as not approved, so a write can
 * never slip ahead of its approval. Reads and the Create Checks' lookups
 * are GETs and run as usual.
 *
 * An approval point hangs off a planner, above its write branches (n8n's
 * execution order v1 runs the topmost branch first): it sums the plan, and
 * when approval is on and the plan creates, deactivates or zeroes more than
 * "Approve Changes Over" records, holds the writes lock for the wait, makes
 * the request (with the resume URL) and waits (n8n's Wait node, resumed by a
 * POST to that URL, or on timeout). A rejection or the timeout leaves every
 * gate closed; the run then ends as usual (lock released, Sync Report saying
 * what was not written).
 */
import { DEFAULT_HOLD_MINUTES } from '../../core/run-lock';
import { ifAllTrue, setFields, stickyNote, type Field } from './base-nodes';
import {
	stableId,
	type NodeSpec,
	type Position,
	type WorkflowGraph,
	type WorkflowJson,
} from './graph';
import { LICENCE_OUTPUT, MAPPING_OUTPUT, PACKAGE, runLock } from './package-nodes';
import type { Port } from '../../core/node-io';
import { holdLockParameters, postgresQuery, type WorkflowVariant } from './queue-mode';
import { sendEmail } from './report-nodes';
import { setting, SETTING, type SettingName } from './settings';

/** The Settings fields of both features, in the order the Settings node shows them. */
export const APPROVAL_SETTINGS: SettingName[] = [
	SETTING.dryRun,
	SETTING.approval,
	SETTING.approveOver,
	SETTING.approvalTimeout,
];

export const DRY_RUN = `${setting(SETTING.dryRun)} === true`;

/** The decision a person POSTs to the resume URL: {"decision": "approve"} (anything else rejects). */
export const APPROVE_DECISION = 'approve';

export type ApprovalKind = 'Customers' | 'Licences';

/** The nodes of one approval point. */
export const approvalNodes = (kind: ApprovalKind) => ({
	plan: `Plan to Approve (${kind})`,
	needed: `Approval Needed? (${kind})`,
	holdLock: `Hold Lock for Approval (${kind})`,
	request: `Approval Request (${kind})`,
	send: `Send Approval Request (${kind})`,
	wait: `Wait for Approval (${kind})`,
	approved: `Approved? (${kind})`,
});

const GATE_PREFIX = 'Apply ';
/** The gate in front of a Halo write. */
export const gateName = (write: string) => `${GATE_PREFIX}${write.replace(/^Halo: /, '')}?`;

/** A planner output's records (one item per change). */
const records = (node: string, output: Port) =>
	`$('${node}').all(${output.index}).map((item) => item.json)`;

/** The plan's changes that need approval: count, per kind, and the customers concerned. */
function planFields(kind: ApprovalKind, planner: string): Field[] {
	if (kind === 'Customers') {
		const creates = records(planner, MAPPING_OUTPUT.create);
		return [
			{ name: 'changes', type: 'number', value: `={{ ${creates}.length }}` },
			{
				name: 'counts',
				type: 'object',
				value: `={{ ({ 'clients to create': ${creates}.length }) }}`,
			},
			{
				name: 'customers',
				type: 'array',
				value: `={{ [...new Set(${creates}.map((entry) => entry.westcoastName ?? entry.westcoastId))] }}`,
			},
		];
	}
	const summary = `$('${planner}').first(${LICENCE_OUTPUT.summary.index}).json`;
	const zeroed = `(${summary}.byReason?.deletedUpstreamZeroed ?? 0)`;
	return [
		{
			name: 'changes',
			type: 'number',
			value: `={{ ${summary}.byAction.create + ${summary}.byAction.deactivate }}`,
		},
		{
			name: 'counts',
			type: 'object',
			value: `={{ ({ 'licences to create': ${summary}.byAction.create, 'licences to deactivate': ${summary}.byAction.deactivate - ${zeroed}, 'licences to zero': ${zeroed}, 'licences to update': ${summary}.byAction.update }) }}`,
		},
		{
			name: 'customers',
			type: 'array',
			value: `={{ ${summary}.byCustomer.filter((row) => row.create + row.deactivate > 0).map((row) => row.customerName ?? row.westcoastCustomerId ?? row.psaCustomerId) }}`,
		},
	];
}

const requestText = (kind: ApprovalKind) =>
	`={{ $workflow.name }} waits for your approval (execution {{ $execution.id }}): its ${kind.slice(0, -1).toLowerCase()} plan creates, deactivates or zeroes {{ $json.changes }} records, more than "${SETTING.approveOver}" ({{ ${setting(SETTING.approveOver)} }}).
{{ Object.entries($json.counts).map(([what, count]) => '- ' + what + ': ' + count).join('\\n') }}
Customers concerned: {{ $json.customers.join(', ') || '(none)' }}.
To apply it, POST {"decision": "${APPROVE_DECISION}"} to {{ $execution.resumeUrl }} ; any other decision rejects it. Without an answer within {{ ${setting(SETTING.approvalTimeout)} }} hours nothing is written.`;

/** Keeps the writes lock for the whole wait (the lock would expire otherwise and another run could write meanwhile). */
function holdLock(variant: WorkflowVariant, name: string, position: Position): NodeSpec {
	const minutes = `Math.ceil(Number(${setting(SETTING.approvalTimeout)}) * 60) + ${DEFAULT_HOLD_MINUTES}`;
	if (variant === 'queue-mode') {
		const [query, parameters] = holdLockParameters(minutes);
		return postgresQuery(name, position, query, parameters, { alwaysOutputData: true });
	}
	const lock = runLock(name, position, 'acquire');
	return { ...lock, parameters: { ...lock.parameters, holdMinutes: `={{ ${minutes} }}` } };
}

/** True once the point's plan needed no approval or was approved. */
const pointAllows = (kind: ApprovalKind) => {
	const { needed, approved } = approvalNodes(kind);
	return `($('${needed}').isExecuted && ($('${needed}').all(1).length > 0 || ($('${approved}').isExecuted && $('${approved}').all(0).length > 0)))`;
};

/**
 * An approval point above `planner`'s write branches, its first node at
 * `position`. Fed by an output that always holds an item (the mapping table,
 * the licence Summary).
 */
export function addApproval(
	graph: WorkflowGraph,
	variant: WorkflowVariant,
	kind: ApprovalKind,
	planner: string,
	[x, y]: Position,
	/** Approval points before this one: when one of them held the plan back, nothing is left to approve here. */
	after: ApprovalKind[] = [],
): void {
	const node = approvalNodes(kind);
	const output = kind === 'Customers' ? MAPPING_OUTPUT.table : LICENCE_OUTPUT.summary;
	graph.add(setFields(node.plan, [x, y], planFields(kind, planner), { executeOnce: true }));
	graph.add(
		ifAllTrue(
			node.needed,
			[x + 220, y],
			[
				`${setting(SETTING.approval)} === true`,
				`!(${DRY_RUN})`,
				`$json.changes > Number(${setting(SETTING.approveOver)})`,
				...after.map(pointAllows),
			],
		),
	);
	graph.add(holdLock(variant, node.holdLock, [x + 440, y]));
	graph.add(
		setFields(
			node.request,
			[x + 660, y],
			[
				{ name: 'text', type: 'string', value: requestText(kind) },
				{ name: 'resumeUrl', type: 'string', value: '={{ $execution.resumeUrl }}' },
			],
		),
	);
	// Off like Send Report: a person picks a credential and switches it on (or puts Slack or Teams here).
	graph.add(
		sendEmail(node.send, [x + 770, y - 160], {
			subject: `={{ $workflow.name }}: approve ${kind.slice(0, -1).toLowerCase()} changes?`,
			format: 'text',
			body: '={{ $json.text }}',
		}),
	);
	graph.add({
		name: node.wait,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [x + 880, y],
		parameters: {
			resume: 'webhook',
			httpMethod: 'POST',
			limitWaitTime: true,
			limitType: 'afterTimeInterval',
			resumeAmount: `={{ Number(${setting(SETTING.approvalTimeout)}) }}`,
			resumeUnit: 'hours',
			options: {},
		},
		webhookId: stableId(`${graph.id}/${node.wait}`),
	});
	graph.add(
		ifAllTrue(
			node.approved,
			[x + 1100, y],
			[
				`String($json.body?.decision ?? $json.query?.decision ?? '').trim().toLowerCase() === '${APPROVE_DECISION}'`,
			],
		),
	);
	graph.connect(planner, node.plan, output);
	graph.connect(node.plan, node.needed);
	graph.connect(node.needed, node.holdLock, 0);
	graph.connect(node.holdLock, node.request);
	graph.connect(node.request, node.send);
	graph.connect(node.send, node.wait);
	graph.connect(node.wait, node.approved);
}

/** The gates' condition: no dry run, and every given approval point allows. */
export const writesAllowed = (kinds: ApprovalKind[]) =>
	[`!(${DRY_RUN})`, ...kinds.map(pointAllows)].join(' && ');

const NOT_APPROVED: Record<ApprovalKind, string> = {
	Customers: 'nothing was written to Halo',
	Licences: 'no licence was written to Halo',
};

/** What the report and the import answers say when the run wrote nothing (or no more); empty otherwise. */
export const notWrittenNotice = (kinds: ApprovalKind[]) => {
	const branches = kinds.map((kind) => {
		const { approved, wait } = approvalNodes(kind);
		return `$('${approved}').isExecuted && $('${approved}').all(1).length > 0 ? '${kind.slice(0, -1)} changes not approved (' + ($('${wait}').first().json.body === undefined ? 'no answer within ' + ${setting(SETTING.approvalTimeout)} + ' hours' : 'rejected') + '): ${NOT_APPROVED[kind]}. The totals are what was planned.'`;
	});
	return `${DRY_RUN} ? 'Dry run: nothing was written to Halo. The totals are what this run planned.' : ${[...branches, "''"].join(' : ')}`;
};

/** The fields the import workflows add to their webhook answer. */
export const noticeFields = (kinds: ApprovalKind[]): Field[] => [
	{ name: 'dryRun', type: 'boolean', value: `={{ ${DRY_RUN} }}` },
	{ name: 'notWritten', type: 'string', value: `={{ ${notWrittenNotice(kinds)} }}` },
];

export const APPROVAL_NOTE = `## Dry Run and approval
**${SETTING.dryRun}** (Settings) on: the run reads and plans everything and writes nothing to Halo (each Halo write sits behind an **Apply ...?** gate); the Sync Report and the imports' answer say so.
**${SETTING.approval}** on: a plan that creates, deactivates or zeroes more than **${SETTING.approveOver}** records waits in **Wait for Approval**. **Approval Request** holds the summary and the resume URL (switch on **Send Approval Request**, off like Send Report, to get it by mail, or put Slack or Teams in its place): POST \`{"decision": "${APPROVE_DECISION}"}\` there to apply the plan; any other decision, or no answer within **${SETTING.approvalTimeout}**, writes nothing. The writes lock is held while it waits. In the daily sync the licence plan exists only after the customer writes, so a big licence plan waits after them.`;

export function addApprovalNote(graph: WorkflowGraph, position: Position): void {
	graph.add(
		stickyNote('Note: Dry Run and Approval', position, { width: 640, height: 280 }, APPROVAL_NOTE),
	);
}

const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';

/** The Halo writes of a workflow: its HTTP Request nodes that POST. */
export const haloWrites = (workflow: WorkflowJson) =>
	workflow.nodes.filter(
		(node) => node.type === HTTP_REQUEST && String(node.parameters.method) === 'POST',
	);

/** Nodes upstream of `name` (following connections backwards). */
function ancestors(workflow: WorkflowJson, name: string): Set<string> {
	const parents = new Map<string, string[]>();
	for (const [from, { main }] of Object.entries(workflow.connections))
		for (const targets of main ?? [])
			for (const target of targets ?? [])
				parents.set(target.node, [...(parents.get(target.node) ?? []), from]);
	const seen = new Set<string>();
	const todo = [name];
	while (todo.length) {
		for (const parent of parents.get(todo.pop() as string) ?? [])
			if (!seen.has(parent)) {
				seen.add(parent);
				todo.push(parent);
			}
	}
	return seen;
}

/** The planner an approval point reads (what feeds its first node). */
const plannerOf = (workflow: WorkflowJson, kind: ApprovalKind) =>
	Object.entries(workflow.connections).find(([, { main }]) =>
		(main ?? []).some((targets) =>
			(targets ?? []).some((t) => t.node === approvalNodes(kind).plan),
		),
	)?.[0];

/** Approval points whose planner is upstream of `node`. */
export function approvalsBefore(workflow: WorkflowJson, node: string): ApprovalKind[] {
	const upstream = ancestors(workflow, node);
	return (['Customers', 'Licences'] as const).filter((kind) => {
		const planner = plannerOf(workflow, kind);
		return planner !== undefined && upstream.has(planner);
	});
}

/** The approval points a workflow has. */
const approvalsIn = (workflow: WorkflowJson) =>
	(['Customers', 'Licences'] as const).filter((kind) =>
		workflow.nodes.some((node) => node.name === approvalNodes(kind).plan),
	);

/**
 * Dry Run and approval applied to a built workflow: a gate (If
 * writesAllowed) in front of every Halo write (whatever fed the write feeds
 * its gate), Licence Sync not remembering a dry run in its guard memory, and
 * the Sync Report saying when nothing was written.
 */
export function withWriteGates(workflow: WorkflowJson): WorkflowJson {
	const notice = `={{ ${notWrittenNotice(approvalsIn(workflow))} }}`;
	const nodes = workflow.nodes.map((node) => {
		if (node.type === `${PACKAGE}.licenceSync`)
			return { ...node, parameters: { ...node.parameters, rememberRun: `={{ !(${DRY_RUN}) }}` } };
		if (node.type === `${PACKAGE}.syncReport` && node.parameters.operation === 'report')
			return { ...node, parameters: { ...node.parameters, notWritten: notice } };
		return node;
	});
	const connections = structuredClone(workflow.connections);
	for (const write of haloWrites(workflow)) {
		const gate = gateName(write.name);
		const [x, y] = write.position;
		const kinds = approvalsBefore(workflow, write.name);
		const spec = ifAllTrue(gate, [x - 100, y - 120], [writesAllowed(kinds)]);
		nodes.push({ id: stableId(`${workflow.id}/${spec.name}`), ...spec });
		for (const { main } of Object.values(connections))
			for (const targets of main ?? [])
				for (const target of targets ?? []) if (target.node === write.name) target.node = gate;
		connections[gate] = { main: [[{ node: write.name, type: 'main', index: 0 }]] };
	}
	return { ...workflow, nodes, connections };
}
