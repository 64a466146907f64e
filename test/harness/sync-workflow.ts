import type { INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME } from '../../harness/in-process/node-types';
import type { WorkflowJson } from '../../harness/in-process/run-workflow';

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
) => ({
	id: name,
	name,
	type,
	typeVersion: 1,
	position: [x, y] as [number, number],
	parameters,
	...(credential
		? { credentials: { westcoastCloudApi: { id: 'wc-1', name: 'Westcoast Sandbox' } } }
		: {}),
});

const to = (target: string, index = 0) => ({ node: target, type: 'main' as const, index });

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
	return {
		name: 'Westcoast to PSA plan',
		nodes: [
			node('Manual Trigger', 'n8n-nodes-base.manualTrigger', {}, 0, 0),
			node(
				NODES.customers,
				`${PACKAGE_NAME}.westcoastCloud`,
				{ resource: 'customer', operation: 'getAll', returnAll: true },
				200,
				0,
				true,
			),
			node(
				NODES.psaCustomers,
				'test.fixture',
				{ items: JSON.stringify(options.psaCustomers) },
				200,
				200,
			),
			node(
				NODES.mapping,
				`${PACKAGE_NAME}.mappingResolver`,
				{ psaPreset: 'haloPsa', ...(options.mapping ?? {}) },
				400,
				100,
			),
			node(
				NODES.subscriptions,
				`${PACKAGE_NAME}.westcoastCloud`,
				{ resource: 'subscription', operation: 'getAll', returnAll: true },
				400,
				300,
				true,
			),
			node(
				NODES.psaLicences,
				'test.fixture',
				{ items: JSON.stringify(options.psaLicences) },
				400,
				500,
			),
			node(
				NODES.licences,
				`${PACKAGE_NAME}.licenceSync`,
				{ psaPreset: 'haloPsa', ...(options.licences ?? {}) },
				600,
				300,
			),
		],
		connections: {
			'Manual Trigger': {
				main: [
					[
						to(NODES.customers),
						to(NODES.psaCustomers),
						to(NODES.subscriptions),
						to(NODES.psaLicences),
					],
				],
			},
			[NODES.customers]: { main: [[to(NODES.mapping, 0)]] },
			[NODES.psaCustomers]: { main: [[to(NODES.mapping, 1)]] },
			[NODES.mapping]: { main: [[to(NODES.licences, 2)]] },
			[NODES.subscriptions]: { main: [[to(NODES.licences, 0)]] },
			[NODES.psaLicences]: { main: [[to(NODES.licences, 1)]] },
		},
	};
}
