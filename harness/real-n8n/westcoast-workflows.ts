import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import type { CredentialToImport, WorkflowToImport } from './cli';

export const WESTCOAST_NODE_TYPE = 'n8n-nodes-westcoast-cloud.westcoastCloud';

export interface WestcoastLogin {
	marketplaceUrl: string;
	username: string;
	password: string;
	resellerAccountId?: string;
}

export function westcoastCredential(
	id: string,
	name: string,
	login: WestcoastLogin,
): CredentialToImport {
	return {
		id,
		name,
		type: WESTCOAST_CREDENTIAL_TYPE,
		data: { resellerAccountId: '', ...login },
	};
}

/** Manual Trigger -> Westcoast Cloud "Customer: Get Many" (all, simplified). */
export function listCustomersWorkflow(
	id: string,
	credential: Pick<CredentialToImport, 'id' | 'name'>,
	nodeName = 'List Customers',
): WorkflowToImport {
	return {
		id,
		name: `List Westcoast customers (${credential.name})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-westcoast`,
				name: nodeName,
				type: WESTCOAST_NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'customer', operation: 'getAll', returnAll: true, simplify: true },
				credentials: { [WESTCOAST_CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		},
	};
}
