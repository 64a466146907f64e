import type { PlanContext } from './context';
import type { MappedCustomer } from './customers';
import { duplicateLicencesEntry } from './duplicates';
import { createEntry, deactivateEntry, skippedEntry, unchangedEntry, updateEntry } from './entries';
import type { LicenceItem, LicenceRecord } from './licences';
import { createPayload, type DesiredLicence, licenceChanges, updatePayload } from './payloads';
import { itemReason, type PlanReason, reason } from './reasons';
import type { SubscriptionItem, SubscriptionRecord } from './subscriptions';
import type { EntryIdentity, LicencePlanEntry } from './types';

/** Why the user's filters leave a subscription out, or null when it is selected. */
function whyFilteredOut(context: PlanContext, subscription: SubscriptionRecord): PlanReason | null {
	const { customerId, productName, serviceName } = subscription;
	if (!context.isCustomerSelected(customerId)) {
		return reason(
			'customerNotSelected',
			`Westcoast customer ${customerId} is not in the chosen list.`,
		);
	}
	if (!context.isProductSelected([productName, serviceName])) {
		const name = productName ?? serviceName ?? '';
		return reason('productNotSelected', `"${name}" does not match the product filter.`);
	}
	if (subscription.parentId !== null && !context.options.includeAddons) {
		return reason('addonNotIncluded');
	}
	return null;
}

function whyUnmapped(context: PlanContext, customerId: string): PlanReason {
	return context.customers.conflicting.has(customerId)
		? reason(
				'conflictingMapping',
				`Westcoast customer ${customerId} is mapped to several PSA customers.`,
			)
		: reason('customerNotMapped', `Westcoast customer ${customerId} has no customer mapping.`);
}

/** The parent's licence when exactly one readable licence stores the parent's Westcoast ID. */
function parentLicenceOf(context: PlanContext, parentId: string): LicenceRecord | null {
	const linked = context.licences.byLink.get(parentId);
	return linked?.length === 1 ? linked[0].record : null;
}

/** Not Active upstream: only is_active is kept in step. */
function inactiveUpstream(
	context: PlanContext,
	identity: EntryIdentity,
	subscription: SubscriptionRecord,
	licence: LicenceRecord,
): LicencePlanEntry {
	const owned = { ...identity, psaLicenceId: licence.id, psaCustomerId: licence.clientId };
	const state = `The subscription is ${subscription.state} in Westcoast`;
	if (licence.isActive === false) {
		return unchangedEntry(
			owned,
			reason('alreadyInactive', `${state}; the licence already is inactive.`),
		);
	}
	const { fields } = context.options;
	const why = reason('inactiveUpstream', `${state}: the licence is made inactive.`);
	return deactivateEntry(owned, licence, fields.isActive, false, why, fields);
}

/** The subscription's terms that are kept in step; the others are null (left as they are). */
function termsToSync(context: PlanContext, subscription: SubscriptionRecord) {
	const synced = new Set(context.options.syncTerms);
	return {
		billingCycle: synced.has('billingCycle') ? subscription.billingCycle : null,
		commitmentMonths: synced.has('termDuration') ? subscription.commitmentMonths : null,
		autoRenew: synced.has('autoRenew') ? subscription.autoRenew : null,
		startDate: synced.has('startDate') ? subscription.billingStartDate : null,
	};
}

/** Create, update or unchanged: the licence is to hold what the subscription says. */
function inStep(
	context: PlanContext,
	identity: EntryIdentity,
	subscription: SubscriptionRecord & { quantity: number; name: string },
	mapped: MappedCustomer,
	existing: LicenceRecord | null,
): LicencePlanEntry {
	const { fields } = context.options;
	const parentLicence =
		subscription.parentId === null ? null : parentLicenceOf(context, subscription.parentId);
	const desired: DesiredLicence = {
		westcoastSubscriptionId: subscription.id,
		name: subscription.name,
		clientId: mapped.psaId,
		count: subscription.quantity,
		endDate: subscription.endDate,
		isActive: subscription.isActive,
		sku: subscription.sku,
		parentLicenceId: parentLicence?.id ?? null,
		price: subscription.salesPrice,
		purchasePrice: subscription.purchasePrice,
		...termsToSync(context, subscription),
	};
	const target: EntryIdentity = {
		...identity,
		psaCustomerId: mapped.psaId,
		unresolvedParentSubscriptionId: parentLicence ? null : subscription.parentId,
	};
	if (!existing) {
		return createEntry({ ...target, psaLicenceId: null }, createPayload(desired, fields));
	}
	const owned = { ...target, psaLicenceId: existing.id };
	const changes = licenceChanges(desired, existing, fields);
	if (changes.length === 0) return unchangedEntry(owned);
	return updateEntry(owned, changes, updatePayload(existing, changes, fields));
}

/**
 * The one entry for a subscription item. When exactly one licence stores its
 * ID the entry is about that licence too, and when several do, about all of
 * them (duplicates.ts); licences linked to a duplicated ID get entries of
 * their own (plan-licence).
 * Checks run in order: input shape, filters, mapping, state, what a licence needs.
 */
export function planSubscription(context: PlanContext, item: SubscriptionItem): LicencePlanEntry {
	const { customers, subscriptions, licences, options } = context;
	const copies = item.id === null ? 0 : (subscriptions.countById.get(item.id) ?? 0);
	const linked: readonly LicenceItem[] = (item.id !== null && licences.byLink.get(item.id)) || [];
	const licence = copies === 1 && linked.length === 1 ? linked[0] : undefined;
	const mapped =
		item.customerId === null ? undefined : customers.byWestcoastId.get(item.customerId);
	const identity: EntryIdentity = {
		westcoastSubscriptionId: item.id,
		westcoastCustomerId: item.customerId,
		psaLicenceId: licence?.id ?? null,
		psaCustomerId: licence ? (licence.record?.clientId ?? null) : (mapped?.psaId ?? null),
		productName: item.record?.name ?? item.record?.productName ?? licence?.record?.name ?? null,
		customerName: mapped?.name ?? null,
		unresolvedParentSubscriptionId: null,
		source: {
			subscription: item.index,
			...(licence && { licence: licence.index }),
			// Several licences store this ID: whatever this entry says, it is about them all.
			...(copies === 1 &&
				linked.length > 1 && {
					licence: linked[0].index,
					otherLicences: linked.slice(1).map((other) => other.index),
				}),
			...(mapped && { mapping: mapped.mappingIndex }),
		},
	};
	const skip = (why: PlanReason) => skippedEntry(identity, why);

	if (item.invalid) return skip(item.invalid);
	const subscription = item.record;
	if (copies > 1) {
		const detail = `westcoastId ${subscription.id} appears ${copies} times in the subscription input.`;
		return skip(
			itemReason('duplicateSubscriptionId', 'subscriptions', item.index, detail, 'westcoastId'),
		);
	}
	if (linked.length > 1) return duplicateLicencesEntry(context, identity, linked);
	if (licence?.invalid) return skip(licence.invalid);
	const existing = licence?.record ?? null;

	const filteredOut = whyFilteredOut(context, subscription);
	if (filteredOut) return skip(filteredOut);
	if (!mapped) return skip(whyUnmapped(context, subscription.customerId));

	if (!subscription.isActive && existing) {
		return inactiveUpstream(context, identity, subscription, existing);
	}
	if (!subscription.isActive && options.state === 'activeOnly') {
		const detail = `The subscription is ${subscription.state}; only active subscriptions are imported.`;
		return skip(reason('inactiveNotImported', detail));
	}
	const { quantity, name } = subscription;
	if (quantity === null) return skip(reason('noQuantity'));
	if (name === null) {
		const detail =
			'productName, displayName and serviceName are all empty, so the licence would have no name.';
		return skip(itemReason('missingField', 'subscriptions', item.index, detail, 'productName'));
	}
	return inStep(context, identity, { ...subscription, quantity, name }, mapped, existing);
}
