import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	DEFAULT_HOLD_MINUTES,
	DEFAULT_LOCK_NAME,
	DEFAULT_WAIT_MINUTES,
	RunLocks,
} from '../../core/run-lock';
import { description } from './description';

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
		...description,
		// n8n's community lint reads these from the node class itself.
		icon: { light: 'file:runLock.svg', dark: 'file:runLock.dark.svg' },
		subtitle:
			'={{($parameter["operation"] === "release" ? "Release lock " : "Acquire lock ") + $parameter["lockName"]}}',
		usableAsTool: true,
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
