/**
 * Dry Run and approval, without a server: every Halo write of every shipped
 * workflow sits behind its gate (read from the built workflow JSON), and
 * Licence Sync's Remember This Run, in n8n's engine against the sandboxes,
 * keeps a dry run out of the guard memory.
 */
import type { INode } from 'n8n-workflow';

import {
	approvalNodes,
	approvalsBefore,
	DRY_RUN,
	gateName,
	haloWrites,
	writesAllowed,
} from '../../workflows/source/approval';
import type { WorkflowJson } from '../../workflows/source/graph';
import { LICENCE_OUTPUT, MAPPING_OUTPUT, PACKAGE } from '../../workflows/source/package-nodes';
import {
	DAILY_SYNC_FILE,
	IMPORT_CUSTOMERS_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
	queueModeFile,
	WORKFLOW_FILES,
} from '../../workflows/source/workflows';
import { runWorkflow } from '../../harness/in-process/run-workflow';
import { NODES, syncWorkflow } from '../harness/sync-workflow';
import { sandboxCredential } from '../harness/westcoast';
import { usePairedSandboxes } from '../harness/paired';

jest.setTimeout(60_000);

const SYNC_FILES = [DAILY_SYNC_FILE, IMPORT_CUSTOMERS_FILE, IMPORT_SUBSCRIPTIONS_FILE].flatMap(
	(file) => [file, queueModeFile(file)],
);
const built = (file: string): WorkflowJson => {
	const entry = WORKFLOW_FILES.find((candidate) => candidate.file === file);
	if (!entry) throw new Error(`no workflow file ${file}`);
	return entry.build();
};

/** [from node, output] of every connection into `node`. */
const feeders = (workflow: WorkflowJson, node: string) =>
	Object.entries(workflow.connections).flatMap(([from, { main }]) =>
		(main ?? []).flatMap((targets, output) =>
			(targets ?? []).filter((target) => target.node === node).map(() => [from, output] as const),
		),
	);

const conditionOf = (node: INode | undefined) =>
	(
		node?.parameters.conditions as
			| { conditions: Array<{ leftValue: string }>; combinator: string }
			| undefined
	)?.conditions.map((condition) => condition.leftValue);

describe.each(SYNC_FILES)('%s', (file) => {
	const workflow = built(file);
	const byName = (name: string) => workflow.nodes.find((node) => node.name === name);

	it('has Halo writes, each fed only by its gate, an If on "no dry run and every approval upstream allows"', () => {
		const writes = haloWrites(workflow);
		expect(writes.length).toBeGreaterThan(0);
		for (const write of writes) {
			const gate = gateName(write.name);
			expect(feeders(workflow, write.name)).toEqual([[gate, 0]]);
			expect(byName(gate)?.type).toBe('n8n-nodes-base.if');
			expect(conditionOf(byName(gate))).toEqual([
				`={{ ${writesAllowed(approvalsBefore(workflow, write.name))} }}`,
			]);
			expect(conditionOf(byName(gate))?.[0]).toMatch(
				/^=\{\{ !\(\$\('Settings'\)\.first\(\)\.json\["Dry Run"\] === true\)/,
			);
		}
	});

	it('asks approval of every planner that writes: its point reads the plan and sits above the write branches', () => {
		const kinds = (['Customers', 'Licences'] as const).filter((kind) =>
			byName(approvalNodes(kind).plan),
		);
		const planners = workflow.nodes.filter(
			(node) =>
				[`${PACKAGE}.mappingResolver`, `${PACKAGE}.licenceSync`].includes(node.type) &&
				(node.type.endsWith('licenceSync') || node.parameters.createMissing !== false),
		);
		expect(kinds).toHaveLength(planners.length);
		for (const kind of kinds) {
			const { plan } = approvalNodes(kind);
			const [[planner, output]] = feeders(workflow, plan);
			expect(output).toBe(
				kind === 'Customers' ? MAPPING_OUTPUT.table.index : LICENCE_OUTPUT.summary.index,
			);
			// n8n (execution order v1) runs the topmost child first: the approval before any write
			// branch (a node with several inputs waits for all of them, wherever it sits).
			const children = (workflow.connections[planner]?.main ?? [])
				.flatMap((targets) => targets ?? [])
				.map((target) => byName(target.node) as INode)
				.filter((child) => child.name !== plan && feeders(workflow, child.name).length === 1);
			for (const child of children)
				expect(byName(plan)!.position[1]).toBeLessThan(child.position[1]);
			// Every write after this planner waits for this point.
			for (const write of haloWrites(workflow))
				if (approvalsBefore(workflow, write.name).includes(kind))
					expect(conditionOf(byName(gateName(write.name)))?.[0]).toContain(
						`$('${approvalNodes(kind).approved}')`,
					);
		}
	});

	it("keeps a dry run out of Licence Sync's guard memory and tells the Sync Report", () => {
		for (const node of workflow.nodes) {
			if (node.type === `${PACKAGE}.licenceSync`)
				expect(node.parameters.rememberRun).toBe(`={{ !(${DRY_RUN}) }}`);
			if (node.type === `${PACKAGE}.syncReport`)
				expect(String(node.parameters.notWritten)).toContain('Dry run: nothing was written');
		}
	});
});

it("the daily sync's licence writes wait for both approvals, its customer writes for the customers' one", () => {
	const workflow = built(DAILY_SYNC_FILE);
	expect(approvalsBefore(workflow, 'Halo: Create Licences')).toEqual(['Customers', 'Licences']);
	expect(approvalsBefore(workflow, 'Halo: Create Clients')).toEqual(['Customers']);
	// A customer plan held back leaves no licence plan to approve.
	const needed = workflow.nodes.find((node) => node.name === approvalNodes('Licences').needed);
	expect(JSON.stringify(needed?.parameters)).toContain(
		`$('${approvalNodes('Customers').approved}')`,
	);
});

describe("Licence Sync's Remember This Run", () => {
	const env = usePairedSandboxes();

	async function scheduledRun(licences: Record<string, unknown>, staticData: object) {
		const workflow = syncWorkflow({
			psaCustomers: await env.halo.list('Client', 'clients'),
			psaLicences: await env.halo.list('SoftwareLicence', 'licences'),
			licences: licences as never,
		});
		const result = await runWorkflow(workflow, {
			credentials: [sandboxCredential(env.sandboxes.westcoast)],
			mode: 'trigger',
			staticData: staticData as never,
		});
		expect(result.error).toBeUndefined();
		return result.output(NODES.licences, LICENCE_OUTPUT.summary.index)[0].json as {
			window?: { applied: boolean };
			guardMemory?: unknown;
		};
	}

	it('off: the plan is checked against the window, and neither static data nor the Summary remembers it', async () => {
		const staticData = {};
		const dry = await scheduledRun({ rememberRun: false }, staticData);
		expect(dry.window).toMatchObject({ applied: true });
		expect(JSON.stringify(staticData)).not.toContain('acceptedPlans');
		await scheduledRun({}, staticData);
		expect(JSON.stringify(staticData)).toContain('acceptedPlans');

		const fromExpression = { guardMemory: 'expression', guardMemoryJson: '{}' };
		expect(
			(await scheduledRun({ ...fromExpression, rememberRun: false }, {})).guardMemory,
		).toBeUndefined();
		expect((await scheduledRun(fromExpression, {})).guardMemory).toMatchObject({
			acceptedPlans: expect.any(Array),
		});
	});
});
