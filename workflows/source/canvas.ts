/**
 * How n8n 2.41.1's editor draws a workflow (measured in its canvas with
 * test/real-n8n/editor.test.ts): node bodies, handles, connection paths, and
 * the connections that run behind a node they do not connect. Pure: the
 * layout (layout.ts) and the unit tier's canvas check use it, the browser
 * test stays the judge.
 */
import type { IConnections, INode } from 'n8n-workflow';

import { PACKAGE } from './package-nodes';

export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export type Point = [number, number];

/** A connection by node name, output and input index. */
export interface Edge {
	from: string;
	output: number;
	to: string;
	input: number;
}

export const STICKY_TYPE = 'n8n-nodes-base.stickyNote';

/** A node's body is 96 px wide; 96 px high up to two handles a side, 32 px more for each more. */
export const NODE_WIDTH = 96;
const PORT_PITCH = 32;
/** Handles sit 8 px outside the body. */
const HANDLE_OFFSET = 8;

/** Inputs and outputs of the node types with more than one of either (n8n counts declared ports, used or not). */
const PORTS: Record<string, { inputs: number; outputs: number }> = {
	[`${PACKAGE}.mappingResolver`]: { inputs: 2, outputs: 5 },
	[`${PACKAGE}.licenceSync`]: { inputs: 3, outputs: 6 },
	[`${PACKAGE}.psaCreateCheck`]: { inputs: 2, outputs: 3 },
	'n8n-nodes-base.if': { inputs: 1, outputs: 2 },
};

export function portsOf(node: INode, edges: Edge[]): { inputs: number; outputs: number } {
	const used = (pick: (edge: Edge) => number | undefined) =>
		Math.max(0, ...edges.map((edge) => (pick(edge) ?? -1) + 1));
	const declared =
		PORTS[node.type] ??
		(node.type === 'n8n-nodes-base.merge'
			? { inputs: Number(node.parameters.numberInputs ?? 2), outputs: 1 }
			: { inputs: 1, outputs: 1 });
	return {
		inputs: Math.max(
			declared.inputs,
			used((e) => (e.to === node.name ? e.input : undefined)),
		),
		outputs: Math.max(
			declared.outputs,
			used((e) => (e.from === node.name ? e.output : undefined)),
		),
	};
}

export const nodeHeight = (ports: { inputs: number; outputs: number }) =>
	Math.max(96, PORT_PITCH * (Math.max(ports.inputs, ports.outputs) + 1));

/**
 * Room the editor draws beside a body: input labels left, output labels
 * right (the name under the body is up to 192 px wide: 48 px each side).
 * Measured widths of this package's labels, with a margin.
 */
const LABEL_ROOM: Record<string, { left: number; right: number }> = {
	[`${PACKAGE}.mappingResolver`]: { left: 170, right: 90 },
	[`${PACKAGE}.licenceSync`]: { left: 190, right: 100 },
	[`${PACKAGE}.psaCreateCheck`]: { left: 140, right: 76 },
	'n8n-nodes-base.merge': { left: 76, right: 48 },
};
export const labelRoom = (type: string) => LABEL_ROOM[type] ?? { left: 48, right: 48 };
/** The name and subtitle under a body. */
export const NAME_HEIGHT = 72;

/** The geometry of a laid-out workflow. */
export class Canvas {
	readonly nodes: INode[];
	readonly edges: Edge[];
	private readonly byName: Map<string, INode>;
	private readonly ports = new Map<string, { inputs: number; outputs: number }>();

	constructor(nodes: INode[], connections: IConnections) {
		this.nodes = nodes;
		this.edges = edgesOf(connections);
		this.byName = new Map(nodes.map((node) => [node.name, node]));
		for (const node of nodes) this.ports.set(node.name, portsOf(node, this.edges));
	}

	node(name: string): INode {
		const node = this.byName.get(name);
		if (!node) throw new Error(`No node "${name}" on the canvas`);
		return node;
	}

	height(name: string): number {
		const node = this.node(name);
		if (node.type === STICKY_TYPE) return Number(node.parameters.height);
		return nodeHeight(this.ports.get(name)!);
	}

	body(name: string, position = this.node(name).position): Box {
		const node = this.node(name);
		const width = node.type === STICKY_TYPE ? Number(node.parameters.width) : NODE_WIDTH;
		const [x, y] = position;
		return { left: x, top: y, right: x + width, bottom: y + this.height(name) };
	}

	/** Where a connection leaves output `index` (right side) or enters input `index` (left side). */
	handle(name: string, side: 'input' | 'output', index: number, position?: Point): Point {
		const box = this.body(name, position);
		const ports = this.ports.get(name)!;
		const count = side === 'input' ? ports.inputs : ports.outputs;
		const y = box.top + ((box.bottom - box.top) * (index + 1)) / (count + 1);
		return side === 'input' ? [box.left - HANDLE_OFFSET, y] : [box.right + HANDLE_OFFSET, y];
	}

	path(edge: Edge, positions?: Map<string, Point>): Point[] {
		return edgePath(
			this.handle(edge.from, 'output', edge.output, positions?.get(edge.from)),
			this.handle(edge.to, 'input', edge.input, positions?.get(edge.to)),
		);
	}
}

export function edgesOf(connections: IConnections): Edge[] {
	return Object.entries(connections).flatMap(([from, types]) =>
		(types.main ?? []).flatMap((targets, output) =>
			(targets ?? []).map((target) => ({ from, output, to: target.node, input: target.index })),
		),
	);
}

const BACKWARD_DROP = 130;
const BACKWARD_STUB = 40;

/**
 * n8n's path: a Bezier curve whose two control points sit halfway across
 * (Vue Flow's, from a right handle to a left one); a connection to a node
 * left of its source goes round below the source (a step path 130 px down).
 */
export function edgePath([sx, sy]: Point, [tx, ty]: Point): Point[] {
	if (sx - 20 > tx) {
		const low = sy + BACKWARD_DROP;
		return polyline([
			[sx, sy],
			[sx + BACKWARD_STUB, sy],
			[sx + BACKWARD_STUB, low],
			[tx - BACKWARD_STUB, low],
			[tx - BACKWARD_STUB, ty],
			[tx, ty],
		]);
	}
	const mid = (sx + tx) / 2;
	const steps = Math.max(8, Math.ceil(Math.hypot(tx - sx, ty - sy) / 8));
	const points: Point[] = [];
	for (let step = 0; step <= steps; step++) {
		const t = step / steps;
		const a = (1 - t) ** 3;
		const b = 3 * (1 - t) ** 2 * t;
		const c = 3 * (1 - t) * t ** 2;
		const d = t ** 3;
		points.push([a * sx + (b + c) * mid + d * tx, a * sy + b * sy + c * ty + d * ty]);
	}
	return points;
}

function polyline(corners: Point[]): Point[] {
	const points: Point[] = [corners[0]];
	for (let i = 1; i < corners.length; i++) {
		const [x0, y0] = corners[i - 1];
		const [x1, y1] = corners[i];
		const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 8));
		for (let step = 1; step <= steps; step++)
			points.push([x0 + ((x1 - x0) * step) / steps, y0 + ((y1 - y0) * step) / steps]);
	}
	return points;
}

export const inside = ([x, y]: Point, box: Box) =>
	x > box.left && x < box.right && y > box.top && y < box.bottom;

export const overlap = (a: Box, b: Box) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Connections that run behind a node (sticky notes included) they do not connect, as the browser test words them. */
export function linesBehind(canvas: Canvas): string[] {
	const found: string[] = [];
	for (const edge of canvas.edges) {
		const points = canvas.path(edge);
		for (const node of canvas.nodes) {
			if (node.name === edge.from || node.name === edge.to) continue;
			const box = canvas.body(node.name);
			if (points.some((point) => inside(point, box)))
				found.push(`the line from "${edge.from}" to "${edge.to}" runs behind "${node.name}"`);
		}
	}
	return [...new Set(found)];
}

/** The box of everything the editor draws for a node: body, name below, labels beside. */
export function drawnBox(canvas: Canvas, name: string): Box {
	const node = canvas.node(name);
	const body = canvas.body(name);
	if (node.type === STICKY_TYPE) return body;
	const room = labelRoom(node.type);
	return {
		left: body.left - room.left,
		top: body.top,
		right: body.right + room.right,
		bottom: body.bottom + NAME_HEIGHT,
	};
}

/** Nodes (with their names and labels) drawn over each other. */
export function overlaps(canvas: Canvas): string[] {
	const found: string[] = [];
	canvas.nodes.forEach((node, index) => {
		for (const other of canvas.nodes.slice(index + 1))
			if (overlap(drawnBox(canvas, node.name), drawnBox(canvas, other.name)))
				found.push(`"${node.name}" and "${other.name}" are drawn over each other`);
	});
	return found;
}
