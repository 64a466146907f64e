/**
 * The shipped workflows' canvases as n8n 2.41.1 draws them (workflows/source/canvas.ts
 * approximates its geometry; test/real-n8n/editor.test.ts measures the real one):
 * no connection behind a node, no node over another, sticky notes above the
 * nodes, and each branch where its source put it (n8n runs the topmost first).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IConnections, INode } from 'n8n-workflow';

import { approvalNodes } from '../../../workflows/source/approval';
import { Canvas, linesBehind, overlaps, STICKY_TYPE } from '../../../workflows/source/canvas';
import { LICENCE_WRITE_NODES } from '../../../workflows/source/licence-writes';
import { QUEUE_NODE } from '../../../workflows/source/queue-mode';
import { ALERT_NODE } from '../../../workflows/source/report-nodes';
import { WORKFLOW_FILES } from '../../../workflows/source/workflows';

const WORKFLOWS_DIR = path.join(__dirname, '../../../workflows');

const shipped = WORKFLOW_FILES.map(({ file }) => {
	const json = JSON.parse(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as {
		nodes: INode[];
		connections: IConnections;
	};
	return { file, ...json, canvas: new Canvas(json.nodes, json.connections) };
});

describe.each(shipped)('$file on the canvas', ({ nodes, connections, canvas }) => {
	test('no connection runs behind a node it does not connect', () => {
		expect(linesBehind(canvas)).toEqual([]);
	});

	test('no node (with its name and labels) is drawn over another', () => {
		expect(overlaps(canvas)).toEqual([]);
	});

	test('the sticky notes sit above every node', () => {
		const flowTop = Math.min(
			...nodes.filter((node) => node.type !== STICKY_TYPE).map((node) => node.position[1]),
		);
		const low = nodes
			.filter((node) => node.type === STICKY_TYPE)
			.filter((note) => canvas.body(note.name).bottom >= flowTop)
			.map((note) => note.name);
		expect(low).toEqual([]);
	});

	test('branches that must run first are topmost (n8n runs the topmost branch first)', () => {
		const y = (name: string) => nodes.find((node) => node.name === name)?.position[1];
		const below = (first: string, then: string[]) =>
			then.filter((name) => y(name) !== undefined && y(first)! >= y(name)!);
		const sources = (name: string) =>
			Object.entries(connections)
				.filter(([, types]) => (types.main ?? []).some((ts) => ts?.some((t) => t.node === name)))
				.map(([source]) => source);
		// A node with several inputs waits for all of them, wherever it sits.
		const children = (name: string) =>
			(connections[name]?.main ?? [])
				.flatMap((targets) => (targets ?? []).map((t) => t.node))
				.filter((child) => sources(child).length === 1);
		// Licence Sync's approval point runs first (its own test, test/workflow/dry-run.test.ts),
		// then the guard memory store (queue mode), then Confirm Deleted, then the writes.
		const afterApproval = children('Licence Sync').filter(
			(name) => name !== approvalNodes('Licences').plan,
		);
		if (y(QUEUE_NODE.storeGuardMemory) !== undefined)
			expect(below(QUEUE_NODE.storeGuardMemory, afterApproval)).toEqual([
				QUEUE_NODE.storeGuardMemory,
			]);
		if (y(LICENCE_WRITE_NODES.confirmDeleted) !== undefined)
			expect(
				below(
					LICENCE_WRITE_NODES.confirmDeleted,
					afterApproval.filter((name) => name !== QUEUE_NODE.storeGuardMemory),
				),
			).toEqual([LICENCE_WRITE_NODES.confirmDeleted]);
		if (y(ALERT_NODE.unlock) !== undefined)
			expect(below(ALERT_NODE.unlock, children(ALERT_NODE.trigger))).toEqual([ALERT_NODE.unlock]);
	});
});
