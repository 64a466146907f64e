/**
 * Licence Sync's option labels, as the node shows them: refusal messages name
 * the option to change by its label (a unit test holds them equal to the node's).
 */
export const OPTION_LABEL = {
	maxDeactivationPercent: 'Max Deactivations (%)',
	minDeactivationsBeforeLimit: 'Limit Applies Above',
	guardWindowDays: 'Guard Window (Days)',
} as const;
