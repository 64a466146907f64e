/**
 * Every fault the two sandboxes can inject, at every step of the daily sync
 * it can reach: each Westcoast call the workflow makes, each Halo read, each
 * Halo write (aimed by entity and by how many writes of it come first, in the
 * order the workflow writes: links, clients, sites, then licences created,
 * add-ons linked, updated, deactivated).
 */
import type { PairedSandboxes } from '../../sandbox/paired';
import type { FaultInput } from '../../sandbox/westcoast';
import type { HaloFaults } from '../../sandbox/halo';
import { CALLS } from '../../core/westcoast/protocol';

export interface FaultCell {
	/** The table's row label, e.g. "429 Retry-After". */
	kind: string;
	/** Where it hits, e.g. "Westcoast GetCompanies" or "Halo write: Create Licences". */
	step: string;
	inject(sandboxes: PairedSandboxes): void;
	/** The node a run stopped by this fault fails in, when it can only be that one (checks the aim). */
	failsAt?: string;
}

const westcoast = (kind: string, call: string, faults: Omit<FaultInput, 'calls'>): FaultCell => ({
	kind,
	step: `Westcoast ${call}`,
	inject: ({ westcoast }) => {
		westcoast.admin.setFaults({ calls: [call], ...faults });
	},
});

const halo = (kind: string, step: string, faults: HaloFaults, failsAt?: string): FaultCell => ({
	kind,
	step,
	inject: ({ halo }) => halo.admin.setFaults(faults),
	failsAt,
});

/** The Westcoast calls of a daily sync (GetCompany is the reseller's own account, read first). */
const WESTCOAST_CALLS = [
	CALLS.getSessionToken,
	CALLS.getCompany,
	CALLS.getCompanies,
	CALLS.getSubscriptions,
];
const WESTCOAST_LISTS = [CALLS.getCompanies, CALLS.getSubscriptions];

const westcoastCells = (): FaultCell[] => [
	...WESTCOAST_CALLS.flatMap((call) => [
		westcoast('latency 1.5 s', call, { latencyMs: 1500 }),
		westcoast('429 Retry-After', call, { rateLimit: { count: 2, retryAfterSeconds: 1 } }),
		westcoast('503 burst', call, { unavailable: { count: 3 } }),
		westcoast('malformed JSON', call, { malformedJson: { count: 1 } }),
		westcoast('HTML error page', call, { htmlError: { count: 1 } }),
		westcoast('dropped connection', call, { dropConnection: { count: 1 } }),
		...(call === CALLS.getSessionToken
			? []
			: [westcoast('session expiry mid-run', call, { sessionExpiry: { count: 1 } })]),
	]),
	...WESTCOAST_LISTS.map((call) =>
		westcoast('partial list (HTTP 200)', call, { partialList: { count: 1, drop: 2 } }),
	),
];

/**
 * The workflow reads a Halo list's first page to plan the read, then every
 * page, the first again included, 100 a page (PSA List Check's page plan).
 */
const HALO_PAGE_SIZE = 100;
const pageCallsOf = (records: number) => 1 + Math.max(1, Math.ceil(records / HALO_PAGE_SIZE));
/** First-page calls of one list read (the sandbox's list faults count reads by their first pages). */
const FIRST_PAGE_CALLS_PER_READ = 2;

/**
 * The Halo list reads: [step, entity, reads of that entity before it, the
 * read's node, the node that checks it]. The re-read of clients comes after
 * the first client read's page calls (as many as Halo's clients ask for now).
 */
const HALO_READS: Array<[string, string, number, string, string]> = [
	['Halo read: licences', 'SoftwareLicence', 0, 'Halo: Read Licences', 'Check: Licences Complete'],
	['Halo read: clients', 'Client', 0, 'Halo: Read Clients', 'Check: Clients Complete'],
	[
		'Halo read: clients after writes',
		'Client',
		1,
		'Halo: Re-read Clients',
		'Check: Clients After Writes Complete',
	],
];

const haloReadCells = (): FaultCell[] =>
	HALO_READS.flatMap(([step, entity, readsBefore, node, check]) => {
		const skip = readsBefore * FIRST_PAGE_CALLS_PER_READ;
		const unavailable = (count: number): FaultCell => ({
			kind: `Halo unavailable (${count} call${count === 1 ? '' : 's'})`,
			step,
			inject: ({ halo }) => {
				const callsBefore = readsBefore === 0 ? 0 : pageCallsOf(halo.state().clients.length);
				halo.admin.setFaults({ unavailable: { count, entity, method: 'GET', skip: callsBefore } });
			},
			// Five failures outlast the node's three tries.
			failsAt: count > 1 ? node : undefined,
		});
		return [
			unavailable(1),
			unavailable(5),
			halo('short page', step, { list: [{ kind: 'shortPage', entity, records: 3, skip }] }, check),
			halo(
				'record deleted during paging',
				step,
				{ list: [{ kind: 'deleteDuringPaging', entity, skip }] },
				check,
			),
			halo('empty list (HTTP 200)', step, { list: [{ kind: 'emptyList', entity, skip }] }, check),
			halo('page-size cap', step, { list: [{ kind: 'pageSizeCap', entity, records: 7 }] }),
		];
	});

/** The workflow's write nodes in the order they write: [node, entity, writes of that entity before it]. */
export const HALO_WRITES: Array<[string, string, number]> = [
	['Halo: Save Links', 'Client', 0],
	['Halo: Create Clients', 'Client', 1],
	['Halo: Update Sites', 'Site', 0],
	// Confirm Deleted is the first of Licence Sync's branches, so the deactivations are written first.
	['Halo: Deactivate Licences', 'SoftwareLicence', 0],
	['Halo: Create Licences', 'SoftwareLicence', 1],
	['Halo: Link Add-Ons', 'SoftwareLicence', 2],
	['Halo: Update Licences', 'SoftwareLicence', 3],
];

const haloWriteCells = (): FaultCell[] => [
	...HALO_WRITES.map(([node, entity, after]) =>
		halo(
			'Halo 500 on a write',
			`Halo write: ${node}`,
			{ write: { entity, count: 1, after } },
			node,
		),
	),
	halo('Halo token expiry between batches', 'Halo writes: after links and clients', {
		expireTokensAfterWrites: 2,
	}),
	halo('Halo token expiry between batches', 'Halo writes: between licence writes', {
		expireTokensAfterWrites: 5,
	}),
];

export const faultCells = (): FaultCell[] => [
	...westcoastCells(),
	...haloReadCells(),
	...haloWriteCells(),
];

export function clearFaults({ westcoast, halo }: PairedSandboxes): void {
	westcoast.admin.clearFaults();
	halo.admin.clearFaults();
}
