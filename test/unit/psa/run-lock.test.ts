import { RunLocks } from '../../../core/run-lock';

describe('RunLocks', () => {
	it('lets one owner at a time hold a name, and frees it on release by that owner only', () => {
		const locks = new RunLocks();
		expect(locks.tryAcquire('writes', 'a', 0, 1000)).toBe(true);
		expect(locks.tryAcquire('writes', 'b', 10, 1000)).toBe(false);
		expect(locks.tryAcquire('other', 'b', 10, 1000)).toBe(true);
		expect(locks.release('writes', 'b')).toBe(false);
		expect(locks.holder('writes', 20)).toEqual({ owner: 'a', until: 1000 });
		expect(locks.release('writes', 'a')).toBe(true);
		expect(locks.tryAcquire('writes', 'b', 30, 1000)).toBe(true);
	});

	it('counts a lock as free once its hold time is over (its holder may have failed)', () => {
		const locks = new RunLocks();
		locks.tryAcquire('writes', 'a', 0, 1000);
		expect(locks.tryAcquire('writes', 'b', 999, 1000)).toBe(false);
		expect(locks.holder('writes', 1000)).toBeUndefined();
		expect(locks.tryAcquire('writes', 'b', 1000, 1000)).toBe(true);
	});

	it('lets the holder take it again, extending the hold', () => {
		const locks = new RunLocks();
		locks.tryAcquire('writes', 'a', 0, 1000);
		expect(locks.tryAcquire('writes', 'a', 500, 1000)).toBe(true);
		expect(locks.holder('writes', 1200)).toEqual({ owner: 'a', until: 1500 });
	});
});
