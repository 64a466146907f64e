import { PlanRefusedError } from '../../../core/licences';
import { licence, plan, subscription } from './fixtures';

/** `total` linked licences of customer C1; the first `gone` of them are absent from the subscription input. */
function world(total: number, gone: number) {
	const licences = Array.from({ length: total }, (_, i) =>
		licence({ id: 1000 + i, third_party_product: `S${i}` }),
	);
	const subscriptions = Array.from({ length: total - gone }, (_, i) =>
		subscription({ westcoastId: `S${gone + i}` }),
	);
	return { subscriptions, licences };
}

function refusal(run: () => unknown): PlanRefusedError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(PlanRefusedError);
		return error as PlanRefusedError;
	}
	throw new Error('the plan was not refused');
}

describe('deactivation limit', () => {
	it('allows up to maxDeactivationPercent of the linked licences (default 20 %)', () => {
		const { subscriptions, licences } = world(50, 10);
		expect(plan(subscriptions, licences).deactivate).toHaveLength(10);
	});

	it('refuses more, naming the numbers and the option to change', () => {
		const { subscriptions, licences } = world(50, 11);
		const error = refusal(() => plan(subscriptions, licences));
		expect(error.code).toBe('deactivationLimitExceeded');
		expect(error.message).toContain('11 of 50');
		expect(error.message).toContain('more than "Max Deactivations (%)" (20%, with at least 3 always allowed)');
		expect(error.message).toContain('set "Max Deactivations (%)" to 22 for one run, then back to 20.');
		expect(error.details).toEqual({
			deactivations: 11,
			linkedLicences: 50,
			maxDeactivationPercent: 20,
			minDeactivationsBeforeLimit: 3,
		});
	});

	it('only bites above the floor (default 3), however small the share', () => {
		const { subscriptions, licences } = world(4, 3);
		expect(plan(subscriptions, licences).deactivate).toHaveLength(3);
		const four = world(5, 4);
		expect(refusal(() => plan(four.subscriptions, four.licences)).code).toBe(
			'deactivationLimitExceeded',
		);
		expect(
			plan(four.subscriptions, four.licences, undefined, { minDeactivationsBeforeLimit: 4 })
				.deactivate,
		).toHaveLength(4);
	});

	it('lets the user raise the limit (100 lifts it)', () => {
		const { subscriptions, licences } = world(50, 30);
		expect(
			refusal(() => plan(subscriptions, licences, undefined, { maxDeactivationPercent: 50 })).code,
		).toBe('deactivationLimitExceeded');
		expect(
			plan(subscriptions, licences, undefined, { maxDeactivationPercent: 60 }).deactivate,
		).toHaveLength(30);
		expect(
			plan(subscriptions, licences, undefined, { maxDeactivationPercent: 100 }).deactivate,
		).toHaveLength(30);
	});

	it('counts licences made inactive upstream too, and not those already done', () => {
		const { licences } = world(10, 0);
		const suspended = licences.map((_, i) =>
			subscription({ westcoastId: `S${i}`, state: i < 4 ? 'Suspended' : 'Active' }),
		);
		expect(refusal(() => plan(suspended, licences)).details).toMatchObject({
			deactivations: 4,
			linkedLicences: 10,
		});
		const alreadyInactive = licences.map((item, i) => ({ ...item, is_active: i >= 4 }));
		expect(
			plan(suspended, alreadyInactive).unchanged.filter(
				(entry) => entry.reason?.code === 'alreadyInactive',
			),
		).toHaveLength(4);
	});

	it('counts only live licences: ones zeroed or made inactive on earlier runs do not weaken the limit', () => {
		const live = Array.from({ length: 10 }, (_, i) =>
			licence({ id: 1000 + i, third_party_product: `S${i}` }),
		);
		const zeroed = Array.from({ length: 40 }, (_, i) =>
			licence({ id: 2000 + i, third_party_product: `OLD${i}`, count: 0 }),
		);
		const partialRead = [subscription({ westcoastId: 'S0' }), subscription({ westcoastId: 'S1' })];
		const error = refusal(() => plan(partialRead, [...live, ...zeroed]));
		expect(error.code).toBe('deactivationLimitExceeded');
		expect(error.message).toContain('8 of 10 live linked licences');
		expect(error.details).toMatchObject({ deactivations: 8, linkedLicences: 10 });
		const inactive = zeroed.map((item) => ({ ...item, count: 5, is_active: false }));
		expect(
			refusal(() =>
				plan(partialRead, [...live, ...inactive], undefined, { deactivateDeleted: true }),
			).details,
		).toMatchObject({ deactivations: 8, linkedLicences: 10 });
	});

	it('counts a licence about to be zeroed or deactivated as live', () => {
		const { subscriptions, licences } = world(10, 2);
		const inactiveWithSeats = licences.map((item, i) =>
			i < 2 ? { ...item, is_active: false } : item,
		);
		expect(plan(subscriptions, inactiveWithSeats).deactivate).toHaveLength(2);
		const four = world(20, 4);
		expect(plan(four.subscriptions, four.licences).deactivate).toHaveLength(4);
	});

	it('counts updates that set the count to 0 as zeroing', () => {
		const { licences } = world(10, 0);
		const zeroSeats = licences.map((_, i) => subscription({ westcoastId: `S${i}`, quantity: 0 }));
		const error = refusal(() => plan(zeroSeats, licences));
		expect(error.code).toBe('deactivationLimitExceeded');
		expect(error.message).toContain('10 of 10');
		expect(error.details).toMatchObject({ deactivations: 10, linkedLicences: 10 });
		const threeZeroed = licences.map((_, i) =>
			subscription({ westcoastId: `S${i}`, quantity: i < 3 ? 0 : 5 }),
		);
		expect(plan(threeZeroed, licences).update).toHaveLength(3);
		// One deleted upstream (S0) and three zeroed by update (S1-S3): 4 over the floor of 3.
		const oneDeleted = licences
			.slice(1)
			.map((_, i) => subscription({ westcoastId: `S${i + 1}`, quantity: i < 3 ? 0 : 5 }));
		expect(refusal(() => plan(oneDeleted, licences)).details).toMatchObject({
			deactivations: 4,
			linkedLicences: 10,
		});
	});
});

describe('empty subscription input', () => {
	it('is refused while linked licences of in-scope customers exist', () => {
		const error = refusal(() => plan([], [licence()]));
		expect(error.code).toBe('emptySubscriptionInput');
		expect(error.message).toContain('1 linked licence');
		expect(error.details).toEqual({ linkedLicences: 1 });
	});

	it('is refused even when those licences are already zeroed (the read is what is suspect)', () => {
		expect(refusal(() => plan([], [licence({ count: 0 })])).code).toBe('emptySubscriptionInput');
		const error = refusal(() =>
			plan([], [licence({ is_active: false })], undefined, { deactivateDeleted: true }),
		);
		expect(error).toMatchObject({
			code: 'emptySubscriptionInput',
			details: { linkedLicences: 1 },
		});
	});

	it('is fine when nothing linked is in scope', () => {
		expect(
			plan([], [licence({ third_party_product: null }), licence({ client_id: 99 })]).skipped,
		).toHaveLength(1);
		expect(
			plan([], [licence()], undefined, { deletionScope: 'customersInInput' }).skipped[0].reason
				.code,
		).toBe('customerNotInInput');
	});

	it('is accepted with the limit at 100 %, when every subscription really was deleted', () => {
		expect(
			plan([], [licence()], undefined, { maxDeactivationPercent: 100 }).deactivate,
		).toHaveLength(1);
	});
});

describe('error items', () => {
	it.each(['subscriptions', 'licences', 'mappings'] as const)(
		'refuses the plan when the %s input holds one',
		(input) => {
			const inputs = {
				subscriptions: [subscription()],
				licences: [licence()],
				mappings: [{ westcoastId: 'C1', psaId: 11 }],
			};
			inputs[input] = [...inputs[input], { error: 'Request failed with status code 500' }] as never;
			const error = refusal(() => plan(inputs.subscriptions, inputs.licences, inputs.mappings));
			expect(error.code).toBe('errorItemInInput');
			expect(error.details).toEqual({ input, errorItems: 1, firstErrorItem: 1 });
			expect(error.message).toContain(`The ${input} input holds 1 error item`);
		},
	);
});

describe('options', () => {
	it.each([
		[{ maxDeactivationPercent: 150 }, 'maxDeactivationPercent'],
		[{ maxDeactivationPercent: Number.NaN }, 'maxDeactivationPercent'],
		[{ minDeactivationsBeforeLimit: -1 }, 'minDeactivationsBeforeLimit'],
		[{ state: 'inactive' }, 'state'],
		[{ deletionScope: 'some' }, 'deletionScope'],
		[{ customers: 'C1' }, 'customers'],
		[{ productFilter: 'Microsoft*' }, 'productFilter'],
		[{ fields: { westcoastLink: ' ' } }, 'fields.westcoastLink'],
	])('refuses %j', (options, option) => {
		const error = refusal(() => plan([subscription()], [], undefined, options as never));
		expect(error).toMatchObject({ code: 'invalidOption', details: { option } });
	});

	it('gives options passed as undefined their defaults', () => {
		const result = plan([subscription({ state: 'Suspended' })], [], undefined, {
			state: undefined,
			maxDeactivationPercent: undefined,
			fields: { westcoastLink: undefined },
		});
		expect(result.skipped[0].reason.code).toBe('inactiveNotImported');
	});
});
