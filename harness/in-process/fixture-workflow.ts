import type { INode } from 'n8n-workflow';

import { NODE_IO } from '../../core/node-io';
import { WorkflowGraph } from '../../workflows/source/graph';
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
	const fullType = type.includes('.') ? type : `${PACKAGE_NAME}.${type}`;
	const graph = new WorkflowGraph('fixture', `${type} fed by fixtures`);
	const { id: _id, ...trigger } = MANUAL_TRIGGER_NODE;
	graph.add(trigger);
	const fixtures = inputs.map((items, index) =>
		graph.add({
			name: `Input ${index}`,
			type: options.fixtureTypes?.[index] ?? 'test.fixture',
			typeVersion: 1,
			position: [200, index * 200],
			parameters: options.fixtureTypes ? {} : { items: JSON.stringify(items) },
		}),
	);
	graph.add({
		name: FED_NODE,
		type: fullType,
		typeVersion: options.typeVersion ?? 1,
		position: [400, 0],
		parameters,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	});
	// Fixtures feed the inputs in order: a node with an I/O table is fed by its ports.
	const ports = NODE_IO[fullType.slice(fullType.lastIndexOf('.') + 1)]?.inputList;
	for (const fixture of fixtures) graph.connect(trigger.name, fixture);
	fixtures.forEach((fixture, index) =>
		graph.connect(fixture, FED_NODE, 0, ports?.[index] ?? index),
	);
	return graph.toJson();
}
