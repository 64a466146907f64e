/**
 * The inputs and outputs of the nodes with more than one, in canvas order:
 * the one place their positions are written. The node descriptions, their
 * `execute`, the workflow sources (which connect by port, never by number)
 * and the tests read these tables.
 */
import type { PlannerInput } from './wiring';

/** One input or output of a node: its position on the node and its label on the canvas. */
export interface Port {
	/** The node's type name (`licenceSync`). */
	node: string;
	side: 'input' | 'output';
	key: string;
	index: number;
	label: string;
}

export interface NodeIo<
	I extends Record<string, { label: string }>,
	O extends Record<string, string>,
> {
	node: string;
	inputs: { readonly [K in keyof I]: I[K] & Port };
	outputs: { readonly [K in keyof O]: Port };
	/** Every input, in order. */
	inputList: ReadonlyArray<I[keyof I] & Port>;
	/** Every output, in order. */
	outputList: readonly Port[];
}

/** A table from inputs and outputs listed in canvas order (outputs: key to label). */
function nodeIo<
	const I extends Record<string, { label: string }>,
	const O extends Record<string, string>,
>(node: string, inputs: I, outputs: O): NodeIo<I, O> {
	const inputList = Object.entries(inputs).map(([key, input], index) => ({
		...input,
		node,
		side: 'input' as const,
		key,
		index,
	}));
	const outputList = Object.entries(outputs).map(([key, label], index) => ({
		node,
		side: 'output' as const,
		key,
		index,
		label,
	}));
	return {
		node,
		inputs: Object.fromEntries(inputList.map((port) => [port.key, port])) as NodeIo<I, O>['inputs'],
		outputs: Object.fromEntries(outputList.map((port) => [port.key, port])) as NodeIo<
			I,
			O
		>['outputs'],
		inputList: inputList as unknown as NodeIo<I, O>['inputList'],
		outputList,
	};
}

export const LICENCE_SYNC_IO = nodeIo(
	'licenceSync',
	{
		subscriptions: {
			label: 'Westcoast Subscriptions',
			expects: 'westcoastSubscription',
			source: 'the Westcoast Cloud node (Subscription > Get Many)',
		},
		licences: {
			label: 'PSA Licences',
			expects: 'psaLicence',
			source: 'the PSA licence list (Halo: GET /api/SoftwareLicence, through PSA List Check)',
		},
		mappings: {
			label: 'Customer Mappings',
			expects: 'customerMapping',
			source: "Mapping Resolver's Mapped output",
		},
	} satisfies Record<string, PlannerInput>,
	{
		create: 'Create',
		update: 'Update',
		deactivate: 'Deactivate',
		unchanged: 'Unchanged',
		skipped: 'Skipped',
		summary: 'Summary',
	},
);

export const MAPPING_RESOLVER_IO = nodeIo(
	'mappingResolver',
	{
		westcoast: {
			label: 'Westcoast Customers',
			expects: 'westcoastCustomer',
			source: 'the Westcoast Cloud node (Customer > Get Many)',
		},
		psa: {
			label: 'PSA Customers',
			expects: 'psaCustomer',
			source: 'the PSA customer list (Halo: GET /api/Client)',
		},
	} satisfies Record<string, PlannerInput>,
	{
		mapped: 'Mapped',
		create: 'Create',
		addressChanges: 'Addresses',
		review: 'Review',
		table: 'Table',
	},
);

export const PSA_CREATE_CHECK_IO = nodeIo(
	'psaCreateCheck',
	{ planned: { label: 'Planned Creates' }, found: { label: 'Found in PSA' } },
	{ create: 'Create', update: 'Update', existing: 'Existing' },
);

/** Every table, by node type name: a connection to one of these nodes must name its port. */
export const NODE_IO: Readonly<
	Record<string, { inputList: readonly Port[]; outputList: readonly Port[] }>
> = Object.fromEntries(
	[LICENCE_SYNC_IO, MAPPING_RESOLVER_IO, PSA_CREATE_CHECK_IO].map((io) => [io.node, io]),
);
