import { isRecord, type ItemRead, type JsonObject } from '../read';
import { HALO_DATE_RANGE, HALO_EMPTY_DATE, HALO_INT32 } from '../psa/halo';
import { itemReason, type PlanInputName, type PlanReason } from './reasons';

/** A calendar date `YYYY-MM-DD`, as written in its source (no time zone shift). */
export type CalendarDate = string;

/** ISO 8601 date or date-time, optional fraction and offset (Halo writes none, luxon writes one). */
const ISO_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * The calendar date of an ISO 8601 text as written in the source offset, so
 * `2027-03-31T00:00:00+01:00` is 31 March (not 30 March in UTC). Undefined when
 * unreadable or not a real date.
 */
export function calendarDateOf(text: string): CalendarDate | undefined {
	const parts = ISO_DATE.exec(text.trim());
	if (!parts) return undefined;
	const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
	if (
		parts[4] !== undefined &&
		(Number(parts[4]) > 23 || Number(parts[5]) > 59 || Number(parts[6] ?? 0) > 59)
	) {
		return undefined;
	}
	return `${parts[1]}-${parts[2]}-${parts[3]}`;
}

/** Thrown by the readers below; the item reader turns it into a skipped entry naming the field. */
export class InvalidField extends Error {
	constructor(
		readonly field: string,
		readonly problem: 'missing' | 'invalid',
		readonly detail: string,
	) {
		super(detail);
	}
}

const isAbsent = (value: unknown): value is null | undefined =>
	value === null || value === undefined;

function preview(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function invalid(field: string, expected: string, value: unknown): InvalidField {
	return new InvalidField(field, 'invalid', `${field} is not ${expected} (got ${preview(value)})`);
}

/** An ID as the source gave it (Halo: a number), trimmed; null when absent or blank. */
export function optionalIdValue(item: JsonObject, field: string): string | number | null {
	const value = item[field];
	if (isAbsent(value)) return null;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string') throw invalid(field, 'an ID (text or number)', value);
	return value.trim() === '' ? null : value.trim();
}

/** An ID as text: IDs compare as strings (Halo's are numbers, Westcoast's text). */
export function optionalId(item: JsonObject, field: string): string | null {
	const value = optionalIdValue(item, field);
	return value === null ? null : String(value);
}

export function requiredIdValue(item: JsonObject, field: string): string | number {
	const value = optionalIdValue(item, field);
	if (value === null) throw new InvalidField(field, 'missing', `${field} is missing`);
	return value;
}

export function requiredId(item: JsonObject, field: string): string {
	return String(requiredIdValue(item, field));
}

/** Trimmed text; null when absent or blank. */
export function optionalText(item: JsonObject, field: string): string | null {
	const value = item[field];
	if (isAbsent(value)) return null;
	if (typeof value !== 'string') throw invalid(field, 'text', value);
	return value.trim() === '' ? null : value.trim();
}

export function requiredText(item: JsonObject, field: string): string {
	const text = optionalText(item, field);
	if (text === null) throw new InvalidField(field, 'missing', `${field} is missing`);
	return text;
}

export function optionalWholeNumber(item: JsonObject, field: string): number | null {
	const value = item[field];
	if (isAbsent(value)) return null;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		throw invalid(field, 'a whole number of 0 or more', value);
	}
	return value;
}

/** A count Halo can store: a whole number from 0 to its 32-bit integer maximum. */
export function optionalCount(item: JsonObject, field: string): number | null {
	const count = optionalWholeNumber(item, field);
	if (count !== null && count > HALO_INT32.max) {
		throw invalid(field, `a whole number Halo can store (0 to ${HALO_INT32.max})`, count);
	}
	return count;
}

/**
 * An ID to write into a payload: Halo's IDs are 32-bit integers, so a number,
 * or a text of digits ("11" -> 11), must be a whole number from 1 to Halo's
 * maximum. Other text is kept as text, for a Custom PSA whose IDs are text.
 */
export function requiredPayloadId(item: JsonObject, field: string): string | number {
	const value = requiredIdValue(item, field);
	const number = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : null;
	if (number === null) return value;
	if (!Number.isInteger(number) || number < 1 || number > HALO_INT32.max) {
		throw invalid(field, `a whole number ID from 1 to ${HALO_INT32.max}`, item[field]);
	}
	return number;
}

export function optionalNumber(item: JsonObject, field: string): number | null {
	const value = item[field];
	if (isAbsent(value)) return null;
	if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(field, 'a number', value);
	return value;
}

export function optionalBoolean(item: JsonObject, field: string): boolean | null {
	const value = item[field];
	if (isAbsent(value)) return null;
	if (typeof value !== 'boolean') throw invalid(field, 'true or false', value);
	return value;
}

/** `emptyDate` is a sentinel the source writes for "no date". */
export function optionalDate(
	item: JsonObject,
	field: string,
	emptyDate?: CalendarDate,
): CalendarDate | null {
	const value = item[field];
	if (isAbsent(value) || value === '') return null;
	const date = typeof value === 'string' ? calendarDateOf(value) : undefined;
	if (date === undefined) throw invalid(field, 'an ISO 8601 date', value);
	return date === emptyDate ? null : date;
}

/** A date as Halo returns it: its "no date" (1900-01-01, or .NET's 0001-01-01) is no date. */
export function optionalHaloDateRead(item: JsonObject, field: string): CalendarDate | null {
	const date = optionalDate(item, field, HALO_EMPTY_DATE);
	return date !== null && date < HALO_DATE_RANGE.first ? null : date;
}

/**
 * A date to write to Halo: one Halo stores and reads back as written.
 * Halo's "no date" (1900-01-01) is no date; a date outside Halo's range fails.
 */
export function optionalHaloDate(item: JsonObject, field: string): CalendarDate | null {
	const date = optionalDate(item, field, HALO_EMPTY_DATE);
	if (date !== null && (date < HALO_DATE_RANGE.first || date > HALO_DATE_RANGE.last)) {
		throw invalid(
			field,
			`a date Halo can store (${HALO_DATE_RANGE.first} to ${HALO_DATE_RANGE.last})`,
			item[field],
		);
	}
	return date;
}

export function requireObject(value: unknown): JsonObject {
	if (!isRecord(value)) throw new InvalidField('json', 'invalid', 'the item is not an object');
	return value;
}

export function readItem<T>(
	input: PlanInputName,
	index: number,
	read: () => T,
): ItemRead<T, PlanReason> {
	try {
		return { record: read(), invalid: null };
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a bug, not bad input: let it surface
		if (!(error instanceof InvalidField)) throw error;
		const code = error.problem === 'missing' ? 'missingField' : 'invalidField';
		return {
			record: null,
			invalid: itemReason(code, input, index, `${error.detail}.`, error.field),
		};
	}
}

/** A value read only to place an item (its ID, its customer); null when unreadable. */
export function tryRead<T>(read: () => T): T | null {
	try {
		return read();
	} catch (error) {
		if (error instanceof InvalidField) return null;
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a bug, not bad input: let it surface
		throw error;
	}
}
