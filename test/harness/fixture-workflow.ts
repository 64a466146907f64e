import type { INode } from 'n8n-workflow';

import { PACKAGE_NAME } from './node-types';
import type { WorkflowJson } from './run-workflow';

/** Fixture nodes feeding one of our nodes' inputs, in order. */
export function workflowFeeding(
	type: string,
	parameters: INode['parameters'],
	inputs: unknown[][],
	continueOnFail = false,
): WorkflowJson {
	const fixtures = inputs.map((items, index) => ({
		id: `f${index}`,
		name: `Input ${index}`,
		type: 'test.fixture',
		typeVersion: 1,
		position: [200, index * 200] as [number, number],
		parameters: { items: JSON.stringify(items) },
	}));
	return {
		name: 'bad input',
		nodes: [
			{
				id: 't',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...fixtures,
			{
				id: 'n',
				name: 'Node',
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion: 1,
				position: [400, 0],
				parameters,
				...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: {
			'Manual Trigger': {
				main: [fixtures.map((f) => ({ node: f.name, type: 'main' as const, index: 0 }))],
			},
			...Object.fromEntries(
				fixtures.map((f, index) => [
					f.name,
					{ main: [[{ node: 'Node', type: 'main' as const, index }]] },
				]),
			),
		},
	};
}
