export type RefusalCode =
	/** An input holds an n8n error item (a failed read upstream). */
	| 'errorItemInInput'
	/** No subscriptions while linked licences of in-scope customers exist. */
	| 'emptySubscriptionInput'
	/** More deactivations/zeroings than the safety limit allows. */
	| 'deactivationLimitExceeded'
	/** More deactivations/zeroings over the rolling window of runs than the limit allows. */
	| 'windowLimitExceeded'
	/** An input holds items that belong on another input (wrong wiring). */
	| 'wrongInput'
	| 'invalidOption';

/** The whole plan is refused: the node turns this into an error and emits nothing. */
export class PlanRefusedError extends Error {
	constructor(
		readonly code: RefusalCode,
		message: string,
		/** The numbers behind the refusal, for the node's error description. */
		readonly details: Readonly<Record<string, number | string>> = {},
	) {
		super(message);
		this.name = 'PlanRefusedError';
	}
}
