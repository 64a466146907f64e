import { describeChanges, planLicences, readableEntry } from '../../../core/licences';
import { licence, subscription } from './fixtures';

describe('an entry as a person reads it', () => {
	it('says before → after field by field, "none" for no value', () => {
		expect(
			describeChanges('update', [
				{ field: 'count', from: 5, to: 7 },
				{ field: 'end_date', from: null, to: '2027-04-01T00:00:00' },
			]),
		).toBe('count 5 → 7; end_date none → 2027-04-01T00:00:00');
	});

	it('lists what a create writes, leaving out fields without a value', () => {
		expect(
			describeChanges('create', [
				{ field: 'name', from: null, to: 'Backup' },
				{ field: 'end_date', from: null, to: null },
				{ field: 'count', from: null, to: 3 },
			]),
		).toBe('new: name Backup, count 3');
	});

	it('puts action, customer, product, change and why first and leaves out the input positions', () => {
		const plan = planLicences({
			subscriptions: [subscription({ westcoastId: 'S1', quantity: 7, productName: 'Backup' })],
			licences: [licence({ id: 9, third_party_product: 'S1', count: 5, name: 'Backup' })],
			mappings: [{ westcoastId: 'C1', psaId: 11, psaName: 'Acme Ltd' }],
		});
		const [update] = plan.update;
		const item = readableEntry(update);
		expect(Object.keys(item).slice(0, 5)).toEqual([
			'action',
			'customerName',
			'productName',
			'change',
			'why',
		]);
		expect(item).toMatchObject({
			action: 'update',
			customerName: 'Acme Ltd',
			productName: 'Backup',
			why: 'The licence differs from its Westcoast subscription.',
			payload: update.payload,
		});
		expect(item.change).toContain('count 5 → 7');
		expect(item).not.toHaveProperty('source');
	});
});
