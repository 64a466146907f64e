import { DateTime, FixedOffsetZone } from 'luxon';

/** WCF's JSON date: `/Date(1700000000000)/` or `/Date(1700000000000+0100)/`. */
const WCF_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** .NET writes "no date" as its minimum date (year 1, `/Date(-62135596800000)/`), sometimes as 1900-01-01. */
const NO_DATE =
	/^(\/Date\(-6213559\d{7}([+-]\d{4})?\)\/|0001-01-01([T ].*)?|1900-01-01([T ]00:00:00(\.0+)?Z?)?)$/;

export type DateReading = { ok: true; iso: string | null } | { ok: false; problem: string };

/**
 * Reads a marketplace date (ISO 8601 or WCF `/Date(ms±hhmm)/`) into ISO 8601,
 * keeping the source's offset so the calendar date stays the one the
 * marketplace meant. Empty means null.
 */
export function readDate(value: unknown): DateReading {
	if (value === null || value === undefined || value === '') return { ok: true, iso: null };
	if (typeof value !== 'string')
		return { ok: false, problem: `not a date: ${JSON.stringify(value)}` };
	const text = value.trim();
	if (NO_DATE.test(text)) return { ok: true, iso: null };
	const wcf = WCF_DATE.exec(text);
	if (wcf) {
		const millis = Number(wcf[1]);
		const offset = wcf[2];
		const zone = offset
			? FixedOffsetZone.instance(
					(offset[0] === '-' ? -1 : 1) *
						(Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5))),
				)
			: FixedOffsetZone.utcInstance;
		return { ok: true, iso: DateTime.fromMillis(millis, { zone }).toISO() };
	}
	const iso = DateTime.fromISO(text, { setZone: true, zone: 'utc' });
	if (!iso.isValid) return { ok: false, problem: `not a date: "${text}"` };
	return { ok: true, iso: iso.toISO() };
}
