import type { ItemRead, JsonObject } from '../read';
import { ACTIVE_STATE } from '../westcoast/protocol';
import type { CalendarDate } from './values';
import type { PlanReason } from './reasons';
import type { LicenceNameRule, LicencePlanOptions } from './types';
import {
	optionalBoolean,
	optionalHaloDate,
	optionalId,
	optionalNumber,
	optionalText,
	optionalCount,
	readItem,
	requiredId,
	requiredText,
	requireObject,
	tryRead,
} from './values';

/** A SimpleSubscription as the planner uses it. */
export interface SubscriptionRecord {
	id: string;
	customerId: string;
	state: string;
	isActive: boolean;
	/** The licence name (licenceName). */
	name: string | null;
	productName: string | null;
	serviceName: string | null;
	quantity: number | null;
	endDate: CalendarDate | null;
	/** Set on add-ons. */
	parentId: string | null;
	sku: string | null;
	salesPrice: number | null;
	purchasePrice: number | null;
	/** Which rule found the seat count (null on items from before it was reported). */
	quantitySource: string | null;
	billingCycle: string | null;
	commitmentMonths: number | null;
	autoRenew: boolean | null;
	billingStartDate: CalendarDate | null;
}

export type SubscriptionItem = {
	index: number;
	/** Read even from an invalid item, so its licence is never taken for deleted. */
	id: string | null;
	customerId: string | null;
} & ItemRead<SubscriptionRecord, PlanReason>;

export interface SubscriptionIndex {
	items: SubscriptionItem[];
	/** How many items carry each Westcoast subscription ID. */
	countById: Map<string, number>;
	/** Customers with at least one subscription item in the input. */
	customersInInput: Set<string>;
	/** Customer → an item of theirs with no readable ID: their deletions cannot be confirmed. */
	unidentifiedItemByCustomer: Map<string, number>;
	/** An item with neither ID nor customer: no deletion can be confirmed. */
	unidentifiedItemWithoutCustomer: number | null;
}

export interface SubscriptionNames {
	productName: string | null;
	vendorDisplayName?: string | null;
	displayName: string | null;
	serviceName: string | null;
}

/**
 * `ProductName` may be an internal key such as `521266_BackupOrder_91798`
 * (two public sources show them): one word with an underscore and a digit.
 */
export const isInternalKey = (name: string) =>
	!/\s/.test(name) && /_/.test(name) && /\d/.test(name);

/**
 * The `auto` licence name: the product ("Microsoft 365 Business Premium")
 * unless that is an internal key, then the vendor's display name, then the
 * subscription's display name, then the service. On the marketplace the display
 * name is the service's (e.g. "Microsoft Cloud Solution Provider"), shared by
 * every product of that service, so it comes after the vendor's.
 */
export function licenceName(names: SubscriptionNames): string | null {
	const product =
		names.productName !== null && !isInternalKey(names.productName) ? names.productName : null;
	return (
		product ??
		names.vendorDisplayName ??
		names.displayName ??
		names.serviceName ??
		names.productName
	);
}

function nameByRule(rule: LicenceNameRule, names: SubscriptionNames, itemIndex: number) {
	if (typeof rule === 'object') return rule.custom[itemIndex]?.trim() || null;
	if (rule === 'productName') return names.productName;
	if (rule === 'vendorDisplayName') return names.vendorDisplayName ?? null;
	if (rule === 'serviceDisplayName') return names.displayName;
	return licenceName(names);
}

/**
 * Every field of a SimpleSubscription that readSubscription reads: what the
 * Westcoast node keeps with Output Fields "Only What Licence Sync Reads".
 */
export const SUBSCRIPTION_FIELDS_READ = [
	'westcoastId',
	'customerId',
	'state',
	'productName',
	'serviceName',
	'vendorDisplayName',
	'displayName',
	'quantity',
	'endDate',
	'parentSubscriptionId',
	'sku',
	'salesPrice',
	'purchasePrice',
	'quantitySource',
	'billingCycle',
	'commitmentMonths',
	'autoRenew',
	'billingStartDate',
] as const;

/** A simplified subscription cut to SUBSCRIPTION_FIELDS_READ, empty (null) fields left out: it plans the same. */
export function fieldsLicenceSyncReads(simple: object): Record<string, unknown> {
	const lean: Record<string, unknown> = {};
	for (const field of SUBSCRIPTION_FIELDS_READ) {
		const value = (simple as Record<string, unknown>)[field];
		if (value !== null && value !== undefined) lean[field] = value;
	}
	return lean;
}

function readSubscription(
	item: JsonObject,
	itemIndex: number,
	options: Pick<LicencePlanOptions, 'syncPrices' | 'licenceName'>,
): SubscriptionRecord {
	const { syncPrices } = options;
	const id = requiredId(item, 'westcoastId');
	const customerId = requiredId(item, 'customerId');
	const state = requiredText(item, 'state');
	const productName = optionalText(item, 'productName');
	const serviceName = optionalText(item, 'serviceName');
	const names: SubscriptionNames = {
		productName,
		vendorDisplayName: optionalText(item, 'vendorDisplayName'),
		displayName: optionalText(item, 'displayName'),
		serviceName,
	};
	return {
		id,
		customerId,
		state,
		isActive: state === ACTIVE_STATE,
		name: nameByRule(options.licenceName, names, itemIndex),
		productName,
		serviceName,
		quantity: optionalCount(item, 'quantity'),
		endDate: optionalHaloDate(item, 'endDate'),
		parentId: optionalId(item, 'parentSubscriptionId'),
		sku: optionalText(item, 'sku'),
		salesPrice: syncPrices ? optionalNumber(item, 'salesPrice') : null,
		purchasePrice: syncPrices ? optionalNumber(item, 'purchasePrice') : null,
		quantitySource: optionalText(item, 'quantitySource'),
		billingCycle: optionalText(item, 'billingCycle'),
		commitmentMonths: optionalCount(item, 'commitmentMonths'),
		autoRenew: optionalBoolean(item, 'autoRenew'),
		billingStartDate: optionalHaloDate(item, 'billingStartDate'),
	};
}

export function indexSubscriptions(
	subscriptions: readonly unknown[],
	options: Pick<LicencePlanOptions, 'syncPrices' | 'licenceName'>,
): SubscriptionIndex {
	const index: SubscriptionIndex = {
		items: [],
		countById: new Map(),
		customersInInput: new Set(),
		unidentifiedItemByCustomer: new Map(),
		unidentifiedItemWithoutCustomer: null,
	};
	subscriptions.forEach((value, itemIndex) => {
		const read = readItem('subscriptions', itemIndex, () =>
			readSubscription(requireObject(value), itemIndex, options),
		);
		const json = tryRead(() => requireObject(value));
		const id = read.record?.id ?? (json ? tryRead(() => requiredId(json, 'westcoastId')) : null);
		const customerId =
			read.record?.customerId ?? (json ? tryRead(() => requiredId(json, 'customerId')) : null);
		index.items.push({ index: itemIndex, id, customerId, ...read });
		if (customerId !== null) index.customersInInput.add(customerId);
		if (id !== null) index.countById.set(id, (index.countById.get(id) ?? 0) + 1);
		else if (customerId === null) index.unidentifiedItemWithoutCustomer ??= itemIndex;
		else if (!index.unidentifiedItemByCustomer.has(customerId))
			index.unidentifiedItemByCustomer.set(customerId, itemIndex);
	});
	return index;
}
