/** What a customer mapping plan writes to Halo, and the barrier after it. */
import { HALO_ENTITIES, HALO_LIST_KEY, HALO_LOOKUP_FILTERS } from '../../core/psa/halo';
import { collectField, keepWhere, noOp, waitForAll } from './base-nodes';
import type { WorkflowGraph } from './graph';
import { addBatchedPost, haloLookup, haloPostPayloads } from './halo-nodes';
import {
	CREATE_CHECK_INPUT,
	CREATE_CHECK_OUTPUT,
	MAPPING_OUTPUT,
	psaCreateCheck,
} from './package-nodes';

export const CUSTOMER_WRITE_NODES = {
	newLinks: 'New Links',
	collectLinks: 'Collect Links',
	saveLinks: 'Halo: Save Links',
	findClientLinks: 'Halo: Find Client Links',
	confirmClientCreates: 'Confirm Client Creates',
	clientCreateBatches: 'Client Creates in Batches',
	createClients: 'Halo: Create Clients',
	siteUpdateBatches: 'Site Updates in Batches',
	updateSites: 'Halo: Update Sites',
	review: 'Customers to Review',
	done: 'Customer Writes Done',
} as const;

const N = CUSTOMER_WRITE_NODES;

/** How far right of Mapping Resolver the writes reach: where their barrier goes. */
export const CUSTOMER_WRITES_WIDTH = 1100;

/**
 * From Mapping Resolver `mapper` (at column `x`, row `y`): creates (each
 * confirmed just before by a read of the links holding its Westcoast ID), new links
 * and main-site addresses POSTed to Halo, review items parked on a no-op.
 * `linkCondition` (an expression) may hold the link writes back. Returns the
 * barrier that runs once every write is done.
 */
export function addCustomerWrites(
	graph: WorkflowGraph,
	mapper: string,
	[x, y]: [number, number],
	linkCondition?: string,
): string {
	// Aggregate skips the mapped customers without a new link: no per-item filter.
	const collectLinks = graph.add(
		collectField(N.collectLinks, [x + 220, y - 200], 'link', 'payloads'),
	);
	const newLinks = graph.add(
		keepWhere(
			N.newLinks,
			[x + 440, y - 200],
			['$json.payloads.length > 0', ...(linkCondition ? [linkCondition] : [])],
		),
	);
	const saveLinks = graph.add(
		haloPostPayloads(N.saveLinks, [x + 660, y - 200], HALO_ENTITIES.customer),
	);
	// One lookup per planned create: Mapping Resolver emits one item per change.
	const findLinks = graph.add(
		haloLookup(
			N.findClientLinks,
			[x + 220, y + 200],
			HALO_ENTITIES.externalLink,
			HALO_LIST_KEY.externalLink,
			[{ name: HALO_LOOKUP_FILTERS.linkThirdPartyId, value: '={{ $json.westcoastId }}' }],
		),
	);
	const confirm = graph.add(psaCreateCheck(N.confirmClientCreates, [x + 440, y], 'customers'));
	const createClients = addBatchedPost(
		graph,
		[N.clientCreateBatches, N.createClients],
		[x + 660, y],
		HALO_ENTITIES.customer,
	);
	const updateSites = addBatchedPost(
		graph,
		[N.siteUpdateBatches, N.updateSites],
		[x + 220, y + 400],
		HALO_ENTITIES.site,
	);
	const review = graph.add(noOp(N.review, [x + 440, y + 600]));
	const done = graph.add(waitForAll(N.done, [x + CUSTOMER_WRITES_WIDTH, y], 4));

	graph.connect(mapper, collectLinks, MAPPING_OUTPUT.mapped);
	graph.connect(collectLinks, newLinks);
	graph.connect(newLinks, saveLinks);
	graph.connect(mapper, confirm, MAPPING_OUTPUT.create, CREATE_CHECK_INPUT.planned);
	graph.connect(mapper, findLinks, MAPPING_OUTPUT.create);
	graph.connect(findLinks, confirm, 0, CREATE_CHECK_INPUT.found);
	graph.connect(confirm, createClients.batches, CREATE_CHECK_OUTPUT.create);
	graph.connect(mapper, updateSites.batches, MAPPING_OUTPUT.addressChanges);
	graph.connect(mapper, review, MAPPING_OUTPUT.review);
	graph.connect(createClients.post, done, 0, 0);
	graph.connect(saveLinks, done, 0, 1);
	graph.connect(updateSites.post, done, 0, 2);
	// The mapping table always has rows, so the barrier runs even when nothing is written.
	graph.connect(mapper, done, MAPPING_OUTPUT.table, 3);
	return done;
}
