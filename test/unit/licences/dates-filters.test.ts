import { calendarDateOf } from '../../../core/licences/values';
import { customerSelector, productMatcher } from '../../../core/licences/filters';

describe('calendarDateOf', () => {
	it.each([
		['2027-03-31', '2027-03-31'],
		['2027-03-31T00:00:00', '2027-03-31'],
		['2027-03-31T00:00:00.000+01:00', '2027-03-31'],
		['2027-03-30T23:00:00Z', '2027-03-30'],
		['2027-03-31T23:30:00-05:00', '2027-03-31'],
		['2027-03-31T00:00:00.1234567', '2027-03-31'],
		['2027-03-31 08:15', '2027-03-31'],
		[' 2024-02-29T00:00:00+0100 ', '2024-02-29'],
	])('reads %s as written in its offset: %s', (text, expected) => {
		expect(calendarDateOf(text)).toBe(expected);
	});

	it.each([
		'',
		'tomorrow',
		'2027-02-29',
		'2027-13-01',
		'2027-04-31',
		'2027-03-31T24:00:00',
		'31/03/2027',
		'2027-3-31',
	])('refuses %j', (text) => {
		expect(calendarDateOf(text)).toBeUndefined();
	});
});

describe('productMatcher', () => {
	it('passes everything when the filter is empty or blank', () => {
		expect(productMatcher([])(['Anything', null])).toBe(true);
		expect(productMatcher(['  '])([null, null])).toBe(true);
	});

	it('matches names exactly, ignoring case, against any of the names given', () => {
		const matches = productMatcher(['microsoft 365 business basic', 'Exchange Online (Plan 1)']);
		expect(matches(['Microsoft 365 Business BASIC', null])).toBe(true);
		expect(matches([null, 'exchange online (plan 1)'])).toBe(true);
		expect(matches(['Microsoft 365 Business Basic Trial', 'O365'])).toBe(false);
		expect(matches([null, null])).toBe(false);
	});

	it('treats * as any text and everything else literally', () => {
		const matches = productMatcher(['Microsoft 365*', '*(plan 1)']);
		expect(matches(['Microsoft 365 E3', null])).toBe(true);
		expect(matches(['Exchange Online (Plan 1)', null])).toBe(true);
		expect(matches(['Exchange Online Plan 1', null])).toBe(false);
		expect(matches(['Azure Microsoft 365', null])).toBe(false);
	});
});

describe('customerSelector', () => {
	it('selects every customer for allMapped and only the listed ones otherwise', () => {
		expect(customerSelector('allMapped')('C9')).toBe(true);
		const chosen = customerSelector([' C1 ', 'C2']);
		expect([chosen('C1'), chosen('C2'), chosen('C3')]).toEqual([true, true, false]);
		expect(customerSelector([])('C1')).toBe(false);
	});
});
