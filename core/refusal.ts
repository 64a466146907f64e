/** Why a planner refuses a whole plan (Licence Sync and Mapping Resolver alike). */
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

/** Refuses an option that is not what the planner takes, naming it, so a typo cannot turn into a wrong plan. */
export function refuseOption(planner: string, name: string, problem: string): never {
	throw new PlanRefusedError('invalidOption', `${planner} option "${name}" ${problem}.`, {
		option: name,
	});
}

export const isTextList = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((entry) => typeof entry === 'string');
