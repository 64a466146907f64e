/**
 * The built package, packed and installed into the real n8n 2.41.1 (as a
 * community package), lists customers from the Westcoast sandbox and reports
 * a wrong password without leaking it.
 */
import { startWestcoastSandbox, type WestcoastSandbox } from '../../sandbox/westcoast';
import {
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	installPackage,
	outputOf,
	packPackage,
	type N8nHome,
} from '../../harness/real-n8n/real-n8n';
import { listCustomersWorkflow, westcoastCredential } from '../../harness/real-n8n/westcoast-workflows';

const MINUTE = 60_000;
const WRONG_PASSWORD = 'Not-The-Sandbox-Password-7731';
const NODE_NAME = 'List Customers';

const progress: string[] = [];
function log(line: string): void {
	progress.push(line);
	process.stderr.write(`[real-n8n] ${line}\n`);
}

describe('Westcoast Cloud node in the real n8n', () => {
	let sandbox: WestcoastSandbox;
	let home: N8nHome;

	beforeAll(async () => {
		// Before the (possibly minutes-long) n8n install: fails at once if dist/ is missing.
		await packPackage({ log });
		sandbox = await startWestcoastSandbox({ port: 0, seed: 20261101 });
		home = await createN8nHome({ log });
		await installPackage(home.userFolder, { log });

		const login = { marketplaceUrl: sandbox.url, ...sandbox.users.admin };
		const good = westcoastCredential('wc-cred-1', 'Westcoast Sandbox', login);
		const wrong = westcoastCredential('wc-cred-2', 'Westcoast Wrong Password', {
			...login,
			password: WRONG_PASSWORD,
		});
		await importCredentials(home, [good, wrong]);
		await importWorkflow(home, [
			listCustomersWorkflow('wcListCustomers', good, NODE_NAME),
			listCustomersWorkflow('wcWrongPassword', wrong, NODE_NAME),
		]);
	}, 15 * MINUTE);

	afterAll(async () => {
		await sandbox?.close();
		await home?.remove();
	});

	test(
		'lists every sandbox customer with its id and name',
		async () => {
			const result = await executeWorkflow(home, 'wcListCustomers');

			expect(result.packageLoadErrors).toEqual([]);
			expect(result.error).toBeUndefined();
			expect(result.exitCode).toBe(0);
			const customers = outputOf(result, NODE_NAME);
			const expected = sandbox.state().customers;
			expect(expected.length).toBeGreaterThan(0);
			expect(customers).toHaveLength(expected.length);
			// Simplified output: ids as strings, names trimmed.
			expect(customers.map(({ westcoastId, name }) => ({ westcoastId, name }))).toEqual(
				expected.map((company) => ({
					westcoastId: String(company.AccountId),
					name: company.CompanyName.trim(),
				})),
			);
		},
		3 * MINUTE,
	);

	test(
		'a wrong password fails the run, says so, and is not printed',
		async () => {
			const result = await executeWorkflow(home, 'wcWrongPassword');

			expect(result.packageLoadErrors).toEqual([]);
			expect(result.exitCode).toBe(1);
			expect(result.error?.message).toMatch(/^Wrong username or password/);
			expect(result.error?.node).toMatchObject({ name: NODE_NAME });
			expect(result.rawLog).not.toContain(WRONG_PASSWORD);
			expect(progress.join('\n')).not.toContain(WRONG_PASSWORD);
			expect(progress.join('\n')).not.toContain(sandbox.users.admin.password);
		},
		3 * MINUTE,
	);
});
