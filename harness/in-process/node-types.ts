import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { LicenceSync } from '../../nodes/LicenceSync/LicenceSync.node';
import { MappingResolver } from '../../nodes/MappingResolver/MappingResolver.node';
import { PsaCreateCheck } from '../../nodes/PsaCreateCheck/PsaCreateCheck.node';
import { WestcoastCloud } from '../../nodes/WestcoastCloud/WestcoastCloud.node';

export const PACKAGE_NAME = 'n8n-nodes-westcoast-cloud';

/** A workflow's Manual Trigger node (the stand-in below runs it in tests). */
export const MANUAL_TRIGGER_NODE = {
	id: 't',
	name: 'Manual Trigger',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** Stand-in for n8n's Manual Trigger (n8n-nodes-base is not a dependency): one empty item. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return { manualTriggerFunction: async () => this.emit([[{ json: {} }]]) };
	}
}

/** Test-only source of fixed items (parameter `items`: a JSON array), e.g. a PSA's customer list. */
class Fixture implements INodeType {
	description = {
		displayName: 'Fixture',
		name: 'fixture',
		group: ['input'],
		version: 1,
		description: '',
		defaults: { name: 'Fixture' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as object[];
		return [
			items.map((json) => ({ json: json as INodeExecutionData['json'], pairedItem: { item: 0 } })),
		];
	}
}

/** The package's node types under the names real n8n gives them, plus the test stand-ins. */
export function createNodeTypes(extra: Record<string, INodeType> = {}): INodeTypes {
	const types: Record<string, INodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		'test.fixture': new Fixture(),
		[`${PACKAGE_NAME}.westcoastCloud`]: new WestcoastCloud(),
		[`${PACKAGE_NAME}.mappingResolver`]: new MappingResolver(),
		[`${PACKAGE_NAME}.licenceSync`]: new LicenceSync(),
		[`${PACKAGE_NAME}.psaCreateCheck`]: new PsaCreateCheck(),
		...extra,
	};
	return {
		getByName: (name: string) => lookup(types, name),
		getByNameAndVersion: (name: string) => lookup(types, name),
		getKnownTypes: () => ({}),
	};
}

function lookup(types: Record<string, INodeType>, name: string): INodeType & IVersionedNodeType {
	const type = types[name];
	if (!type) throw new Error(`Unknown node type ${name}`);
	return type as INodeType & IVersionedNodeType;
}
