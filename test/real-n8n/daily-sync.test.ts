/**
 * The shipped workflows (workflows/*.json), run by the real n8n 2.41.1 against
 * the paired Westcoast and HaloPSA sandboxes. Halo's final state is judged
 * against the Westcoast data by this test's own reading of it, never by the
 * planners' output; Halo's strict mode refuses any payload field it lacks.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import {
	IMPORT_CUSTOMERS_FILE,
	IMPORT_SUBSCRIPTIONS_FILE,
	NODE,
	WEBHOOK_PATH,
} from '../../workflows/source/workflows';
import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import { INVALID_SETTINGS_NODE, SETTING } from '../../workflows/source/settings';
import { LINK_TABLE, type HaloState } from '../../sandbox/halo';
import {
	startDailySyncEnvironment,
	TEST_SETTINGS,
	TEST_TOP_LEVEL,
	type DailySyncEnvironment,
	type SyncRun,
} from '../../harness/daily-sync/environment';
import { haloProblems } from './daily-sync/halo-check';
import { callWebhook, publishWorkflow, waitForWebhook } from '../../harness/daily-sync/webhooks';
import { licensedSubscriptions, seatsOf } from '../../harness/daily-sync/westcoast-facts';
import { readWorkflowFile, withSettings } from '../../harness/daily-sync/workflow-file';
import { exportCredentials, importWorkflow } from '../../harness/real-n8n/real-n8n';
import { startN8nServer, type N8nServer } from '../../harness/real-n8n/server';

const MINUTE = 60_000;

/** Every file n8n wrote in its home (database, event logs, config), not the installed packages. */
async function filesUnder(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { withFileTypes: true });
	const nested = await Promise.all(
		entries
			.filter((entry) => entry.name !== 'node_modules')
			.map((entry) => {
				const full = path.join(folder, entry.name);
				return entry.isDirectory() ? filesUnder(full) : Promise.resolve([full]);
			}),
	);
	return nested.flat();
}
const TOP_LEVEL = TEST_TOP_LEVEL;
const SETTINGS = TEST_SETTINGS;
const IN_STEP = { customers: [], licences: [] };

function log(line: string): void {
	process.stderr.write(`[real-n8n] ${line}\n`);
}

const haloWrites = (run: SyncRun) =>
	run.haloRequests.filter(
		(request) => request.method === 'POST' && request.path.startsWith('/api/'),
	);

function expectSucceeded(run: SyncRun): void {
	expect(run.result.packageLoadErrors).toEqual([]);
	expect(run.result.error).toBeUndefined();
	expect(run.result.exitCode).toBe(0);
	// Strict mode answers 400 to any field Halo's schema lacks.
	expect(run.haloRequests.filter((request) => request.status >= 400)).toEqual([]);
}

function expectStoppedAt(run: SyncRun, node: string): void {
	expect(run.result.exitCode).toBe(1);
	expect(run.result.error?.node).toMatchObject({ name: node });
	expect(haloWrites(run)).toEqual([]);
}

describe('Westcoast to HaloPSA workflows in the real n8n', () => {
	let env: DailySyncEnvironment;
	/** Halo as seeded, before any sync. */
	let haloBefore: HaloState;

	const licenceOf = (subscriptionId: number) =>
		env.sandboxes.halo
			.state()
			.licences.find((licence) => licence.third_party_product === String(subscriptionId));
	const problems = (settings: { topLevelId: number | null; updateSiteAddress: boolean }) =>
		haloProblems({
			westcoast: env.sandboxes.westcoast.state(),
			haloBefore,
			haloNow: env.sandboxes.halo.state(),
			...settings,
		});
	const dailySyncProblems = () => problems({ topLevelId: TOP_LEVEL, updateSiteAddress: true });

	/** What every run printed and returned, and what the n8n server printed: scanned for secrets at the end. */
	const seen: Array<[where: string, text: string]> = [];

	beforeAll(async () => {
		env = await startDailySyncEnvironment({ log, settings: SETTINGS });
		haloBefore = env.sandboxes.halo.state();
		const run = env.run;
		env.run = async () => {
			const done = await run();
			seen.push([`n8n execute #${seen.length + 1} (log, items, errors)`, JSON.stringify(done)]);
			return done;
		};
	}, 15 * MINUTE);

	afterAll(async () => {
		await env?.close();
	});

	describe('daily sync, run with n8n execute', () => {
		test(
			'the first run makes Halo hold what the Westcoast data implies',
			async () => {
				const before = dailySyncProblems();
				expect(before.customers.length + before.licences.length).toBeGreaterThan(0);

				const run = await env.run();

				expectSucceeded(run);
				expect(haloWrites(run).length).toBeGreaterThan(0);
				expect(dailySyncProblems()).toEqual(IN_STEP);
			},
			3 * MINUTE,
		);

		test(
			'a second run writes nothing',
			async () => {
				const run = await env.run();

				expectSucceeded(run);
				expect(haloWrites(run)).toEqual([]);
			},
			3 * MINUTE,
		);

		test(
			'a Halo token that expired since the last run is renewed',
			async () => {
				env.sandboxes.halo.admin.expireTokens();
				const run = await env.run();

				expect(run.result.error).toBeUndefined();
				const failed = run.haloRequests.filter((request) => request.status >= 400);
				expect(failed).toEqual([expect.objectContaining({ method: 'GET', status: 401 })]);
				expect(run.haloRequests).toContainEqual(
					expect.objectContaining({ path: '/auth/token', status: 200 }),
				);
			},
			3 * MINUTE,
		);

		test(
			'"Entities to Sync" runs only the chosen half, and an unknown value stops the run at once',
			async () => {
				const { westcoast, halo } = env.sandboxes;
				const [subscription] = licensedSubscriptions(westcoast.state(), halo.state(), 1);
				const seats = (seatsOf(subscription) ?? 0) + 2;
				westcoast.admin.setSubscriptionQuantity(subscription.AccountId, seats);
				westcoast.admin.createCustomer({ CompanyName: 'Entities Test Customer Ltd' });
				const writtenPaths = (run: SyncRun) => [
					...new Set(haloWrites(run).map((write) => write.path)),
				];

				await env.configure({ ...SETTINGS, [SETTING.entities]: 'customers' });
				const customersOnly = await env.run();
				expectSucceeded(customersOnly);
				expect(writtenPaths(customersOnly)).toEqual(['/api/Client']);
				expect(licenceOf(subscription.AccountId)?.count).not.toBe(seats);

				await env.configure({ ...SETTINGS, [SETTING.entities]: 'subscriptions' });
				const subscriptionsOnly = await env.run();
				expectSucceeded(subscriptionsOnly);
				expect(writtenPaths(subscriptionsOnly)).toEqual(['/api/SoftwareLicence']);
				expect(licenceOf(subscription.AccountId)?.count).toBe(seats);
				expect(dailySyncProblems()).toEqual(IN_STEP);

				await env.configure({ ...SETTINGS, [SETTING.entities]: 'everything' });
				const invalid = await env.run();
				expect(invalid.result.exitCode).toBe(1);
				expect(invalid.result.error?.node).toMatchObject({ name: INVALID_SETTINGS_NODE });
				expect(invalid.haloRequests).toEqual([]);

				// A Top Level that is not a number would be written as a text toplevel_id.
				await env.configure({ ...SETTINGS, [SETTING.topLevel]: 'Main Top Level' });
				const textTopLevel = await env.run();
				expect(textTopLevel.result.exitCode).toBe(1);
				expect(textTopLevel.result.error?.node).toMatchObject({ name: INVALID_SETTINGS_NODE });
				expect(textTopLevel.result.error?.message).toContain(
					'"Top Level for New Customers" empty or the number of a Halo top level (e.g. 12)',
				);
				expect(textTopLevel.haloRequests).toEqual([]);
				await env.configure(SETTINGS);
			},
			5 * MINUTE,
		);

		test(
			'with "Deactivate Licences Deleted" off, a deleted subscription leaves its licence active with count 0',
			async () => {
				const { westcoast, halo } = env.sandboxes;
				const [subscription] = licensedSubscriptions(westcoast.state(), halo.state(), 1);
				expect(licenceOf(subscription.AccountId)).toMatchObject({
					count: seatsOf(subscription),
					is_active: true,
				});

				westcoast.admin.deleteSubscription(subscription.AccountId);
				const run = await env.run();

				expectSucceeded(run);
				expect(licenceOf(subscription.AccountId)).toMatchObject({ count: 0, is_active: true });
				expect(dailySyncProblems()).toEqual(IN_STEP);
			},
			3 * MINUTE,
		);

		test(
			'with it on, a deleted subscription makes its licence inactive',
			async () => {
				await env.configure({ ...SETTINGS, [SETTING.deactivateDeleted]: true });
				const { westcoast, halo } = env.sandboxes;
				const [subscription] = licensedSubscriptions(westcoast.state(), halo.state(), 1);
				const seats = seatsOf(subscription);

				westcoast.admin.deleteSubscription(subscription.AccountId);
				const run = await env.run();

				expectSucceeded(run);
				expect(licenceOf(subscription.AccountId)).toMatchObject({ count: seats, is_active: false });
				expect(dailySyncProblems()).toEqual(IN_STEP);
			},
			3 * MINUTE,
		);

		test(
			'a Westcoast outage fails the run before any Halo write; the next run catches up',
			async () => {
				const { westcoast, halo } = env.sandboxes;
				const [subscription] = licensedSubscriptions(westcoast.state(), halo.state(), 1);
				const seats = (seatsOf(subscription) ?? 0) + 3;
				// A change a successful run would write.
				westcoast.admin.setSubscriptionQuantity(subscription.AccountId, seats);

				const outages = [
					{
						node: NODE.westcoastSubscriptions,
						faults: { calls: ['GetSubscriptions'], unavailable: { count: 100 } },
					},
					{
						node: NODE.westcoastCustomers,
						faults: { calls: ['GetCompanies'], dropConnection: { count: 100 } },
					},
				];
				for (const { node, faults } of outages) {
					westcoast.admin.setFaults(faults);
					const run = await env.run();
					westcoast.admin.clearFaults();
					expectStoppedAt(run, node);
				}
				expect(licenceOf(subscription.AccountId)?.count).not.toBe(seats);

				const run = await env.run();
				expectSucceeded(run);
				expect(licenceOf(subscription.AccountId)?.count).toBe(seats);
				expect(dailySyncProblems()).toEqual(IN_STEP);
			},
			5 * MINUTE,
		);

		test(
			'a doubtful Halo read (short page, deletion while paging, empty answer) stops the run before any write; a page-size cap does not',
			async () => {
				const { westcoast, halo } = env.sandboxes;
				const [subscription] = licensedSubscriptions(westcoast.state(), halo.state(), 1);
				const seats = (seatsOf(subscription) ?? 0) + 4;
				westcoast.admin.setSubscriptionQuantity(subscription.AccountId, seats);

				// Page 1 plans the reads (a cap of 7 makes several pages); a fault on a planned page, or a
				// list that changed since page 1, stops the run.
				const cap = (entity: string) => ({ kind: 'pageSizeCap', entity, records: 7 }) as const;
				const doubtful = [
					{
						kind: 'shortPage',
						entity: 'SoftwareLicence',
						page: 2,
						records: 5,
						problem: /distinct records, but record_count says/,
					},
					{
						kind: 'shortPage',
						entity: 'Client',
						page: 2,
						records: 3,
						problem: /distinct records, but record_count says/,
					},
					{
						kind: 'deleteDuringPaging',
						entity: 'SoftwareLicence',
						problem: /changed during the read/,
					},
					{ kind: 'emptyList', entity: 'SoftwareLicence', problem: /wrongly empty/ },
				] as const;
				const stops = [];
				for (const { problem, ...fault } of doubtful) {
					halo.admin.setFaults({ list: [cap(fault.entity), fault] });
					const run = await env.run();
					halo.admin.clearFaults();
					const node =
						fault.entity === 'Client' ? 'Check: Clients Complete' : 'Check: Licences Complete';
					expectStoppedAt(run, node);
					expect(run.result.error?.message).toMatch(problem);
					stops.push(`${fault.kind} ${fault.entity}: ${run.result.error?.message}`);
				}
				log(`doubtful reads stopped:\n  ${stops.join('\n  ')}`);
				expect(licenceOf(subscription.AccountId)?.count).not.toBe(seats);

				// Halo capping page_size below the 100 asked for only means more pages.
				halo.admin.setFaults({
					list: [
						{ kind: 'pageSizeCap', entity: 'Client', records: 7 },
						{ kind: 'pageSizeCap', entity: 'SoftwareLicence', records: 7 },
					],
				});
				const capped = await env.run();
				halo.admin.clearFaults();
				expectSucceeded(capped);
				expect(licenceOf(subscription.AccountId)?.count).toBe(seats);
				expect(dailySyncProblems()).toEqual(IN_STEP);
			},
			6 * MINUTE,
		);

		test(
			"Licence Sync's safety limit refuses a mass deletion and stops the run before any write",
			async () => {
				const { westcoast, halo } = env.sandboxes;
				const licencesBefore = halo.state().licences;
				for (const subscription of licensedSubscriptions(westcoast.state(), halo.state(), 12, {
					distinctCustomers: false,
				}))
					westcoast.admin.deleteSubscription(subscription.AccountId);

				const run = await env.run();

				expectStoppedAt(run, NODE.licenceSync);
				expect(run.result.error?.message).toMatch(/would deactivate or zero 12 of/);
				expect(halo.state().licences).toEqual(licencesBefore);
			},
			3 * MINUTE,
		);
	});

	describe('import workflows, called on their webhooks (n8n start)', () => {
		let server: N8nServer;
		const importSettings = { topLevelId: null, updateSiteAddress: false };

		beforeAll(async () => {
			const { westcoast, halo } = env.sandboxes;
			// Both sandboxes back to their seed: the imports start from scratch.
			westcoast.admin.reset();
			halo.admin.reset();
			const workflows = [IMPORT_CUSTOMERS_FILE, IMPORT_SUBSCRIPTIONS_FILE].map((file) =>
				withSettings(readWorkflowFile(file), { [SETTING.haloBaseUrl]: halo.url }),
			);
			await importWorkflow(env.home, workflows);
			for (const workflow of workflows) await publishWorkflow(env.home, workflow.id);
			server = await startN8nServer(env.home);
			for (const path of Object.values(WEBHOOK_PATH)) await waitForWebhook(server.url, path);
		}, 8 * MINUTE);

		afterAll(async () => {
			if (server) seen.push(['n8n server output', server.output()]);
			await server?.stop();
		});

		test(
			'the customer import creates and links the customers, and answers with its counts',
			async () => {
				const { halo } = env.sandboxes;
				const answer = await callWebhook(server.url, WEBHOOK_PATH.customers);

				expect(answer.status).toBe(200);
				const existing = new Set(haloBefore.clients.map((client) => client.id));
				const now = halo.state();
				const mappedToExisting = now.externalLinks.filter(
					(link) => link.table_id === LINK_TABLE.client && existing.has(link.halo_id),
				);
				expect(answer.body).toMatchObject({
					mapped: new Set(mappedToExisting.map((link) => link.third_party_id)).size,
					created: now.clients.length - haloBefore.clients.length,
				});
				expect(halo.admin.requests().filter((request) => request.status >= 400)).toEqual([]);
				expect(problems(importSettings).customers).toEqual([]);
			},
			3 * MINUTE,
		);

		test(
			"the subscription import brings the licences in step, and answers with Licence Sync's summary",
			async () => {
				const { halo } = env.sandboxes;
				const licencesBefore = halo.state().licences.length;
				const answer = await callWebhook(server.url, WEBHOOK_PATH.subscriptions);

				expect(answer.status).toBe(200);
				const created = halo.state().licences.length - licencesBefore;
				expect(created).toBeGreaterThan(0);
				expect(answer.body).toMatchObject({
					licences: { refused: false, byAction: { create: created } },
				});
				expect(halo.admin.requests().filter((request) => request.status >= 400)).toEqual([]);
				expect(problems(importSettings)).toEqual(IN_STEP);
			},
			3 * MINUTE,
		);

		test(
			'both imports called twice at once create no duplicate: the Run Lock lets one run at a time write',
			async () => {
				const { westcoast, halo } = env.sandboxes;
				// From scratch again, so that every racing run has clients and licences to create.
				westcoast.admin.reset();
				halo.admin.reset();
				const racing = [
					WEBHOOK_PATH.customers,
					WEBHOOK_PATH.subscriptions,
					WEBHOOK_PATH.customers,
					WEBHOOK_PATH.subscriptions,
				];
				const answers = await Promise.all(racing.map((path) => callWebhook(server.url, path)));
				expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
				// Westcoast subscriptions held by more than one licence (without the lock: 29 here).
				const duplicatedLicences = (state: HaloState) => {
					const byLink = new Map<string, number>();
					for (const licence of state.licences) {
						const link = String(licence.third_party_product ?? '');
						if (link) byLink.set(link, (byLink.get(link) ?? 0) + 1);
					}
					return [...byLink.values()].filter((count) => count > 1).length;
				};
				const afterRace = duplicatedLicences(halo.state());
				log(`after 4 racing import calls: ${afterRace} subscription(s) held by several licences`);
				expect(afterRace).toBe(0);
				// The subscription import may have run before the customers existed; one more call of each converges.
				for (const path of [WEBHOOK_PATH.customers, WEBHOOK_PATH.subscriptions])
					expect((await callWebhook(server.url, path)).status).toBe(200);
				expect(halo.admin.requests().filter((request) => request.status >= 400)).toEqual([]);
				expect(problems(importSettings)).toEqual(IN_STEP);
				expect(duplicatedLicences(halo.state())).toBe(0);
			},
			5 * MINUTE,
		);
	});

	// Last: after every run above (jest runs a block's tests and nested blocks in order).
	test(
		'no password or session token anywhere: outputs, errors, saved executions, logs, files',
		async () => {
			const stored = await exportCredentials(env.home);
			const westcoast = stored.find((credential) => credential.type === WESTCOAST_CREDENTIAL_TYPE);
			const password = String(westcoast?.data.password ?? '');
			const sessionToken = String(westcoast?.data.sessionToken ?? '');
			// The scan means something only if both secrets are known and were used.
			expect(password).toBe(env.sandboxes.westcoast.users.admin.password);
			expect(sessionToken).toMatch(/^[0-9a-f-]{36}$/);
			expect(seen.length).toBeGreaterThan(5);

			const files = await filesUnder(env.home.userFolder);
			expect(files.some((file) => /\.sqlite$/.test(file))).toBe(true);
			const places: Array<[string, string]> = [
				...seen,
				...(await Promise.all(
					files.map(
						async (file): Promise<[string, string]> => [
							path.relative(env.home.userFolder, file),
							(await readFile(file)).toString('latin1'),
						],
					),
				)),
			];
			const halo = stored.find((credential) => credential.type === 'oAuth2Api');
			const haloToken = (halo?.data.oauthTokenData as { access_token?: string } | undefined)
				?.access_token;
			expect(halo?.data.clientSecret).toBe(env.sandboxes.halo.clientSecret);
			const secrets = [
				password,
				sessionToken,
				encodeURIComponent(password),
				String(halo?.data.clientSecret),
				...(haloToken ? [haloToken] : []),
			];
			const hits = places
				.filter(([, text]) => secrets.some((secret) => text.includes(secret)))
				.map(([where]) => where);
			expect(hits).toEqual([]);
		},
		2 * MINUTE,
	);
});
