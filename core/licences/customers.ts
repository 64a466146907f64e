import { itemReason, type PlanReason } from './reasons';
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
	/** Unreadable and conflicting mapping items: each becomes a skipped entry. */
	unusable: UnusableMapping[];
}

/** A mapping item that links nothing, with what could be read of it to name it. */
export interface UnusableMapping {
	mappingIndex: number;
	westcoastId: string | null;
	psaId: string | number | null;
	name: string | null;
	invalid: PlanReason;
}

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
		unusable: [],
	};
	const conflictingItems = new Map<string, MappedCustomer[]>();

	mappings.forEach((item, mappingIndex) => {
		const read = readMapping(item, mappingIndex);
		if (read.invalid) {
			const json = tryRead(() => requireObject(item));
			const westcoastId = json && tryRead(() => requiredId(json, 'westcoastId'));
			const psaId = json && tryRead(() => requiredIdValue(json, 'psaId'));
			const name = json ? customerNameOf(json) : null;
			index.unusable.push({ mappingIndex, westcoastId, psaId, name, invalid: read.invalid });
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
			const { mappingIndex, psaId, name } = item;
			const invalid = itemReason('conflictingMapping', 'mappings', mappingIndex, detail, 'psaId');
			index.unusable.push({ mappingIndex, westcoastId, psaId, name, invalid });
		}
	}
	return index;
}
