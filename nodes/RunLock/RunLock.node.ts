import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, sleep } from 'n8n-workflow';

import { RunLocks } from '../../core/run-lock';

const MINUTE_MS = 60_000;
const POLL_MS = 500;

/**
 * One table per n8n process (module state: n8n loads a node's module once).
 * Workflows run in the main process in n8n's regular mode; queue mode (several
 * workers) would need a shared store.
 */
const locks = new RunLocks();

export class RunLock implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Run Lock',
		name: 'runLock',
		icon: { light: 'file:runLock.svg', dark: 'file:runLock.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{($parameter["operation"] === "release" ? "Release lock " : "Acquire lock ") + $parameter["lockName"]}}',
		description:
			'Let one run at a time through to its writes: take a named lock (waiting while another run holds it), or give it back',
		defaults: { name: 'Run Lock' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Acquire',
						value: 'acquire',
						action: 'Acquire the lock',
						description: 'Wait until no other run holds the lock, then hold it',
					},
					{
						name: 'Release',
						value: 'release',
						action: 'Release the lock',
						description: 'Give the lock back (nothing happens when this run does not hold it)',
					},
				],
				default: 'acquire',
			},
			{
				displayName: 'Lock Name',
				name: 'lockName',
				type: 'string',
				default: 'westcoast-halo-writes',
				description: 'Runs that use the same name (in any workflow of this n8n) wait for each other',
			},
			{
				displayName: 'Hold Up To (Minutes)',
				name: 'holdMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 15,
				displayOptions: { show: { operation: ['acquire'] } },
				description:
					'The lock counts as free after this long, so a run that failed before releasing it blocks others only this long',
			},
			{
				displayName: 'Wait Up To (Minutes)',
				name: 'waitMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 20,
				displayOptions: { show: { operation: ['acquire'] } },
				description: 'How long to wait for another run to release the lock before failing',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const name = String(this.getNodeParameter('lockName', 0, '') || 'westcoast-halo-writes');
		const owner = `execution ${this.getExecutionId() ?? 'unknown'}`;
		if (this.getNodeParameter('operation', 0) === 'release') {
			locks.release(name, owner);
			return [items];
		}
		const holdMs = Number(this.getNodeParameter('holdMinutes', 0, 15)) * MINUTE_MS;
		const waitMs = Number(this.getNodeParameter('waitMinutes', 0, 20)) * MINUTE_MS;
		const started = Date.now();
		while (!locks.tryAcquire(name, owner, Date.now(), holdMs)) {
			if (Date.now() - started >= waitMs) {
				const holder = locks.holder(name, Date.now());
				throw new NodeOperationError(
					this.getNode(),
					`Lock "${name}" is still held by ${holder?.owner ?? 'another run'} after waiting ${Math.round(waitMs / 1000)} s: another run is reading and writing. Nothing was read or written; run again later.`,
				);
			}
			await sleep(POLL_MS);
		}
		const waited = Date.now() - started;
		if (waited >= POLL_MS)
			this.addExecutionHints({
				message: `Waited ${Math.round(waited / 1000)} s for lock "${name}".`,
				location: 'outputPane',
			});
		return [items];
	}
}
