/**
 * Wrong wiring: items that plainly belong on another input (Mapping
 * Resolver's Mapped items on Licence Sync's subscription input, say). Each
 * kind is told apart by keys only its producer writes, so an item of the right
 * kind that is merely incomplete is never taken for another kind; items of no
 * known kind (an empty item, a PSA with other field names) are left to the
 * planners' own checks. The planners' change outputs (one item per change,
 * `batch` numbered or not) are told apart by the keys of their entries.
 */
import { HALO_CLIENT_FIELDS, HALO_LICENCE_FIELDS } from './psa/halo';

export type ItemKind =
	| 'westcoastSubscription'
	| 'westcoastCustomer'
	| 'psaLicence'
	| 'psaCustomer'
	| 'customerMapping'
	| 'mappingCreate'
	| 'mappingAddressChange'
	| 'mappingReview'
	| 'mappingTableRow'
	| 'licencePlanEntry'
	| 'licenceSummary'
	| 'psaListPage';

/** What a person calls each kind, and where it belongs. */
const KINDS: Record<ItemKind, { what: string; belongs: string }> = {
	westcoastSubscription: {
		what: 'Westcoast subscriptions',
		belongs: 'Licence Sync\'s "Westcoast Subscriptions" input',
	},
	westcoastCustomer: {
		what: 'Westcoast customers',
		belongs: 'Mapping Resolver\'s "Westcoast Customers" input',
	},
	psaLicence: { what: 'PSA licences', belongs: 'Licence Sync\'s "PSA Licences" input' },
	psaCustomer: { what: 'PSA customers', belongs: 'Mapping Resolver\'s "PSA Customers" input' },
	customerMapping: {
		what: "customer mappings (Mapping Resolver's Mapped output)",
		belongs: 'Licence Sync\'s "Customer Mappings" input',
	},
	mappingCreate: {
		what: "Mapping Resolver's Create items",
		belongs: 'a PSA write (only its Mapped output feeds Licence Sync)',
	},
	mappingAddressChange: {
		what: "Mapping Resolver's Addresses items",
		belongs: 'a PSA write (only its Mapped output feeds Licence Sync)',
	},
	mappingReview: {
		what: "Mapping Resolver's Review items",
		belongs: 'a person (only its Mapped output feeds Licence Sync)',
	},
	mappingTableRow: {
		what: "Mapping Resolver's Table rows",
		belongs: 'a report (only its Mapped output feeds Licence Sync)',
	},
	licencePlanEntry: {
		what: "Licence Sync's planned changes",
		belongs: 'a PSA write',
	},
	licenceSummary: { what: "Licence Sync's Summary", belongs: 'a report' },
	psaListPage: {
		what: 'pages of a PSA list read (not yet checked)',
		belongs: 'the PSA List Check node, whose records then feed this input',
	},
};

/** One input of a planner node: its label on the canvas, what it takes, and where that comes from. */
export interface PlannerInput {
	label: string;
	expects: ItemKind;
	source: string;
}

const isObject = (item: unknown): item is Record<string, unknown> =>
	typeof item === 'object' && item !== null && !Array.isArray(item);

/** The kind an item plainly is, or null when no producer's keys say so. */
export function itemKind(item: unknown): ItemKind | null {
	if (!isObject(item)) return null;
	const has = (key: string) => key in item;
	if (has('action') && has('westcoastSubscriptionId')) return 'licencePlanEntry';
	if (has('byAction') && has('byCustomer')) return 'licenceSummary';
	if (has('subject') && has('reason') && has('message')) return 'mappingReview';
	if (has('status') && has('matchedBy') && has('westcoastId')) return 'mappingTableRow';
	if (has('matchedBy') && has('psaId') && has('westcoastId')) return 'customerMapping';
	if (has('siteId') && has('changes') && has('payload')) return 'mappingAddressChange';
	if (has('payload') && has('westcoast') && has('westcoastId')) return 'mappingCreate';
	if (has('westcoastId') && has('customerId') && has('quantitySource'))
		return 'westcoastSubscription';
	if (has('AccountId') && has('ParentAccountId') && (has('ServiceName') || has('ProductName')))
		return has('CompanyName') ? null : 'westcoastSubscription';
	if (has('westcoastId') && has('address') && !has('customerId')) return 'westcoastCustomer';
	if (has('AccountId') && has('CompanyName')) return 'westcoastCustomer';
	if (has(HALO_LICENCE_FIELDS.clientId) && has(HALO_LICENCE_FIELDS.count)) return 'psaLicence';
	if (
		has(HALO_CLIENT_FIELDS.id) &&
		(has(HALO_CLIENT_FIELDS.topLevelId) || has(HALO_CLIENT_FIELDS.mainSiteId))
	)
		return 'psaCustomer';
	if (typeof item.record_count === 'number' && Object.values(item).some(Array.isArray))
		return 'psaListPage';
	return null;
}

export interface Miswiring {
	/** The input's label. */
	input: string;
	/** 1-based, as a person counts a node's inputs. */
	position: number;
	itemIndex: number;
	received: ItemKind;
	message: string;
}

/**
 * The first item, input by input, that plainly belongs on another input, or
 * null. `inputs` are the node's inputs in order with their items' json.
 */
export function findMiswiring(
	inputs: ReadonlyArray<{ input: PlannerInput; items: readonly unknown[] }>,
): Miswiring | null {
	for (const [position, { input, items }] of inputs.entries()) {
		for (const [itemIndex, item] of items.entries()) {
			const kind = itemKind(item);
			if (kind === null || kind === input.expects) continue;
			const { what, belongs } = KINDS[kind];
			return {
				input: input.label,
				position: position + 1,
				itemIndex,
				received: kind,
				message:
					`The "${input.label}" input (input ${position + 1}) received ${what}, first at item ${itemIndex}: ` +
					`they belong on ${belongs}. Connect ${input.source} to this input instead. Nothing was planned.`,
			};
		}
	}
	return null;
}
