import { COMPANY_FIELDS } from '../westcoast/protocol';
import { field } from '../westcoast/record';
import type { SimpleAddress } from '../westcoast/simple';
import { WRONG_TYPE, isRecord, readText } from './cell';
import type { WestcoastCustomer } from './types';

export interface FieldProblem {
	field: string;
	problem: string;
}

export type WestcoastRead = { customer: WestcoastCustomer } | { invalid: FieldProblem };

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
const RAW_COMPANY_FIELDS: Record<Part, string> = {
	westcoastId: COMPANY_FIELDS.accountId,
	name: COMPANY_FIELDS.name,
	state: COMPANY_FIELDS.state,
	street: COMPANY_FIELDS.street,
	city: COMPANY_FIELDS.city,
	postcode: COMPANY_FIELDS.postcode,
	country: COMPANY_FIELDS.country,
};
const REQUIRED_PARTS: ReadonlySet<Part> = new Set(['westcoastId', 'name']);

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
	if (!isRecord(item)) return { invalid: { field: '(item)', problem: 'is not an object' } };
	const isRawCompany =
		!('westcoastId' in item) &&
		(field(item, COMPANY_FIELDS.accountId) !== undefined ||
			field(item, COMPANY_FIELDS.name) !== undefined);
	const fields = isRawCompany ? RAW_COMPANY_FIELDS : SIMPLE_CUSTOMER_FIELDS;
	if (
		!isRawCompany &&
		item.address !== undefined &&
		item.address !== null &&
		!isRecord(item.address)
	) {
		return { invalid: { field: 'address', problem: 'is not an object' } };
	}
	const text = {} as Record<Part, string | null>;
	for (const part of Object.keys(fields) as Part[]) {
		const value = readText(cellAt(item, fields[part], isRawCompany));
		if (value === WRONG_TYPE)
			return {
				invalid: { field: fields[part], problem: 'is not text or a number' },
			};
		if (value === null && REQUIRED_PARTS.has(part))
			return { invalid: { field: fields[part], problem: 'is missing' } };
		text[part] = value;
	}
	return {
		customer: {
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
