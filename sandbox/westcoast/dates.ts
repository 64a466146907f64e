/**
 * Seeded dates are offsets from a fixed reference day (never the clock), so the
 * same seed gives byte-identical data on every machine and every day.
 */
export const REFERENCE_DATE_MS = Date.UTC(2026, 10, 1);

const DAY_MS = 86_400_000;

/** The marketplace emits both ISO 8601 and WCF's `/Date(ms±hhmm)/`; seeded items use all three. */
export type DateFormat = 'iso' | 'wcf' | 'wcfOffset';
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'wcf', 'wcfOffset'];

export function daysFromReference(days: number): number {
	return REFERENCE_DATE_MS + days * DAY_MS;
}

/** The first day of the month `months` after the reference month (UTC midnight). */
export function monthsFromReference(months: number): number {
	const reference = new Date(REFERENCE_DATE_MS);
	return Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() + months, 1);
}

export function formatDate(epochMs: number, format: DateFormat): string {
	switch (format) {
		case 'iso':
			return new Date(epochMs).toISOString().replace('.000Z', 'Z');
		case 'wcf':
			return `/Date(${epochMs}+0000)/`;
		case 'wcfOffset':
			// WCF keeps the instant in UTC milliseconds; the offset only says where it was local.
			return `/Date(${epochMs}+0100)/`;
	}
}
