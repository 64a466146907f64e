import { skippedEntry } from './entries';
import { itemReason } from './reasons';
import type { EntryIdentity, SkippedEntry } from './types';
import {
	readItem,
	requiredId,
	requiredIdValue,
	requiredPayloadId,
	requireObject,
	tryRead,
} from './values';

/** A Westcoast customer's PSA customer, from one Mapping Resolver "Mapped" item. */
export interface MappedCustomer {
	westcoastId: string;
	/** As the mapping gave it, for payloads. */
	psaId: string | number;
	psaKey: string;
	mappingIndex: number;
	/** Mapping Resolver found the Westcoast customer gone from the read (`westcoastDeleted`). */
	westcoastDeleted: boolean;
	/** The PSA customer's name, else the Westcoast one's (for people; null when the item has neither). */
	name: string | null;
}

/** A mapping's customer name, for people: never required, so any text or none. */
function customerNameOf(mapping: Record<string, unknown>): string | null {
	for (const value of [mapping.psaName, mapping.westcoastName])
		if (typeof value === 'string' && value.trim() !== '') return value;
	return null;
}

export interface CustomerIndex {
	byWestcoastId: Map<string, MappedCustomer>;
	/** Westcoast customers mapped to more than one PSA customer: none of their licences is touched. */
	conflicting: Set<string>;
	/** PSA customer → the Westcoast customers mapped to it (one PSA customer may hold several). */
	westcoastIdsByPsaKey: Map<string, string[]>;
	/** Skipped entries for unreadable and conflicting mapping items. */
	entries: SkippedEntry[];
}

const mappingIdentity = (
	mappingIndex: number,
	westcoastCustomerId: string | null,
	psaCustomerId: string | number | null,
	customerName: string | null,
): EntryIdentity => ({
	westcoastSubscriptionId: null,
	westcoastCustomerId,
	psaLicenceId: null,
	psaCustomerId,
	productName: null,
	customerName,
	unresolvedParentSubscriptionId: null,
	source: { mapping: mappingIndex },
});

function readMapping(item: unknown, mappingIndex: number) {
	return readItem('mappings', mappingIndex, (): MappedCustomer => {
		const mapping = requireObject(item);
		const westcoastId = requiredId(mapping, 'westcoastId');
		const psaId = requiredPayloadId(mapping, 'psaId');
		const westcoastDeleted = mapping.westcoastDeleted === true;
		const name = customerNameOf(mapping);
		return { westcoastId, psaId, psaKey: String(psaId), mappingIndex, westcoastDeleted, name };
	});
}

export function indexCustomers(mappings: readonly unknown[]): CustomerIndex {
	const index: CustomerIndex = {
		byWestcoastId: new Map(),
		conflicting: new Set(),
		westcoastIdsByPsaKey: new Map(),
		entries: [],
	};
	const conflictingItems = new Map<string, MappedCustomer[]>();

	mappings.forEach((item, mappingIndex) => {
		const read = readMapping(item, mappingIndex);
		if (read.invalid) {
			const json = tryRead(() => requireObject(item));
			const westcoastId = json && tryRead(() => requiredId(json, 'westcoastId'));
			const psaId = json && tryRead(() => requiredIdValue(json, 'psaId'));
			const name = json ? customerNameOf(json) : null;
			index.entries.push(
				skippedEntry(mappingIdentity(mappingIndex, westcoastId, psaId, name), read.invalid),
			);
			return;
		}
		const mapped = read.record;
		const westcoastIds = index.westcoastIdsByPsaKey.get(mapped.psaKey);
		if (!westcoastIds) index.westcoastIdsByPsaKey.set(mapped.psaKey, [mapped.westcoastId]);
		else if (!westcoastIds.includes(mapped.westcoastId)) westcoastIds.push(mapped.westcoastId);
		const first = index.byWestcoastId.get(mapped.westcoastId);
		if (!first) index.byWestcoastId.set(mapped.westcoastId, mapped);
		else if (first.psaKey !== mapped.psaKey) {
			const items = conflictingItems.get(mapped.westcoastId);
			if (items) items.push(mapped);
			else conflictingItems.set(mapped.westcoastId, [first, mapped]);
		}
	});

	for (const [westcoastId, items] of conflictingItems) {
		index.byWestcoastId.delete(westcoastId);
		index.conflicting.add(westcoastId);
		const psaIds = [...new Set(items.map((item) => item.psaKey))].join(', ');
		const detail = `Westcoast customer ${westcoastId} is mapped to several PSA customers (${psaIds}).`;
		for (const item of items) {
			const why = itemReason('conflictingMapping', 'mappings', item.mappingIndex, detail, 'psaId');
			index.entries.push(
				skippedEntry(mappingIdentity(item.mappingIndex, westcoastId, item.psaId, item.name), why),
			);
		}
	}
	return index;
}
