import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, sleep } from 'n8n-workflow';

import {
	DEFAULT_HOLD_MINUTES,
	DEFAULT_LOCK_NAME,
	DEFAULT_WAIT_MINUTES,
	RunLocks,
} from '../../core/run-lock';

const MINUTE_MS = 60_000;
const POLL_MS = 500;

/**
 * One table per n8n process (module state: n8n loads a node's module once).
 * Workflows run in the main process in n8n's regular mode; in queue mode
 * (several workers) the shipped queue-mode workflows lock in Postgres instead.
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
				default: DEFAULT_LOCK_NAME,
				description:
					'Runs that use the same name (in any workflow of this n8n) wait for each other',
			},
			{
				displayName: 'Execution ID',
				name: 'executionId',
				type: 'string',
				default: '',
				displayOptions: { show: { operation: ['release'] } },
				description:
					"The run whose lock to give back; empty for this run. On an Error Trigger's path, the failed run's execution ID (from the Error Trigger) gives its lock back at once instead of after Hold Up To.",
			},
			{
				displayName: 'Hold Up To (Minutes)',
				name: 'holdMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_HOLD_MINUTES,
				displayOptions: { show: { operation: ['acquire'] } },
				description:
					'The lock counts as free after this long, so a run that failed before releasing it blocks others only this long',
			},
			{
				displayName: 'Wait Up To (Minutes)',
				name: 'waitMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_WAIT_MINUTES,
				displayOptions: { show: { operation: ['acquire'] } },
				description: 'How long to wait for another run to release the lock before failing',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const name = String(this.getNodeParameter('lockName', 0, '') || DEFAULT_LOCK_NAME);
		const ownerOf = (executionId: string) => `execution ${executionId}`;
		const owner = ownerOf(this.getExecutionId() ?? 'unknown');
		if (this.getNodeParameter('operation', 0) === 'release') {
			const failedRun = String(this.getNodeParameter('executionId', 0, '') ?? '').trim();
			const released = locks.release(name, failedRun ? ownerOf(failedRun) : owner);
			if (failedRun)
				this.addExecutionHints({
					message: released
						? `Gave back lock "${name}" of execution ${failedRun}.`
						: `Execution ${failedRun} did not hold lock "${name}".`,
					location: 'outputPane',
				});
			return [items];
		}
		const holdMs =
			Number(this.getNodeParameter('holdMinutes', 0, DEFAULT_HOLD_MINUTES)) * MINUTE_MS;
		const waitMs =
			Number(this.getNodeParameter('waitMinutes', 0, DEFAULT_WAIT_MINUTES)) * MINUTE_MS;
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
