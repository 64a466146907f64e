import { ACTIVE_STATE } from '../westcoast/protocol';
import type { CalendarDate } from './dates';
import type { LicencePlanOptions } from './types';
import {
	type ItemRead,
	type JsonObject,
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
}

export type SubscriptionItem = {
	index: number;
	/** Read even from an invalid item, so its licence is never taken for deleted. */
	id: string | null;
	customerId: string | null;
} & ItemRead<SubscriptionRecord>;

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

/**
 * A licence is named after the product ("Microsoft 365 Business Premium"),
 * else the subscription's display name, else the service: on the marketplace
 * the display name is the service's (e.g. "Microsoft Cloud Solution
 * Provider"), shared by every product of that service.
 */
export function licenceName(names: {
	productName: string | null;
	displayName: string | null;
	serviceName: string | null;
}): string | null {
	return names.productName ?? names.displayName ?? names.serviceName;
}

function readSubscription(item: JsonObject, syncPrices: boolean): SubscriptionRecord {
	const id = requiredId(item, 'westcoastId');
	const customerId = requiredId(item, 'customerId');
	const state = requiredText(item, 'state');
	const productName = optionalText(item, 'productName');
	const serviceName = optionalText(item, 'serviceName');
	return {
		id,
		customerId,
		state,
		isActive: state === ACTIVE_STATE,
		name: licenceName({ productName, displayName: optionalText(item, 'displayName'), serviceName }),
		productName,
		serviceName,
		quantity: optionalCount(item, 'quantity'),
		endDate: optionalHaloDate(item, 'endDate'),
		parentId: optionalId(item, 'parentSubscriptionId'),
		sku: optionalText(item, 'sku'),
		salesPrice: syncPrices ? optionalNumber(item, 'salesPrice') : null,
		purchasePrice: syncPrices ? optionalNumber(item, 'purchasePrice') : null,
	};
}

export function indexSubscriptions(
	subscriptions: readonly unknown[],
	options: Pick<LicencePlanOptions, 'syncPrices'>,
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
			readSubscription(requireObject(value), options.syncPrices),
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
