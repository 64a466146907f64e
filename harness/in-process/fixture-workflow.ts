import type { INode } from 'n8n-workflow';

import { MANUAL_TRIGGER_NODE, PACKAGE_NAME } from './node-types';
import type { WorkflowJson } from './run-workflow';

export interface FeedOptions {
	continueOnFail?: boolean;
	typeVersion?: number;
	/** Node types that supply each input instead of the JSON fixture (e.g. from memory, for benchmarks). */
	fixtureTypes?: string[];
}

/** The fed node's name in the workflow. */
export const FED_NODE = 'Node';

/**
 * Manual Trigger, then one fixture node per input holding its items, feeding
 * `type` (one of the package's nodes by its short name, or any full type name).
 */
export function workflowFeeding(
	type: string,
	parameters: INode['parameters'],
	inputs: unknown[][],
	options: FeedOptions = {},
): WorkflowJson {
	const fixtures = inputs.map((items, index) => ({
		id: `f${index}`,
		name: `Input ${index}`,
		type: options.fixtureTypes?.[index] ?? 'test.fixture',
		typeVersion: 1,
		position: [200, index * 200] as [number, number],
		parameters: options.fixtureTypes ? {} : { items: JSON.stringify(items) },
	}));
	return {
		name: `${type} fed by fixtures`,
		nodes: [
			MANUAL_TRIGGER_NODE,
			...fixtures,
			{
				id: 'n',
				name: FED_NODE,
				type: type.includes('.') ? type : `${PACKAGE_NAME}.${type}`,
				typeVersion: options.typeVersion ?? 1,
				position: [400, 0],
				parameters,
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: {
			[MANUAL_TRIGGER_NODE.name]: {
				main: [fixtures.map((f) => ({ node: f.name, type: 'main' as const, index: 0 }))],
			},
			...Object.fromEntries(
				fixtures.map((f, index) => [
					f.name,
					{ main: [[{ node: FED_NODE, type: 'main' as const, index }]] },
				]),
			),
		},
	};
}
