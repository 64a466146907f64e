/** What the read operations share: their request options, filters, limit, and records shaped into items. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ACCOUNT_STATES, CALLS } from '../../../core/westcoast/protocol';
import { asNodeError } from '../../shared/errors';
import { RecordShapeError, simplifyCustomer } from '../../../core/westcoast/simplify';
import { marketplaceCall, type CallOptions } from '../transport';

/** Reads the operation's Options collection into transport options. */
export function callOptions(context: IExecuteFunctions, itemIndex: number): CallOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		maxRetries: options.maxRetries === undefined ? undefined : Number(options.maxRetries),
		timeoutMs:
			options.timeoutSeconds === undefined ? undefined : Number(options.timeoutSeconds) * 1000,
		itemIndex,
	};
}

export interface RecordFilters {
	states?: string[];
	nameContains?: string;
}

const KNOWN_STATES = new Set<string>(ACCOUNT_STATES);

/** Keeps records in the chosen states ('other' = any state the API docs don't name) and whose name matches. */
export function filterRecords<T>(
	records: T[],
	filters: RecordFilters,
	state: (r: T) => unknown,
	names: (r: T) => unknown[],
): T[] {
	const states = new Set(filters.states ?? []);
	const needle = filters.nameContains?.trim().toLowerCase();
	return records.filter((record) => {
		if (states.size) {
			const value = String(state(record) ?? '');
			if (!states.has(value) && !(states.has('other') && !KNOWN_STATES.has(value))) return false;
		}
		if (needle)
			return names(record).some((name) =>
				String(name ?? '')
					.toLowerCase()
					.includes(needle),
			);
		return true;
	});
}

export function applyLimit<T>(context: IExecuteFunctions, itemIndex: number, records: T[]): T[] {
	if (context.getNodeParameter('returnAll', itemIndex, true)) return records;
	return records.slice(0, context.getNodeParameter('limit', itemIndex, 50) as number);
}

/** Simplifies each record (or passes it untouched), naming the item and field when one cannot be read. */
export function shapeRecords<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	records: T[],
	simplify: (record: T) => object,
): INodeExecutionData[] {
	const simplifyOn = context.getNodeParameter('simplify', itemIndex, true) as boolean;
	return records.map((record, position) => {
		let json: object = record as object;
		if (simplifyOn) {
			try {
				json = simplify(record);
			} catch (error) {
				if (!(error instanceof RecordShapeError))
					throw asNodeError(context.getNode(), error, itemIndex);
				throw new NodeOperationError(
					context.getNode(),
					`Record ${position + 1} of the answer for item ${itemIndex} cannot be simplified: field "${error.field}": ${error.message}`,
					{
						itemIndex,
						description: 'Turn Simplify off to see the record as the marketplace sent it.',
					},
				);
			}
		}
		return { json: json as IDataObject, pairedItem: { item: itemIndex } };
	});
}

/** One company (`GetCompany`), as Customer > Get and Account > Get return it. */
export async function companyItems(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<INodeExecutionData[]> {
	const company = await marketplaceCall.call(
		context,
		CALLS.getCompany,
		body,
		callOptions(context, itemIndex),
	);
	return shapeRecords(context, itemIndex, [company], simplifyCustomer);
}
