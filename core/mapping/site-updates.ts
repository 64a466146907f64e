import { addressChanges } from './address';
import { describeWestcoast } from './describe';
import type { PsaFieldNames } from '../psa/preset';
import { siteAddressPayload } from './payloads';
import type { AddressChangeEntry, PsaCustomer, ReviewEntry, WestcoastCustomer } from './types';

export interface MappedPair {
	/** The Westcoast input item. */
	index: number;
	customer: WestcoastCustomer;
	psa: PsaCustomer;
}

/** Main-site updates that bring mapped PSA customers' addresses in line with Westcoast. */
export function planSiteUpdates(
	pairs: readonly MappedPair[],
	fields: PsaFieldNames,
): { addressChanges: AddressChangeEntry[]; review: ReviewEntry[] } {
	const updates: AddressChangeEntry[] = [];
	const review: ReviewEntry[] = [];
	for (const { index, customer, psa } of pairs) {
		const changes = addressChanges(customer.address, psa.mainAddress, fields);
		if (changes.length === 0) continue;
		const ids = {
			source: { westcoast: index, psa: psa.index },
			westcoastId: customer.westcoastId,
			psaId: psa.idValue,
		};
		if (psa.mainSiteId === null) {
			review.push({
				subject: 'siteAddress',
				reason: 'noMainSite',
				message: `${describeWestcoast(customer)}: its address differs from PSA customer ${psa.id}'s, which has no main site to update.`,
				...ids,
				westcoastName: customer.name,
				psaName: psa.name,
			});
			continue;
		}
		updates.push({
			...ids,
			westcoastName: customer.name,
			psaName: psa.name,
			siteId: String(psa.mainSiteId),
			payload: siteAddressPayload(psa, changes, fields),
			changes,
		});
	}
	return { addressChanges: updates, review };
}
