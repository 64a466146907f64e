import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	IConnections,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import { WestcoastCloudApi } from '../../credentials/WestcoastCloudApi.credentials';
import { TestCredentialsHelper, type StoredCredential } from './credentials-helper';
import { createNodeTypes } from './node-types';

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowBase['settings'];
}

export interface RunOptions {
	credentials?: StoredCredential[];
	/** Reuse a helper across runs (e.g. to keep a stored session token). */
	credentialsHelper?: TestCredentialsHelper;
	extraNodeTypes?: Record<string, INodeType>;
	/** How n8n started the run (default manual, which keeps no static data). */
	mode?: WorkflowExecuteMode;
	/** The workflow's static data, kept by the caller across runs as n8n keeps it for active workflows. */
	staticData?: IDataObject;
}

export interface WorkflowResult {
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
	/** Items of one output of a node's first run (output 0 by default). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error the run stopped with, if any. */
	error: IRun['data']['resultData']['error'];
}

const UNUSED_BASE_URL = 'http://127.0.0.1:5678';

export const credentialTypes = new Map<string, ICredentialType>([
	[WESTCOAST_CREDENTIAL_TYPE, new WestcoastCloudApi()],
]);

export function createCredentialsHelper(
	credentials: StoredCredential[] = [],
): TestCredentialsHelper {
	const helper = new TestCredentialsHelper(credentialTypes);
	for (const credential of credentials) helper.add(credential);
	return helper;
}

/** Executes workflow JSON with n8n-core's WorkflowExecute, as the n8n engine does for a manual run. */
export async function runWorkflow(
	json: WorkflowJson,
	options: RunOptions = {},
): Promise<WorkflowResult> {
	const credentialsHelper =
		options.credentialsHelper ?? createCredentialsHelper(options.credentials);
	if (options.credentialsHelper)
		for (const credential of options.credentials ?? []) credentialsHelper.add(credential);
	const nodeTypes = createNodeTypes(options.extraNodeTypes);
	const workflowData: IWorkflowBase = {
		id: json.id ?? 'test-workflow',
		name: json.name,
		active: false,
		isArchived: false,
		nodes: json.nodes,
		connections: json.connections,
		settings: { executionOrder: 'v1', ...(json.settings ?? {}) },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
		staticData: options.staticData,
	});
	const additionalData = {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', workflowData),
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		// Never contacted: n8n-core only builds resume URLs from these.
		restApiUrl: `${UNUSED_BASE_URL}/rest`,
		instanceBaseUrl: UNUSED_BASE_URL,
		formBaseUrl: `${UNUSED_BASE_URL}/form`,
		formWaitingBaseUrl: `${UNUSED_BASE_URL}/form-waiting`,
		formTestBaseUrl: `${UNUSED_BASE_URL}/form-test`,
		webhookBaseUrl: `${UNUSED_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${UNUSED_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${UNUSED_BASE_URL}/webhook-test`,
		mcpBaseUrl: `${UNUSED_BASE_URL}/mcp`,
		mcpTestBaseUrl: `${UNUSED_BASE_URL}/mcp-test`,
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;

	const startNode = json.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const run = await new WorkflowExecute(additionalData, options.mode ?? 'manual').run({
		workflow,
		startNode: startNode ? (workflow.getNode(startNode.name) ?? undefined) : undefined,
	});
	const runData = run.data.resultData.runData;
	return {
		run,
		credentialsHelper,
		error: run.data.resultData.error,
		output: (nodeName, outputIndex = 0) => runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [],
	};
}
