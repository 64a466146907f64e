/**
 * What the Westcoast sandbox's raw data says, read here without the
 * package's readers or planners: the test's own view of seats, end dates and names.
 */
import type { HaloState } from '../../sandbox/halo';
import type { SandboxSubscription, WestcoastState } from '../../sandbox/westcoast';

export const isActive = (record: { AccountState: string }) => record.AccountState === 'Active';

/** Seats: the value of the field the priced item marked as unit-dependent (UDRC) names; null without one. */
export function seatsOf(subscription: SandboxSubscription): number | null {
	const udrc = subscription.PriceableItems.find((item) => item.IsUdrcField === true);
	const field = udrc && subscription.Fields.find((candidate) => candidate.Name === udrc.FieldName);
	if (!field || field.Value === null || field.Value === undefined || field.Value === '')
		return null;
	return Number(field.Value);
}

/** The calendar day a marketplace date names where it was written: ISO 8601 or WCF `/Date(ms±hhmm)/`. */
export function calendarDayOf(value: unknown): string | null {
	if (typeof value !== 'string' || value === '') return null;
	const wcf = /^\/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)\/$/.exec(value);
	if (!wcf) return value.slice(0, 10);
	const [, millis, sign, hours, minutes] = wcf;
	const offsetMs = sign
		? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000
		: 0;
	return new Date(Number(millis) + offsetMs).toISOString().slice(0, 10);
}

/**
 * The terms a licence should carry: from the priced item (the UDRC one, else
 * the first) and the subscription; a field without a value is left out.
 */
export function termsOf(subscription: SandboxSubscription): Record<string, unknown> {
	const priced =
		subscription.PriceableItems.find((item) => item.IsUdrcField === true) ??
		subscription.PriceableItems[0];
	const months = priced?.CommitementPeriodInMonths;
	const action = subscription.AdvancePeriodEndAction;
	const terms: Record<string, unknown> = {
		billing_cycle: priced?.PriceableItemType ?? undefined,
		term_duration:
			typeof months === 'number' ? `${months} Month${months === 1 ? '' : 's'}` : undefined,
		autorenew: action === 'Renew' ? true : action === 'Terminate' ? false : undefined,
		start_date: calendarDayOf(subscription.BillingStartDate) ?? undefined,
	};
	return Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined));
}

/** Halo's rule: the scheduled termination date, else the contract end date. */
export const endDayOf = (subscription: SandboxSubscription) =>
	calendarDayOf(subscription.ScheduledTerminationDate) ??
	calendarDayOf(subscription.ContractEndDate);

/** A name as a person would compare two spellings: case, accents, punctuation, &/and and company suffixes aside. */
export function comparableName(name: string): string {
	const words = name
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ');
	while (words.length > 1 && ['ltd', 'limited', 'llp', 'gmbh', 'plc'].includes(words.at(-1) ?? ''))
		words.pop();
	return words.join(' ');
}

export const companyLevel = (state: WestcoastState): SandboxSubscription[] =>
	state.subscriptions.filter((subscription) => subscription.ParentType === 'Company');

/**
 * `count` subscriptions with a licence in Halo: Active, seat-counted, without
 * add-ons (deleting one deletes its add-ons), in id order; by default each of another customer.
 */
export function licensedSubscriptions(
	state: WestcoastState,
	halo: HaloState,
	count: number,
	{ distinctCustomers = true } = {},
): SandboxSubscription[] {
	const licensed = new Set(halo.licences.map((licence) => licence.third_party_product));
	const parents = new Set(
		state.subscriptions.map((subscription) => subscription.DependencyAccountId),
	);
	const picked: SandboxSubscription[] = [];
	for (const subscription of [...companyLevel(state)].sort((a, b) => a.AccountId - b.AccountId)) {
		const eligible =
			isActive(subscription) &&
			seatsOf(subscription) !== null &&
			licensed.has(String(subscription.AccountId)) &&
			!parents.has(subscription.AccountId) &&
			!(
				distinctCustomers &&
				picked.some((other) => other.CompanyAccountId === subscription.CompanyAccountId)
			);
		if (eligible) picked.push(subscription);
		if (picked.length === count) return picked;
	}
	throw new Error(`The sandbox data has fewer than ${count} such licensed subscriptions`);
}
