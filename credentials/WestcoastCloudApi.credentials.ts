import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	WESTCOAST_CREDENTIAL_DISPLAY_NAME,
	WESTCOAST_CREDENTIAL_TYPE,
} from '../core/westcoast/credential';
import { CONNECTION_MESSAGES, type ConnectionCredentials } from '../core/westcoast/connection-test';
import { CALLS, DEFAULT_MARKETPLACE_URL, MISSING_ROLE_STATUS } from '../core/westcoast/protocol';
import type { RawHttpResponse } from '../core/westcoast/response';
import { authorizeRequest, openSession, type StoredSession } from '../core/westcoast/session';
import { marketplaceRequest } from '../core/westcoast/request';

export class WestcoastCloudApi implements ICredentialType {
	name = WESTCOAST_CREDENTIAL_TYPE;

	displayName = WESTCOAST_CREDENTIAL_DISPLAY_NAME;

	icon: Icon = {
		light: 'file:../nodes/WestcoastCloud/westcoastCloud.svg',
		dark: 'file:../nodes/WestcoastCloud/westcoastCloud.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-westcoast-cloud/n8n-nodes-westcoast-cloud#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'The user needs the Reseller Admin role and must have 2FA/MFA switched off: the marketplace API does not support MFA. A dedicated API user is best.',
			name: 'requirementsNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Issued By',
			name: 'sessionBaseUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Session Account ID',
			name: 'sessionAccountId',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Marketplace URL',
			name: 'marketplaceUrl',
			type: 'string',
			default: DEFAULT_MARKETPLACE_URL,
			required: true,
			description: 'The address you log in to the marketplace at. Must start with https://.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'A marketplace user with the Reseller Admin role and with 2FA/MFA switched off',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Reseller Account ID',
			name: 'resellerAccountId',
			type: 'string',
			default: '',
			description: 'Leave empty to use the account of the logged-in user',
		},
	];

	/**
	 * Logs in, reads the reseller's company, and keeps the session with the URL
	 * that issued it; a failure is thrown in plain words (the credential test
	 * shows them under "More details").
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const session: StoredSession = await openSession(
			credentials as unknown as ConnectionCredentials,
			async (baseUrl, call, body, token) =>
				(await this.helpers.httpRequest(
					marketplaceRequest(baseUrl, call, body, undefined, token),
				)) as RawHttpResponse,
		);
		return { ...session };
	}

	/** The session header, only on calls to the marketplace that issued the token. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authorizeRequest(credentials as Partial<StoredSession>, requestOptions);
	}

	/**
	 * "Test": preAuthentication logs in and reads the company (its failures say
	 * why), then the session lists the reseller's customers, which needs the
	 * Reseller Admin role.
	 */
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: CALLS.getCompanies },
		rules: [
			{
				type: 'responseCode',
				properties: { value: MISSING_ROLE_STATUS, message: CONNECTION_MESSAGES.missingRole() },
			},
		],
	};
}
