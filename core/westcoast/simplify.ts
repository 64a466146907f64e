import {
	COMPANY_FIELDS as C,
	PERIOD_END_ACTIONS,
	PRICEABLE_ITEM_FIELDS as P,
	SUBSCRIPTION_FIELDS as S,
} from './protocol';
import type { SimpleCustomer, SimpleSubscription } from './simple';
import { readDate } from './dates';
import { readQuantity, udrcItem } from './quantity';
import { RecordReader, RecordShapeError } from './record';

export { RecordShapeError } from './record';

function date(reader: RecordReader, name: string): string | null {
	const reading = readDate(reader.raw(name));
	if (!reading.ok)
		throw new RecordShapeError(name, `${reader.what}: ${name} is unreadable: ${reading.problem}`);
	return reading.iso;
}

/**
 * The raw Company field behind each SimpleCustomer part Mapping Resolver
 * reads (it reads raw Companies too, for users who turned Simplify off).
 */
export const SIMPLE_CUSTOMER_SOURCE = {
	westcoastId: C.accountId,
	name: C.name,
	state: C.state,
	street: C.street,
	city: C.city,
	postcode: C.postcode,
	country: C.country,
} as const;

export function simplifyCustomer(company: unknown): SimpleCustomer {
	const read = RecordReader.of(company, 'Company');
	const from = SIMPLE_CUSTOMER_SOURCE;
	const westcoastId = read.requiredId(from.westcoastId);
	read.what = `Company ${westcoastId}`;
	return {
		westcoastId,
		name: read.text(from.name) ?? '',
		state: read.text(from.state) ?? 'Unknown',
		vatId: read.text(C.vatId),
		domains: read.texts(C.domains),
		email: read.text(C.email),
		address: {
			street: read.text(from.street),
			city: read.text(from.city),
			postcode: read.text(from.postcode),
			country: read.text(from.country),
		},
		currency: read.text(C.currency),
		salesman: read.text(C.salesman),
	};
}

/** `Renew` → true, `Terminate` → false, anything else unknown. */
function autoRenew(action: string | null): boolean | null {
	if (action === null) return null;
	const lower = action.toLowerCase();
	if (lower === PERIOD_END_ACTIONS.renew.toLowerCase()) return true;
	if (lower === PERIOD_END_ACTIONS.terminate.toLowerCase()) return false;
	return null;
}

/** `quantityField` names the seat-count field for products neither built-in rule fits. */
export function simplifySubscription(
	subscription: unknown,
	quantityField?: string,
): SimpleSubscription {
	const read = RecordReader.of(subscription, 'Subscription');
	const westcoastId = read.requiredId(S.accountId);
	read.what = `Subscription ${westcoastId}`;
	const seats = readQuantity(read.record, quantityField, read.what);
	if (!seats.ok) throw new RecordShapeError(S.fields, `${read.what}: ${seats.problem}`);
	const contractEndDate = date(read, S.contractEndDate);
	const scheduledTerminationDate = date(read, S.scheduledTerminationDate);
	const pricedRecord = udrcItem(read.record, read.what) ?? read.records(S.priceableItems)[0];
	const priced = pricedRecord
		? new RecordReader(pricedRecord, `${read.what}: priceable item`)
		: null;
	return {
		westcoastId,
		customerId: read.id(S.companyAccountId) ?? read.requiredId(S.parentAccountId),
		productName: read.text(S.productName),
		serviceName: read.text(S.serviceName),
		displayName: read.text(S.serviceDisplayName),
		vendorDisplayName: read.text(S.vendorDisplayName),
		quantity: seats.quantity,
		quantitySource: seats.source,
		state: read.text(S.state) ?? 'Unknown',
		status: read.text(S.status),
		provisioningStatus: read.text(S.provisioningStatus),
		contractId: read.text(S.contractId),
		contractEndDate,
		scheduledTerminationDate,
		endDate: scheduledTerminationDate ?? contractEndDate,
		billingStartDate: date(read, S.billingStartDate),
		billingCycle: priced?.text(P.billingCycle) ?? null,
		commitmentMonths: priced?.number(P.commitmentMonths) ?? null,
		prepaidMonths: priced?.number(P.prepaidMonths) ?? null,
		autoRenew: autoRenew(read.text(S.periodEndAction)),
		parentSubscriptionId: read.id(S.parentSubscriptionId),
		vendorReference: read.text(S.vendorReference),
		sku: priced?.text(P.materialNumber) ?? priced?.text(P.productNumber) ?? null,
		purchasePrice: priced?.number(P.purchasePrice) ?? null,
		salesPrice: priced?.number(P.salesPrice) ?? null,
		currency: priced?.text(P.currency) ?? null,
	};
}
