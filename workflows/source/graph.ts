/**
 * A small builder for n8n workflow JSON: nodes with stable ids, and
 * connections by node name, output and input index.
 */
import { createHash } from 'node:crypto';

import type { IConnections, INode, IWorkflowSettings } from 'n8n-workflow';

import { NODE_IO, type Port } from '../../core/node-io';
import { layOut } from './layout';

/** What `n8n import:workflow` and the editor's import take. */
export interface WorkflowJson {
	id: string;
	name: string;
	active: false;
	nodes: INode[];
	connections: IConnections;
	settings: IWorkflowSettings;
	tags: [];
}

export type Position = [number, number];

/**
 * What n8n stores of the shipped workflows' runs, chosen (README "Execution
 * data"): every failed run whole (what a person reads to see why), every
 * successful one too (what was written, for the audit trail; the data is
 * lean), manual runs as well, and no progress saving after each node (at M
 * that rewrites the run data some 30 times; a run cut short is finished by
 * the next, which plans from Halo as it is).
 */
export const EXECUTION_SAVING = {
	saveDataErrorExecution: 'all',
	saveDataSuccessExecution: 'all',
	saveManualExecutions: true,
	saveExecutionProgress: false,
} as const;

/** A node as stored, without its id (derived from the workflow id and node name). */
export type NodeSpec = Omit<INode, 'id'>;

/** A UUID-shaped id derived from a text, so that regenerating a file keeps its ids. */
export function stableId(text: string): string {
	const hex = createHash('sha256').update(text).digest('hex');
	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		hex.slice(12, 16),
		hex.slice(16, 20),
		hex.slice(20, 32),
	].join('-');
}

export class WorkflowGraph {
	private readonly nodes: INode[] = [];
	private readonly connections: IConnections = {};

	constructor(
		readonly id: string,
		readonly name: string,
	) {}

	add(spec: NodeSpec): string {
		if (this.nodes.some((node) => node.name === spec.name))
			throw new Error(`Workflow "${this.name}" has two nodes named "${spec.name}"`);
		this.nodes.push({ id: stableId(`${this.id}/${spec.name}`), ...spec });
		return spec.name;
	}

	/**
	 * Connects output `output` of `from` to input `input` of `to`. A node with
	 * an I/O table (core/node-io.ts) is connected by its port, never by number.
	 */
	connect(from: string, to: string, output: Port | number = 0, input: Port | number = 0): void {
		const outputIndex = this.portIndex(from, 'output', output);
		const inputIndex = this.portIndex(to, 'input', input);
		const outputs = (this.connections[from] ??= { main: [] }).main;
		while (outputs.length <= outputIndex) outputs.push([]);
		(outputs[outputIndex] ??= []).push({ node: to, type: 'main', index: inputIndex });
	}

	private portIndex(name: string, side: Port['side'], port: Port | number): number {
		const node = this.nodes.find((candidate) => candidate.name === name);
		if (!node) throw new Error(`Workflow "${this.name}" has no node "${name}" to connect`);
		const typeName = node.type.slice(node.type.lastIndexOf('.') + 1);
		const io = NODE_IO[typeName];
		if (typeof port === 'number') {
			if (io)
				throw new Error(`Connect "${name}" by the ${side} port of its I/O table, not ${port}`);
			return port;
		}
		if (!io || port.node !== typeName || port.side !== side)
			throw new Error(`"${name}" (${node.type}) has no ${side} "${port.key}" of ${port.node}`);
		return port.index;
	}

	/**
	 * The workflow file. `complete` adds what is derived from the whole graph
	 * (the write gates) before the layout, so that every node is placed by it.
	 */
	toJson(
		complete: (workflow: WorkflowJson) => WorkflowJson = (workflow) => workflow,
	): WorkflowJson {
		const workflow = complete({
			id: this.id,
			name: this.name,
			active: false,
			nodes: this.nodes,
			connections: this.connections,
			// v1: a node with several inputs waits for all of them, or runs with what it has once nothing else can run.
			settings: { executionOrder: 'v1', ...EXECUTION_SAVING },
			tags: [],
		});
		// The positions given are hints: the layout computes them from the connections.
		return { ...workflow, nodes: layOut(workflow.nodes, workflow.connections) };
	}
}
