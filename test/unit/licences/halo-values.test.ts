import { readDate } from '../../../core/westcoast/dates';
import { HALO_INT32 } from '../../../core/psa/halo';
import {
	applyPlan,
	C1_TO_11,
	entries,
	licence,
	mapping,
	onlyEntry,
	plan,
	subscription,
} from './fixtures';

/** The marketplace's date as the Westcoast Cloud node hands it on (simplified, ISO). */
function endDateFrom(raw: string): string | null {
	const reading = readDate(raw);
	if (!reading.ok) throw new Error(reading.problem);
	return reading.iso;
}

/** Halo's integer range, written out here independently of the code. */
const INT32_MAX = 2 ** 31 - 1;

describe('dates that round-trip through Halo: a re-run rewrites nothing', () => {
	it.each([
		['1900-01-01 as WCF', '/Date(-2208988800000)/'],
		['1900-01-01 as WCF with a negative offset', '/Date(-2208988800000-0500)/'],
		['1900-01-01 as ISO with an offset', '1900-01-01T00:00:00+01:00'],
		['1900-01-01 as ISO, UTC midnight in a negative offset', '1899-12-31T19:00:00-05:00'],
		['.NET minimum', '/Date(-62135596800000)/'],
		['.NET minimum with a negative offset', '/Date(-62135596800000-0500)/'],
		['.NET minimum as ISO with a negative offset', '0000-12-31T19:00:00-05:00'],
		['.NET maximum', '/Date(253402300799999)/'],
		['.NET maximum with a positive offset', '/Date(253402300799999+0100)/'],
		['.NET maximum with a negative offset', '/Date(253402300799999-0500)/'],
		['a date with a negative offset', '/Date(1806451200000-0500)/'],
		['the night the clocks go back (UK)', '2026-10-25T01:30:00+01:00'],
		['the night the clocks go forward (UK)', '2027-03-28T00:00:00+00:00'],
		['the last day of the contract, late in the day', '2027-03-31T23:59:59-08:00'],
	])('%s (%s): create, apply, plan again: all unchanged', (_, raw) => {
		const first = plan([subscription({ endDate: endDateFrom(raw) })], []);
		expect(first.create).toHaveLength(1);
		const applied = applyPlan([], first);
		const second = plan([subscription({ endDate: endDateFrom(raw) })], applied);
		expect(second.update).toEqual([]);
		expect(second.create).toEqual([]);
		expect(second.unchanged).toHaveLength(1);
	});

	it.each(['1900-01-01T00:00:00', '0001-01-01T00:00:00'])(
		'a licence Halo shows with %s is in step with a subscription without end date',
		(haloNoDate) => {
			const result = plan([subscription({ endDate: null })], [licence({ end_date: haloNoDate })]);
			expect(result.update).toEqual([]);
			expect(result.unchanged).toHaveLength(1);
		},
	);

	it('writes Halo\'s "no date" (1900-01-01) as no date, not as a date Halo would read back as none', () => {
		const [entry] = plan(
			[subscription({ endDate: endDateFrom('/Date(-2208988800000)/') })],
			[],
		).create;
		expect(entry.payload.end_date).toBeNull();
	});

	it("keeps .NET's maximum as 9999-12-31 in Halo's date-time format", () => {
		const [entry] = plan(
			[subscription({ endDate: endDateFrom('/Date(253402300799999+0100)/') })],
			[],
		).create;
		expect(entry.payload.end_date).toBe('9999-12-31T00:00:00');
	});

	it('an end date beyond any date is an error, never "no date"', () => {
		expect(readDate('/Date(8640000000000001)/')).toEqual({
			ok: false,
			problem: 'out of range: "/Date(8640000000000001)/"',
		});
	});

	it('an end date Halo cannot store is skipped naming the subscription and field, and its licence keeps its date', () => {
		const entry = onlyEntry(plan([subscription({ endDate: '1600-01-01T00:00:00Z' })], [licence()]));
		expect(entry).toMatchObject({
			action: 'skipped',
			westcoastSubscriptionId: 'S1',
			psaLicenceId: 101,
			reason: { code: 'invalidField', field: 'endDate' },
		});
		expect(entry.reason?.message).toMatch(
			/^Subscription item 0: endDate is not a date Halo can store \(1753-01-01 to 9999-12-31\)/,
		);
	});
});

describe("payload values in Halo's types and ranges", () => {
	it('the halo.ts constant is 32-bit', () => {
		expect(HALO_INT32.max).toBe(INT32_MAX);
	});

	it('a seat count past 32 bits is an error at planning naming the subscription, never a payload', () => {
		const result = plan([subscription({ quantity: 3_000_000_000 })], [licence()]);
		const entry = onlyEntry(result);
		expect(entry).toMatchObject({
			action: 'skipped',
			westcoastSubscriptionId: 'S1',
			reason: { code: 'invalidField', field: 'quantity' },
		});
		expect(entry.reason?.message).toMatch(/quantity is not a whole number Halo can store/);
		expect(entries(result).every((e) => e.payload === null || e.payload?.count === undefined)).toBe(
			true,
		);
	});

	it('the largest count Halo holds is written as a number', () => {
		const [entry] = plan([subscription({ quantity: INT32_MAX })], []).create;
		expect(entry.payload.count).toBe(INT32_MAX);
	});

	it('a mapping\'s psaId "11" becomes client_id 11 (a number)', () => {
		const [entry] = plan([subscription()], [], [mapping('C1', '11')]).create;
		expect(entry.payload.client_id).toBe(11);
		expect(entry.psaCustomerId).toBe(11);
	});

	it('an ID Halo cannot hold is an invalid mapping naming the item, never a payload', () => {
		const result = plan([subscription()], [], [mapping('C1', '99999999999')]);
		expect(result.create).toEqual([]);
		expect(result.invalidInput[0].reason).toMatchObject({
			code: 'invalidField',
			field: 'psaId',
			input: 'mappings',
			itemIndex: 0,
		});
	});

	it('payload types: booleans, numbers, Halo date-times, text', () => {
		const [entry] = plan([subscription()], [], [C1_TO_11]).create;
		expect(entry.payload).toMatchObject({
			client_id: 11,
			count: 5,
			is_active: true,
			end_date: '2027-03-31T00:00:00',
			name: 'Microsoft 365 Business Basic',
			third_party_product: 'S1',
		});
		expect(entry.payload.end_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
	});
});
