import { HALO_DISTRIBUTOR_NAME } from '../psa/halo';
import { isRecord, type ItemRead, type JsonObject } from '../read';
import type { CalendarDate } from './values';
import type { LicenceFieldNames } from '../psa/preset';
import type { PlanReason } from './reasons';
import type { LicencePlanOptions } from './types';
import {
	optionalBoolean,
	optionalHaloDateRead,
	optionalId,
	optionalIdValue,
	optionalNumber,
	optionalText,
	optionalWholeNumber,
	readItem,
	requiredIdValue,
	tryRead,
} from './values';

const WESTCOAST_DISTRIBUTOR = HALO_DISTRIBUTOR_NAME.toLowerCase();

/** A PSA licence as the planner uses it. */
export interface LicenceRecord {
	/** As the PSA gave it (Halo: a number), for payloads. */
	id: string | number;
	clientId: string | number | null;
	clientKey: string | null;
	name: string | null;
	count: number | null;
	endDate: CalendarDate | null;
	isActive: boolean | null;
	parentKey: string | null;
	distributor: string | null;
	price: number | null;
	purchasePrice: number | null;
	/** Term fields, read only when kept in step (else null). */
	billingCycle: string | null;
	termDuration: string | null;
	autoRenew: boolean | null;
	startDate: CalendarDate | null;
	/** The item as read: the "from" of changes. */
	json: JsonObject;
}

export type LicenceItem = {
	index: number;
	/** The Westcoast subscription ID it stores; null when the link field is unreadable. */
	link: string | null;
	/** Read even from an invalid item, to name the licence in its skipped entry. */
	id: string | number | null;
	/**
	 * The distributor the licence names when it is not Westcoast's (compared
	 * ignoring case; none or blank counts as Westcoast's), else null. Its link
	 * field is shared free text that may hold that distributor's reference, so
	 * such a licence is never linked: it is skipped, never written.
	 */
	otherDistributor: string | null;
} & ItemRead<LicenceRecord, PlanReason>;

export interface LicenceIndex {
	/**
	 * Licences with something in the link field, in input order, another
	 * distributor's included (each gets one skipped entry). The others are never touched.
	 */
	linked: LicenceItem[];
	/** The link index: licences of Westcoast (or of no distributor) only, by the ID they store. */
	byLink: Map<string, LicenceItem[]>;
}

export function readLicence(
	json: JsonObject,
	fields: LicenceFieldNames,
	options: Pick<LicencePlanOptions, 'syncPrices' | 'syncTerms'>,
): LicenceRecord {
	const { syncPrices } = options;
	const synced = new Set(options.syncTerms);
	const clientId = optionalIdValue(json, fields.clientId);
	return {
		id: requiredIdValue(json, fields.id),
		clientId,
		clientKey: clientId === null ? null : String(clientId),
		name: optionalText(json, fields.name),
		count: optionalWholeNumber(json, fields.count),
		endDate: optionalHaloDateRead(json, fields.endDate),
		isActive: optionalBoolean(json, fields.isActive),
		parentKey: optionalId(json, fields.parentId),
		distributor: optionalText(json, fields.distributor),
		price: syncPrices ? optionalNumber(json, fields.price) : null,
		purchasePrice: syncPrices ? optionalNumber(json, fields.purchasePrice) : null,
		billingCycle: synced.has('billingCycle') ? optionalText(json, fields.billingCycle) : null,
		termDuration: synced.has('termDuration') ? optionalText(json, fields.termDuration) : null,
		autoRenew: synced.has('autoRenew') ? optionalBoolean(json, fields.autoRenew) : null,
		startDate: synced.has('startDate') ? optionalHaloDateRead(json, fields.startDate) : null,
		json,
	};
}

export function indexLicences(
	licences: readonly unknown[],
	options: Pick<LicencePlanOptions, 'fields' | 'syncPrices' | 'syncTerms'>,
): LicenceIndex {
	const index: LicenceIndex = { linked: [], byLink: new Map() };
	const linkField = options.fields.westcoastLink;
	licences.forEach((json, itemIndex) => {
		if (!isRecord(json)) return;
		const id = tryRead(() => optionalIdValue(json, options.fields.id));
		const distributor = tryRead(() => optionalText(json, options.fields.distributor));
		const otherDistributor =
			distributor !== null && distributor.toLowerCase() !== WESTCOAST_DISTRIBUTOR
				? distributor
				: null;
		const linkRead = readItem('licences', itemIndex, () => optionalId(json, linkField));
		if (linkRead.invalid) {
			index.linked.push({
				index: itemIndex,
				link: null,
				id,
				otherDistributor,
				record: null,
				invalid: linkRead.invalid,
			});
			return;
		}
		const link = linkRead.record;
		if (link === null) return;
		const item: LicenceItem = {
			index: itemIndex,
			link,
			id,
			otherDistributor,
			...readItem('licences', itemIndex, () => readLicence(json, options.fields, options)),
		};
		index.linked.push(item);
		if (otherDistributor !== null) return;
		const sameLink = index.byLink.get(link);
		if (sameLink) sameLink.push(item);
		else index.byLink.set(link, [item]);
	});
	return index;
}
