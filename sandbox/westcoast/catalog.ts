import type { RawPriceableItem } from '../../core/westcoast/protocol';

/** A product the sandbox marketplace sells, with the prices and fields its subscriptions carry. */
export interface Product {
	productName: string;
	serviceName: string;
	serviceDisplayName: string;
	materialNumber: string;
	productNumber: string;
	/** The `Fields` entry that holds the seat count; null = a flat fee or usage product (no UDRC item). */
	udrcField: { name: string; displayName: string } | null;
	chargeType: string;
	/** Term (NCE): billing cycle, commitment and prepaid months of the priced item. */
	term: { billingCycle: string; commitmentMonths: number; prepaidMonths: number };
	purchasePrice: number;
	salesPrice: number;
	suggestedRetailPrice: number;
	minQuantity: number;
	maxQuantity: number;
	/** Product names that can be bought as add-ons of this one. */
	addons: string[];
	/** Sold only as an add-on of another subscription. */
	addonOnly: boolean;
	/** Priceable items that are not the seat count, to catch readers that take the first item. */
	otherItems: RawPriceableItem[];
	/** Name/value pairs that are not the seat count (several are numbers, on purpose). */
	otherFields: Array<{ name: string; displayName: string; value: string }>;
}

const MICROSOFT = {
	serviceName: 'MicrosoftCSP',
	serviceDisplayName: 'Microsoft Cloud Solution Provider',
};
const MICROSOFT_QUANTITY = { name: 'Quantity', displayName: 'Quantity' };
const ANNUAL_BILLED_MONTHLY = { billingCycle: 'Monthly', commitmentMonths: 12, prepaidMonths: 1 };
const MONTHLY = { billingCycle: 'Monthly', commitmentMonths: 1, prepaidMonths: 1 };
const ANNUAL_PREPAID = { billingCycle: 'Annual', commitmentMonths: 12, prepaidMonths: 12 };
const MICROSOFT_FIELDS = [
	{ name: 'TermDuration', displayName: 'Term duration', value: 'P1Y' },
	{ name: 'BillingFrequency', displayName: 'Billing frequency', value: 'Monthly' },
];

function microsoft(
	productName: string,
	sku: string,
	prices: [purchase: number, sales: number],
	extra: Partial<Product> = {},
): Product {
	return {
		productName,
		...MICROSOFT,
		materialNumber: `MS-${sku}-P1Y-M`,
		productNumber: `${sku}:0001`,
		udrcField: MICROSOFT_QUANTITY,
		chargeType: 'Recurring',
		term: ANNUAL_BILLED_MONTHLY,
		purchasePrice: prices[0],
		salesPrice: prices[1],
		suggestedRetailPrice: Math.round(prices[1] * 110) / 100,
		minQuantity: 1,
		maxQuantity: 60,
		addons: [],
		addonOnly: false,
		otherItems: [],
		otherFields: MICROSOFT_FIELDS,
		...extra,
	};
}

export const PRODUCTS: readonly Product[] = [
	microsoft('Microsoft 365 Business Premium', 'CFQ7TTC0LCHC', [16.56, 18.1], {
		addons: [
			'Teams Phone Standard',
			'Microsoft 365 Copilot',
			'Microsoft Defender for Office 365 (Plan 2)',
		],
	}),
	microsoft('Microsoft 365 Business Standard', 'CFQ7TTC0LDPB', [9.36, 10.3], {
		addons: ['Teams Phone Standard', 'Microsoft 365 Copilot'],
	}),
	microsoft('Microsoft 365 Business Basic', 'CFQ7TTC0LH18', [4.68, 4.9], {
		addons: ['Teams Phone Standard'],
	}),
	microsoft('Exchange Online (Plan 1)', 'CFQ7TTC0LH16', [3.12, 3.4]),
	microsoft('Microsoft Defender for Business', 'CFQ7TTC0LCHH', [2.34, 2.6]),
	microsoft('Teams Phone Standard', 'CFQ7TTC0J1FV', [6.24, 6.8], { addonOnly: true }),
	microsoft('Microsoft 365 Copilot', 'CFQ7TTC0MM8R', [23.4, 25.5], {
		addonOnly: true,
		maxQuantity: 10,
	}),
	microsoft('Microsoft Defender for Office 365 (Plan 2)', 'CFQ7TTC0LHSV', [3.9, 4.2], {
		addonOnly: true,
	}),
	microsoft('Microsoft Azure Plan', 'DZH318Z0BPS6', [0, 0], {
		materialNumber: 'MS-AZURE-PLAN',
		udrcField: null,
		chargeType: 'Usage',
		term: MONTHLY,
		otherItems: [usageItem('Azure consumption (billed in arrears)', 'AzureConsumption')],
		otherFields: [
			{
				name: 'AzureSubscriptionName',
				displayName: 'Azure subscription name',
				value: 'Production',
			},
		],
	}),
	{
		productName: 'Acronis Cyber Protect Cloud - Per Workload',
		serviceName: 'AcronisCyberProtect',
		serviceDisplayName: 'Acronis Cyber Protect Cloud',
		materialNumber: 'ACR-CPC-WL-M',
		productNumber: 'SP2AMSENS',
		udrcField: { name: 'NumberOfLicenses', displayName: 'Number of licences' },
		chargeType: 'Recurring',
		term: MONTHLY,
		purchasePrice: 3.05,
		salesPrice: 4.5,
		suggestedRetailPrice: 5.0,
		minQuantity: 1,
		maxQuantity: 40,
		addons: [],
		addonOnly: false,
		otherItems: [usageItem('Backup storage per GB', 'StorageGB', 0.03, 0.05)],
		otherFields: [
			{ name: 'StorageGB', displayName: 'Backup storage (GB)', value: '500' },
			{ name: 'DataCenter', displayName: 'Data centre', value: 'UK (London)' },
		],
	},
	{
		productName: 'Keeper Business',
		serviceName: 'KeeperSecurity',
		serviceDisplayName: 'Keeper Security',
		materialNumber: 'KPR-BUS-1Y',
		productNumber: 'KEEPER-BUSINESS',
		udrcField: { name: 'Seats', displayName: 'Seats' },
		chargeType: 'Recurring',
		term: ANNUAL_PREPAID,
		purchasePrice: 2.8,
		salesPrice: 3.75,
		suggestedRetailPrice: 3.75,
		minQuantity: 5,
		maxQuantity: 50,
		addons: [],
		addonOnly: false,
		otherItems: [oneTimeItem('Onboarding', 'KPR-ONBOARD', 45, 60)],
		otherFields: [
			{ name: 'SecureFileStorageGB', displayName: 'Secure file storage (GB)', value: '10' },
		],
	},
	{
		productName: 'Exclaimer Cloud - Signatures for Office 365',
		serviceName: 'Exclaimer',
		serviceDisplayName: 'Exclaimer Cloud',
		materialNumber: 'EXC-SIG-O365-M',
		productNumber: 'EXCLAIMER-SIG',
		udrcField: { name: 'Users', displayName: 'Mailboxes' },
		chargeType: 'Recurring',
		term: MONTHLY,
		purchasePrice: 0.95,
		salesPrice: 1.4,
		suggestedRetailPrice: 1.5,
		minQuantity: 5,
		maxQuantity: 80,
		addons: [],
		addonOnly: false,
		otherItems: [],
		otherFields: [{ name: 'Region', displayName: 'Data region', value: 'UK' }],
	},
	{
		productName: 'Westcoast Cloud Premium Support',
		serviceName: 'WestcoastServices',
		serviceDisplayName: 'Westcoast Cloud Services',
		materialNumber: 'WCC-SUP-PREM',
		productNumber: 'WCC-SUPPORT-PREMIUM',
		udrcField: null,
		chargeType: 'Recurring',
		term: ANNUAL_BILLED_MONTHLY,
		purchasePrice: 49,
		salesPrice: 75,
		suggestedRetailPrice: 75,
		minQuantity: 1,
		maxQuantity: 1,
		addons: [],
		addonOnly: false,
		otherItems: [],
		otherFields: [{ name: 'SupportTier', displayName: 'Support tier', value: 'Premium' }],
	},
];

function usageItem(
	description: string,
	fieldName: string,
	purchasePrice = 0,
	salesPrice = 0,
): RawPriceableItem {
	return {
		ChargeType: 'Usage',
		PriceableItemDescription: description,
		IsUdrcField: false,
		PurchasePrice: purchasePrice,
		SalesPrice: salesPrice,
		SuggestedRetailPrice: salesPrice,
		FieldName: fieldName,
		MaterialNumber: `${fieldName.toUpperCase()}-USAGE`,
		ProductNumber: null,
	};
}

function oneTimeItem(
	description: string,
	materialNumber: string,
	purchasePrice: number,
	salesPrice: number,
): RawPriceableItem {
	return {
		ChargeType: 'OneTime',
		PriceableItemDescription: description,
		IsUdrcField: false,
		PurchasePrice: purchasePrice,
		SalesPrice: salesPrice,
		SuggestedRetailPrice: salesPrice,
		FieldName: null,
		MaterialNumber: materialNumber,
		ProductNumber: null,
	};
}

const BY_NAME = new Map(PRODUCTS.map((product) => [product.productName.toLowerCase(), product]));

export function findProduct(productName: string): Product | undefined {
	return BY_NAME.get(productName.trim().toLowerCase());
}

/** Products a customer buys directly (not add-ons). */
export const BASE_PRODUCTS = PRODUCTS.filter((product) => !product.addonOnly);
