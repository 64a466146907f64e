import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	CALLS,
	DEFAULT_MARKETPLACE_URL,
	SESSION_SCHEME,
	SESSION_HEADER,
} from '../core/westcoast/protocol';
import { normalizeMarketplaceUrl } from '../core/westcoast/url';
import { readSessionToken, type RawHttpResponse } from '../core/westcoast/response';
import { explainLoginError } from '../core/westcoast/connection-test';
import { marketplaceRequest } from '../nodes/WestcoastCloud/transport';

export class WestcoastCloudApi implements ICredentialType {
	name = 'westcoastCloudApi';

	displayName = 'Westcoast Cloud API';

	icon: Icon = {
		light: 'file:../nodes/WestcoastCloud/westcoastCloud.svg',
		dark: 'file:../nodes/WestcoastCloud/westcoastCloud.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-westcoast-cloud/n8n-nodes-westcoast-cloud#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
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

	/** Logs in and keeps the session token in the hidden, expirable property. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const username = String(credentials.username ?? '').trim();
		const baseUrl = normalizeMarketplaceUrl(String(credentials.marketplaceUrl));
		const host = new URL(baseUrl).host;
		const password = String(credentials.password ?? '');
		const secrets = [password, String(credentials.sessionToken ?? '')];
		const request = marketplaceRequest(baseUrl, CALLS.getSessionToken, { username, password });
		const answer = await this.helpers.httpRequest(request).then(
			(raw: RawHttpResponse) => ({ raw }),
			(error: unknown) => ({ error }),
		);
		// Only plain words leave here: the HTTP client's own error holds the request body, password included.
		if ('error' in answer) throw explainLoginError(answer.error, username, host, secrets);
		try {
			return { sessionToken: readSessionToken(answer.raw, CALLS.getSessionToken, secrets) };
		} catch (error) {
			throw explainLoginError(error, username, host, secrets);
		}
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				[SESSION_HEADER]: `=${SESSION_SCHEME} {{$credentials.sessionToken}}`,
			},
		},
	};
}
