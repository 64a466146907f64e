/** Failures a test switches on so that Halo looks down or pages badly (resource calls only, not `/auth/token`). */
import { badRequest } from './errors';
import type { HaloResponse } from './records';

/**
 * What can go wrong with a paged list read (`pageinate=true`):
 * - `shortPage`: page `page` holds only its first `records` rows (record_count unchanged);
 * - `deleteDuringPaging`: right after page `page` is answered, its first record is
 *   deleted, so the later pages shift by one and one unread record is skipped;
 * - `emptyList`: the list answers no records and record_count 0 (HTTP 200);
 * - `pageSizeCap`: every page holds at most `records` rows, whatever page_size asks.
 * The first three happen once (the next matching call); `pageSizeCap` lasts until cleared.
 */
export type ListFaultKind = 'shortPage' | 'deleteDuringPaging' | 'emptyList' | 'pageSizeCap';

export interface ListFault {
	/** As in the path, e.g. `SoftwareLicence`, `Client` (any case). */
	entity: string;
	kind: ListFaultKind;
	/** The 1-based page it hits (shortPage, deleteDuringPaging); default 1. */
	page?: number;
	/** Rows kept (shortPage) or the page size cap (pageSizeCap). */
	records?: number;
}

export interface HaloFaults {
	/** The next `count` resource calls answer `status` (default 503). */
	unavailable?: { count: number; status?: number };
	list?: ListFault[];
	/** Every resource call is answered this many milliseconds late (until cleared). */
	latencyMs?: number;
}

export const DEFAULT_UNAVAILABLE_STATUS = 503;

const LIST_FAULT_KINDS: readonly ListFaultKind[] = [
	'shortPage',
	'deleteDuringPaging',
	'emptyList',
	'pageSizeCap',
];

function checkListFault(fault: ListFault, position: number): ListFault {
	const where = `list[${position}]`;
	if (typeof fault?.entity !== 'string' || fault.entity === '')
		throw badRequest(`${where}.entity must name an entity`);
	if (!LIST_FAULT_KINDS.includes(fault.kind))
		throw badRequest(`${where}.kind must be one of ${LIST_FAULT_KINDS.join(', ')}`);
	const page = fault.page ?? 1;
	if (!Number.isInteger(page) || page < 1)
		throw badRequest(`${where}.page must be an integer >= 1`);
	const needsRecords = fault.kind === 'shortPage' || fault.kind === 'pageSizeCap';
	if (needsRecords && !(Number.isInteger(fault.records) && (fault.records ?? 0) >= 0))
		throw badRequest(`${where}.records must be an integer >= 0`);
	return { entity: fault.entity.toLowerCase(), kind: fault.kind, page, records: fault.records };
}

/** How one list call is to be answered: the paging as asked, or as a fault bends it. */
export interface ListShape {
	/** Rows kept of the page (shortPage). */
	keep?: number;
	/** Page size cap (pageSizeCap). */
	cap?: number;
	/** Answer no records at all (emptyList). */
	empty?: boolean;
	/** Delete the page's first record after answering (deleteDuringPaging). */
	deleteFirstAfter?: boolean;
}

export class FaultInjector {
	private unavailable?: { count: number; status: number };
	private list: ListFault[] = [];
	private latency = 0;

	set(faults: HaloFaults): void {
		const latency = faults.latencyMs ?? 0;
		if (!Number.isInteger(latency) || latency < 0 || latency > 60_000)
			throw badRequest('latencyMs must be an integer from 0 to 60000');
		const { count, status = DEFAULT_UNAVAILABLE_STATUS } = faults.unavailable ?? { count: 0 };
		if (!Number.isInteger(count) || count < 0)
			throw badRequest('unavailable.count must be an integer >= 0');
		if (!Number.isInteger(status) || status < 400 || status > 599) {
			throw badRequest('unavailable.status must be an HTTP error status (400-599)');
		}
		if (faults.list !== undefined && !Array.isArray(faults.list))
			throw badRequest('list must be an array of list faults');
		const list = (faults.list ?? []).map(checkListFault);
		this.unavailable = count > 0 ? { count, status } : undefined;
		this.list = list;
		this.latency = latency;
	}

	/** How long to hold a resource call before answering it. */
	latencyMs(): number {
		return this.latency;
	}

	current(): HaloFaults {
		return {
			...(this.unavailable && { unavailable: { ...this.unavailable } }),
			...(this.list.length > 0 && { list: this.list.map((fault) => ({ ...fault })) }),
			...(this.latency > 0 && { latencyMs: this.latency }),
		};
	}

	/** The injected failure for this call, if one is pending. */
	take(): HaloResponse | undefined {
		const unavailable = this.unavailable;
		if (!unavailable) return undefined;
		if (--unavailable.count === 0) this.unavailable = undefined;
		return { status: unavailable.status, body: { error: 'Halo is unavailable (sandbox fault)' } };
	}

	/** How a paged list read of `entity`, page `page`, is answered; one-off faults are used up here. */
	takeList(entity: string, page: number): ListShape {
		const name = entity.toLowerCase();
		const shape: ListShape = {};
		this.list = this.list.filter((fault) => {
			if (fault.entity !== name) return true;
			if (fault.kind === 'pageSizeCap') {
				shape.cap = fault.records;
				return true;
			}
			if (fault.kind === 'emptyList') {
				shape.empty = true;
				return false;
			}
			if (fault.page !== page) return true;
			if (fault.kind === 'shortPage') shape.keep = fault.records;
			else shape.deleteFirstAfter = true;
			return false;
		});
		return shape;
	}
}
