import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_HOLD_MINUTES, DEFAULT_LOCK_NAME, DEFAULT_WAIT_MINUTES } from '../../core/run-lock';
import { nodeDescription } from '../shared/descriptions';

const properties: INodeProperties[] = [
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
		description: 'Runs that use the same name (in any workflow of this n8n) wait for each other',
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
];

export const description = nodeDescription({
	displayName: 'Run Lock',
	name: 'runLock',
	description:
		'Let one run at a time through to its writes: take a named lock (waiting while another run holds it), or give it back',
	properties,
});
