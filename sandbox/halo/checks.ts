/** Checks of the body fields the sandbox itself interprets (strict.ts checks the names). */
import { badRequest } from './errors';
import type { OtherFields } from './records';

const invalid = (entity: string, field: string, expected: string, value: unknown) =>
	badRequest(`${entity}: ${field} must be ${expected}`, { entity, field, value });

/** Present and an integer (>= min), or undefined when absent. */
export function integerField(entity: string, element: OtherFields, field: string, min = 0) {
	const value = element[field];
	if (value === undefined) return undefined;
	if (!Number.isInteger(value) || (value as number) < min) {
		throw invalid(entity, field, `an integer >= ${min}`, value);
	}
	return value as number;
}

export function textField(entity: string, element: OtherFields, field: string) {
	const value = element[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value.trim() === '')
		throw invalid(entity, field, 'a non-empty string', value);
	return value;
}

export function booleanField(entity: string, element: OtherFields, field: string) {
	const value = element[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw invalid(entity, field, 'true or false', value);
	return value;
}

export function numberField(entity: string, element: OtherFields, field: string) {
	const value = element[field];
	if (value === undefined || value === null) return value;
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw invalid(entity, field, 'a number', value);
	return value;
}

/** Dates are ISO 8601 text; null clears them. */
export function dateField(entity: string, element: OtherFields, field: string) {
	const value = element[field];
	if (value === undefined || value === null) return value;
	if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
		throw invalid(entity, field, 'an ISO 8601 date', value);
	}
	return value;
}

export function objectField(entity: string, element: OtherFields, field: string) {
	const value = element[field];
	if (value === undefined) return undefined;
	if (!isPlainObject(value)) throw invalid(entity, field, 'an object', value);
	return value;
}

export function requireField<T>(entity: string, field: string, value: T | undefined): T {
	if (value === undefined) throw badRequest(`${entity}: ${field} is required`, { entity, field });
	return value;
}

export function isPlainObject(value: unknown): value is OtherFields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
