/** Every reason a case goes to review, with what it means (for docs and the node's UI). */
export const REVIEW_REASONS = {
	invalidWestcoastItem:
		'A Westcoast item is not a customer record: a field is missing or of the wrong type.',
	duplicateWestcoastId: 'The same Westcoast ID appears more than once in the input.',
	manualMappingConflict: 'Manual mapping rows for this customer name different PSA IDs.',
	manualPsaNotFound: 'The manual mapping names a PSA ID that is not among the PSA customers.',
	linkAmbiguous: 'More than one PSA customer carries this Westcoast ID in its links.',
	psaNameAmbiguous: 'More than one PSA customer has this name.',
	psaLinkedElsewhere:
		'The PSA customer with this name is already linked to another Westcoast customer.',
	psaCustomerConflict: 'Another Westcoast customer resolves to the same PSA customer.',
	unmatched: 'No PSA customer matches and creating is off; candidates are suggestions only.',
	wouldDuplicate:
		'Creating could duplicate a PSA customer of the same name (normalized, or with another legal form).',
	duplicateCreateName: 'Other Westcoast customers to create have the same (normalized) name.',
	inactiveNotCreated: 'The Westcoast customer is not Active, so it is not created in the PSA.',
	createBlockedByInvalidPsa:
		'Some PSA items are unreadable, so a create could duplicate one of them.',
	westcoastCustomerDeleted:
		'A PSA customer is linked to a Westcoast customer no longer in the Westcoast read: its licences are handled as deleted upstream; the PSA customer is left alone.',
	noMainSite: 'The address differs but the PSA customer has no main site to update.',
	invalidPsaItem: 'A PSA item has a missing or wrongly typed field.',
	duplicatePsaId: 'The same PSA ID appears more than once in the input; the first is used.',
	invalidManualMapping: 'A manual mapping row has no Westcoast ID/name or no PSA ID.',
	manualMappingUnused: 'A manual mapping row matches no Westcoast customer in the input.',
} as const;

export type ReviewReason = keyof typeof REVIEW_REASONS;

/** Reasons that mean "input of the wrong shape" (the node may fail on these). */
export const INVALID_INPUT_REASONS: ReadonlySet<ReviewReason> = new Set([
	'invalidWestcoastItem',
	'invalidPsaItem',
	'invalidManualMapping',
]);
