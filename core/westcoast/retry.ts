/** When and how long to wait before repeating a marketplace call. */

export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRYABLE_ERROR_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
]);

export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_TIMEOUT_MS = DEFAULT_TIMEOUT_SECONDS * 1000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** A dropped or reset connection is worth repeating; a refused one (host down) is not. */
export function isRetryableNetworkError(code: string | undefined): boolean {
	return code !== undefined && RETRYABLE_ERROR_CODES.has(code);
}

/** A server asking for a longer pause than a node should sleep: better to stop and say so. */
export function isWaitTooLong(retryAfterMs: number | null): boolean {
	return retryAfterMs !== null && retryAfterMs > MAX_DELAY_MS;
}

/** Reads `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
	if (!value) return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Exponential backoff with "equal" jitter (half fixed, half random) (attempt 1 waits up to 0.5 s, then 1 s,
 * 2 s ...), or the server's Retry-After when it names one; capped.
 */
export function retryDelayMs(
	attempt: number,
	retryAfterMs: number | null,
	random = Math.random,
): number {
	if (retryAfterMs !== null) return Math.min(retryAfterMs, MAX_DELAY_MS);
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const MAX_RETRIES_LIMIT = 10;
const MIN_TIMEOUT_MS = 1000;

/**
 * The retry budget and timeout a call uses. Values set by expressions skip the
 * editor's min/max, so anything not a usable number falls back to the default:
 * a NaN budget would retry forever, a zero timeout would wait forever.
 */
export function requestLimits(given: { maxRetries?: number; timeoutMs?: number }) {
	const retries = given.maxRetries;
	const timeout = given.timeoutMs;
	return {
		maxRetries:
			typeof retries === 'number' && Number.isFinite(retries)
				? Math.min(Math.max(Math.floor(retries), 0), MAX_RETRIES_LIMIT)
				: DEFAULT_MAX_RETRIES,
		timeoutMs:
			typeof timeout === 'number' && Number.isFinite(timeout) && timeout >= MIN_TIMEOUT_MS
				? timeout
				: DEFAULT_TIMEOUT_MS,
	};
}
