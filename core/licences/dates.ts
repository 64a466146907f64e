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
