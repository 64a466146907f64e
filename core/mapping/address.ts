import type { SimpleAddress } from '../westcoast/simple';
import { textOrNull } from '../read';
import type { PsaFieldNames } from '../psa/preset';
import type { AddressFieldChange } from './types';

const ADDRESS_PARTS: readonly (keyof SimpleAddress)[] = ['street', 'city', 'postcode', 'country'];

/**
 * The Westcoast address under PSA field names; parts Westcoast leaves empty,
 * and parts no line of the PSA's address holds (Halo's country), are left out.
 */
export function westcoastAddressInPsaFields(
	address: SimpleAddress,
	fields: PsaFieldNames,
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const part of ADDRESS_PARTS) {
		const value = address[part]?.trim();
		const field = fields.addressParts[part];
		if (value && field) values[field] = value;
	}
	return values;
}

/**
 * Field-by-field changes that make the PSA address match Westcoast's. Values
 * compare trimmed, null equal to empty; a part Westcoast leaves empty never
 * clears the PSA's value (a missing Westcoast address must not wipe one).
 */
export function addressChanges(
	address: SimpleAddress,
	psaAddress: Record<string, unknown> | null,
	fields: PsaFieldNames,
): AddressFieldChange[] {
	return Object.entries(westcoastAddressInPsaFields(address, fields))
		.map(([field, to]) => ({ field, from: textOrNull(psaAddress?.[field]), to }))
		.filter(({ from, to }) => from !== to);
}

/** Every address line after the changes: Westcoast's value, else the PSA's current one. */
export function addressAfterChanges(
	psaAddress: Record<string, unknown> | null,
	changes: readonly AddressFieldChange[],
	fields: PsaFieldNames,
): Record<string, string> {
	const changed = new Map(changes.map(({ field, to }) => [field, to]));
	const lines = new Set([...fields.addressLines, ...Object.values(fields.addressParts)]);
	const address: Record<string, string> = {};
	for (const line of lines) {
		const value = changed.get(line) ?? textOrNull(psaAddress?.[line]);
		if (value !== null) address[line] = value;
	}
	return address;
}
