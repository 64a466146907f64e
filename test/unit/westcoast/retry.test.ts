import {
	isRetryableNetworkError,
	isWaitTooLong,
	parseRetryAfter,
	requestLimits,
	retryDelayMs,
} from '../../../core/westcoast/retry';
import { describeNetworkError, networkErrorCode } from '../../../core/westcoast/network';

describe('retry policy', () => {
	it('honours Retry-After in seconds and as an HTTP date', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(
			parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT')),
		).toBe(5000);
		expect(parseRetryAfter(undefined)).toBeNull();
		expect(parseRetryAfter('later')).toBeNull();
	});

	it('waits what the server asks, capped at 30 s', () => {
		expect(retryDelayMs(1, 1500)).toBe(1500);
		expect(retryDelayMs(1, 120_000)).toBe(30_000);
	});

	it('backs off exponentially with jitter inside [ceiling/2, ceiling]', () => {
		for (const [attempt, ceiling] of [
			[1, 500],
			[2, 1000],
			[3, 2000],
			[8, 30_000],
		]) {
			expect(retryDelayMs(attempt, null, () => 0)).toBe(ceiling / 2);
			expect(retryDelayMs(attempt, null, () => 1)).toBe(ceiling);
		}
	});

	it('repeats dropped connections, not refused ones', () => {
		expect(isRetryableNetworkError('ECONNRESET')).toBe(true);
		expect(isRetryableNetworkError(undefined)).toBe(false);
		expect(isRetryableNetworkError('ECONNREFUSED')).toBe(false);
	});
});

describe('request limits', () => {
	it('keeps usable values', () => {
		expect(requestLimits({ maxRetries: 5, timeoutMs: 2000 })).toEqual({
			maxRetries: 5,
			timeoutMs: 2000,
		});
		expect(requestLimits({ maxRetries: 0 })).toEqual({ maxRetries: 0, timeoutMs: 30_000 });
	});

	it.each([
		[
			{ maxRetries: Number.NaN, timeoutMs: Number.NaN },
			{ maxRetries: 3, timeoutMs: 30_000 },
		],
		[
			{ maxRetries: Infinity, timeoutMs: 0 },
			{ maxRetries: 3, timeoutMs: 30_000 },
		],
		[
			{ maxRetries: 500, timeoutMs: -1 },
			{ maxRetries: 10, timeoutMs: 30_000 },
		],
		[
			{ maxRetries: -2.5, timeoutMs: 999 },
			{ maxRetries: 0, timeoutMs: 30_000 },
		],
	])('never retries forever nor waits forever (%j)', (given, expected) => {
		expect(requestLimits(given)).toEqual(expected);
	});

	it('knows a Retry-After too long to sleep through', () => {
		expect(isWaitTooLong(600_000)).toBe(true);
		expect(isWaitTooLong(30_000)).toBe(false);
		expect(isWaitTooLong(null)).toBe(false);
	});
});

describe('network errors', () => {
	it('finds the code on wrapped errors', () => {
		const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
			code: 'ECONNREFUSED',
		});
		expect(networkErrorCode({ message: 'outer', cause: { message: 'middle', cause: inner } })).toBe(
			'ECONNREFUSED',
		);
		expect(networkErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
		expect(networkErrorCode(new Error('timeout of 50ms exceeded'))).toBe('ECONNABORTED');
		expect(networkErrorCode(new Error('Bad Request'))).toBeUndefined();
	});

	it('says it in plain words', () => {
		expect(describeNetworkError({ code: 'ENOTFOUND' })).toBe('the host name does not resolve');
		expect(describeNetworkError(new Error('nope'))).toBeNull();
	});
});
