import type { RawCompany, RawSubscription } from './protocol';
import type { SimpleCustomer, SimpleSubscription } from './simple';
import { readDate } from './dates';
import { readQuantity, udrcItem } from './quantity';

/** Raised when a record cannot be simplified; names the field so the user can find it. */
export class RecordShapeError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'RecordShapeError';
	}
}

const text = (value: unknown): string | null =>
	value === null || value === undefined || String(value).trim() === ''
		? null
		: String(value).trim();

const number = (value: unknown): number | null => {
	if (value === null || value === undefined || value === '') return null;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : null;
};

function requiredId(record: Record<string, unknown>, field: string, what: string): string {
	const id = text(record[field]);
	if (id === null) throw new RecordShapeError(field, `${what} has no ${field}`);
	return id;
}

function date(record: Record<string, unknown>, field: string): string | null {
	const reading = readDate(record[field]);
	if (!reading.ok) throw new RecordShapeError(field, `${field} is unreadable: ${reading.problem}`);
	return reading.iso;
}

export function simplifyCustomer(company: RawCompany): SimpleCustomer {
	return {
		westcoastId: requiredId(company, 'AccountId', 'Company'),
		name: text(company.CompanyName) ?? '',
		state: text(company.AccountState) ?? 'Unknown',
		vatId: text(company.VatId),
		domains: Array.isArray(company.Domain) ? company.Domain.map(String).filter(Boolean) : [],
		email: text(company.Email),
		address: {
			street: text(company.Address),
			city: text(company.City),
			postcode: text(company.Zip),
			country: text(company.Country),
		},
		currency: text(company.Currency),
	};
}

/** `quantityField` names the seat-count field when the UDRC rule does not fit a product. */
export function simplifySubscription(
	subscription: RawSubscription,
	quantityField?: string,
): SimpleSubscription {
	const westcoastId = requiredId(subscription, 'AccountId', 'Subscription');
	const seats = readQuantity(subscription, quantityField);
	if (!seats.ok)
		throw new RecordShapeError('Fields', `Subscription ${westcoastId}: ${seats.problem}`);
	const contractEndDate = date(subscription, 'ContractEndDate');
	const scheduledTerminationDate = date(subscription, 'ScheduledTerminationDate');
	const priced = udrcItem(subscription) ?? subscription.PriceableItems?.[0];
	return {
		westcoastId,
		customerId:
			text(subscription.CompanyAccountId) ??
			requiredId(subscription, 'ParentAccountId', 'Subscription'),
		productName: text(subscription.ProductName),
		serviceName: text(subscription.ServiceName),
		displayName: text(subscription.ServiceDisplayName),
		quantity: seats.quantity,
		state: text(subscription.AccountState) ?? 'Unknown',
		provisioningStatus: text(subscription.ProvisioningStatus),
		contractId: text(subscription.ContractId),
		contractEndDate,
		scheduledTerminationDate,
		endDate: scheduledTerminationDate ?? contractEndDate,
		parentSubscriptionId: text(subscription.DependencyAccountId),
		vendorReference: text(subscription.VendorReferenceId),
		sku: text(priced?.MaterialNumber) ?? text(priced?.ProductNumber),
		purchasePrice: number(priced?.PurchasePrice),
		salesPrice: number(priced?.SalesPrice),
		currency: text(priced?.Currency),
	};
}
