import { seededRandom } from '../random';
import { BASE_PRODUCTS, findProduct, type Product } from './catalog';
import { buildCompany, RESELLER, SALES_PEOPLE, UK_PLACES } from './companies';
import { DATE_FORMATS } from './dates';
import {
	ID_RANGES,
	type Dataset,
	type GenerateOptions,
	type SandboxCompany,
	type SandboxSubscription,
} from './model';
import { STORY_CUSTOMERS, STORY_SUBSCRIPTIONS } from './story';
import { buildSubscription, type ProvisioningStatus } from './subscriptions';

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)];
const between = (random: Random, min: number, max: number) =>
	min + Math.floor(random() * (max - min + 1));
const digits = (random: Random, count: number) =>
	Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

/** Picks by weight: `[[value, weight], ...]`. */
function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
	const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
	let roll = random() * total;
	for (const [value, weight] of choices) {
		roll -= weight;
		if (roll < 0) return value;
	}
	return choices[choices.length - 1][0];
}

function guid(random: Random): string {
	const hex = [0, 1, 2, 3]
		.map(() =>
			Math.floor(random() * 2 ** 32)
				.toString(16)
				.padStart(8, '0'),
		)
		.join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** One stream per customer (from the seed and its id), so a customer's data does not depend on the count. */
function customerRandom(seed: number, accountId: number): Random {
	return seededRandom(Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(accountId, 0x85ebca6b));
}

const NAME_STARTS = [
	'Abbey',
	'Beacon',
	'Castle',
	'Harbour',
	'Kestrel',
	'Meridian',
	'Oakwood',
	'Pennine',
	'Riverside',
	'Thistle',
	'Granite',
	'Lark',
	'Summit',
	'Willow',
	'Saxon',
	'Copper',
];
const NAME_TRADES = [
	'Accounting',
	'Dental',
	'Logistics',
	'Legal',
	'Engineering',
	'Media',
	'Property',
	'Veterinary',
	'Construction',
	'IT Services',
	'Recruitment',
	'Architects',
	'Insurance',
	'Print',
];
const NAME_ENDINGS = ['Ltd', 'Limited', 'LLP', 'Group Ltd', '& Co', 'PLC'];

const CUSTOMER_STATES: ReadonlyArray<readonly [string, number]> = [
	['Active', 85],
	['Inactive', 5],
	['Suspended', 4],
	['Cancelled', 5],
	['PendingApproval', 1],
];

/** Subscriptions follow their customer: a suspended customer's subscriptions are suspended. */
function subscriptionStates(customerState: string): ReadonlyArray<readonly [string, number]> {
	switch (customerState) {
		case 'Active':
			return [
				['Active', 80],
				['Suspended', 4],
				['Cancelled', 8],
				['Inactive', 4],
				['PendingProvisioning', 3],
				['Migrating', 1],
			];
		case 'Inactive':
			return [
				['Inactive', 70],
				['Cancelled', 30],
			];
		case 'Suspended':
			return [['Suspended', 100]];
		case 'Cancelled':
			return [['Cancelled', 100]];
		default:
			return [
				['Active', 50],
				['PendingProvisioning', 50],
			];
	}
}

function generatedCustomer(
	random: Random,
	accountId: number,
	usedNames: Set<string>,
): SandboxCompany {
	const place = pick(random, UK_PLACES);
	let name = `${pick(random, NAME_STARTS)} ${pick(random, NAME_TRADES)} ${pick(random, NAME_ENDINGS)}`;
	if (usedNames.has(name)) name = name.replace(/ (\S+)$/, ` (${place.city}) $1`);
	if (usedNames.has(name)) name = `${name} ${accountId}`;
	usedNames.add(name);
	return buildCompany({
		accountId,
		name,
		state: weighted(random, CUSTOMER_STATES),
		address: `${between(random, 1, 240)} ${place.street}`,
		city: place.city,
		zip: place.zip,
		country: 'GB',
		currency: 'GBP',
		language: 'en-GB',
		vatId: `GB${digits(random, 9)}`,
		billingStartMonthsAgo: between(random, 1, 72),
		billingStartFormat: pick(random, DATE_FORMATS),
		salesMan: pick(random, SALES_PEOPLE),
		mpnId: random() < 0.3 ? digits(random, 7) : null,
		purchaseOrderNumber: random() < 0.2 ? `PO-${digits(random, 5)}` : null,
	});
}

/** Hands out AccountIds for subscriptions and users in creation order. */
class IdSequence {
	constructor(private next: number) {}
	take(): number {
		return this.next++;
	}
}

function generatedSubscriptions(
	random: Random,
	customer: SandboxCompany,
	count: number,
	subscriptionIds: IdSequence,
	userIds: IdSequence,
): SandboxSubscription[] {
	const result: SandboxSubscription[] = [];
	const states = subscriptionStates(customer.AccountState);
	const make = (product: Product, parent?: SandboxSubscription): SandboxSubscription => {
		const state = parent ? parent.AccountState : weighted(random, states);
		const provisioningStatus: ProvisioningStatus =
			state === 'PendingProvisioning' ? 'Pending' : random() < 0.03 ? 'Error' : 'Provisioned';
		const quantity = between(random, product.minQuantity, product.maxQuantity);
		const subscription = buildSubscription({
			accountId: subscriptionIds.take(),
			customer,
			product,
			quantity,
			state,
			dateFormat: pick(random, DATE_FORMATS),
			contractEndMonths:
				product.chargeType === 'Usage' || random() < 0.05 ? null : between(random, 1, 12),
			scheduledTerminationDays:
				state === 'Cancelled' || random() < 0.1 ? between(random, -60, 90) : null,
			provisioningStatus,
			errorDetails:
				provisioningStatus === 'Error' ? 'The vendor rejected the change; contact support.' : null,
			parent,
			userAccountId:
				!parent && product.serviceName === 'MicrosoftCSP' && random() < 0.05
					? userIds.take()
					: undefined,
			renewQuantity: random() < 0.15 ? quantity + between(random, 1, 5) : null,
			vendorReferenceId: guid(random),
			udrcLast: random() < 0.3,
			purchaseOrderNumber: random() < 0.1 ? `PO-${digits(random, 5)}` : null,
		});
		result.push(subscription);
		return subscription;
	};
	for (let index = 0; index < count; index++) {
		const base = make(pick(random, BASE_PRODUCTS));
		const addonName =
			base.ParentType === 'Company' && random() < 0.25
				? pick(random, findProduct(base.ProductName)?.addons ?? [])
				: undefined;
		const addon = addonName ? findProduct(addonName) : undefined;
		if (addon) make(addon, base);
	}
	return result;
}

function storySubscriptions(
	customers: Map<number, SandboxCompany>,
	subscriptionIds: IdSequence,
	userIds: IdSequence,
) {
	const built: SandboxSubscription[] = [];
	for (const story of STORY_SUBSCRIPTIONS) {
		const product = findProduct(story.productName);
		const customer = customers.get(story.customerId);
		if (!product || !customer)
			throw new Error(
				`story subscription refers to an unknown product or customer: ${story.productName}`,
			);
		const accountId = subscriptionIds.take();
		built.push(
			buildSubscription({
				...story,
				accountId,
				customer,
				product,
				parent: story.addonOf === undefined ? undefined : built[story.addonOf],
				userAccountId: story.userLevel ? userIds.take() : undefined,
				vendorReferenceId: `00000000-0000-4000-a000-${String(accountId).padStart(12, '0')}`,
			}),
		);
	}
	return built;
}

/**
 * The whole marketplace for a seed: the reseller, the story customers, then
 * generated ones (ids in order, so the first customers stay put when counts
 * grow). Uses no clock and no Math.random: same options, same bytes.
 */
export function generateDataset(options: GenerateOptions): Dataset {
	const reseller: SandboxCompany = structuredClone(RESELLER);
	// buildCompany reads only the CompanyInput fields of a story customer.
	const customers = STORY_CUSTOMERS.map((story) => buildCompany(story));
	const usedNames = new Set(customers.map((customer) => customer.CompanyName));
	const randoms = new Map<number, Random>();
	const generatedCount = Math.max(0, options.customers - customers.length);
	for (let index = 0; index < generatedCount; index++) {
		const accountId = ID_RANGES.generatedCustomers + index;
		const random = customerRandom(options.seed, accountId);
		randoms.set(accountId, random);
		customers.push(generatedCustomer(random, accountId, usedNames));
	}

	const subscriptionIds = new IdSequence(ID_RANGES.subscriptions);
	const userIds = new IdSequence(ID_RANGES.users);
	const subscriptions = storySubscriptions(
		new Map(customers.map((customer) => [customer.AccountId, customer])),
		subscriptionIds,
		userIds,
	);
	for (const customer of customers) {
		const random =
			randoms.get(customer.AccountId) ?? customerRandom(options.seed, customer.AccountId);
		subscriptions.push(
			...generatedSubscriptions(
				random,
				customer,
				options.subscriptionsPerCustomer,
				subscriptionIds,
				userIds,
			),
		);
	}
	return { reseller, customers, subscriptions };
}
