import type { INodeParameters } from 'n8n-workflow';

import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO } from '../../core/node-io';
import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import { PACKAGE_NAME } from '../../harness/in-process/node-types';
import type { WorkflowJson } from '../../harness/in-process/run-workflow';
import { WorkflowGraph, type NodeSpec } from '../../workflows/source/graph';

export const NODES = {
	customers: 'Westcoast Customers',
	psaCustomers: 'PSA Customers',
	mapping: 'Mapping Resolver',
	subscriptions: 'Westcoast Subscriptions',
	psaLicences: 'PSA Licences',
	licences: 'Licence Sync',
} as const;

const node = (
	name: string,
	type: string,
	parameters: INodeParameters,
	x: number,
	y: number,
	credential = false,
): NodeSpec => ({
	name,
	type,
	typeVersion: 1,
	position: [x, y],
	parameters,
	...(credential
		? {
				credentials: {
					[WESTCOAST_CREDENTIAL_TYPE]: { id: 'wc-1', name: 'Westcoast Sandbox' },
				},
			}
		: {}),
});

/**
 * Westcoast customers + a PSA customer list -> Mapping Resolver; its Mapped
 * output + Westcoast subscriptions + a PSA licence list -> Licence Sync.
 * The PSA lists are fixtures (what Halo's GET calls return).
 */
export function syncWorkflow(options: {
	psaCustomers: unknown[];
	psaLicences: unknown[];
	mapping?: INodeParameters;
	licences?: INodeParameters;
}): WorkflowJson {
	const graph = new WorkflowGraph('sync-plan', 'Westcoast to PSA plan');
	const trigger = graph.add(node('Manual Trigger', 'n8n-nodes-base.manualTrigger', {}, 0, 0));
	const customers = graph.add(
		node(
			NODES.customers,
			`${PACKAGE_NAME}.westcoastCloud`,
			{ resource: 'customer', operation: 'getAll', returnAll: true },
			200,
			0,
			true,
		),
	);
	const psaCustomers = graph.add(
		node(
			NODES.psaCustomers,
			'test.fixture',
			{ items: JSON.stringify(options.psaCustomers) },
			200,
			200,
		),
	);
	const mapping = graph.add(
		node(
			NODES.mapping,
			`${PACKAGE_NAME}.mappingResolver`,
			{ psaPreset: 'haloPsa', ...(options.mapping ?? {}) },
			400,
			100,
		),
	);
	const subscriptions = graph.add(
		node(
			NODES.subscriptions,
			`${PACKAGE_NAME}.westcoastCloud`,
			{ resource: 'subscription', operation: 'getAll', returnAll: true },
			400,
			300,
			true,
		),
	);
	const psaLicences = graph.add(
		node(
			NODES.psaLicences,
			'test.fixture',
			{ items: JSON.stringify(options.psaLicences) },
			400,
			500,
		),
	);
	const licences = graph.add(
		node(
			NODES.licences,
			`${PACKAGE_NAME}.licenceSync`,
			{ psaPreset: 'haloPsa', ...(options.licences ?? {}) },
			600,
			300,
		),
	);
	for (const read of [customers, psaCustomers, subscriptions, psaLicences])
		graph.connect(trigger, read);
	const { inputs: mappingInput, outputs: mappingOutput } = MAPPING_RESOLVER_IO;
	const { inputs: licenceInput } = LICENCE_SYNC_IO;
	graph.connect(customers, mapping, 0, mappingInput.westcoast);
	graph.connect(psaCustomers, mapping, 0, mappingInput.psa);
	graph.connect(mapping, licences, mappingOutput.mapped, licenceInput.mappings);
	graph.connect(subscriptions, licences, 0, licenceInput.subscriptions);
	graph.connect(psaLicences, licences, 0, licenceInput.licences);
	return graph.toJson();
}
