/**
 * The Sync Report node in n8n-core's engine, at the end of a mapping and
 * licence plan against the sandboxes: its one item holds the HTML report as
 * binary data, and the review digest is flagged only when the list changed.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO } from '../../core/node-io';
import { SyncReport } from '../../nodes/SyncReport/SyncReport.node';
import { PACKAGE_NAME } from '../../harness/in-process/node-types';
import { runWorkflow } from '../../harness/in-process/run-workflow';
import { NODES, syncWorkflow } from '../harness/sync-workflow';
import { sandboxCredential } from '../harness/westcoast';
import { usePairedSandboxes } from '../harness/paired';

jest.setTimeout(60_000);

const REPORT = 'Sync Report';
const LICENCE_SUMMARY_OUTPUT = 5;

const env = usePairedSandboxes();

async function reportWorkflow(parameters: IDataObject = {}) {
	const workflow = syncWorkflow({
		psaCustomers: await env.halo.list('Client', 'clients'),
		psaLicences: await env.halo.list('SoftwareLicence', 'licences'),
	});
	const report: INode = {
		id: REPORT,
		name: REPORT,
		type: `${PACKAGE_NAME}.syncReport`,
		typeVersion: 1,
		position: [800, 300],
		parameters: {
			operation: 'report',
			mappingNode: NODES.mapping,
			licenceNode: NODES.licences,
			...parameters,
		},
	};
	workflow.nodes.push(report);
	const outputs = [[], [], [], [], [], [{ node: REPORT, type: 'main' as const, index: 0 }]];
	workflow.connections[NODES.licences] = { main: outputs };
	expect(outputs[LICENCE_SUMMARY_OUTPUT]).toHaveLength(1);
	return workflow;
}

const extraNodeTypes = { [`${PACKAGE_NAME}.syncReport`]: new SyncReport() };

const visible = (html: string) =>
	html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

test('the report is one item with an HTML file naming each Westcoast customer whose licences it creates', async () => {
	const result = await runWorkflow(await reportWorkflow(), {
		credentials: [sandboxCredential(env.sandboxes.westcoast)],
		extraNodeTypes,
	});
	expect(result.error).toBeUndefined();
	const [item, ...rest] = result.output(REPORT);
	expect(rest).toEqual([]);
	const file = item.binary?.report;
	expect(file).toMatchObject({ mimeType: 'text/html', fileExtension: 'html' });
	expect(file?.fileName).toMatch(/^sync-report-.*\.html$/);
	const text = visible(Buffer.from(file?.data ?? '', 'base64').toString('utf8'));

	// The Westcoast sandbox's own data names the customers: every one the plan creates licences for is a heading.
	const creates = result
		.output(NODES.licences, LICENCE_SYNC_IO.outputs.create.index)
		.map((created) => created.json);
	expect(creates.length).toBeGreaterThan(0);
	const names = new Map(
		env.sandboxes.westcoast
			.state()
			.customers.map((customer) => [String(customer.AccountId), customer.CompanyName]),
	);
	for (const entry of creates) {
		const name = names.get(String(entry.westcoastCustomerId));
		expect(name).toBeDefined();
		expect(text).toContain(`${String(name).replace(/\s+/g, ' ')} `);
	}
	expect(text.match(/licence created/g)).toHaveLength(creates.length);
	expect(item.json.licences).toMatchObject({ created: creates.length });
	expect(text).toContain(`created ${creates.length} updated`);
	// Secrets of the Westcoast credential are nowhere in the report.
	expect(text).not.toContain(sandboxCredential(env.sandboxes.westcoast).data.password as string);
});

test('the review digest is flagged on the first production run with review items, not on the next with the same list', async () => {
	const workflow = await reportWorkflow();
	const staticData: IDataObject = {};
	const run = async () => {
		const result = await runWorkflow(workflow, {
			credentials: [sandboxCredential(env.sandboxes.westcoast)],
			extraNodeTypes,
			mode: 'trigger',
			staticData,
		});
		expect(result.error).toBeUndefined();
		return result.output(REPORT)[0].json.reviewDigest as IDataObject;
	};
	const review = (
		await runWorkflow(workflow, {
			credentials: [sandboxCredential(env.sandboxes.westcoast)],
			extraNodeTypes,
		})
	).output(NODES.mapping, MAPPING_RESOLVER_IO.outputs.review.index);
	expect(review.length).toBeGreaterThan(0);

	const first = await run();
	expect(first).toMatchObject({ changed: true, count: review.length });
	const second = await run();
	expect(second).toMatchObject({ changed: false, fingerprint: first.fingerprint });
});

test('a node name that is not in the workflow stops the report with a message naming the field', async () => {
	const result = await runWorkflow(await reportWorkflow({ licenceNode: 'Licence Sync 2' }), {
		credentials: [sandboxCredential(env.sandboxes.westcoast)],
		extraNodeTypes,
	});
	expect(result.error?.message).toBe('This workflow has no node named "Licence Sync 2"');
	expect(result.error?.description).toContain('Licence Sync Node Name');
});
