/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser.
/**
 * Every panel a builder can open on this package's nodes, as one workflow
 * to import (the "panel gallery"), and what the editor cuts off in them.
 * The variants come from the node descriptions themselves: each resource and
 * operation, the Custom PSA preset, and every entry of an Options collection
 * added, so that a new parameter is checked without touching this file.
 */
import path from 'node:path';

import type {
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { WorkflowGraph, type WorkflowJson } from '../../../workflows/source/graph';
import { REPO_ROOT } from '../install';
import { fitToView } from './canvas';

export const PANEL_GALLERY_ID = 'wcPanelGallery';
const PACKAGE_NAME = 'n8n-nodes-westcoast-cloud';
const COLUMNS = 6;

interface PackageNode {
	description: INodeTypeDescription;
}

/** The package's node classes, as package.json lists them for n8n. */
function packageNodes(): PackageNode[] {
	const manifest = require(path.join(REPO_ROOT, 'package.json')) as { n8n: { nodes: string[] } };
	return manifest.n8n.nodes.map((file) => {
		const compiled = require(path.join(REPO_ROOT, file)) as Record<string, new () => INodeType>;
		const [NodeClass] = Object.values(compiled);
		return new NodeClass() as PackageNode;
	});
}

const optionValues = (property: INodeProperties) =>
	(property.options ?? []).flatMap((option) => ('value' in option ? [option.value as string] : []));

const shownFor = (property: INodeProperties, parameters: INodeParameters) =>
	Object.entries(property.displayOptions?.show ?? {}).every(([name, values]) =>
		(values as unknown[]).includes(parameters[name]),
	);

const defaults = (properties: INodeProperties[]) =>
	Object.fromEntries(properties.map((property) => [property.name, property.default]));

/**
 * Every entry of each collection at its default, and one entry of each
 * fixed collection, so that the panel shows every label there is.
 */
function withAllOptions(
	description: INodeTypeDescription,
	parameters: INodeParameters,
): INodeParameters {
	const filled: INodeParameters = { ...parameters };
	for (const property of description.properties) {
		if (!shownFor(property, parameters)) continue;
		if (property.type === 'collection')
			filled[property.name] = defaults(property.options as INodeProperties[]);
		if (property.type === 'fixedCollection')
			filled[property.name] = Object.fromEntries(
				(property.options as Array<{ name: string; values: INodeProperties[] }>).map((group) => [
					group.name,
					property.typeOptions?.multipleValues ? [defaults(group.values)] : defaults(group.values),
				]),
			);
	}
	return filled;
}

/** The parameter sets worth opening: one per resource/operation pair, plus the Custom preset. */
function variants(
	description: INodeTypeDescription,
): Array<{ label: string; parameters: INodeParameters }> {
	const resource = description.properties.find((property) => property.name === 'resource');
	const bases: Array<{ label: string; parameters: INodeParameters }> = [];
	if (resource) {
		for (const value of optionValues(resource)) {
			const operations = description.properties.find(
				(property) => property.name === 'operation' && shownFor(property, { resource: value }),
			);
			for (const operation of operations ? optionValues(operations) : [''])
				bases.push({
					label: `${value} ${operation}`.trim(),
					parameters: { resource: value, operation },
				});
		}
	} else bases.push({ label: 'default', parameters: {} });
	if (description.properties.some((property) => property.name === 'psaPreset'))
		bases.push({ label: 'custom preset', parameters: { psaPreset: 'custom' } });
	return bases.map(({ label, parameters }) => ({
		label,
		parameters: withAllOptions(description, parameters),
	}));
}

export interface GalleryNode {
	name: string;
	type: string;
}

/** The gallery workflow and its nodes; `credentials` maps a credential type to the stored one. */
export function panelGallery(credentials: Record<string, { id: string; name: string }>): {
	workflow: WorkflowJson;
	nodes: GalleryNode[];
} {
	const graph = new WorkflowGraph(PANEL_GALLERY_ID, 'Panel gallery (editor test)');
	const nodes: GalleryNode[] = [];
	for (const { description } of packageNodes()) {
		const type = `${PACKAGE_NAME}.${description.name}`;
		for (const { label, parameters } of variants(description)) {
			const name = `${description.displayName} (${label})`;
			const at = nodes.length;
			const nodeCredentials = Object.fromEntries(
				(description.credentials ?? [])
					.filter((credential) => credentials[credential.name])
					.map((credential) => [credential.name, credentials[credential.name]]),
			);
			graph.add({
				name,
				type,
				typeVersion: Array.isArray(description.version)
					? Math.max(...description.version)
					: description.version,
				position: [(at % COLUMNS) * 400, Math.floor(at / COLUMNS) * 300],
				parameters,
				...(Object.keys(nodeCredentials).length > 0 ? { credentials: nodeCredentials } : {}),
			});
			nodes.push({ name, type });
		}
	}
	return { workflow: graph.toJson(), nodes };
}

/** Opens a node's panel by double-clicking it on the canvas, as a person does. */
export async function openPanel(page: Page, nodeName: string): Promise<void> {
	await fitToView(page);
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
	await page.waitForSelector('[data-test-id="node-parameters"]');
}

export async function closePanel(page: Page): Promise<void> {
	await page.click('[data-test-id="ndv-close-button"]');
	await page.waitForSelector('[data-test-id="node-parameters"]', { state: 'detached' });
}

/** Parameter labels of the open panel that the editor shortened with "...". */
export async function cutPanelLabels(page: Page): Promise<string[]> {
	return await page.evaluate(() =>
		[
			...document.querySelectorAll(
				'[data-test-id="node-parameters"] [data-test-id="input-label"] *',
			),
		]
			.filter(
				(element) =>
					getComputedStyle(element).textOverflow === 'ellipsis' &&
					element.scrollWidth > element.clientWidth + 1,
			)
			.map((element) => (element.textContent ?? '').trim()),
	);
}
