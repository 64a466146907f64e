import type { RawSubscription } from './protocol';

export type QuantityReading =
	| { ok: true; quantity: number | null }
	| { ok: false; problem: string };

/**
 * The seat count of a subscription. The API has no top-level quantity: it is
 * the `Value` of the `Fields` entry whose `Name` is the `FieldName` of the
 * priceable item marked `IsUdrcField` (a unit-dependent recurring charge).
 * `fieldName` overrides which field holds it. Null when there is none.
 */
export function readQuantity(subscription: RawSubscription, fieldName?: string): QuantityReading {
	const name = fieldName?.trim() || udrcItem(subscription)?.FieldName;
	if (!name) return { ok: true, quantity: null };
	const field = (subscription.Fields ?? []).find((candidate) => candidate?.Name === name);
	const value =
		field?.Value === null || field?.Value === undefined ? '' : String(field.Value).trim();
	if (value === '') return { ok: true, quantity: null };
	if (!/^\d+$/.test(value)) {
		return {
			ok: false,
			problem: `field "${name}" holds ${JSON.stringify(field?.Value)}, not a whole number of seats`,
		};
	}
	return { ok: true, quantity: Number(value) };
}

export function udrcItem(subscription: RawSubscription) {
	return (subscription.PriceableItems ?? []).find((item) => item?.IsUdrcField === true);
}
