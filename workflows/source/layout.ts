/**
 * The canvas positions of a shipped workflow, computed from its connections
 * (a layered layout), so that nodes added to a workflow land cleanly:
 * - columns: each node one column right of its furthest input (longest path);
 * - rows: each node on the row of its inputs when it can, else the nearest
 *   free row; a connection that spans columns keeps a free row (its source's)
 *   to its target, and no node may sit on its path (canvas.ts draws it as
 *   n8n does);
 * - the positions a source gives a node are hints only: they decide which of
 *   a node's branches goes above another, because n8n (execution order v1)
 *   runs the topmost branch first;
 * - sticky notes sit above the nodes, each over the node nearest its hint,
 *   sized to its text.
 */
import type { IConnections, INode } from 'n8n-workflow';

import {
	Canvas,
	inside,
	labelRoom,
	NAME_HEIGHT,
	NODE_WIDTH,
	overlap,
	STICKY_TYPE,
	type Box,
	type Edge,
	type Point,
} from './canvas';

/** Vertical pitch of the rows; a tall node takes several. */
const ROW = 200;
/** Least space between the bodies of two columns (names under them are 192 px wide). */
const COLUMN_GAP = 124;
/** Between a column's output labels and the next column's input labels. */
const LABEL_GAP = 24;
/**
 * A line behind a node costs more than a cell kept free for a line still to
 * be drawn: that line may yet find another row, a crossing is final.
 */
const CROSSING = 2000;
/** Between the sticky notes, and between them and the nodes. */
const NOTE_GAP = 40;

interface Placement {
	column: number;
	row: number;
	rows: number;
}

export function layOut(nodes: INode[], connections: IConnections): INode[] {
	const canvas = new Canvas(nodes, connections);
	const flow = nodes.filter((node) => node.type !== STICKY_TYPE);
	const forward = forwardEdges(flow, canvas.edges);
	const columns = columnsOf(flow, forward);
	const columnX = columnPositions(flow, columns);
	const placed = placeRows(canvas, flow, forward, columns, columnX);
	const positions = new Map<string, Point>();
	for (const node of flow) {
		const at = placed.get(node.name)!;
		positions.set(node.name, [columnX[at.column], at.row * ROW]);
	}
	const laidOut = nodes.map((node) =>
		node.type === STICKY_TYPE ? node : { ...node, position: positions.get(node.name)! },
	);
	return placeNotes(laidOut, nodes);
}

/** The connections without those that close a loop (found depth first, in the nodes' order). */
function forwardEdges(flow: INode[], edges: Edge[]): Edge[] {
	const state = new Map<string, 'open' | 'done'>();
	const back = new Set<Edge>();
	const visit = (name: string) => {
		state.set(name, 'open');
		for (const edge of edges.filter((e) => e.from === name)) {
			const next = state.get(edge.to);
			if (next === 'open') back.add(edge);
			else if (next === undefined) visit(edge.to);
		}
		state.set(name, 'done');
	};
	const hasInput = new Set(edges.map((edge) => edge.to));
	for (const node of flow) if (!hasInput.has(node.name) && !state.has(node.name)) visit(node.name);
	for (const node of flow) if (!state.has(node.name)) visit(node.name);
	return edges.filter((edge) => !back.has(edge));
}

function columnsOf(flow: INode[], edges: Edge[]): Map<string, number> {
	const columns = new Map<string, number>();
	const columnOf = (name: string, path: Set<string>): number => {
		const known = columns.get(name);
		if (known !== undefined) return known;
		if (path.has(name)) throw new Error(`A loop through "${name}" is left after removing loops`);
		path.add(name);
		const inputs = edges.filter((edge) => edge.to === name);
		const column = Math.max(0, ...inputs.map((edge) => columnOf(edge.from, path) + 1));
		path.delete(name);
		columns.set(name, column);
		return column;
	};
	for (const node of flow) columnOf(node.name, new Set());
	return columns;
}

/** Each column's x: room for the widest output labels left of a gap and input labels right of it. */
function columnPositions(flow: INode[], columns: Map<string, number>): number[] {
	const count = Math.max(...columns.values()) + 1;
	const right = new Array<number>(count).fill(0);
	const left = new Array<number>(count).fill(0);
	for (const node of flow) {
		const column = columns.get(node.name)!;
		right[column] = Math.max(right[column], labelRoom(node.type).right);
		left[column] = Math.max(left[column], labelRoom(node.type).left);
	}
	const x = [0];
	for (let column = 1; column < count; column++)
		x.push(
			x[column - 1] +
				NODE_WIDTH +
				Math.max(COLUMN_GAP, right[column - 1] + left[column] + LABEL_GAP),
		);
	return x;
}

/** y first, then x: the order n8n runs a node's branches in (the topmost first). */
const above = (a: Point, b: Point) => a[1] < b[1] || (a[1] === b[1] && a[0] < b[0]);

function placeRows(
	canvas: Canvas,
	flow: INode[],
	edges: Edge[],
	columns: Map<string, number>,
	columnX: number[],
): Map<string, Placement> {
	const hint = new Map(flow.map((node) => [node.name, node.position as Point]));
	const placed = new Map<string, Placement>();
	const positions = new Map<string, Point>();
	const span = (edge: Edge) => columns.get(edge.to)! - columns.get(edge.from)!;
	const rowsOf = (name: string) =>
		Math.max(1, Math.ceil((canvas.height(name) + NAME_HEIGHT) / ROW - 0.01));
	/** Cells taken by a node, or kept free for the straight run of a connection still to be drawn. */
	const taken = new Map<string, string>();
	const cell = (column: number, row: number) => `${column}/${row}`;
	const corridors = new Map<string, string[]>();

	const positionAt = (name: string, row: number): Point => [columnX[columns.get(name)!], row * ROW];
	/** Whether a path passes inside a box (its bounding box first, for speed). */
	const crosses = (path: Point[], bounds: Box, box: Box) =>
		overlap(bounds, box) && path.some((point) => inside(point, box));
	const traced = (path: Point[]) => ({ path, bounds: boundsOf(path) });

	const order = [...flow].sort(
		(a, b) =>
			columns.get(a.name)! - columns.get(b.name)! ||
			hint.get(a.name)![1] - hint.get(b.name)![1] ||
			hint.get(a.name)![0] - hint.get(b.name)![0],
	);
	for (const node of order) {
		const name = node.name;
		const column = columns.get(name)!;
		const rows = rowsOf(name);
		const inputs = edges.filter((edge) => edge.to === name && positions.has(edge.from));
		// A node with several inputs waits for them, whatever its branch's place.
		const waits = (node: string) =>
			new Set(edges.filter((e) => e.to === node).map((e) => e.from)).size > 1;
		const siblings = waits(name)
			? []
			: inputs.flatMap((input) =>
					edges
						.filter(
							(edge) =>
								edge.from === input.from &&
								edge.to !== name &&
								positions.has(edge.to) &&
								!waits(edge.to),
						)
						.map((edge) => edge.to),
				);
		for (const key of corridors.get(name) ?? []) taken.delete(key);
		corridors.delete(name);

		const rowsUsed = [...placed.values()].flatMap((at) => [at.row, at.row + at.rows - 1]);
		const low = Math.min(0, ...rowsUsed) - rows - 3;
		const high = Math.max(0, ...rowsUsed) + 3;
		const drawn = canvas.edges
			.filter((edge) => positions.has(edge.from) && positions.has(edge.to))
			.map((edge) => traced(canvas.path(edge, positions)));
		const home = inputs.length === 0 ? 0 : placed.get(inputs[0].from)!.row;
		let best: { row: number; cost: number } | undefined;
		for (let row = low; row <= high; row++) {
			let cost = 0;
			for (let r = row; r < row + rows; r++) if (taken.has(cell(column, r))) cost += 1000;
			const at = positionAt(name, row);
			const body = canvas.body(name, at);
			positions.set(name, at);
			// Its connections from the nodes already placed must pass no node; no drawn connection may pass it.
			for (const input of inputs) {
				const { path, bounds } = traced(canvas.path(input, positions));
				for (const [other, where] of positions) {
					if (other === input.from || other === name) continue;
					if (crosses(path, bounds, canvas.body(other, where))) cost += CROSSING;
				}
			}
			for (const { path, bounds } of drawn) if (crosses(path, bounds, body)) cost += CROSSING;
			positions.delete(name);
			// Branches keep the order of their hints (n8n runs the topmost first).
			for (const sibling of siblings) {
				const mine = hint.get(name)!;
				const theirs = hint.get(sibling)!;
				if (mine[1] === theirs[1]) continue;
				if (above(mine, theirs) !== above(at, positions.get(sibling)!)) cost += 10_000;
			}
			// Near its inputs' handles: a long connection straight.
			for (const input of inputs) {
				const [, fromY] = canvas.handle(
					input.from,
					'output',
					input.output,
					positions.get(input.from),
				);
				const [, toY] = canvas.handle(name, 'input', input.input, at);
				cost += (Math.abs(toY - fromY) / ROW) * (span(input) > 1 ? 3 : 1);
			}
			// Towards the hint's side of its first input, then nearer the main row.
			const side = Math.sign(hint.get(name)![1] - (inputs[0] ? hint.get(inputs[0].from)![1] : 0));
			if (Math.sign(row - home) !== side) cost += 0.5;
			// Else below rather than above: the sticky notes are above.
			cost += Math.abs(row) * 0.01 + (row < home ? 0.001 : 0);
			if (!best || cost < best.cost) best = { row, cost };
		}
		const row = best!.row;
		placed.set(name, { column, row, rows });
		positions.set(name, positionAt(name, row));
		for (let r = row; r < row + rows; r++) taken.set(cell(column, r), name);
		// The longest connection out of it keeps its row free up to its target.
		const longest = edges
			.filter((edge) => edge.from === name && span(edge) > 1)
			.sort((a, b) => span(b) - span(a))[0];
		if (longest) {
			const keys: string[] = [];
			const [, y] = canvas.handle(name, 'output', longest.output, positions.get(name));
			const corridorRows = new Set([
				Math.floor(y / ROW),
				Math.floor((y - 60) / ROW),
				Math.floor((y + 60) / ROW),
			]);
			for (let c = column + 1; c < columns.get(longest.to)!; c++)
				for (const r of corridorRows) {
					const key = cell(c, r);
					if (!taken.has(key)) {
						taken.set(key, `corridor ${name}`);
						keys.push(key);
					}
				}
			corridors.set(longest.to, [...(corridors.get(longest.to) ?? []), ...keys]);
		}
	}
	return placed;
}

function boundsOf(points: Point[]): Box {
	const xs = points.map(([x]) => x);
	const ys = points.map(([, y]) => y);
	return {
		left: Math.min(...xs),
		top: Math.min(...ys),
		right: Math.max(...xs),
		bottom: Math.max(...ys),
	};
}

/** Characters per line and line height of a sticky note's text, as n8n renders its Markdown (14 px). */
const NOTE_CHAR_WIDTH = 7.4;
const NOTE_LINE = 21;
const NOTE_HEADING = 36;
const NOTE_PADDING = 40;

/** A sticky note's height for its text at its width. */
export function noteHeight(text: string, width: number): number {
	const perLine = Math.floor((width - 2 * 16) / NOTE_CHAR_WIDTH);
	let height = NOTE_PADDING;
	for (const line of text.split('\n')) {
		if (line.startsWith('#')) height += NOTE_HEADING;
		else height += Math.max(1, Math.ceil(line.replace(/\*\*|`/g, '').length / perLine)) * NOTE_LINE;
	}
	return Math.ceil(height / 20) * 20;
}

/**
 * Sticky notes above the nodes: each over the node nearest its hint (the
 * position its source gives it), stacked upwards where notes meet.
 */
function placeNotes(laidOut: INode[], hinted: INode[]): INode[] {
	const flow = laidOut.filter((node) => node.type !== STICKY_TYPE);
	const hints = new Map(hinted.map((node) => [node.name, node.position]));
	const nodesTop = Math.min(...flow.map((node) => node.position[1]));
	const notes = laidOut
		.filter((node) => node.type === STICKY_TYPE)
		.map((note) => {
			const [hx, hy] = note.position;
			const nearest = flow
				.map((node) => {
					const [nx, ny] = hints.get(node.name)!;
					return { node, distance: Math.hypot(nx - hx, ny - hy) };
				})
				.sort((a, b) => a.distance - b.distance)[0].node;
			return { note, x: nearest.position[0], order: hx };
		})
		.sort((a, b) => a.x - b.x || a.order - b.order);
	const boxes: Box[] = [];
	const byName = new Map<string, INode>();
	for (const { note, x } of notes) {
		const width = Number(note.parameters.width);
		const height = noteHeight(String(note.parameters.content), width);
		let left = x - 40;
		let bottom = nodesTop - NOTE_GAP;
		// Right of the notes in this band that it would cover, else one band up.
		for (;;) {
			const box = { left, top: bottom - height, right: left + width, bottom };
			const blocking = boxes.find((other) =>
				overlap({ ...box, left: box.left - NOTE_GAP / 2, right: box.right + NOTE_GAP / 2 }, other),
			);
			if (!blocking) {
				boxes.push(box);
				byName.set(note.name, {
					...note,
					position: [box.left, box.top],
					parameters: { ...note.parameters, height },
				});
				break;
			}
			if (blocking.right + NOTE_GAP - left < width / 2) left = blocking.right + NOTE_GAP;
			else bottom = blocking.top - NOTE_GAP;
		}
	}
	return laidOut.map((node) => byName.get(node.name) ?? node);
}
