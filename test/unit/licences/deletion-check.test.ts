import {
	absencesToConfirm,
	contradictedAbsences,
	incompleteListMessage,
	type FreshRead,
	type PlannedDeactivation,
} from '../../../core/licences/deletion-check';

const deletion = (id: string, code = 'deletedUpstreamZeroed'): PlannedDeactivation => ({
	westcoastSubscriptionId: id,
	productName: `Product ${id}`,
	customerName: 'Contoso Ltd',
	reason: { code },
});

describe('confirming deletions upstream before a licence is zeroed or made inactive', () => {
	test('only deactivations that rest on a subscription missing from the list are read again', () => {
		expect(
			absencesToConfirm([
				deletion('1'),
				deletion('2', 'deletedUpstream'),
				// Present in the list, not active: the list itself says so.
				deletion('3', 'inactiveUpstream'),
				deletion('1'),
				{ westcoastSubscriptionId: null, reason: { code: 'deletedUpstream' } },
			]),
		).toEqual(['1', '2']);
	});

	test('a subscription the marketplace still has as active contradicts its deletion; gone or no longer active confirms it', () => {
		const planned = [
			deletion('1'),
			deletion('2'),
			deletion('3'),
			deletion('4', 'inactiveUpstream'),
		];
		const fresh = new Map<string, FreshRead>([
			['1', { found: true, state: 'Active' }],
			['2', { found: false }],
			['3', { found: true, state: 'Cancelled' }],
		]);
		expect(
			contradictedAbsences(planned, fresh).map((entry) => entry.westcoastSubscriptionId),
		).toEqual(['1']);
	});

	test('a deletion that was not read again is an error, never a confirmation', () => {
		expect(() => contradictedAbsences([deletion('9')], new Map())).toThrow(
			'Subscription 9 was not read again',
		);
	});

	test('the stop message names the subscriptions, their products and customers, and says nothing was deactivated', () => {
		const message = incompleteListMessage([deletion('1'), deletion('2')]);
		expect(message).toContain('left out 2 subscriptions it still has as active');
		expect(message).toContain('1 (Product 1, Contoso Ltd), 2 (Product 2, Contoso Ltd)');
		expect(message).toContain('no licence was made inactive or zeroed');
		const many = incompleteListMessage(
			['1', '2', '3', '4', '5', '6', '7'].map((id) => deletion(id)),
		);
		expect(many).toContain('and 2 more');
	});
});
