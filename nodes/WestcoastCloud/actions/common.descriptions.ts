import type { INodeProperties } from 'n8n-workflow';

import { ACCOUNT_STATES } from '../../../core/westcoast/protocol';
import { optionsCollection } from '../../shared/descriptions';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_SECONDS } from '../../../core/westcoast/retry';

/** A customer of the reseller, picked from the list or given by ID. */
export const customerIdProperty: INodeProperties = {
	displayName: 'Customer Name or ID',
	name: 'customerId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomers' },
	required: true,
	default: '',
	description:
		'The customer\'s Westcoast account ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** On by default: Mapping Resolver and Licence Sync need complete lists (a cut list looks like deletions). */
export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: true,
	description: 'Whether to return all results or only up to a given limit',
	hint: 'Keep on when this feeds Mapping Resolver or Licence Sync: they need the complete list, and a limited one makes the rest look deleted',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the documented, stable shape (IDs as text, ISO dates, seat count) instead of the API object untouched',
};

export const stateFilterProperty: INodeProperties = {
	displayName: 'State',
	name: 'states',
	type: 'multiOptions',
	options: [
		...ACCOUNT_STATES.map((state) => ({ name: state, value: state })),
		{ name: 'Other (Unknown State)', value: 'other' },
	],
	default: [],
	description: 'Only return records in these account states. Empty means every state.',
};

export const nameContainsFilterProperty = (what: string): INodeProperties => ({
	displayName: 'Name Contains',
	name: 'nameContains',
	type: 'string',
	default: '',
	description: `Only return ${what} whose name contains this text (case-insensitive)`,
});

/** Options every operation has: how hard to try the marketplace. */
export const requestOptionProperties: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often to repeat a call the marketplace answered with 429, 502, 503 or 504, or whose connection dropped',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_SECONDS,
		description: 'How long to wait for one answer before giving up on it',
	},
];

/** The Options collection of operations that have no options of their own. */
export const requestOptionsCollection = optionsCollection(requestOptionProperties);
