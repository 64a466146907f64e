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
	/** Matching calls (entity and page) answered normally first, e.g. 1 = the second read of that page. */
	skip?: number;
}

/**
 * A write (POST) that fails as Halo's API fails one: `status` (default 500)
 * with a JSON error, and nothing saved. The next `count` writes of `entity`
 * (any entity when absent) fail, once `after` of them have succeeded.
 */
export interface WriteFault {
	entity?: string;
	count: number;
	status?: number;
	after?: number;
}

/**
 * The next `count` resource calls answer `status` (default 503); with
 * `entity` and/or `method`, only calls of that entity/method, once `skip` of
 * them have been answered normally.
 */
export interface UnavailableFault {
	count: number;
	status?: number;
	entity?: string;
	method?: string;
	skip?: number;
}

export interface HaloFaults {
	unavailable?: UnavailableFault;
	list?: ListFault[];
	/** Every resource call is answered this many milliseconds late (until cleared). */
	latencyMs?: number;
	write?: WriteFault;
	/**
	 * After this many successful writes, every access token issued so far
	 * expires (once): a token that lapses between two write batches. The next
	 * call with it gets Halo's 401.
	 */
	expireTokensAfterWrites?: number;
}

export const DEFAULT_UNAVAILABLE_STATUS = 503;
export const DEFAULT_WRITE_FAULT_STATUS = 500;

const wholeNumber = (value: unknown, min: number) =>
	Number.isInteger(value) && (value as number) >= min;

function checkWriteFault(fault: WriteFault): Required<Omit<WriteFault, 'entity'>> & {
	entity?: string;
} {
	if (typeof fault !== 'object' || fault === null) throw badRequest('write must be an object');
	if (fault.entity !== undefined && (typeof fault.entity !== 'string' || fault.entity === ''))
		throw badRequest('write.entity must name an entity');
	if (!wholeNumber(fault.count, 1)) throw badRequest('write.count must be an integer >= 1');
	const status = fault.status ?? DEFAULT_WRITE_FAULT_STATUS;
	if (!wholeNumber(status, 400) || status > 599)
		throw badRequest('write.status must be an HTTP error status (400-599)');
	const after = fault.after ?? 0;
	if (!wholeNumber(after, 0)) throw badRequest('write.after must be an integer >= 0');
	return { entity: fault.entity?.toLowerCase(), count: fault.count, status, after };
}

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
	const skip = fault.skip ?? 0;
	if (!Number.isInteger(skip) || skip < 0)
		throw badRequest(`${where}.skip must be an integer >= 0`);
	return {
		entity: fault.entity.toLowerCase(),
		kind: fault.kind,
		page,
		records: fault.records,
		...(skip > 0 && { skip }),
	};
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
	private unavailable?: Required<Pick<UnavailableFault, 'count' | 'status'>> &
		Pick<UnavailableFault, 'entity' | 'method' | 'skip'>;
	private list: ListFault[] = [];
	private latency = 0;
	private write?: ReturnType<typeof checkWriteFault>;
	private expireAfterWrites?: number;

	set(faults: HaloFaults): void {
		const latency = faults.latencyMs ?? 0;
		if (!Number.isInteger(latency) || latency < 0 || latency > 60_000)
			throw badRequest('latencyMs must be an integer from 0 to 60000');
		const {
			count,
			status = DEFAULT_UNAVAILABLE_STATUS,
			entity,
			method,
			skip = 0,
		} = faults.unavailable ?? { count: 0 };
		if (!Number.isInteger(count) || count < 0)
			throw badRequest('unavailable.count must be an integer >= 0');
		if (!Number.isInteger(skip) || skip < 0)
			throw badRequest('unavailable.skip must be an integer >= 0');
		if (!Number.isInteger(status) || status < 400 || status > 599) {
			throw badRequest('unavailable.status must be an HTTP error status (400-599)');
		}
		if (faults.list !== undefined && !Array.isArray(faults.list))
			throw badRequest('list must be an array of list faults');
		const list = (faults.list ?? []).map(checkListFault);
		const write = faults.write === undefined ? undefined : checkWriteFault(faults.write);
		const expireAfter = faults.expireTokensAfterWrites;
		if (expireAfter !== undefined && !wholeNumber(expireAfter, 1))
			throw badRequest('expireTokensAfterWrites must be an integer >= 1');
		this.unavailable =
			count > 0
				? {
						count,
						status,
						...(skip > 0 && { skip }),
						...(entity !== undefined && { entity: String(entity).toLowerCase() }),
						...(method !== undefined && { method: String(method).toUpperCase() }),
					}
				: undefined;
		this.list = list;
		this.latency = latency;
		this.write = write;
		this.expireAfterWrites = expireAfter;
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
			...(this.write && { write: { ...this.write } }),
			...(this.expireAfterWrites !== undefined && {
				expireTokensAfterWrites: this.expireAfterWrites,
			}),
		};
	}

	/** The injected failure for a write of `entity`, if one is due (the write is then not made). */
	takeWrite(entity: string): HaloResponse | undefined {
		const fault = this.write;
		if (!fault || (fault.entity !== undefined && fault.entity !== entity.toLowerCase()))
			return undefined;
		if (fault.after > 0) return undefined;
		if (--fault.count === 0) this.write = undefined;
		return {
			status: fault.status,
			body: { error: `An error occurred saving the ${entity} (sandbox fault)` },
		};
	}

	/** Counts a write that succeeded; true when the tokens are to expire now. */
	wrote(entity: string): boolean {
		const fault = this.write;
		if (fault && fault.after > 0 && (fault.entity ?? entity.toLowerCase()) === entity.toLowerCase())
			fault.after--;
		if (this.expireAfterWrites === undefined) return false;
		if (--this.expireAfterWrites > 0) return false;
		this.expireAfterWrites = undefined;
		return true;
	}

	/** The injected failure for this call (`entity` as in the path), if one is pending. */
	take(method: string, entity: string): HaloResponse | undefined {
		const unavailable = this.unavailable;
		if (!unavailable) return undefined;
		if (unavailable.entity !== undefined && unavailable.entity !== entity.toLowerCase())
			return undefined;
		if (unavailable.method !== undefined && unavailable.method !== method.toUpperCase())
			return undefined;
		if ((unavailable.skip ?? 0) > 0) {
			unavailable.skip = (unavailable.skip ?? 0) - 1;
			return undefined;
		}
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
				// Skips count whole reads (their first page); an aimed one hits a first page too.
				if (fault.skip !== undefined && page !== 1) return true;
				if ((fault.skip ?? 0) > 0) {
					if (page === 1) fault.skip = (fault.skip ?? 0) - 1;
					return true;
				}
				shape.empty = true;
				return false;
			}
			if (fault.page !== page) return true;
			if ((fault.skip ?? 0) > 0) {
				fault.skip = (fault.skip ?? 0) - 1;
				return true;
			}
			if (fault.kind === 'shortPage') shape.keep = fault.records;
			else shape.deleteFirstAfter = true;
			return false;
		});
		return shape;
	}
}
