import { DateTime, FixedOffsetZone } from 'luxon';

/** WCF's JSON date: `/Date(1700000000000)/` or `/Date(1700000000000+0100)/`. */
const WCF_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** .NET writes "no date" as its minimum date (year 1, `/Date(-62135596800000)/`), sometimes as 1900-01-01. */
const NO_DATE =
	/^(\/Date\(-6213559\d{7}([+-]\d{4})?\)\/|0001-01-01([T ].*)?|1900-01-01([T ]00:00:00(\.0+)?Z?)?)$/;

export type DateReading = { ok: true; iso: string | null } | { ok: false; problem: string };

/** The instants .NET writes for "no date": its minimum (0001-01-01) and 1900-01-01, both UTC midnight. */
const NO_DATE_INSTANTS = new Set([-62135596800000, -2208988800000]);

/** .NET's maximum date (9999-12-31T23:59:59.999Z): "no end", kept as 9999-12-31 whatever the offset. */
const DOTNET_MAX_MS = 253402300799999;

/** JavaScript's date range (±8.64e15 ms): anything beyond cannot be a date at all. */
const MAX_MS = 8.64e15;

/** The reading of one instant in its zone, minding the sentinels above. */
function readInstant(time: DateTime, written: string): DateReading {
	if (!time.isValid) return { ok: false, problem: `out of range: "${written}"` };
	const millis = time.toMillis();
	if (NO_DATE_INSTANTS.has(millis)) return { ok: true, iso: null };
	const localMidnight =
		time.hour === 0 && time.minute === 0 && time.second === 0 && time.millisecond === 0;
	if (
		localMidnight &&
		time.month === 1 &&
		time.day === 1 &&
		(time.year === 1900 || time.year === 1)
	)
		return { ok: true, iso: null };
	// .NET's maximum with a positive offset is in year 10000 locally; its UTC date is the one meant.
	if (millis === DOTNET_MAX_MS || time.year > 9999) {
		return millis <= DOTNET_MAX_MS
			? { ok: true, iso: time.toUTC().toISO() }
			: { ok: false, problem: `out of range (after 9999-12-31): "${written}"` };
	}
	if (time.year < 1)
		return { ok: false, problem: `out of range (before 0001-01-01): "${written}"` };
	return { ok: true, iso: time.toISO() };
}

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
		if (!(Math.abs(millis) <= MAX_MS)) return { ok: false, problem: `out of range: "${text}"` };
		const offset = wcf[2];
		const zone = offset
			? FixedOffsetZone.instance(
					(offset[0] === '-' ? -1 : 1) *
						(Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5))),
				)
			: FixedOffsetZone.utcInstance;
		return readInstant(DateTime.fromMillis(millis, { zone }), text);
	}
	const iso = DateTime.fromISO(text, { setZone: true, zone: 'utc' });
	if (!iso.isValid) return { ok: false, problem: `not a date: "${text}"` };
	return readInstant(iso, text);
}
