import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import {
	testConnection,
	type ConnectionCredentials,
} from '../../../core/westcoast/connection-test';
import type { RawHttpResponse } from '../../../core/westcoast/response';
import { marketplaceRequest } from '../transport';

/**
 * "Test" on the credential: n8n gives credential tests only the legacy
 * `request` helper, so the shared request is translated to its options here.
 */
export async function westcoastCloudConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const result = await testConnection(
		credential.data as unknown as ConnectionCredentials,
		async (baseUrl, call, body, token) => {
			const request = marketplaceRequest(baseUrl, call, body, undefined, token);
			// n8n gives credential tests no other HTTP helper than the legacy `request`.
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
			return (await this.helpers.request({
				method: request.method,
				uri: request.url,
				body: request.body,
				headers: request.headers,
				json: false,
				simple: false,
				resolveWithFullResponse: true,
				followRedirect: false,
				timeout: request.timeout,
			})) as RawHttpResponse;
		},
	);
	return {
		status: result.case === 'success' ? 'OK' : 'Error',
		message: result.message,
	};
}
