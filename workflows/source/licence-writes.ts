/** What a licence plan writes to Halo: creates, updates, deactivations, then add-on parents. */
import { keepWhere, noOp, setFields } from './base-nodes';
import type { WorkflowGraph } from './graph';
import { haloPostPayloads } from './halo-nodes';
import { LICENCE_OUTPUT } from './package-nodes';

export const LICENCE_WRITE_NODES = {
	createLicences: 'Halo: Create Licences',
	addOnParents: 'Add-On Parents',
	addOnsToLink: 'Add-Ons to Link',
	linkAddOns: 'Halo: Link Add-Ons',
	updateLicences: 'Halo: Update Licences',
	deactivateLicences: 'Halo: Deactivate Licences',
	skipped: 'Licences Skipped',
} as const;

const N = LICENCE_WRITE_NODES;

/**
 * An add-on planned together with its parent has no parent_id yet (the
 * parent's licence id exists only once Halo created it): match both in what
 * Halo answered and set parent_id, so the next run finds nothing to change.
 */
const addOnParentsExpression = (licenceSync: string) => `={{ (() => {
	const created = Object.fromEntries(
		$('${N.createLicences}').all().map((item) => [String(item.json.third_party_product), item.json.id]),
	);
	return $('${licenceSync}').all(${LICENCE_OUTPUT.create})
		.flatMap((item) => item.json.records ?? [item.json])
		.filter((record) => created[record.unresolvedParentSubscriptionId] && created[record.westcoastSubscriptionId])
		.map((record) => ({
			id: created[record.westcoastSubscriptionId],
			parent_id: created[record.unresolvedParentSubscriptionId],
		}));
})() }}`;

/**
 * From Licence Sync `licenceSync` (at column `x`, row `y`). Returns the last
 * node of each write chain, for a barrier that must wait for all of them.
 */
export function addLicenceWrites(
	graph: WorkflowGraph,
	licenceSync: string,
	[x, y]: [number, number],
): string[] {
	const create = graph.add(
		haloPostPayloads(N.createLicences, [x + 220, y - 200], 'SoftwareLicence'),
	);
	const parents = graph.add(
		setFields(
			N.addOnParents,
			[x + 440, y - 200],
			[{ name: 'payloads', type: 'array', value: addOnParentsExpression(licenceSync) }],
			{ executeOnce: true },
		),
	);
	const toLink = graph.add(
		keepWhere(N.addOnsToLink, [x + 660, y - 200], ['$json.payloads.length > 0']),
	);
	const link = graph.add(haloPostPayloads(N.linkAddOns, [x + 880, y - 200], 'SoftwareLicence'));
	const update = graph.add(haloPostPayloads(N.updateLicences, [x + 220, y], 'SoftwareLicence'));
	const deactivate = graph.add(
		haloPostPayloads(N.deactivateLicences, [x + 220, y + 200], 'SoftwareLicence'),
	);
	const skipped = graph.add(noOp(N.skipped, [x + 220, y + 400]));

	graph.connect(licenceSync, create, LICENCE_OUTPUT.create);
	graph.connect(create, parents);
	graph.connect(parents, toLink);
	graph.connect(toLink, link);
	graph.connect(licenceSync, update, LICENCE_OUTPUT.update);
	graph.connect(licenceSync, deactivate, LICENCE_OUTPUT.deactivate);
	graph.connect(licenceSync, skipped, LICENCE_OUTPUT.skipped);
	return [link, update, deactivate];
}
