import { describePsa } from './describe';
import type { DeletedUpstreamEntry, PsaCustomer, ReviewEntry } from './types';

/**
 * PSA customers linked to a Westcoast customer that the Westcoast read no
 * longer holds (deleted in the marketplace). Each link becomes a Mapped entry
 * marked `westcoastDeleted`, so Licence Sync handles the customer's licences
 * as deleted upstream (under its limits), and a review entry, since only a
 * person decides what becomes of the PSA customer: it is never deleted or
 * deactivated. Nothing is decided when a Westcoast item was unreadable: that
 * item may be the customer.
 */
export function deletedUpstream(
	psaCustomers: readonly PsaCustomer[],
	westcoastIds: ReadonlySet<string>,
	westcoastReadable: boolean,
): { mapped: DeletedUpstreamEntry[]; review: ReviewEntry[] } {
	const mapped: DeletedUpstreamEntry[] = [];
	const review: ReviewEntry[] = [];
	if (!westcoastReadable) return { mapped, review };
	for (const psa of psaCustomers) {
		for (const westcoastId of psa.westcoastLinks) {
			if (westcoastIds.has(westcoastId)) continue;
			mapped.push({
				source: { psa: psa.index },
				westcoastId,
				westcoastName: null,
				psaId: psa.idValue,
				psaName: psa.name,
				matchedBy: 'link',
				westcoastDeleted: true,
			});
			review.push({
				subject: 'psaCustomer',
				reason: 'westcoastCustomerDeleted',
				message:
					`${describePsa(psa)} is linked to Westcoast customer ${westcoastId}, which is no longer in the Westcoast read: ` +
					'Licence Sync handles its licences as deleted upstream. The PSA customer itself is left as it is; remove ' +
					'its link, or deactivate it, once you have checked.',
				source: { psa: psa.index },
				psaId: psa.idValue,
				psaName: psa.name,
				westcoastId,
			});
		}
	}
	return { mapped, review };
}
