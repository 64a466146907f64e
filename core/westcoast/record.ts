/**
 * The one way this package reads a field of a marketplace record. Public
 * clients of the platform disagree on spellings (`IsUDRCField` / `IsUdrcField`,
 * `VATID` / `VatId`, `Salesman` / `SalesMan`), so every field is looked up by
 * its name case-insensitively; and every value is checked by type, so a record
 * of the wrong shape fails with the field named, never with a TypeError or
 * "[object Object]".
 */
import { isRecord, type JsonObject } from '../read';

export type MarketplaceRecord = JsonObject;

/** Raised when a record cannot be read; names the field so the user can find it. */
export class RecordShapeError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'RecordShapeError';
	}
}

/** Lower-cased key → the record's own key, built once per record on the first miss. */
const foldedKeys = new WeakMap<MarketplaceRecord, Map<string, string>>();

/** The value of `name` in `record`, whatever the case of the record's key. */
export function field(record: MarketplaceRecord, name: string): unknown {
	const exact = record[name];
	if (exact !== undefined) return exact;
	let keys = foldedKeys.get(record);
	if (!keys) {
		keys = new Map();
		for (const key of Object.keys(record)) {
			const folded = key.toLowerCase();
			if (!keys.has(folded)) keys.set(folded, key);
		}
		foldedKeys.set(record, keys);
	}
	const key = keys.get(name.toLowerCase());
	return key === undefined ? undefined : record[key];
}

/** What a value is, in words, for messages ("an object", "a list", "true"). */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
	return `${typeof value} ${String(value)}`;
}

/** A reader for one record: every error names the record (e.g. "Subscription 5000001") and the field. */
export class RecordReader {
	constructor(
		readonly record: MarketplaceRecord,
		/** How messages name the record, e.g. "Subscription" until its ID is known. */
		public what: string,
	) {}

	static of(value: unknown, what: string): RecordReader {
		if (!isRecord(value)) {
			throw new RecordShapeError('(record)', `${what} is ${describeValue(value)}, not a record`);
		}
		return new RecordReader(value, what);
	}

	raw(name: string): unknown {
		return field(this.record, name);
	}

	fail(name: string, expected: string, value: unknown): never {
		throw new RecordShapeError(
			name,
			`${this.what}: field "${name}" should be ${expected}, but is ${describeValue(value)}`,
		);
	}

	/** Text, or a finite number as text; empty and missing are null. */
	text(name: string): string | null {
		const value = this.raw(name);
		if (value === null || value === undefined) return null;
		if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		return this.fail(name, 'text', value);
	}

	/** An account ID: a whole number or its text (IDs are integers on the platform), as text. */
	id(name: string): string | null {
		const value = this.raw(name);
		if (value === null || value === undefined || value === '') return null;
		if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
			return String(value);
		if (typeof value === 'string' && /^\s*[\w.-]+\s*$/.test(value)) return value.trim();
		return this.fail(name, 'an account ID (a whole number)', value);
	}

	requiredId(name: string): string {
		const id = this.id(name);
		if (id === null) throw new RecordShapeError(name, `${this.what} has no ${name}`);
		return id;
	}

	/** A number, or numeric text; empty and missing are null. */
	number(name: string): number | null {
		const value = this.raw(name);
		if (value === null || value === undefined || value === '') return null;
		const parsed = typeof value === 'string' ? Number(value.trim()) : value;
		if (typeof parsed === 'number' && Number.isFinite(parsed)) return parsed;
		return this.fail(name, 'a number', value);
	}

	/** true/false, or their text in any case; missing is null. */
	boolean(name: string): boolean | null {
		const value = this.raw(name);
		if (value === null || value === undefined || value === '') return null;
		if (typeof value === 'boolean') return value;
		if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
			return value.trim().toLowerCase() === 'true';
		return this.fail(name, 'true or false', value);
	}

	/** A list of records; missing is an empty list. */
	records(name: string): MarketplaceRecord[] {
		const value = this.raw(name);
		if (value === null || value === undefined) return [];
		if (!Array.isArray(value)) return this.fail(name, 'a list', value);
		return value.map((entry, position) =>
			isRecord(entry) ? entry : this.fail(`${name}[${position}]`, 'a record', entry),
		);
	}

	/** One record or a list of them (the platform answers both, e.g. `Addons`). */
	oneOrMany(name: string): MarketplaceRecord[] {
		const value = this.raw(name);
		return isRecord(value) ? [value] : this.records(name);
	}

	/** A list of texts (e.g. `Domain`); missing is an empty list. */
	texts(name: string): string[] {
		const value = this.raw(name);
		if (value === null || value === undefined) return [];
		if (!Array.isArray(value)) return this.fail(name, 'a list of texts', value);
		return value
			.map((entry) =>
				typeof entry === 'string' || typeof entry === 'number'
					? String(entry).trim()
					: this.fail(name, 'a list of texts', entry),
			)
			.filter(Boolean);
	}
}

/** `field` for a value that may not be a record at all (then undefined). */
export function fieldOf(value: unknown, name: string): unknown {
	return isRecord(value) ? field(value, name) : undefined;
}
