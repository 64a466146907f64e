/** The credentials the shipped workflows name (by name; imported before them, so that the import assigns them), pointed at the sandboxes. */
import type { PairedSandboxes } from '../../sandbox/paired';
import { HALO_CREDENTIAL, WESTCOAST_CREDENTIAL } from '../../workflows/source/package-nodes';
import type { CredentialToImport } from '../real-n8n/real-n8n';
import { westcoastCredential } from '../real-n8n/westcoast-workflows';

export function sandboxCredentials({ westcoast, halo }: PairedSandboxes): CredentialToImport[] {
	return [
		westcoastCredential(WESTCOAST_CREDENTIAL.id, WESTCOAST_CREDENTIAL.name, {
			marketplaceUrl: westcoast.url,
			...westcoast.users.admin,
		}),
		{
			id: HALO_CREDENTIAL.id,
			name: HALO_CREDENTIAL.name,
			type: HALO_CREDENTIAL.type,
			// n8n's generic OAuth2 credential, as a user fills it in for Halo.
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: halo.tokenUrl,
				clientId: halo.clientId,
				clientSecret: halo.clientSecret,
				scope: 'all',
				authentication: 'body',
			},
		},
	];
}
