import { field } from '../westcoast/record';
import type { SimpleAddress } from '../westcoast/simple';
import { SIMPLE_CUSTOMER_SOURCE } from '../westcoast/simplify';
import { WRONG_TYPE, isRecord, readText, type ItemRead } from '../read';
import type { WestcoastCustomer } from './types';

export type WestcoastRead = ItemRead<WestcoastCustomer>;

type Part = 'westcoastId' | 'name' | 'state' | keyof SimpleAddress;

/** Where each part sits in a SimpleCustomer and in a raw Company (Simplify off). */
const SIMPLE_CUSTOMER_FIELDS: Record<Part, string> = {
	westcoastId: 'westcoastId',
	name: 'name',
	state: 'state',
	street: 'address.street',
	city: 'address.city',
	postcode: 'address.postcode',
	country: 'address.country',
};
/** Raw Company fields (read case-insensitively, as every marketplace field is). */
const RAW_COMPANY_FIELDS: Record<Part, string> = SIMPLE_CUSTOMER_SOURCE;
const REQUIRED_PARTS: ReadonlySet<Part> = new Set(['westcoastId', 'name']);

const invalid = (field: string, problem: string): WestcoastRead => ({
	record: null,
	invalid: { field, problem },
});

function cellAt(item: Record<string, unknown>, path: string, isRawCompany: boolean): unknown {
	if (isRawCompany) return field(item, path);
	const [head, tail] = path.split('.');
	const value = item[head];
	return tail === undefined ? value : isRecord(value) ? value[tail] : undefined;
}

/**
 * The one place a Westcoast input item is read: a SimpleCustomer, or a raw
 * Company for users who turned Simplify off. Never throws; a bad item names
 * the field at fault.
 */
export function readWestcoastCustomer(item: unknown): WestcoastRead {
	if (!isRecord(item)) return invalid('(item)', 'is not an object');
	const isRawCompany =
		!('westcoastId' in item) &&
		(field(item, RAW_COMPANY_FIELDS.westcoastId) !== undefined ||
			field(item, RAW_COMPANY_FIELDS.name) !== undefined);
	const fields = isRawCompany ? RAW_COMPANY_FIELDS : SIMPLE_CUSTOMER_FIELDS;
	if (
		!isRawCompany &&
		item.address !== undefined &&
		item.address !== null &&
		!isRecord(item.address)
	) {
		return invalid('address', 'is not an object');
	}
	const text = {} as Record<Part, string | null>;
	for (const part of Object.keys(fields) as Part[]) {
		const value = readText(cellAt(item, fields[part], isRawCompany));
		if (value === WRONG_TYPE) return invalid(fields[part], 'is not text or a number');
		if (value === null && REQUIRED_PARTS.has(part)) return invalid(fields[part], 'is missing');
		text[part] = value;
	}
	return {
		invalid: null,
		record: {
			westcoastId: text.westcoastId as string,
			name: text.name as string,
			state: text.state,
			address: {
				street: text.street,
				city: text.city,
				postcode: text.postcode,
				country: text.country,
			},
		},
	};
}
