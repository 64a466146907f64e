/** Fixed facts of the seed: top levels, PSA-only clients and the built-in Westcoast stand-in. */
import type { TopLevelRecord } from './records';
import type { WestcoastCustomerRef, WestcoastSubscriptionRef } from './seed';

export const DEFAULT_HALO_SEED = 1;

export const HALO_TOP_LEVELS: TopLevelRecord[] = [
	{ id: 1, name: 'Managed Services' },
	{ id: 2, name: 'Cloud Customers' },
	{ id: 3, name: 'Internal' },
];
/** Where the clients standing for Westcoast customers sit (a duplicate's twin sits in the first). */
export const CLOUD_TOP_LEVEL_ID = 2;

/** Clients the MSP has in Halo but not at Westcoast (no Westcoast sandbox story name is alike). */
export const HALO_ONLY_CLIENTS = [
	{ name: 'Riverside Veterinary Surgery', toplevel_id: 1, inactive: false },
	{ name: 'Blue Harbour Dental Practice', toplevel_id: 1, inactive: false },
	{ name: 'Old Mill Bakery', toplevel_id: 1, inactive: true },
	{ name: 'Internal IT', toplevel_id: 3, inactive: false },
] as const;

/** Distributor of the licences the MSP buys elsewhere. */
export const OTHER_DISTRIBUTOR = 'Other Distributor';

/** Product names for licences with no Westcoast subscription to copy from. */
export const OTHER_PRODUCTS = [
	'Microsoft 365 Business Standard',
	'Exchange Online (Plan 1)',
	'Microsoft Defender for Business',
];

export const ADDRESS_STREETS = [
	'High Street',
	'Station Road',
	'Church Lane',
	'Mill Road',
	'Victoria Street',
	'Park Avenue',
];
export const ADDRESS_TOWNS = [
	['Reading', 'RG1 1AA'],
	['Leeds', 'LS1 4AP'],
	['Bristol', 'BS1 5TR'],
	['Manchester', 'M1 2WD'],
	['Glasgow', 'G2 1DY'],
	['Cardiff', 'CF10 1EP'],
] as const;
export const ADDRESS_COUNTRY = 'United Kingdom';

/**
 * Used when no Westcoast data is passed in; the order gives each customer its
 * role (see seedRoleOf): Müller linked, Smith & Jones duplicated, acme near
 * miss, Café Crème exact, O'Brien missing, then near miss / exact / missing.
 */
export const DEFAULT_WESTCOAST_CUSTOMERS: WestcoastCustomerRef[] = [
	{ id: '410001', name: 'Müller & Söhne GmbH' },
	{ id: '410002', name: 'Smith & Jones Limited' },
	{ id: '410003', name: 'acme  widgets ltd' },
	{ id: '410004', name: 'Café Crème Ltd' },
	{ id: '410005', name: "O'Brien Consulting Ltd." },
	{ id: '410006', name: 'Harbour & Quay Surveyors Ltd' },
	{ id: '410007', name: 'Brightside Logistics Limited' },
	{ id: '410008', name: 'Greenfield Primary School' },
];

export const DEFAULT_WESTCOAST_SUBSCRIPTIONS: WestcoastSubscriptionRef[] = [
	{
		id: 'S-510001',
		customerId: '410001',
		name: 'Microsoft 365 Business Premium',
		quantity: 25,
		sku: 'M365-BP',
	},
	{ id: 'S-510002', customerId: '410001', name: 'Microsoft 365 E3', quantity: 10, sku: 'M365-E3' },
	{
		id: 'S-510003',
		customerId: '410001',
		name: 'Microsoft Defender for Office 365 (Plan 1)',
		quantity: 25,
		sku: 'MDO-P1',
		parentId: 'S-510001',
	},
	{
		id: 'S-510004',
		customerId: '410002',
		name: 'Microsoft 365 Business Standard',
		quantity: 12,
		sku: 'M365-BS',
	},
	{
		id: 'S-510005',
		customerId: '410003',
		name: 'Exchange Online (Plan 1)',
		quantity: 5,
		sku: 'EXO-P1',
	},
	{
		id: 'S-510006',
		customerId: '410004',
		name: 'Microsoft 365 Business Basic',
		quantity: 8,
		sku: 'M365-BB',
	},
	{
		id: 'S-510007',
		customerId: '410005',
		name: 'Microsoft 365 Business Standard',
		quantity: 3,
		sku: 'M365-BS',
	},
	{
		id: 'S-510008',
		customerId: '410007',
		name: 'Microsoft 365 Business Premium',
		quantity: 40,
		sku: 'M365-BP',
	},
];
