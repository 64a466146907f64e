import type { PlanContext } from './context';
import { duplicateLicencesEntry } from './duplicates';
import { deactivateEntry, skippedEntry, unchangedEntry } from './entries';
import type { LicenceItem, LicenceRecord } from './licences';
import { itemReason, type PlanReason, reason } from './reasons';
import type { EntryIdentity, LicencePlanEntry } from './types';

/**
 * Why a licence whose subscription is absent from the input must not be taken
 * for deleted, or null when it is deleted upstream: its PSA customer maps only
 * to selected, unambiguous Westcoast customers whose read is complete, and the
 * filters would have selected its subscription (its name, the product name by
 * licenceName, passes the product filter; it is no add-on when add-ons are
 * not included), so a subscription merely filtered out never zeroes it.
 */
function whyNotDeleted(
	context: PlanContext,
	licence: LicenceRecord,
	westcoastIds: readonly string[] | undefined,
): PlanReason | null {
	const { customers, subscriptions, options } = context;
	const parentField = options.fields.parentId;
	if (!westcoastIds) {
		const client = licence.clientId ?? '(none)';
		return reason(
			'licenceCustomerNotMapped',
			`PSA customer ${client} maps to no Westcoast customer.`,
		);
	}
	const list = westcoastIds.join(', ');
	if (westcoastIds.some((id) => customers.conflicting.has(id))) {
		const detail = `A Westcoast customer of this PSA customer (${list}) is mapped to several PSA customers.`;
		return reason('conflictingMapping', detail);
	}
	if (!westcoastIds.every(context.isCustomerSelected)) {
		return reason(
			'customerNotSelected',
			`Westcoast customer ${list} is not (all) in the chosen customer list.`,
		);
	}
	if (!context.isProductSelected([licence.name])) {
		return reason(
			'productNotSelected',
			`The licence name "${licence.name ?? ''}" does not match the product filter.`,
		);
	}
	if (licence.parentKey !== null && !options.includeAddons) {
		return reason(
			'addonNotIncluded',
			`The licence is an add-on (${parentField} ${licence.parentKey}) and add-ons are not included.`,
		);
	}
	if (
		options.deletionScope === 'customersInInput' &&
		!westcoastIds.every((id) => subscriptions.customersInInput.has(id))
	) {
		return reason(
			'customerNotInInput',
			`No subscription of Westcoast customer ${list} is in the input.`,
		);
	}
	const unidentified =
		subscriptions.unidentifiedItemWithoutCustomer ??
		westcoastIds
			.map((id) => subscriptions.unidentifiedItemByCustomer.get(id))
			.find((index) => index !== undefined);
	if (unidentified !== undefined) {
		const detail =
			'westcoastId is missing or unreadable, so no subscription of its customer can be taken for deleted.';
		return itemReason(
			'unidentifiedSubscription',
			'subscriptions',
			unidentified,
			detail,
			'westcoastId',
		);
	}
	return null;
}

/** Deleted upstream: inactive (deactivateDeleted on) or count 0 with status untouched (off). */
function deletedUpstream(
	context: PlanContext,
	identity: EntryIdentity & { psaLicenceId: string | number },
	licence: LicenceRecord,
	customerDeleted: boolean,
): LicencePlanEntry {
	const { fields, deactivateDeleted } = context.options;
	const deleted = customerDeleted
		? `Westcoast customer ${identity.westcoastCustomerId} is no longer in Westcoast, nor is its subscription ${identity.westcoastSubscriptionId}`
		: `Subscription ${identity.westcoastSubscriptionId} is no longer in Westcoast`;
	if (deactivateDeleted) {
		if (licence.isActive === false) {
			return unchangedEntry(
				identity,
				reason('alreadyInactive', `${deleted}; the licence already is inactive.`),
			);
		}
		const why = reason('deletedUpstream', `${deleted}: the licence is made inactive.`);
		return deactivateEntry(identity, licence, fields.isActive, false, why, fields);
	}
	if (licence.count === 0) {
		return unchangedEntry(
			identity,
			reason('alreadyZero', `${deleted}; the licence count already is 0.`),
		);
	}
	const why = reason(
		'deletedUpstreamZeroed',
		`${deleted}: the count is set to 0, the status is left alone.`,
	);
	return deactivateEntry(identity, licence, fields.count, 0, why, fields);
}

/**
 * The entry of a linked licence that is not in its subscription's entry: it
 * names another distributor (never linked), its ID is absent from the input
 * (deleted upstream, or out of scope), duplicated there, or stored by other
 * licences too (one entry for them all). Null when another entry holds it.
 */
export function planLinkedLicence(
	context: PlanContext,
	item: LicenceItem,
): LicencePlanEntry | null {
	const { customers, subscriptions, licences, options } = context;
	const copies = item.link === null ? 0 : (subscriptions.countById.get(item.link) ?? 0);
	const sameLink = (item.link !== null && licences.byLink.get(item.link)) || [item];
	if (item.otherDistributor === null && copies === 1 && sameLink.length === 1) return null;

	const clientKey = item.record?.clientKey ?? null;
	const westcoastIds =
		clientKey === null ? undefined : customers.westcoastIdsByPsaKey.get(clientKey);
	const mapped =
		westcoastIds?.length === 1 ? customers.byWestcoastId.get(westcoastIds[0]) : undefined;
	const identity: EntryIdentity = {
		westcoastSubscriptionId: item.link,
		westcoastCustomerId: westcoastIds?.length === 1 ? westcoastIds[0] : null,
		psaLicenceId: item.id,
		psaCustomerId: item.record?.clientId ?? null,
		productName: item.record?.name ?? null,
		customerName: mapped?.name ?? null,
		unresolvedParentSubscriptionId: null,
		source: { licence: item.index, ...(mapped && { mapping: mapped.mappingIndex }) },
	};
	if (item.otherDistributor !== null) {
		const detail = `The licence's distributor is "${item.otherDistributor}": it is never linked to a Westcoast subscription.`;
		return skippedEntry(identity, reason('otherDistributor', detail));
	}
	const linkField = options.fields.westcoastLink;
	if (copies > 1) {
		const detail = `Westcoast subscription ${item.link} appears ${copies} times in the subscription input.`;
		return skippedEntry(
			identity,
			itemReason('duplicateSubscriptionId', 'licences', item.index, detail, linkField),
		);
	}
	if (sameLink.length > 1) {
		// One entry per group: the subscription's when it is in the input, else the first licence's.
		if (copies === 1 || sameLink[0] !== item) return null;
		return duplicateLicencesEntry(context, identity, sameLink);
	}
	if (item.invalid) return skippedEntry(identity, item.invalid);
	const licence = item.record;
	const notDeleted = whyNotDeleted(context, licence, westcoastIds);
	if (notDeleted) return skippedEntry(identity, notDeleted);
	return deletedUpstream(
		context,
		{ ...identity, psaLicenceId: licence.id },
		licence,
		mapped?.westcoastDeleted === true,
	);
}
