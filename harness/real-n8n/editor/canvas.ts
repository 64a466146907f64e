/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser.
/**
 * What a person sees of a workflow on the editor's canvas, measured in the
 * page: each node's body, the box of everything it draws (name, subtitle,
 * input and output labels), labels the editor cut off, and the points
 * each connection passes through.
 */
import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export interface CanvasNode {
	name: string;
	type: string;
	/** The node's square or rectangle. */
	body: Box;
	/** The body with its name, subtitle and input/output labels. */
	drawn: Box;
	/** Input and output labels the editor shortened ("Address C..."). */
	cutLabels: string[];
}

export interface CanvasEdge {
	source: string;
	target: string;
	/** Points along the drawn path, in page pixels. */
	points: Array<[number, number]>;
}

export interface CanvasGeometry {
	nodes: CanvasNode[];
	edges: CanvasEdge[];
}

export async function openWorkflow(
	page: Page,
	serverUrl: string,
	workflowId: string,
): Promise<void> {
	await page.goto(`${serverUrl}/workflow/${workflowId}`);
	await page.waitForSelector('[data-test-id="canvas-node"]');
	await fitToView(page);
}

/** The editor's own "zoom to fit", then a wait until the canvas has stopped moving. */
export async function fitToView(page: Page): Promise<void> {
	await page.click('[data-test-id="zoom-to-fit"]');
	let last = '';
	for (;;) {
		const transform = await page
			.locator('.vue-flow__transformationpane')
			.evaluate((pane) => getComputedStyle(pane).transform);
		if (transform === last) return;
		last = transform;
		await page.waitForTimeout(100);
	}
}

export async function canvasGeometry(page: Page): Promise<CanvasGeometry> {
	return await page.evaluate(() => {
		const boxOf = (element: Element) => {
			const rect = element.getBoundingClientRect();
			return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
		};
		const union = (boxes: Array<{ left: number; top: number; right: number; bottom: number }>) =>
			boxes.reduce((all, box) => ({
				left: Math.min(all.left, box.left),
				top: Math.min(all.top, box.top),
				right: Math.max(all.right, box.right),
				bottom: Math.max(all.bottom, box.bottom),
			}));
		const texts = (element: Element) =>
			[...element.querySelectorAll('*')].filter(
				(child) =>
					[...child.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()) &&
					child.getBoundingClientRect().width > 0,
			);
		const nodes = [...document.querySelectorAll('[data-test-id="canvas-node"]')].map((node) => {
			const body =
				node.querySelector(
					'[data-test-id="canvas-default-node"], [data-test-id="canvas-trigger-node"]',
				) ?? node;
			const handles = [
				...node.querySelectorAll(
					'[data-test-id="canvas-node-input-handle"], [data-test-id="canvas-node-output-handle"]',
				),
			];
			const labels = handles.flatMap(texts);
			return {
				name: node.getAttribute('data-node-name') ?? '',
				type: node.getAttribute('data-node-type') ?? '',
				body: boxOf(body),
				drawn: union([boxOf(body), ...texts(body).map(boxOf), ...labels.map(boxOf)]),
				cutLabels: labels
					.filter((label) => label.scrollWidth > label.clientWidth + 1)
					.map((label) => (label.textContent ?? '').trim()),
			};
		});
		const edges = [...document.querySelectorAll('[data-test-id="edge"]')].map((edge) => {
			const path = edge.querySelector('path.vue-flow__edge-path') as SVGPathElement | null;
			const points: Array<[number, number]> = [];
			const matrix = path?.getScreenCTM();
			if (path && matrix) {
				const length = path.getTotalLength();
				const steps = Math.max(2, Math.ceil(length / 10));
				for (let step = 0; step <= steps; step++) {
					const at = path.getPointAtLength((length * step) / steps);
					points.push([
						matrix.a * at.x + matrix.c * at.y + matrix.e,
						matrix.b * at.x + matrix.d * at.y + matrix.f,
					]);
				}
			}
			return {
				source: edge.getAttribute('data-source-node-name') ?? '',
				target: edge.getAttribute('data-target-node-name') ?? '',
				points,
			};
		});
		return { nodes, edges };
	});
}

const overlaps = (a: Box, b: Box) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = ([x, y]: [number, number], box: Box) =>
	x > box.left && x < box.right && y > box.top && y < box.bottom;

export interface LayoutProblems {
	/** Nodes (with their names and labels) drawn over each other. */
	overlaps: string[];
	/** Input and output labels the editor cut off. */
	cutLabels: string[];
	/** Connections that run behind a node they do not connect. */
	linesBehind: string[];
}

/** What a person would call untidy on a canvas. */
export function layoutProblems(geometry: CanvasGeometry): LayoutProblems {
	const problems: LayoutProblems = { overlaps: [], cutLabels: [], linesBehind: [] };
	const { nodes, edges } = geometry;
	nodes.forEach((node, index) => {
		for (const other of nodes.slice(index + 1))
			if (overlaps(node.drawn, other.drawn))
				problems.overlaps.push(`"${node.name}" and "${other.name}" are drawn over each other`);
		for (const label of node.cutLabels)
			problems.cutLabels.push(`"${node.name}" shows "${label}" cut off`);
	});
	for (const edge of edges) {
		const behind = nodes.filter(
			(node) =>
				node.name !== edge.source &&
				node.name !== edge.target &&
				edge.points.some((point) => inside(point, node.body)),
		);
		for (const node of behind)
			problems.linesBehind.push(
				`the line from "${edge.source}" to "${edge.target}" runs behind "${node.name}"`,
			);
	}
	return problems;
}

/**
 * The editor's "Import from File" into a new workflow (the workflow menu's
 * file input), until the canvas draws every node of the file (sticky notes
 * are drawn apart).
 */
export async function importFromFile(page: Page, serverUrl: string, file: string): Promise<void> {
	const { nodes } = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Array<{ type: string }> };
	const drawn = nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').length;
	await page.goto(`${serverUrl}/workflow/new`);
	const input = page.locator('input[data-test-id="workflow-import-input"]');
	await input.waitFor({ state: 'attached' });
	await input.setInputFiles(file);
	await page.waitForFunction(
		(count) => document.querySelectorAll('[data-test-id="canvas-node"]').length === count,
		drawn,
	);
}

/** Nodes the canvas draws with a warning (a missing credential, for one). */
export async function nodesWithIssues(page: Page): Promise<string[]> {
	return await page.evaluate(() =>
		[...document.querySelectorAll('[data-test-id="canvas-node"]')]
			.filter((node) => node.querySelector('[data-test-id="node-issues"]'))
			.map((node) => node.getAttribute('data-node-name') ?? ''),
	);
}
