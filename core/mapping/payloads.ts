import { addressAfterChanges, westcoastAddressInPsaFields } from './address';
import type { PsaFieldNames } from '../psa/preset';
import type { AddressFieldChange, PsaCustomer, PsaPayload, WestcoastCustomer } from './types';

/**
 * PSA write elements, shaped as HaloPSA's (`POST /api/Client`, `POST /api/Site`:
 * arrays of these; an element with an id updates) under the configured names.
 */

function westcoastLink(customer: WestcoastCustomer, fields: PsaFieldNames): PsaPayload {
	return {
		[fields.linkId]: customer.westcoastId,
		[fields.linkDesc]: customer.name,
		[fields.linkType]: fields.westcoastLinkType,
	};
}

/** Client update storing the link, so the next run matches by link. */
export function linkPayload(
	psa: PsaCustomer,
	customer: WestcoastCustomer,
	fields: PsaFieldNames,
): PsaPayload {
	return { [fields.id]: psa.idValue, [fields.newExternalLink]: westcoastLink(customer, fields) };
}

/** Client create carrying its link, so the next run matches it by link instead of creating again. */
export function createPayload(
	customer: WestcoastCustomer,
	fields: PsaFieldNames,
	topLevelId: string | number | null,
): PsaPayload {
	const address = westcoastAddressInPsaFields(customer.address, fields);
	const country = customer.address.country?.trim();
	return {
		[fields.name]: customer.name,
		...(topLevelId === null || topLevelId === '' ? {} : { [fields.topLevelId]: topLevelId }),
		[fields.newExternalLink]: westcoastLink(customer, fields),
		...(Object.keys(address).length === 0 ? {} : { [fields.newClientAddress]: address }),
		...(country && fields.newClientCountry ? { [fields.newClientCountry]: country } : {}),
	};
}

/** Main site update; `psa.mainSiteId` must be set. */
export function siteAddressPayload(
	psa: PsaCustomer,
	changes: readonly AddressFieldChange[],
	fields: PsaFieldNames,
): PsaPayload {
	return {
		[fields.siteId]: psa.mainSiteId,
		[fields.siteAddress]: addressAfterChanges(psa.mainAddress, changes, fields),
	};
}
