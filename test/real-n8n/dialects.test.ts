/**
 * The shipped daily sync in the real n8n against the marketplace sandbox in
 * each dialect: the platform's documented one (`spec`: VATID, IsUDRCField,
 * numbers as numbers, Terminated, add-on summaries, internal product keys, ...)
 * and the first round's (`legacy`). Both runs must leave Halo in step with the
 * Westcoast data by the test's own oracle, and in the same state.
 */
import type { HaloState } from '../../sandbox/halo';
import { DIALECTS, type Dialect } from '../../sandbox/westcoast';
import { startDailySyncEnvironment, TEST_SETTINGS, TEST_TOP_LEVEL } from '../../harness/daily-sync/environment';
import { haloProblems } from './daily-sync/halo-check';

const MINUTE = 60_000;
const TOP_LEVEL = TEST_TOP_LEVEL;
const SETTINGS = TEST_SETTINGS;

const log = (line: string) => process.stderr.write(`[real-n8n] ${line}\n`);

/** Halo as a person would compare two of them: by names and Westcoast IDs, not by Halo's own ids. */
function comparable(halo: HaloState) {
	const clientName = new Map(halo.clients.map((client) => [client.id, client.name]));
	const linkOf = new Map(halo.licences.map((licence) => [licence.id, licence.third_party_product]));
	return {
		clients: halo.clients
			.map((client) => ({
				name: client.name,
				toplevel_id: client.toplevel_id,
				links: halo.externalLinks
					.filter((link) => link.halo_id === client.id)
					.map((link) => link.third_party_id)
					.sort(),
				site: halo.sites.find((site) => site.id === client.main_site_id)?.delivery_address ?? null,
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
		licences: halo.licences
			.map((licence) => ({
				link: licence.third_party_product,
				client: clientName.get(licence.client_id as number),
				name: licence.name,
				count: licence.count,
				end_date: licence.end_date,
				is_active: licence.is_active,
				billing_cycle: licence.billing_cycle,
				term_duration: licence.term_duration,
				autorenew: licence.autorenew,
				start_date: licence.start_date,
				parent: licence.parent_id ? linkOf.get(licence.parent_id as number) : null,
			}))
			.sort((a, b) => `${a.link}|${a.client}`.localeCompare(`${b.link}|${b.client}`)),
	};
}

describe('the daily sync reads both marketplace dialects alike', () => {
	const after: Partial<Record<Dialect, ReturnType<typeof comparable>>> = {};

	test.each(DIALECTS)(
		'%s dialect: the first run puts Halo in step with Westcoast',
		async (dialect) => {
			const env = await startDailySyncEnvironment({ log, settings: SETTINGS, dialect });
			try {
				const haloBefore = env.sandboxes.halo.state();
				const run = await env.run();
				expect(run.result.packageLoadErrors).toEqual([]);
				expect(run.result.error).toBeUndefined();
				expect(run.haloRequests.filter((request) => request.status >= 400)).toEqual([]);
				const haloNow = env.sandboxes.halo.state();
				expect(
					haloProblems({
						westcoast: env.sandboxes.westcoast.state(),
						haloBefore,
						haloNow,
						topLevelId: TOP_LEVEL,
						updateSiteAddress: true,
					}),
				).toEqual({ customers: [], licences: [] });
				after[dialect] = comparable(haloNow);
			} finally {
				await env.close();
			}
		},
		8 * MINUTE,
	);

	test('Halo ends in the same state under both', () => {
		expect(after.spec).toBeDefined();
		expect(after.legacy).toEqual(after.spec);
	});
});
