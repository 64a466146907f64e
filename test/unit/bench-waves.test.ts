/** The benchmark's lower bound counts sequential waves of requests: checked on hand-made timelines. */
import { sequentialWaves } from '../../bench/daily-sync';

const exchange = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('sequential waves of requests', () => {
	it('counts requests in flight together as one wave', () => {
		expect(sequentialWaves([exchange(0, 25), exchange(1, 26), exchange(2, 27)])).toBe(1);
	});

	it('starts a wave when a request is sent after every earlier one was answered', () => {
		expect(sequentialWaves([exchange(0, 25), exchange(25, 50), exchange(60, 85)])).toBe(3);
	});

	it('waits for the slowest earlier request, whatever the order recorded', () => {
		// Sent after the first was answered but while the second is in flight: still the first wave.
		expect(sequentialWaves([exchange(30, 55), exchange(0, 25), exchange(5, 40)])).toBe(1);
		expect(sequentialWaves([exchange(45, 70), exchange(0, 25), exchange(5, 40)])).toBe(2);
		expect(sequentialWaves([])).toBe(0);
	});
});
