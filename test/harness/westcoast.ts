import type { INodeParameters } from 'n8n-workflow';

import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import type { WestcoastSandbox } from '../../sandbox/westcoast';
import type { StoredCredential } from '../../harness/in-process/credentials-helper';
import { MANUAL_TRIGGER_NODE, PACKAGE_NAME } from '../../harness/in-process/node-types';
import type { WorkflowJson } from '../../harness/in-process/run-workflow';
import { WorkflowGraph } from '../../workflows/source/graph';

export const WESTCOAST_NODE_TYPE = `${PACKAGE_NAME}.westcoastCloud`;
export const WESTCOAST_NODE = 'Westcoast Cloud';

export function sandboxCredential(
	sandbox: WestcoastSandbox,
	overrides: Partial<
		Record<'marketplaceUrl' | 'username' | 'password' | 'resellerAccountId', string>
	> = {},
	id = 'wc-1',
): StoredCredential {
	return {
		id,
		name: 'Westcoast Sandbox',
		type: WESTCOAST_CREDENTIAL_TYPE,
		data: {
			marketplaceUrl: sandbox.url,
			username: sandbox.users.admin.username,
			password: sandbox.users.admin.password,
			resellerAccountId: '',
			sessionToken: '',
			...overrides,
		},
	};
}

/** Manual Trigger -> Westcoast Cloud with these parameters. */
export function westcoastWorkflow(
	parameters: INodeParameters,
	options: { credentialId?: string; continueOnFail?: boolean } = {},
): WorkflowJson {
	const graph = new WorkflowGraph('westcoast', 'Westcoast Cloud test');
	const { id: _id, ...trigger } = MANUAL_TRIGGER_NODE;
	graph.add(trigger);
	graph.add({
		name: WESTCOAST_NODE,
		type: WESTCOAST_NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: {
			[WESTCOAST_CREDENTIAL_TYPE]: {
				id: options.credentialId ?? 'wc-1',
				name: 'Westcoast Sandbox',
			},
		},
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	});
	graph.connect(trigger.name, WESTCOAST_NODE);
	return graph.toJson();
}
