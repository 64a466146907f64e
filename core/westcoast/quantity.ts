import {
	PRICEABLE_ITEM_FIELDS,
	QUANTITY_FIELD_NAME,
	SUBSCRIPTION_FIELD_ENTRY,
	SUBSCRIPTION_FIELDS,
} from './protocol';
import { field, RecordReader, type MarketplaceRecord } from './record';

/** Which rule produced a seat count: Licence Sync counts subscriptions by it. */
export type QuantitySource = 'udrc' | 'quantityField' | 'namedField' | 'none';

export type QuantityReading =
	| { ok: true; quantity: number | null; source: QuantitySource }
	| { ok: false; problem: string };

/**
 * The seat count of a subscription. The API has no top-level quantity; the
 * rules, first that finds a value wins:
 * - `udrc`: the `Fields` entry whose `Name` is the `FieldName` of the priceable
 *   item flagged `IsUdrcField` (a unit-dependent recurring charge; the flag read
 *   case-insensitively, as `IsUDRCField` in the C# clients);
 * - `quantityField`: the `Fields` entry named `Quantity` (the Intcomex pipeline);
 * - `namedField`: the entry the user names (`fieldName`).
 * Values may be text, numbers or booleans on the wire; only a whole number of
 * seats is accepted. Null with source `none` when no rule finds a value.
 */
export function readQuantity(
	subscription: MarketplaceRecord,
	fieldName?: string,
	what = 'Subscription',
): QuantityReading {
	const reader = new RecordReader(subscription, what);
	const entries = reader.records(SUBSCRIPTION_FIELDS.fields);
	const rules: Array<[QuantitySource, string | null | undefined]> = [
		['udrc', udrcFieldName(subscription, what)],
		['quantityField', QUANTITY_FIELD_NAME],
		['namedField', fieldName?.trim()],
	];
	for (const [source, name] of rules) {
		if (!name) continue;
		const entry = findEntry(entries, name);
		const value = entry === undefined ? undefined : field(entry, SUBSCRIPTION_FIELD_ENTRY.value);
		if (value === null || value === undefined || (typeof value === 'string' && !value.trim()))
			continue;
		const seats = wholeNumber(value);
		if (seats === null) {
			return {
				ok: false,
				problem: `field "${name}" holds ${JSON.stringify(value)}, not a whole number of seats`,
			};
		}
		return { ok: true, quantity: seats, source };
	}
	return { ok: true, quantity: null, source: 'none' };
}

function wholeNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
		const seats = Number(value.trim());
		return Number.isSafeInteger(seats) ? seats : null;
	}
	return null;
}

/** A `Fields` entry by name: the exact name first, else the same name in another case. */
function findEntry(entries: MarketplaceRecord[], name: string): MarketplaceRecord | undefined {
	const named = (entry: MarketplaceRecord) => field(entry, SUBSCRIPTION_FIELD_ENTRY.name);
	const lower = name.toLowerCase();
	return (
		entries.find((entry) => named(entry) === name) ??
		entries.find(
			(entry) =>
				typeof named(entry) === 'string' && (named(entry) as string).toLowerCase() === lower,
		)
	);
}

/** The priceable item flagged as the unit-dependent recurring charge, if any. */
export function udrcItem(
	subscription: MarketplaceRecord,
	what = 'Subscription',
): MarketplaceRecord | undefined {
	const items = new RecordReader(subscription, what).records(SUBSCRIPTION_FIELDS.priceableItems);
	return items.find(
		(item) =>
			new RecordReader(item, 'Priceable item').boolean(PRICEABLE_ITEM_FIELDS.isUdrc) === true,
	);
}

function udrcFieldName(subscription: MarketplaceRecord, what: string): string | null {
	const item = udrcItem(subscription, what);
	return item
		? new RecordReader(item, 'Priceable item').text(PRICEABLE_ITEM_FIELDS.fieldName)
		: null;
}
