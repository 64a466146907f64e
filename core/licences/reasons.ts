/** Every reason a plan entry carries, with what it means (for docs and the node's UI). */
export const LICENCE_REASONS = {
	// Input of the wrong shape: the entry is skipped and the node may fail on it.
	missingField: 'An input item has no value in a field the plan needs.',
	invalidField: 'An input item has a field of the wrong type or an unreadable value.',
	duplicateSubscriptionId:
		'The same Westcoast subscription ID appears more than once in the subscription input.',
	conflictingMapping:
		'The customer mappings link one Westcoast customer to more than one PSA customer.',
	unidentifiedSubscription:
		"A subscription item of this licence's customer has no Westcoast ID, so a deletion cannot be confirmed.",
	// Out of scope: accounted for and left alone.
	duplicateLicences:
		'More than one PSA licence stores the same Westcoast subscription ID: a person decides which one is its licence; only that subscription is left alone.',
	customerNotSelected: 'The Westcoast customer is not in the chosen customer list.',
	customerNotMapped: 'The Westcoast customer has no customer mapping.',
	licenceCustomerNotMapped: "The licence's PSA customer maps to no Westcoast customer.",
	otherDistributor:
		"The licence names another distributor, so its link field may hold that distributor's reference: it is never linked to a Westcoast subscription, updated or deactivated.",
	customerNotInInput:
		"No subscription of the licence's customer is in the input (deletion scope: customers in input).",
	productNotSelected:
		"The product/service name (or, for a licence whose subscription is absent, the licence's name) does not match the product filter.",
	addonNotIncluded:
		'The subscription (or the licence, by its parent) is an add-on and add-ons are not included.',
	inactiveNotImported: 'The subscription is not Active and only active subscriptions are imported.',
	noQuantity: 'The subscription has no seat count, so its licence count cannot be set.',
	// Deactivations.
	inactiveUpstream: 'The subscription is not Active in Westcoast: the licence is made inactive.',
	deletedUpstream: 'The subscription was deleted in Westcoast: the licence is made inactive.',
	deletedUpstreamZeroed:
		'The subscription was deleted in Westcoast: the licence count is set to 0, status untouched.',
	// Unchanged on purpose.
	alreadyInactive: 'The licence would be made inactive and already is.',
	alreadyZero: 'The licence count would be set to 0 and already is.',
} as const;

export type ReasonCode = keyof typeof LICENCE_REASONS;

/** Each reason in a few plain words, for sentences such as the execution hint. */
export const LICENCE_REASON_WORDS: Record<ReasonCode, string> = {
	missingField: 'missing field',
	invalidField: 'unreadable field',
	duplicateSubscriptionId: 'subscription listed twice',
	conflictingMapping: 'customer mapped twice',
	unidentifiedSubscription: 'subscription without ID',
	duplicateLicences: 'several licences for one subscription',
	customerNotSelected: 'customer not chosen',
	customerNotMapped: 'customer not mapped',
	licenceCustomerNotMapped: "licence's customer not mapped",
	otherDistributor: 'other distributor',
	customerNotInInput: 'customer not in input',
	productNotSelected: 'product filtered out',
	addonNotIncluded: 'add-on left out',
	inactiveNotImported: 'inactive (not imported)',
	noQuantity: 'no seat count',
	inactiveUpstream: 'inactive in Westcoast',
	deletedUpstream: 'deleted in Westcoast',
	deletedUpstreamZeroed: 'deleted in Westcoast (zeroed)',
	alreadyInactive: 'already inactive',
	alreadyZero: 'already zero',
};

/** Reasons that mean "input of the wrong shape" (the node fails on these unless Continue On Fail). */
export const INVALID_INPUT_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
	'missingField',
	'invalidField',
	'duplicateSubscriptionId',
	'conflictingMapping',
	'unidentifiedSubscription',
]);

/** Skips a person must act on: emitted even when Include Skipped is off. */
export const SKIPS_TO_ACT_ON: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
	...INVALID_INPUT_REASONS,
	'duplicateLicences',
]);

export type PlanInputName = 'subscriptions' | 'licences' | 'mappings';

export interface PlanReason {
	code: ReasonCode;
	message: string;
	/** The input field at fault (invalid input). */
	field?: string;
	/** The input and item index at fault (invalid input). */
	input?: PlanInputName;
	itemIndex?: number;
}

const ITEM_LABEL: Record<PlanInputName, string> = {
	subscriptions: 'Subscription item',
	licences: 'Licence item',
	mappings: 'Customer mapping item',
};

/** A reason about one item of one input, named so the user can find it. */
export function itemReason(
	code: ReasonCode,
	input: PlanInputName,
	itemIndex: number,
	detail: string,
	field?: string,
): PlanReason {
	return {
		code,
		message: `${ITEM_LABEL[input]} ${itemIndex}: ${detail}`,
		input,
		itemIndex,
		...(field ? { field } : {}),
	};
}

export function reason(code: ReasonCode, message: string = LICENCE_REASONS[code]): PlanReason {
	return { code, message };
}
