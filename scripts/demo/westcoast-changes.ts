/**
 * The changes the demo makes in the Westcoast sandbox between runs 1 and 2,
 * each with what run 2 must then write to Halo.
 */
import type { HaloState } from '../../sandbox/halo';
import type { SandboxSubscription, WestcoastSandbox } from '../../sandbox/westcoast';
import { licensedSubscriptions, seatsOf } from '../../harness/daily-sync/westcoast-facts';

const NEW_CUSTOMER = {
	CompanyName: 'Harbourside Dental Care Ltd',
	Address: '9 Quay Street',
	City: 'Bristol',
	Zip: 'BS1 4DB',
	Country: 'GB',
};

export interface DemoChanges {
	/** One line per change, for the console and the report. */
	lines: string[];
	deleted: string;
	cancelled: string;
	quantityChanged: { id: string; to: number };
	newCustomerId: string;
}

export function applyDemoChanges(westcoast: WestcoastSandbox, halo: HaloState): DemoChanges {
	const state = westcoast.state();
	const customers = new Map(
		state.customers.map((customer) => [customer.AccountId, customer.CompanyName]),
	);
	const [toDelete, toCancel, toResize] = licensedSubscriptions(state, halo, 3);
	const label = (subscription: SandboxSubscription) =>
		`${subscription.ProductName} (${subscription.AccountId}) of ${customers.get(subscription.CompanyAccountId)}`;

	westcoast.admin.deleteSubscription(toDelete.AccountId);
	westcoast.admin.cancelSubscription(toCancel.AccountId);
	const from = seatsOf(toResize) ?? 0;
	const to = from + 5;
	westcoast.admin.setSubscriptionQuantity(toResize.AccountId, to);
	const added = westcoast.admin.createCustomer(NEW_CUSTOMER);
	return {
		lines: [
			`deleted subscription ${label(toDelete)}`,
			`cancelled subscription ${label(toCancel)}`,
			`changed the seats of ${label(toResize)} from ${from} to ${to}`,
			`added customer ${added.CompanyName} (${added.AccountId})`,
		],
		deleted: String(toDelete.AccountId),
		cancelled: String(toCancel.AccountId),
		quantityChanged: { id: String(toResize.AccountId), to },
		newCustomerId: String(added.AccountId),
	};
}
