/** What a licence plan writes to Halo: creates, updates, deactivations, then add-on parents. */
import {
	HALO_ENTITIES,
	HALO_LICENCE_FIELDS,
	HALO_LIST_KEY,
	HALO_LOOKUP_FILTERS,
} from '../../core/psa/halo';
import { keepWhere, noOp, onePerValue, setFields } from './base-nodes';
import type { WorkflowGraph } from './graph';
import { addBatchedPost, haloLookup, haloPostPayloads } from './halo-nodes';
import {
	CREATE_CHECK_INPUT,
	CREATE_CHECK_OUTPUT,
	LICENCE_OUTPUT,
	psaCreateCheck,
	westcoastConfirmDeleted,
} from './package-nodes';

export const LICENCE_WRITE_NODES = {
	clientsWithCreates: 'Clients with Licence Creates',
	findClientLicences: "Halo: Find Clients' Licences",
	confirmLicenceCreates: 'Confirm Licence Creates',
	licenceCreateBatches: 'Licence Creates in Batches',
	createLicences: 'Halo: Create Licences',
	foundLicenceBatches: 'Found Licences in Batches',
	updateFoundLicences: 'Halo: Update Found Licences',
	addOnParents: 'Add-On Parents',
	addOnsToLink: 'Add-Ons to Link',
	linkAddOns: 'Halo: Link Add-Ons',
	licenceUpdateBatches: 'Licence Updates in Batches',
	updateLicences: 'Halo: Update Licences',
	confirmDeleted: 'Westcoast: Confirm Deleted',
	deactivationBatches: 'Deactivations in Batches',
	deactivateLicences: 'Halo: Deactivate Licences',
	skipped: 'Licences Skipped',
} as const;

const N = LICENCE_WRITE_NODES;

/**
 * An add-on planned together with its parent has no parent_id yet (the
 * parent's licence id exists only once Halo created it): match both in what
 * Halo answered, or in the licences found just before the create (the check
 * found one of them existing), and set parent_id, so the next run finds
 * nothing to change. The add-ons come from Licence Sync's Summary, not from
 * its Create items: n8n evaluates an expression in an isolate of 128 MB, and
 * 48,000 Create items (a first import at L) exceeded it.
 */
const addOnParentsExpression = (licenceSync: string) => `={{ (() => {
	const created = Object.fromEntries(
		$('${N.createLicences}').all().map((item) => [String(item.json.${HALO_LICENCE_FIELDS.westcoastLink}), item.json.id]),
	);
	const found = Object.fromEntries(
		[...$('${N.confirmLicenceCreates}').all(${CREATE_CHECK_OUTPUT.update.index}), ...$('${N.confirmLicenceCreates}').all(${CREATE_CHECK_OUTPUT.existing.index})]
			.map((item) => item.json)
			.filter((record) => record.psaLicenceId !== null)
			.map((record) => [String(record.westcoastSubscriptionId), record.psaLicenceId]),
	);
	const licenceOf = (id) => created[id] ?? found[id];
	return ($('${licenceSync}').first(${LICENCE_OUTPUT.summary.index}).json.addOnsAwaitingParent ?? [])
		.filter((addOn) => licenceOf(addOn.parentSubscriptionId) && licenceOf(addOn.westcoastSubscriptionId))
		.map((addOn) => ({
			id: licenceOf(addOn.westcoastSubscriptionId),
			parent_id: licenceOf(addOn.parentSubscriptionId),
		}));
})() }}`;

/**
 * From Licence Sync `licenceSync` (at column `x`, row `y`); each create is
 * confirmed just before by a read of its client's licences. Returns the last
 * node of each write chain, for a barrier that must wait for all of them.
 */
/** How far right of Licence Sync the writes reach: where the barrier after them goes. */
export const LICENCE_WRITES_WIDTH = 1540;

export function addLicenceWrites(
	graph: WorkflowGraph,
	licenceSync: string,
	[x, y]: [number, number],
): string[] {
	// One lookup per client with licence creates (PSA Create Check pools what they find).
	const clients = graph.add(onePerValue(N.clientsWithCreates, [x + 220, y - 600], 'psaCustomerId'));
	const findLicences = graph.add(
		haloLookup(
			N.findClientLicences,
			[x + 220, y - 600],
			HALO_ENTITIES.licence,
			HALO_LIST_KEY.licence,
			[{ name: HALO_LOOKUP_FILTERS.licenceClientId, value: '={{ $json.psaCustomerId }}' }],
		),
	);
	const confirm = graph.add(
		psaCreateCheck(N.confirmLicenceCreates, [x + 440, y - 400], 'licences'),
	);
	const create = addBatchedPost(
		graph,
		[N.licenceCreateBatches, N.createLicences],
		[x + 660, y - 400],
		HALO_ENTITIES.licence,
	);
	const updateFound = addBatchedPost(
		graph,
		[N.foundLicenceBatches, N.updateFoundLicences],
		[x + 660, y - 600],
		HALO_ENTITIES.licence,
	);
	const parents = graph.add(
		setFields(
			N.addOnParents,
			[x + 880, y - 200],
			[{ name: 'payloads', type: 'array', value: addOnParentsExpression(licenceSync) }],
			{ executeOnce: true },
		),
	);
	const toLink = graph.add(
		keepWhere(N.addOnsToLink, [x + 1100, y - 200], ['$json.payloads.length > 0']),
	);
	const link = graph.add(
		haloPostPayloads(N.linkAddOns, [x + 1320, y - 200], HALO_ENTITIES.licence),
	);
	const update = addBatchedPost(
		graph,
		[N.licenceUpdateBatches, N.updateLicences],
		[x + 220, y],
		HALO_ENTITIES.licence,
	);
	// Topmost of Licence Sync's branches, so that n8n (execution order v1) runs it first: a short subscription list stops the run before any licence write.
	const confirmDeleted = graph.add(westcoastConfirmDeleted(N.confirmDeleted, [x + 220, y - 800]));
	const deactivate = addBatchedPost(
		graph,
		[N.deactivationBatches, N.deactivateLicences],
		[x + 440, y - 800],
		HALO_ENTITIES.licence,
	);
	const skipped = graph.add(noOp(N.skipped, [x + 220, y + 400]));

	graph.connect(licenceSync, confirm, LICENCE_OUTPUT.create, CREATE_CHECK_INPUT.planned);
	graph.connect(licenceSync, clients, LICENCE_OUTPUT.create);
	graph.connect(clients, findLicences);
	graph.connect(findLicences, confirm, 0, CREATE_CHECK_INPUT.found);
	graph.connect(confirm, create.batches, CREATE_CHECK_OUTPUT.create);
	graph.connect(confirm, updateFound.batches, CREATE_CHECK_OUTPUT.update);
	graph.connect(create.post, parents);
	graph.connect(parents, toLink);
	graph.connect(toLink, link);
	graph.connect(licenceSync, update.batches, LICENCE_OUTPUT.update);
	graph.connect(licenceSync, confirmDeleted, LICENCE_OUTPUT.deactivate);
	graph.connect(confirmDeleted, deactivate.batches);
	graph.connect(licenceSync, skipped, LICENCE_OUTPUT.skipped);
	return [link, update.post, deactivate.post, updateFound.post];
}
