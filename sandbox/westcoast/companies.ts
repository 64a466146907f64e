import { ID_RANGES, type SandboxCompany } from './model';
import { formatDate, monthsFromReference, type DateFormat } from './dates';

export const MARKETPLACE_ID = 'westcoastcloud-uk';

/** What varies between companies; everything else is derived from it. */
export interface CompanyInput {
	accountId: number;
	name: string;
	state: string;
	address: string;
	city: string;
	zip: string;
	country: string;
	currency: string;
	language: string;
	vatId: string;
	/** Months before the reference date that billing started. */
	billingStartMonthsAgo: number;
	billingStartFormat: DateFormat;
	salesMan: string;
	mpnId: string | null;
	purchaseOrderNumber: string | null;
	/** Defaults to the slug of the name. */
	domainStem?: string;
}

const LEGAL_SUFFIX = /\b(ltd|limited|llp|plc|gmbh|sp\.? z o\.?o|co|group)\b\.?/gi;

/** A domain-safe stem: diacritics stripped, legal suffixes and punctuation dropped. */
export function domainStem(name: string): string {
	const stem = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.replace(/&\s*co\b\.?/gi, ' ')
		.replace(LEGAL_SUFFIX, ' ')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return stem || 'customer';
}

export function buildCompany(
	input: CompanyInput,
	parentAccountId: number = ID_RANGES.reseller,
): SandboxCompany {
	const stem = input.domainStem ?? domainStem(input.name);
	const tld = input.country === 'GB' ? 'co.uk' : input.country.toLowerCase();
	const domain = `${stem}.${tld}`;
	return {
		ParentAccountId: parentAccountId,
		AccountId: input.accountId,
		AccountState: input.state,
		CompanyName: input.name,
		VatId: input.vatId,
		Domain: [domain, `${stem.replace(/-/g, '')}.onmicrosoft.com`],
		BillingStartDate: formatDate(
			monthsFromReference(-input.billingStartMonthsAgo),
			input.billingStartFormat,
		),
		ContractId: `WCC-CT-${input.accountId}`,
		PurchaseOrderNumber: input.purchaseOrderNumber,
		CustomerId: `C${String(input.accountId).padStart(8, '0')}`,
		Currency: input.currency,
		Address: input.address,
		City: input.city,
		Country: input.country,
		Zip: input.zip,
		Email: `accounts@${domain}`,
		TechnicalEmail: `it@${domain}`,
		SalesMan: input.salesMan,
		Marketplace: MARKETPLACE_ID,
		Marketplaces: [MARKETPLACE_ID],
		MpnId: input.mpnId,
		Vat: input.country === 'GB' ? 20 : input.country === 'DE' ? 19 : 23,
		AccountType: 'Customer',
		NumericId: input.accountId,
		Language: input.language,
	};
}

export const RESELLER: SandboxCompany = {
	...buildCompany(
		{
			accountId: ID_RANGES.reseller,
			name: 'Sandbox Reseller Ltd',
			state: 'Active',
			address: '1 Example Park, Carrington Way',
			city: 'Reading',
			zip: 'RG2 0TB',
			country: 'GB',
			currency: 'GBP',
			language: 'en-GB',
			vatId: 'GB198765432',
			billingStartMonthsAgo: 48,
			billingStartFormat: 'iso',
			salesMan: 'Westcoast Partner Team',
			mpnId: '6543210',
			purchaseOrderNumber: null,
			domainStem: 'sandbox-reseller',
		},
		ID_RANGES.distributor,
	),
	AccountType: 'Reseller',
};

export const UK_PLACES: ReadonlyArray<{ city: string; zip: string; street: string }> = [
	{ city: 'London', zip: 'EC2A 4NE', street: 'Worship Street' },
	{ city: 'Manchester', zip: 'M1 3BE', street: 'Portland Street' },
	{ city: 'Leeds', zip: 'LS1 4DY', street: 'Park Row' },
	{ city: 'Bristol', zip: 'BS1 6DZ', street: 'Temple Way' },
	{ city: 'Birmingham', zip: 'B3 2HJ', street: 'Colmore Row' },
	{ city: 'Glasgow', zip: 'G2 5QR', street: 'St Vincent Street' },
	{ city: 'Edinburgh', zip: 'EH2 4AN', street: 'George Street' },
	{ city: 'Cardiff', zip: 'CF10 1EP', street: 'Churchill Way' },
	{ city: 'Newcastle upon Tyne', zip: 'NE1 3DY', street: 'Grey Street' },
	{ city: 'Reading', zip: 'RG1 1AX', street: 'Friar Street' },
	{ city: 'Norwich', zip: 'NR2 1RQ', street: 'Prince of Wales Road' },
	{ city: 'Exeter', zip: 'EX1 1QA', street: 'Southernhay East' },
];

export const SALES_PEOPLE = ['Hannah Price', 'Daniel Okafor', 'Priya Nair', 'Tom Whitaker'];
