/**
 * `npm run sandbox`: the local Westcoast Cloud marketplace and HaloPSA on
 * 127.0.0.1, seeded to overlap, until Ctrl-C. Ports: WESTCOAST_PORT (4010), HALO_PORT (4020).
 */
import { ADMIN_PREFIX } from './server';
import { startPairedSandboxes } from './paired';

async function main() {
	const sandboxes = await startPairedSandboxes({
		seed: Number(process.env.SANDBOX_SEED ?? 1),
		westcoastPort: Number(process.env.WESTCOAST_PORT ?? 4010),
		haloPort: Number(process.env.HALO_PORT ?? 4020),
	});
	const { westcoast, halo } = sandboxes;
	const state = westcoast.state();
	const lines = [
		'Westcoast Cloud marketplace sandbox',
		`  Marketplace URL:  ${westcoast.url}`,
		`  Username:         ${westcoast.users.admin.username}`,
		`  Password:         ${westcoast.users.admin.password}`,
		`  Also:             ${westcoast.users.mfa.username} (MFA on), ${westcoast.users.noRole.username} (no Reseller Admin role), same password pattern`,
		`  Data:             ${state.customers.length} customers, ${state.subscriptions.length} subscriptions (reseller account ${westcoast.resellerAccountId})`,
		`  Admin API:        ${westcoast.url}${ADMIN_PREFIX}/state  (change data, inject faults: see README)`,
		'',
		'HaloPSA sandbox',
		`  Resource server:  ${halo.url}/api`,
		`  Token URL:        ${halo.tokenUrl}  (OAuth2 client credentials, scope "all")`,
		`  Client ID:        ${halo.clientId}`,
		`  Client secret:    ${halo.clientSecret}`,
		`  Admin API:        ${halo.url}${ADMIN_PREFIX}/state`,
		'',
		'These are sandbox-only logins. Press Ctrl-C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = async () => {
		await sandboxes.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`Could not start the sandboxes: ${(error as Error).message}\n`);
	process.exit(1);
});
