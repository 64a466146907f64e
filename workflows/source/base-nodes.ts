/**
 * n8n-nodes-base nodes as n8n 2.41.1 stores them (parameter shapes and
 * typeVersions checked against its installed node descriptions).
 */
import type { INodeParameters } from 'n8n-workflow';

import { stableId, type NodeSpec, type Position } from './graph';

type Extra = Pick<NodeSpec, 'executeOnce' | 'alwaysOutputData'>;

/** An If/Filter condition list whose every entry is an expression that must be true. */
function allTrue(name: string, expressions: string[]): INodeParameters {
	return {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
			conditions: expressions.map((expression, index) => ({
				id: stableId(`${name}/condition/${index}`),
				leftValue: `={{ ${expression} }}`,
				rightValue: '',
				operator: { type: 'boolean', operation: 'true', singleValue: true },
			})),
			combinator: 'and',
		},
		options: {},
	};
}

export const manualTrigger = (name: string, position: Position): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position,
	parameters: {},
});

/** Error Trigger: a workflow holding one runs it when a production run of itself fails (n8n's "internal error workflow"). */
export const errorTrigger = (name: string, position: Position): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.errorTrigger',
	typeVersion: 1,
	position,
	parameters: {},
});

export const dailyTrigger = (name: string, position: Position, hour: number): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.scheduleTrigger',
	typeVersion: 1.2,
	position,
	parameters: { rule: { interval: [{ field: 'days', triggerAtHour: hour }] } },
});

export const webhookTrigger = (name: string, position: Position, path: string): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position,
	parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} },
	webhookId: stableId(`webhook/${path}`),
});

/** Answers the webhook with the first item of `node` (whatever the node before it outputs). */
export const respondWithItemOf = (name: string, position: Position, node: string): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.respondToWebhook',
	typeVersion: 1.1,
	position,
	parameters: {
		respondWith: 'json',
		responseBody: `={{ $('${node}').first().json }}`,
		options: {},
	},
});

export interface Field {
	name: string;
	type: 'string' | 'number' | 'boolean' | 'array' | 'object';
	value: string | number | boolean;
}

/** Edit Fields (Set): only the given fields, values or expressions. */
export const setFields = (
	name: string,
	position: Position,
	fields: Field[],
	extra: Extra = {},
): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position,
	parameters: {
		assignments: {
			assignments: fields.map((field) => ({ id: stableId(`${name}/${field.name}`), ...field })),
		},
		options: {},
	},
	...extra,
});

/** If: output 0 when every expression is true, else output 1. */
export const ifAllTrue = (
	name: string,
	position: Position,
	expressions: string[],
	extra: Extra = {},
): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.if',
	typeVersion: 2.2,
	position,
	parameters: allTrue(name, expressions),
	...extra,
});

/** Filter: keeps the items for which every expression is true. */
export const keepWhere = (name: string, position: Position, expressions: string[]): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.filter',
	typeVersion: 2.2,
	position,
	parameters: allTrue(name, expressions),
});

/** Aggregate: one item whose `into` lists every input item's `field`. */
export const collectField = (
	name: string,
	position: Position,
	field: string,
	into: string,
): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.aggregate',
	typeVersion: 1,
	position,
	parameters: {
		aggregate: 'aggregateIndividualFields',
		fieldsToAggregate: {
			fieldToAggregate: [{ fieldToAggregate: field, renameField: true, outputFieldName: into }],
		},
		options: {},
	},
});

/**
 * Summarize: one item per value of `field` (the value, and how many items had
 * it). n8n's Remove Duplicates compares each item with those kept (seconds at
 * 24,000 items); Summarize groups in one pass.
 */
export const onePerValue = (name: string, position: Position, field: string): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1.1,
	position,
	parameters: {
		fieldsToSummarize: { values: [{ aggregation: 'count', field }] },
		fieldsToSplitBy: field,
		options: {},
	},
});

/**
 * Merge (append) as a barrier: in execution order v1 it runs once all inputs
 * have arrived, or, when some never will (nothing to write), once nothing
 * else is left to run.
 */
export const waitForAll = (name: string, position: Position, inputs: number): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.merge',
	typeVersion: 3.2,
	position,
	parameters: { mode: 'append', numberInputs: inputs },
});

/**
 * Merge (choose branch): passes input 1's items on once input 2 has arrived
 * too, and never runs when input 2 never arrives (n8n's requiredInputs): a
 * whole-list gate for items a one-item If decided about.
 */
export const passWhenBothArrive = (name: string, position: Position): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.merge',
	typeVersion: 3.2,
	position,
	parameters: {
		mode: 'chooseBranch',
		chooseBranchMode: 'waitForAll',
		output: 'specifiedInput',
		useDataOfInput: 1,
	},
});

export const noOp = (name: string, position: Position): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position,
	parameters: {},
});

export const stopWithError = (name: string, position: Position, message: string): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.stopAndError',
	typeVersion: 1,
	position,
	parameters: { errorMessage: message },
});

export const stickyNote = (
	name: string,
	position: Position,
	size: { width: number; height: number },
	content: string,
	color = 7,
): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.stickyNote',
	typeVersion: 1,
	position,
	parameters: { content, ...size, color },
});
