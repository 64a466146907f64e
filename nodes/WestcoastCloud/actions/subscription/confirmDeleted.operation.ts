import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	absencesToConfirm,
	contradictedAbsences,
	incompleteListMessage,
	type FreshRead,
	type PlannedDeactivation,
} from '../../../../core/licences/deletion-check';
import {
	accountIdValue,
	CALLS,
	FAULT_PATTERNS,
	PARAMETERS,
	SUBSCRIPTION_FIELDS as S,
} from '../../../../core/westcoast/protocol';
import { isRecord } from '../../../../core/read';
import { RecordReader } from '../../../../core/westcoast/record';
import { asMarketplaceError, callMarketplace, toNodeError } from '../../transport';
import { callOptions } from '../records';

const properties: INodeProperties[] = [
	{
		displayName:
			"Connect Licence Sync's Deactivate output. Each licence it zeroes or makes inactive because its subscription was missing from the subscription list is checked by reading that subscription again; the items go on unchanged when every one is really gone (or no longer active), and the run stops before any of them is written when the marketplace still has one active.",
		name: 'confirmDeletedNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['confirmDeleted'] } },
	properties,
);

/** Reads one subscription again: found (with its state), not found, or a failed read (thrown). */
async function readAgain(
	context: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<FreshRead> {
	try {
		const record = await callMarketplace.call(
			context,
			CALLS.getSubscription,
			{ [PARAMETERS.accountId]: accountIdValue(id) },
			callOptions(context, itemIndex),
		);
		const state = isRecord(record)
			? (new RecordReader(record, `Subscription ${id}`).text(S.state) ?? null)
			: null;
		return { found: true, state };
	} catch (error) {
		const failure = asMarketplaceError(error, CALLS.getSubscription);
		// Only the marketplace saying it has no such subscription confirms a deletion; any other failure is a doubtful read.
		if (failure.kind === 'fault' && FAULT_PATTERNS.notFound.test(failure.message))
			return { found: false };
		throw toNodeError(context, failure, itemIndex);
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const item = this.getInputData()[itemIndex];
	const planned = [item.json as unknown as PlannedDeactivation];
	const fresh = new Map<string, FreshRead>();
	for (const id of absencesToConfirm(planned)) fresh.set(id, await readAgain(this, id, itemIndex));
	const contradicted = contradictedAbsences(planned, fresh);
	if (contradicted.length > 0)
		throw new NodeOperationError(this.getNode(), incompleteListMessage(contradicted), {
			itemIndex,
		});
	return [{ json: item.json, binary: item.binary, pairedItem: { item: itemIndex } }];
}
