/** Licence Sync's planner: Westcoast subscriptions in, exact PSA licence changes out. No n8n import. */
export { planLicences } from './plan';
export { describeChanges, readableEntry } from './entries';
export { licenceName } from './subscriptions';
export { parseProductFilter } from './filters';
export { DEFAULT_LICENCE_PLAN_OPTIONS, OPTION_LABEL } from './options';
export { PlanRefusedError, type RefusalCode } from '../refusal';
export {
	INVALID_INPUT_REASONS,
	LICENCE_REASONS,
	type PlanInputName,
	type PlanReason,
	type ReasonCode,
} from './reasons';
export { describeSummary, isInvalidInput } from './summary';
export type * from './types';
export {
	DEFAULT_GUARD_WINDOW_DAYS,
	readGuardMemory,
	type AcceptedPlan,
	type GuardMemory,
	type GuardFigures,
	type GuardInput,
} from './guard';
