import { HALO_DISTRIBUTOR_NAME, toHaloDateTime, toHaloTermDuration } from '../psa/halo';
import type { CalendarDate } from './values';
import type { LicenceFieldNames } from '../psa/preset';
import type { LicenceRecord } from './licences';
import type { FieldChange, LicencePayload, PayloadValue } from './types';

/** What a subscription's licence should hold. Null parent/prices: not managed for this licence. */
export interface DesiredLicence {
	westcoastSubscriptionId: string;
	name: string;
	clientId: string | number;
	count: number;
	endDate: CalendarDate | null;
	isActive: boolean;
	sku: string | null;
	parentLicenceId: string | number | null;
	price: number | null;
	purchasePrice: number | null;
	/** Term values to keep in step; null: not managed for this licence (off, or unknown upstream). */
	billingCycle: string | null;
	commitmentMonths: number | null;
	autoRenew: boolean | null;
	startDate: CalendarDate | null;
}

/** GUESS: Halo keeps money to 4 decimal places; comparing at that precision keeps re-runs unchanged. */
const roundMoney = (value: number) => Math.round(value * 10_000) / 10_000;

interface ManagedField {
	field: string;
	to: PayloadValue;
	/** Whether the licence already holds the value. */
	same: (licence: LicenceRecord) => boolean;
}

/** The fields the planner keeps in step, in payload order. */
function managedFields(desired: DesiredLicence, fields: LicenceFieldNames): ManagedField[] {
	const managed: ManagedField[] = [
		{ field: fields.name, to: desired.name, same: (licence) => licence.name === desired.name },
		{
			field: fields.clientId,
			to: desired.clientId,
			same: (licence) => licence.clientKey === String(desired.clientId),
		},
		{ field: fields.count, to: desired.count, same: (licence) => licence.count === desired.count },
		{
			field: fields.endDate,
			to: desired.endDate === null ? null : toHaloDateTime(desired.endDate),
			same: (licence) => licence.endDate === desired.endDate,
		},
		{
			field: fields.isActive,
			to: desired.isActive,
			same: (licence) => licence.isActive === desired.isActive,
		},
	];
	const { parentLicenceId, price, purchasePrice } = desired;
	if (parentLicenceId !== null) {
		managed.push({
			field: fields.parentId,
			to: parentLicenceId,
			same: (licence) => licence.parentKey === String(parentLicenceId),
		});
	}
	if (price !== null) {
		const to = roundMoney(price);
		managed.push({
			field: fields.price,
			to,
			same: (licence) => licence.price !== null && roundMoney(licence.price) === to,
		});
	}
	if (purchasePrice !== null) {
		const to = roundMoney(purchasePrice);
		managed.push({
			field: fields.purchasePrice,
			to,
			same: (licence) => licence.purchasePrice !== null && roundMoney(licence.purchasePrice) === to,
		});
	}
	const { billingCycle, commitmentMonths, autoRenew, startDate } = desired;
	if (billingCycle !== null) {
		managed.push({
			field: fields.billingCycle,
			to: billingCycle,
			same: (licence) => licence.billingCycle === billingCycle,
		});
	}
	if (commitmentMonths !== null) {
		const to = toHaloTermDuration(commitmentMonths);
		managed.push({
			field: fields.termDuration,
			to,
			same: (licence) => licence.termDuration === to,
		});
	}
	if (autoRenew !== null) {
		managed.push({
			field: fields.autoRenew,
			to: autoRenew,
			same: (licence) => licence.autoRenew === autoRenew,
		});
	}
	if (startDate !== null) {
		managed.push({
			field: fields.startDate,
			to: toHaloDateTime(startDate),
			same: (licence) => licence.startDate === startDate,
		});
	}
	return managed;
}

/** A new licence: every managed field, plus distributor, SKU and the Westcoast link. */
export function createPayload(desired: DesiredLicence, fields: LicenceFieldNames): LicencePayload {
	const payload: LicencePayload = {};
	for (const { field, to } of managedFields(desired, fields)) payload[field] = to;
	payload[fields.distributor] = HALO_DISTRIBUTOR_NAME;
	if (desired.sku !== null) payload[fields.productSku] = desired.sku;
	payload[fields.westcoastLink] = desired.westcoastSubscriptionId;
	return payload;
}

/** The managed fields whose value differs, field by field. */
export function licenceChanges(
	desired: DesiredLicence,
	licence: LicenceRecord,
	fields: LicenceFieldNames,
): FieldChange[] {
	return managedFields(desired, fields)
		.filter(({ same }) => !same(licence))
		.map(({ field, to }) => ({ field, from: licence.json[field] ?? null, to }));
}

/** An update writes the changed fields only, so fields the planner does not manage stay as they are. */
export function updatePayload(
	licence: LicenceRecord,
	changes: readonly FieldChange[],
	fields: LicenceFieldNames,
): LicencePayload {
	const payload: LicencePayload = { [fields.id]: licence.id };
	for (const { field, to } of changes) payload[field] = to;
	return payload;
}
