/** What one run of the daily sync planned and wrote, read from its node outputs and Halo's request log. */
import type { LicencePlanEntry, LicencePlanSummary } from '../../core/licences/types';
import type {
	AddressChangeEntry,
	MappedEntry,
	MappingTableRow,
	MatchRule,
	ReviewEntry,
} from '../../core/mapping/types';
import type { Port } from '../../core/node-io';
import type { HaloRequestLogEntry } from '../../sandbox/halo';
import type { SyncRun } from '../../harness/daily-sync/environment';
import { outputOf, type ExecutionResult } from '../../harness/real-n8n/real-n8n';
import { LICENCE_OUTPUT, MAPPING_OUTPUT } from '../../workflows/source/package-nodes';
import { NODE } from '../../workflows/source/workflows';

export interface CustomerOutcome {
	/** One row per Westcoast customer. */
	table: MappingTableRow[];
	mappedBy: Record<MatchRule, number>;
	created: number;
	/** Name matches whose link was stored in Halo. */
	newLinks: MappedEntry[];
	addressChanges: AddressChangeEntry[];
	review: ReviewEntry[];
}

export interface LicenceOutcome {
	summary: LicencePlanSummary;
	/** Create, update and deactivate entries: what was written. */
	changes: LicencePlanEntry[];
	/** Deactivate entries that set the count to 0 (deleted upstream, "Deactivate deleted" off). */
	zeroed: number;
}

export interface RunOutcome {
	customers: CustomerOutcome;
	/** Null when the run did not get to Licence Sync (customers only). */
	licences: LicenceOutcome | null;
	haloReads: number;
	haloWrites: HaloRequestLogEntry[];
}

const ran = (result: ExecutionResult, node: string) => (result.runData[node]?.length ?? 0) > 0;

/** A planner output's entries, one item per change. */
function entries<T>(result: ExecutionResult, node: string, output: Port): T[] {
	if (!ran(result, node)) return [];
	return outputOf(result, node, output.index) as T[];
}

function customerOutcome(result: ExecutionResult): CustomerOutcome {
	const table = entries<MappingTableRow>(result, NODE.mapCustomers, MAPPING_OUTPUT.table);
	const mappedBy: Record<MatchRule, number> = {
		manual: 0,
		link: 0,
		exactName: 0,
		normalizedName: 0,
	};
	for (const row of table) if (row.matchedBy) mappedBy[row.matchedBy]++;
	return {
		table,
		mappedBy,
		created: table.filter((row) => row.status === 'create').length,
		newLinks: ran(result, NODE.saveLinks) ? (outputOf(result, NODE.newLinks) as MappedEntry[]) : [],
		addressChanges: entries(result, NODE.mapCustomers, MAPPING_OUTPUT.addressChanges),
		review: entries<ReviewEntry>(result, NODE.mapCustomers, MAPPING_OUTPUT.review),
	};
}

function licenceOutcome(result: ExecutionResult): LicenceOutcome | null {
	if (!ran(result, NODE.licenceSync)) return null;
	const summary = outputOf(
		result,
		NODE.licenceSync,
		LICENCE_OUTPUT.summary.index,
	)[0] as unknown as LicencePlanSummary;
	const changes = [LICENCE_OUTPUT.create, LICENCE_OUTPUT.update, LICENCE_OUTPUT.deactivate].flatMap(
		(output) => entries<LicencePlanEntry>(result, NODE.licenceSync, output),
	);
	return {
		summary,
		changes,
		zeroed: summary.byReason.deletedUpstreamZeroed ?? 0,
	};
}

export function outcomeOf({ result, haloRequests }: SyncRun): RunOutcome {
	return {
		customers: customerOutcome(result),
		licences: licenceOutcome(result),
		haloReads: haloRequests.filter((request) => request.method === 'GET').length,
		haloWrites: haloRequests.filter(
			(request) => request.method === 'POST' && request.path.startsWith('/api/'),
		),
	};
}
