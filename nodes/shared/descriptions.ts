import type { INodeProperties } from 'n8n-workflow';

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
