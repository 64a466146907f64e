import type {
	INodeInputConfiguration,
	INodeOutputConfiguration,
	INodeProperties,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { Port } from '../../core/node-io';

/**
 * The description of a planner or check node, with the header they all share:
 * the transform group, version 1, the display name as default name and one
 * main input and output unless it names its own. The node class adds its icon,
 * subtitle and usableAsTool, which n8n's community lint reads from the class.
 */
export function nodeDescription(
	node: Pick<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'properties'> &
		Partial<Pick<INodeTypeDescription, 'inputs' | 'outputs'>>,
): Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> {
	return {
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		...node,
		group: ['transform'],
		version: 1,
		defaults: { name: node.displayName },
	};
}

/** A node's labelled main inputs, from its I/O table (core/node-io.ts). */
export const mainInputs = (ports: readonly Port[]): INodeInputConfiguration[] =>
	ports.map((port) => ({
		type: NodeConnectionTypes.Main,
		displayName: port.label,
		required: true,
	}));

/** A node's labelled main outputs, from its I/O table (core/node-io.ts). */
export const mainOutputs = (ports: readonly Port[]): INodeOutputConfiguration[] =>
	ports.map((port) => ({ type: NodeConnectionTypes.Main, displayName: port.label }));

export const psaPresetProperty: INodeProperties = {
	displayName: 'PSA Preset',
	name: 'psaPreset',
	type: 'options',
	options: [
		{ name: 'HaloPSA', value: 'haloPsa', description: "Field names of Halo's API" },
		{ name: 'Custom', value: 'custom', description: 'Name each PSA field yourself' },
	],
	default: 'haloPsa',
};

export const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		'Number the changes in batches of this many (field "batch"), one per PSA array write such as Halo\'s POST: a Summarize node grouped by batch, appending payload, makes the array bodies. 0 numbers none. Either way there is one item per change.',
};

/** The "Options" collection every operation and node ends with. */
export const optionsCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options,
});
