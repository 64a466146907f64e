import { readDate } from '../../../core/westcoast/dates';
import { readQuantity } from '../../../core/westcoast/quantity';
import type { RawSubscription } from '../../../core/westcoast/protocol';

describe('marketplace dates', () => {
	it.each([
		['/Date(1700000000000)/', '2023-11-14T22:13:20.000Z'],
		['/Date(1700000000000+0000)/', '2023-11-14T22:13:20.000Z'],
		['/Date(1700000000000+0100)/', '2023-11-14T23:13:20.000+01:00'],
		['/Date(1700000000000-0530)/', '2023-11-14T16:43:20.000-05:30'],
		['2027-03-31T00:00:00', '2027-03-31T00:00:00.000Z'],
		['2027-03-31T00:00:00+01:00', '2027-03-31T00:00:00.000+01:00'],
		['2027-03-31', '2027-03-31T00:00:00.000Z'],
	])('reads %s as %s', (input, iso) => {
		expect(readDate(input)).toEqual({ ok: true, iso });
	});

	it('keeps the calendar date the marketplace meant, whatever the offset', () => {
		const reading = readDate('2027-03-31T00:00:00+01:00');
		expect(reading.ok && reading.iso?.slice(0, 10)).toBe('2027-03-31');
	});

	it.each([
		null,
		undefined,
		'',
		'/Date(-62135596800000)/',
		'/Date(-62135596800000+0000)/',
		'0001-01-01T00:00:00',
		'1900-01-01',
	])('reads %p as no date', (input) => {
		expect(readDate(input)).toEqual({ ok: true, iso: null });
	});

	it.each(['31/03/2027', 'soon', '/Date(abc)/', 42])('refuses %p', (input) => {
		expect(readDate(input)).toMatchObject({ ok: false });
	});
});

const subscription = (
	fields: RawSubscription['Fields'],
	items: RawSubscription['PriceableItems'],
): RawSubscription => ({
	AccountId: 1,
	Fields: fields,
	PriceableItems: items,
});

describe('seat count (UDRC rule)', () => {
	const items = [
		{ FieldName: 'Setup', IsUdrcField: false },
		{ FieldName: 'NumberOfLicenses', IsUdrcField: true },
	];

	it('reads the field named by the UDRC priceable item', () => {
		const fields = [
			{ Name: 'Setup', Value: '1' },
			{ Name: 'NumberOfLicenses', Value: '25' },
		];
		expect(readQuantity(subscription(fields, items))).toEqual({
			ok: true,
			quantity: 25,
			source: 'udrc',
		});
	});

	it('lets the user name the field for products no built-in rule fits, never over the UDRC rule', () => {
		const flat = [{ FieldName: 'Setup', IsUdrcField: false }];
		const fields = [
			{ Name: 'Seats', Value: '7' },
			{ Name: 'NumberOfLicenses', Value: '25' },
		];
		expect(readQuantity(subscription(fields, flat), 'Seats')).toEqual({
			ok: true,
			quantity: 7,
			source: 'namedField',
		});
		// One Quantity Field option serves every product: the UDRC rule still wins where it applies.
		expect(readQuantity(subscription(fields, items), 'Seats')).toEqual({
			ok: true,
			quantity: 25,
			source: 'udrc',
		});
	});

	it('has no quantity without a UDRC item or field value', () => {
		expect(
			readQuantity(
				subscription([{ Name: 'Setup', Value: '1' }], [{ FieldName: 'Setup', IsUdrcField: false }]),
			),
		).toEqual({
			ok: true,
			quantity: null,
			source: 'none',
		});
		expect(readQuantity(subscription([], items))).toEqual({ ok: true, quantity: null, source: 'none' });
		expect(readQuantity({ AccountId: 2 })).toEqual({ ok: true, quantity: null, source: 'none' });
	});

	it('reads a blank seat value as no seat count, never as 0', () => {
		expect(readQuantity(subscription([{ Name: 'NumberOfLicenses', Value: '  ' }], items))).toEqual({
			ok: true,
			quantity: null,
			source: 'none',
		});
	});

	it.each(['twelve', '2.5', '-1', '1e3', '0x10'])(
		'refuses a seat count of %s and names the field',
		(value) => {
			const reading = readQuantity(
				subscription([{ Name: 'NumberOfLicenses', Value: value }], items),
			);
			expect(reading.ok).toBe(false);
			if (!reading.ok) expect(reading.problem).toContain('NumberOfLicenses');
		},
	);

	it('accepts numeric values and zero', () => {
		expect(readQuantity(subscription([{ Name: 'NumberOfLicenses', Value: 0 }], items))).toEqual({
			ok: true,
			quantity: 0,
			source: 'udrc',
		});
	});
});
