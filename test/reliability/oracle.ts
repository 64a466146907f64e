/**
 * The reliability tests' judge: what Halo must hold, from the Westcoast
 * sandbox's state and the Settings alone (halo-check.ts and
 * westcoast-facts.ts read the sandboxes' raw data, never the package's
 * readers or planners), plus what those leave aside: licences of
 * subscriptions deleted upstream. The counts the soak must keep at zero are
 * computed here too, from two Halo states and the Westcoast state.
 */
import type { HaloState, LicenceRecord } from '../../sandbox/halo';
import type { WestcoastState } from '../../sandbox/westcoast';
import { haloProblems } from '../real-n8n/daily-sync/halo-check';
import { companyLevel, isActive, seatsOf } from '../../harness/daily-sync/westcoast-facts';
import { WESTCOAST_LINK_TYPE } from '../../core/psa/halo';
import { LINK_TABLE } from '../../sandbox/halo';

export interface OracleSettings {
	topLevelId: number | null;
	updateSiteAddress: boolean;
	deactivateDeleted: boolean;
}

export interface Judgement {
	westcoast: WestcoastState;
	/** Halo before the run judged (who existed, which links were there). */
	haloBefore: HaloState;
	haloNow: HaloState;
	settings: OracleSettings;
	/** Every Westcoast subscription id the marketplace has ever listed in this test. */
	everListed: ReadonlySet<string>;
}

/** Halo client ids that carry a Westcoast link. */
function linkedClients(halo: HaloState): Set<number> {
	return new Set(
		halo.externalLinks
			.filter(
				(link) =>
					link.table_id === LINK_TABLE.client &&
					(link.third_party_type ?? WESTCOAST_LINK_TYPE) === WESTCOAST_LINK_TYPE,
			)
			.map((link) => link.halo_id),
	);
}

/**
 * A licence of a mapped client that holds a subscription the marketplace no
 * longer lists: count 0 (Deactivate Deleted off) or inactive (on).
 */
function deletedUpstreamProblems(judgement: Judgement): string[] {
	const { westcoast, haloBefore, haloNow, settings, everListed } = judgement;
	const listed = new Set(companyLevel(westcoast).map((s) => String(s.AccountId)));
	const mapped = linkedClients(haloNow);
	const before = new Set(haloBefore.licences.map((licence) => licence.id));
	const problems: string[] = [];
	for (const licence of haloNow.licences) {
		const id = String(licence.third_party_product ?? '');
		if (!everListed.has(id) || listed.has(id)) continue;
		const what = `Licence ${licence.id} of deleted Westcoast subscription ${id}`;
		if (!before.has(licence.id)) problems.push(`${what} was created`);
		if (!mapped.has(Number(licence.client_id))) continue;
		if (settings.deactivateDeleted && licence.is_active !== false)
			problems.push(`${what} is still active`);
		if (!settings.deactivateDeleted && licence.count !== 0)
			problems.push(`${what} has count ${licence.count}, expected 0`);
	}
	return problems;
}

/** Every way Halo differs from what the Westcoast data and the Settings imply; none = in step. */
export function oracleProblems(judgement: Judgement): string[] {
	const { customers, licences } = haloProblems({
		westcoast: judgement.westcoast,
		haloBefore: judgement.haloBefore,
		haloNow: judgement.haloNow,
		topLevelId: judgement.settings.topLevelId,
		updateSiteAddress: judgement.settings.updateSiteAddress,
	});
	return [...customers, ...licences, ...deletedUpstreamProblems(judgement)];
}

/** Halo `before` without the records missing from `after`: the workflow never deletes, so only a fault (deleteDuringPaging) removed them. */
export function withoutRemoved(before: HaloState, after: HaloState): HaloState {
	const keep = <T extends { id: number }>(rows: T[], now: T[]) => {
		const ids = new Set(now.map((row) => row.id));
		return rows.filter((row) => ids.has(row.id));
	};
	return {
		...before,
		clients: keep(before.clients, after.clients),
		sites: keep(before.sites, after.sites),
		licences: keep(before.licences, after.licences),
		externalLinks: keep(before.externalLinks, after.externalLinks),
	};
}

/** What a run must never do, counted. */
export interface ZeroCounts {
	/** Westcoast customers the run left linked from more than one Halo client (not so before). */
	duplicateClients: number;
	/** Westcoast subscriptions the run left held by more than one Halo licence (not so before). */
	duplicateLicences: number;
	/** Licences a run set to count 0 or inactive while their subscription is Active with seats upstream. */
	wronglyZeroed: number;
}

/** Westcoast customers linked from more than one Halo client. */
export function duplicatedCustomers(halo: HaloState): Set<string> {
	const clients = new Map<string, Set<number>>();
	for (const link of halo.externalLinks) {
		if (link.table_id !== LINK_TABLE.client) continue;
		if ((link.third_party_type ?? WESTCOAST_LINK_TYPE) !== WESTCOAST_LINK_TYPE) continue;
		const ids = clients.get(link.third_party_id) ?? new Set<number>();
		ids.add(link.halo_id);
		clients.set(link.third_party_id, ids);
	}
	return new Set([...clients].filter(([, ids]) => ids.size > 1).map(([id]) => id));
}

/** Westcoast subscriptions held by more than one Halo licence. */
export function duplicatedSubscriptions(halo: HaloState): Set<string> {
	const held = new Map<string, number>();
	for (const licence of halo.licences) {
		const id = licence.third_party_product;
		if (typeof id === 'string' && id !== '') held.set(id, (held.get(id) ?? 0) + 1);
	}
	return new Set([...held].filter(([, count]) => count > 1).map(([id]) => id));
}

const added = (before: Set<string>, after: Set<string>) =>
	[...after].filter((id) => !before.has(id)).length;

const zeroedOrInactive = (licence: LicenceRecord | undefined) =>
	licence !== undefined && (licence.count === 0 || licence.is_active === false);

export function wronglyZeroed(westcoast: WestcoastState, before: HaloState, after: HaloState) {
	const live = new Set(
		companyLevel(westcoast)
			.filter((s) => isActive(s) && (seatsOf(s) ?? 0) > 0)
			.map((s) => String(s.AccountId)),
	);
	const previous = new Map(before.licences.map((licence) => [licence.id, licence]));
	return after.licences.filter(
		(licence) =>
			live.has(String(licence.third_party_product ?? '')) &&
			zeroedOrInactive(licence) &&
			!zeroedOrInactive(previous.get(licence.id)),
	);
}

/** What the run from `before` to `after` did that must never happen. */
export function zeroCounts(westcoast: WestcoastState, before: HaloState, after: HaloState) {
	return {
		duplicateClients: added(duplicatedCustomers(before), duplicatedCustomers(after)),
		duplicateLicences: added(duplicatedSubscriptions(before), duplicatedSubscriptions(after)),
		wronglyZeroed: wronglyZeroed(westcoast, before, after).length,
	};
}

/** Same Halo records (the request counters aside). */
export function sameHalo(a: HaloState, b: HaloState): boolean {
	const tables = (state: HaloState) =>
		JSON.stringify([state.clients, state.sites, state.licences, state.externalLinks]);
	return tables(a) === tables(b);
}
