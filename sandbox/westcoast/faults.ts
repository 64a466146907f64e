/**
 * Injected failures for API calls (never admin calls): what a client must
 * survive on the real network. Count-based faults fire once per call until used up.
 */

/** What `POST /__admin/faults` accepts; `calls` limits the faults in the same request to those calls. */
export interface FaultInput {
	calls?: string[];
	latencyMs?: number;
	rateLimit?: { count: number; retryAfterSeconds?: number };
	unavailable?: { count: number; status?: 502 | 503 | 504 };
	/** Every K-th authenticated call answers the session-expired fault and ends that session. */
	sessionExpiryEveryCalls?: number;
	/** The next `count` authenticated calls answer the session-expired fault and end their session. */
	sessionExpiry?: { count: number };
	malformedJson?: { count: number };
	htmlError?: { count: number; status?: number };
	dropConnection?: { count: number };
	/**
	 * The next `count` list answers (an array) come back HTTP 200 with `drop`
	 * records left out (default 1), spread evenly: a marketplace answer that
	 * silently lost some customers or subscriptions.
	 */
	partialList?: { count: number; drop?: number };
}

/** `null` = every call. */
type CallFilter = string[] | null;

export interface PendingFaults {
	latencyMs?: { ms: number; calls: CallFilter };
	rateLimit?: { count: number; retryAfterSeconds: number; calls: CallFilter };
	unavailable?: { count: number; status: number; calls: CallFilter };
	sessionExpiryEveryCalls?: { every: number; seen: number; calls: CallFilter };
	sessionExpiry?: { count: number; calls: CallFilter };
	malformedJson?: { count: number; calls: CallFilter };
	htmlError?: { count: number; status: number; calls: CallFilter };
	dropConnection?: { count: number; calls: CallFilter };
	partialList?: { count: number; drop: number; calls: CallFilter };
}

/** A fault that replaces the whole answer, in the order they are checked. */
export type ResponseFault =
	| { kind: 'dropConnection' }
	| { kind: 'rateLimit'; retryAfterSeconds: number }
	| { kind: 'unavailable'; status: number }
	| { kind: 'htmlError'; status: number }
	| { kind: 'malformedJson' };

export class FaultInputError extends Error {}

function count(value: unknown, name: string): number {
	const candidate = (value as { count?: unknown } | undefined)?.count;
	if (typeof candidate !== 'number' || !Number.isInteger(candidate) || candidate < 1) {
		throw new FaultInputError(`${name}.count must be a whole number of at least 1`);
	}
	return candidate;
}

function positiveInteger(value: unknown, name: string, min: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new FaultInputError(`${name} must be a whole number of at least ${min}`);
	}
	return value;
}

function status(
	value: unknown,
	name: string,
	allowed: readonly number[] | null,
	fallback: number,
): number {
	if (value === undefined) return fallback;
	const ok =
		typeof value === 'number' &&
		(allowed ? allowed.includes(value) : Number.isInteger(value) && value >= 200 && value <= 599);
	if (!ok)
		throw new FaultInputError(
			`${name}.status must be ${allowed ? allowed.join(', ') : 'an HTTP status'}`,
		);
	return value as number;
}

function callFilter(value: unknown): CallFilter {
	if (value === undefined || value === null) return null;
	if (!Array.isArray(value) || !value.every((call) => typeof call === 'string')) {
		throw new FaultInputError('calls must be a list of call names');
	}
	return value.map((call: string) => call.toLowerCase());
}

/** Validates admin input into pending faults (throws FaultInputError with a message fit to return). */
export function parseFaultInput(input: unknown): PendingFaults {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		throw new FaultInputError('faults must be a JSON object');
	const raw = input as Record<string, unknown>;
	const calls = callFilter(raw.calls);
	const known = new Set([
		'calls',
		'latencyMs',
		'rateLimit',
		'unavailable',
		'sessionExpiryEveryCalls',
		'sessionExpiry',
		'malformedJson',
		'htmlError',
		'dropConnection',
		'partialList',
	]);
	const unknown = Object.keys(raw).filter((key) => !known.has(key));
	if (unknown.length) throw new FaultInputError(`unknown fault kind: ${unknown.join(', ')}`);
	const parsed: PendingFaults = {};
	if (raw.latencyMs !== undefined)
		parsed.latencyMs = { ms: positiveInteger(raw.latencyMs, 'latencyMs', 0), calls };
	if (raw.rateLimit !== undefined) {
		const retryAfter = (raw.rateLimit as { retryAfterSeconds?: unknown }).retryAfterSeconds;
		parsed.rateLimit = {
			count: count(raw.rateLimit, 'rateLimit'),
			retryAfterSeconds:
				retryAfter === undefined
					? 1
					: positiveInteger(retryAfter, 'rateLimit.retryAfterSeconds', 0),
			calls,
		};
	}
	if (raw.unavailable !== undefined) {
		parsed.unavailable = {
			count: count(raw.unavailable, 'unavailable'),
			status: status(
				(raw.unavailable as { status?: unknown }).status,
				'unavailable',
				[502, 503, 504],
				503,
			),
			calls,
		};
	}
	if (raw.sessionExpiryEveryCalls !== undefined) {
		parsed.sessionExpiryEveryCalls = {
			every: positiveInteger(raw.sessionExpiryEveryCalls, 'sessionExpiryEveryCalls', 1),
			seen: 0,
			calls,
		};
	}
	if (raw.sessionExpiry !== undefined)
		parsed.sessionExpiry = { count: count(raw.sessionExpiry, 'sessionExpiry'), calls };
	if (raw.malformedJson !== undefined)
		parsed.malformedJson = { count: count(raw.malformedJson, 'malformedJson'), calls };
	if (raw.htmlError !== undefined) {
		parsed.htmlError = {
			count: count(raw.htmlError, 'htmlError'),
			status: status((raw.htmlError as { status?: unknown }).status, 'htmlError', null, 503),
			calls,
		};
	}
	if (raw.dropConnection !== undefined)
		parsed.dropConnection = { count: count(raw.dropConnection, 'dropConnection'), calls };
	if (raw.partialList !== undefined) {
		const drop = (raw.partialList as { drop?: unknown }).drop;
		parsed.partialList = {
			count: count(raw.partialList, 'partialList'),
			drop: drop === undefined ? 1 : positiveInteger(drop, 'partialList.drop', 1),
			calls,
		};
	}
	return parsed;
}

const applies = (filter: CallFilter, call: string) =>
	filter === null || filter.includes(call.toLowerCase());

export class FaultPlan {
	private faults: PendingFaults = {};

	/** Adds faults; a kind given again replaces the pending one of that kind. */
	add(input: unknown): PendingFaults {
		this.faults = { ...this.faults, ...parseFaultInput(input) };
		return this.pending();
	}

	clear(): void {
		this.faults = {};
	}

	pending(): PendingFaults {
		return structuredClone(this.faults);
	}

	latencyMs(call: string): number {
		const latency = this.faults.latencyMs;
		return latency && applies(latency.calls, call) ? latency.ms : 0;
	}

	/** The fault that replaces this call's answer, if any (and uses one of its count). */
	takeResponseFault(call: string): ResponseFault | null {
		const { rateLimit, unavailable, htmlError } = this.faults;
		if (this.use('dropConnection', call)) return { kind: 'dropConnection' };
		if (rateLimit && this.use('rateLimit', call))
			return { kind: 'rateLimit', retryAfterSeconds: rateLimit.retryAfterSeconds };
		if (unavailable && this.use('unavailable', call))
			return { kind: 'unavailable', status: unavailable.status };
		if (htmlError && this.use('htmlError', call))
			return { kind: 'htmlError', status: htmlError.status };
		if (this.use('malformedJson', call)) return { kind: 'malformedJson' };
		return null;
	}

	/** Counts an authenticated call; true when it is the K-th and must answer "session expired". */
	takeSessionExpiry(call: string): boolean {
		const once = this.faults.sessionExpiry;
		if (once && applies(once.calls, call)) {
			if (--once.count <= 0) delete this.faults.sessionExpiry;
			return true;
		}
		const expiry = this.faults.sessionExpiryEveryCalls;
		if (!expiry || !applies(expiry.calls, call)) return false;
		expiry.seen++;
		return expiry.seen % expiry.every === 0;
	}

	/** The list answer as this call returns it: `records` itself, or with some left out (uses one of partialList's count). */
	trimList<T>(call: string, records: T[]): T[] {
		const partial = this.faults.partialList;
		if (!partial || !applies(partial.calls, call) || records.length === 0) return records;
		if (--partial.count <= 0) delete this.faults.partialList;
		const drop = Math.min(partial.drop, records.length);
		// Every (length / drop)-th record, so that the loss is spread over customers.
		const step = records.length / drop;
		const left = new Set(Array.from({ length: drop }, (_, index) => Math.floor(index * step)));
		return records.filter((_, index) => !left.has(index));
	}

	private use(kind: ResponseFault['kind'], call: string): boolean {
		const pending = this.faults[kind];
		if (!pending || !applies(pending.calls, call)) return false;
		pending.count--;
		if (pending.count <= 0) delete this.faults[kind];
		return true;
	}
}
