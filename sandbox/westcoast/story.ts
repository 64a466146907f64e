import type { CompanyInput } from './companies';
import type { DateFormat } from './dates';
import { ID_RANGES } from './model';
import type { ProvisioningStatus } from './subscriptions';

/**
 * Fixed customers present in every dataset (ids and names never change with the
 * seed or the counts), so a PSA sandbox can seed overlapping companies and tests
 * can name them. `psaName` is how a PSA would typically spell the same company:
 * it differs only by case, spacing, punctuation, Ltd/Limited, &/and or accents.
 */
export interface StoryCustomer extends CompanyInput {
	psaName: string;
	/** What the customer is there to exercise. */
	why: string;
}

const gb = (city: string, zip: string, address: string) =>
	({ city, zip, address, country: 'GB', currency: 'GBP', language: 'en-GB' }) as const;

const common = {
	billingStartFormat: 'iso',
	salesMan: 'Hannah Price',
	mpnId: null,
	purchaseOrderNumber: null,
} as const;

const id = (index: number) => ID_RANGES.storyCustomers + index;

export const STORY_CUSTOMERS: readonly StoryCustomer[] = [
	{
		...common,
		accountId: id(0),
		name: 'Müller & Söhne GmbH',
		psaName: 'Muller and Sohne GmbH',
		why: 'non-ASCII letters and & vs and; a German customer billed in EUR',
		state: 'Active',
		address: 'Friedrichstraße 123',
		city: 'Berlin',
		zip: '10117',
		country: 'DE',
		currency: 'EUR',
		language: 'de-DE',
		vatId: 'DE123456789',
		billingStartMonthsAgo: 30,
		billingStartFormat: 'wcf',
	},
	{
		...common,
		...gb('London', 'EC1V 9HX', '12 Old Street'),
		accountId: id(1),
		name: 'Café Crème Ltd',
		psaName: 'Cafe Creme Limited',
		why: 'accents and Ltd vs Limited',
		state: 'Active',
		vatId: 'GB234567890',
		billingStartMonthsAgo: 14,
	},
	{
		...common,
		...gb('Manchester', 'M2 4WU', '3 Hardman Street'),
		accountId: id(2),
		name: 'Smith & Jones Limited',
		psaName: 'Smith and Jones Ltd',
		why: '& vs and, Limited vs Ltd',
		state: 'Active',
		vatId: 'GB345678901',
		billingStartMonthsAgo: 40,
		purchaseOrderNumber: 'PO-SJ-2291',
	},
	{
		...common,
		...gb('Leeds', 'LS11 5QN', 'Unit 7, Holbeck Trading Estate'),
		accountId: id(3),
		name: 'acme  widgets ltd',
		psaName: 'Acme Widgets Ltd',
		why: 'case and a double space',
		state: 'Active',
		vatId: 'GB456789012',
		billingStartMonthsAgo: 22,
		billingStartFormat: 'wcfOffset',
	},
	{
		...common,
		...gb('Belfast', 'BT1 5GS', '20 Donegall Square North'),
		accountId: id(4),
		name: "O'Brien Consulting Ltd.",
		psaName: 'OBrien Consulting Ltd',
		why: 'apostrophe and a trailing full stop',
		state: 'Active',
		vatId: 'GB567890123',
		billingStartMonthsAgo: 9,
	},
	{
		...common,
		...gb('Bristol', 'BS1 4DJ', '45 Victoria Street'),
		accountId: id(5),
		name: 'Northwind Traders Ltd',
		psaName: 'Northwind Traders Ltd',
		why: 'exact match; Active; holds the main story subscriptions (add-ons, user-level, flat fee, errors)',
		state: 'Active',
		vatId: 'GB678901234',
		billingStartMonthsAgo: 36,
		mpnId: '1234567',
	},
	{
		...common,
		...gb('Reading', 'RG1 3BD', '8 Forbury Road'),
		accountId: id(6),
		name: 'Contoso (UK) Limited',
		psaName: 'Contoso UK Ltd',
		why: 'AccountState Inactive; brackets',
		state: 'Inactive',
		vatId: 'GB789012345',
		billingStartMonthsAgo: 50,
	},
	{
		...common,
		...gb('Birmingham', 'B4 6AT', '2 Snow Hill Queensway'),
		accountId: id(7),
		name: 'Fabrikam Logistics Ltd',
		psaName: 'Fabrikam Logistics',
		why: 'AccountState Suspended; PSA name without Ltd',
		state: 'Suspended',
		vatId: 'GB890123456',
		billingStartMonthsAgo: 26,
	},
	{
		...common,
		...gb('Glasgow', 'G1 3SL', '150 Buchanan Street'),
		accountId: id(8),
		name: 'Tailspin Toys Ltd',
		psaName: 'Tailspin Toys Ltd',
		why: 'AccountState Cancelled',
		state: 'Cancelled',
		vatId: 'GB901234567',
		billingStartMonthsAgo: 60,
		billingStartFormat: 'wcf',
	},
	{
		...common,
		...gb('Exeter', 'EX4 3SR', '5 Queen Street'),
		accountId: id(9),
		name: 'Woodgrove Dental Practice',
		psaName: 'Woodgrove Dental Practice',
		why: 'an AccountState the protocol does not list (PendingApproval): must read as not active',
		state: 'PendingApproval',
		vatId: 'GB112233445',
		billingStartMonthsAgo: 1,
	},
	{
		...common,
		...gb('Cardiff', 'CF10 2HQ', '11 Mill Lane'),
		accountId: id(10),
		name: "Zoë's Kitchen & Bar Ltd",
		psaName: 'Zoes Kitchen and Bar Limited',
		why: 'diaeresis, apostrophe, & vs and',
		state: 'Active',
		vatId: 'GB223344556',
		billingStartMonthsAgo: 18,
	},
	{
		...common,
		...gb('Edinburgh', 'EH3 9DR', '27 Lothian Road'),
		accountId: id(11),
		name: 'BRIGHT-STAR ACCOUNTING LLP',
		psaName: 'Bright Star Accounting LLP',
		why: 'upper case and a hyphen',
		state: 'Active',
		vatId: 'GB334455667',
		billingStartMonthsAgo: 44,
	},
];

export const STORY_CUSTOMER_IDS = {
	muller: id(0),
	cafeCreme: id(1),
	smithJones: id(2),
	acmeWidgets: id(3),
	obrien: id(4),
	northwind: id(5),
	contosoInactive: id(6),
	fabrikamSuspended: id(7),
	tailspinCancelled: id(8),
	woodgroveUnknownState: id(9),
	zoes: id(10),
	brightStar: id(11),
} as const;

/** Fixed subscriptions of the story customers: together they show every case a reader must handle. */
export interface StorySubscription {
	customerId: number;
	productName: string;
	quantity: number;
	state: string;
	dateFormat: DateFormat;
	contractEndMonths: number | null;
	scheduledTerminationDays: number | null;
	provisioningStatus: ProvisioningStatus;
	errorDetails?: string;
	/** Index (in this list) of the subscription this one is an add-on of. */
	addonOf?: number;
	userLevel?: boolean;
	renewQuantity?: number;
	udrcLast?: boolean;
}

const active = {
	state: 'Active',
	provisioningStatus: 'Provisioned',
	scheduledTerminationDays: null,
} as const;
const N = STORY_CUSTOMER_IDS;

export const STORY_SUBSCRIPTIONS: readonly StorySubscription[] = [
	// 0: the main licence, ISO dates, a different renewal seat count as noise.
	{
		...active,
		customerId: N.northwind,
		productName: 'Microsoft 365 Business Premium',
		quantity: 25,
		dateFormat: 'iso',
		contractEndMonths: 5,
		renewQuantity: 30,
	},
	// 1-2: add-ons of 0, WCF dates.
	{
		...active,
		customerId: N.northwind,
		productName: 'Teams Phone Standard',
		quantity: 10,
		dateFormat: 'wcf',
		contractEndMonths: 5,
		addonOf: 0,
	},
	{
		...active,
		customerId: N.northwind,
		productName: 'Microsoft 365 Copilot',
		quantity: 3,
		dateFormat: 'wcfOffset',
		contractEndMonths: 5,
		addonOf: 0,
		udrcLast: true,
	},
	// 3: ends early: ScheduledTerminationDate set (WCF with +0100).
	{
		...active,
		customerId: N.northwind,
		productName: 'Exchange Online (Plan 1)',
		quantity: 5,
		dateFormat: 'wcfOffset',
		contractEndMonths: 8,
		scheduledTerminationDays: 45,
	},
	// 4: usage-based, no UDRC item and no contract end.
	{
		...active,
		customerId: N.northwind,
		productName: 'Microsoft Azure Plan',
		quantity: 0,
		dateFormat: 'iso',
		contractEndMonths: null,
	},
	// 5: flat fee.
	{
		...active,
		customerId: N.northwind,
		productName: 'Westcoast Cloud Premium Support',
		quantity: 1,
		dateFormat: 'wcf',
		contractEndMonths: 12,
	},
	// 6: seat count in "NumberOfLicenses", after a numeric noise field; provisioning failed.
	{
		...active,
		customerId: N.northwind,
		productName: 'Acronis Cyber Protect Cloud - Per Workload',
		quantity: 12,
		dateFormat: 'iso',
		contractEndMonths: 1,
		provisioningStatus: 'Error',
		errorDetails: 'Vendor API timeout while changing the licence count <retry scheduled>',
		udrcLast: true,
	},
	// 7: an AccountState the protocol does not list.
	{
		...active,
		customerId: N.northwind,
		productName: 'Keeper Business',
		quantity: 8,
		dateFormat: 'iso',
		contractEndMonths: 11,
		state: 'PendingProvisioning',
		provisioningStatus: 'Pending',
	},
	// 8: user-level (ParentType User): dropped by excludeUserLevel.
	{
		...active,
		customerId: N.northwind,
		productName: 'Microsoft 365 Business Basic',
		quantity: 1,
		dateFormat: 'iso',
		contractEndMonths: 3,
		userLevel: true,
	},
	{
		...active,
		customerId: N.contosoInactive,
		productName: 'Microsoft 365 Business Basic',
		quantity: 15,
		dateFormat: 'wcf',
		contractEndMonths: 2,
		state: 'Inactive',
	},
	{
		...active,
		customerId: N.fabrikamSuspended,
		productName: 'Microsoft 365 Business Standard',
		quantity: 40,
		dateFormat: 'iso',
		contractEndMonths: 6,
		state: 'Suspended',
	},
	{
		...active,
		customerId: N.tailspinCancelled,
		productName: 'Exchange Online (Plan 1)',
		quantity: 10,
		dateFormat: 'wcfOffset',
		contractEndMonths: 4,
		scheduledTerminationDays: -30,
		state: 'Cancelled',
	},
	{
		...active,
		customerId: N.woodgroveUnknownState,
		productName: 'Microsoft Defender for Business',
		quantity: 6,
		dateFormat: 'iso',
		contractEndMonths: 12,
		state: 'Migrating',
	},
	{
		...active,
		customerId: N.muller,
		productName: 'Microsoft 365 Business Premium',
		quantity: 18,
		dateFormat: 'wcf',
		contractEndMonths: 7,
	},
	{
		...active,
		customerId: N.cafeCreme,
		productName: 'Exclaimer Cloud - Signatures for Office 365',
		quantity: 7,
		dateFormat: 'iso',
		contractEndMonths: 9,
	},
	{
		...active,
		customerId: N.smithJones,
		productName: 'Exchange Online (Plan 1)',
		quantity: 12,
		dateFormat: 'wcfOffset',
		contractEndMonths: 10,
	},
	{
		...active,
		customerId: N.acmeWidgets,
		productName: 'Microsoft 365 Business Basic',
		quantity: 50,
		dateFormat: 'iso',
		contractEndMonths: 2,
	},
	{
		...active,
		customerId: N.acmeWidgets,
		productName: 'Teams Phone Standard',
		quantity: 4,
		dateFormat: 'iso',
		contractEndMonths: 2,
		addonOf: 16,
	},
	{
		...active,
		customerId: N.obrien,
		productName: 'Microsoft Defender for Business',
		quantity: 9,
		dateFormat: 'wcf',
		contractEndMonths: 4,
	},
	{
		...active,
		customerId: N.zoes,
		productName: 'Keeper Business',
		quantity: 6,
		dateFormat: 'wcfOffset',
		contractEndMonths: 6,
	},
	{
		...active,
		customerId: N.brightStar,
		productName: 'Microsoft 365 Business Standard',
		quantity: 22,
		dateFormat: 'iso',
		contractEndMonths: 3,
	},
];
