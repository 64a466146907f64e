/**
 * Mapping Resolver's planning core: pure, no n8n. `planCustomerMapping` links
 * each Westcoast customer to one PSA customer (manual > link > exact name >
 * normalized name), plans creates, link and address writes, and sends every
 * case a person must decide to review with a reason code.
 */
export { planCustomerMapping } from './plan';
export { DEFAULT_MAPPING_OPTIONS } from './options';
export { readWestcoastCustomer } from './westcoast-input';
export type { WestcoastRead } from './westcoast-input';
export type { FieldProblem } from '../read';
export { exactNameKey, normalizedNameKey } from './normalize';
export { describeMappingPlan, MATCH_RULE_WORDS } from './describe';
export { REVIEW_REASONS, INVALID_INPUT_REASONS } from './review-reasons';
export type { ReviewReason } from './review-reasons';
export type {
	AddressChangeEntry,
	AddressFieldChange,
	CreateEntry,
	ManualMapping,
	MappedEntry,
	MappingOptions,
	MappingPlan,
	MappingPlanInput,
	MappingSource,
	MappingStatus,
	MappingTableRow,
	MatchRule,
	PsaCandidate,
	PsaPayload,
	PsaValue,
	ReviewEntry,
	ReviewSubject,
	WestcoastCustomer,
} from './types';
