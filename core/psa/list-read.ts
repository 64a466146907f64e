/**
 * Whether a paged PSA list read is complete, from its pages alone. Halo's
 * paging order and page-size cap are not documented, so nothing here assumes
 * either: a read's pages are planned from its first page (planPageReads, below:
 * a first page shorter than asked reveals the cap), and then proven, not trusted.
 * - every page reports the same record_count (a record added or deleted while
 *   paging shifts the pages, and can skip one even when the final count matches);
 * - no record comes twice (pages that overlap mean the order moved under the read);
 * - the distinct records equal record_count (a short page, a cap below the
 *   page size asked for, or an empty page while records remain all fall short);
 * - no records where the last accepted read had some is a failed read, unless allowed.
 * Pure: the node (PSA List Check) keeps the last accepted count in workflow static data.
 */

export interface ListReadSettings {
	/** Names the read in messages, e.g. "Halo: Read Licences". */
	read: string;
	/** Key of the records on each page, e.g. `licences`. */
	listField: string;
	/** Key of the total on each page: Halo's `record_count`. */
	countField: string;
	/** Key of a record's id. */
	idField: string;
	/** record_count of the last accepted read, when known (null: none, or a manual run). */
	previousCount: number | null;
	/** Accept an empty list even though the last accepted read had records. */
	allowEmpty: boolean;
	/** record_count of the first page the read was planned from (planPageReads), if planned. */
	plannedCount?: number | null;
}

export interface CompleteListRead {
	/** Every record, in page order. */
	records: Array<{ page: number; record: Record<string, unknown> }>;
	recordCount: number;
	pages: number;
}

export type ListReadProblem =
	| 'noAnswer'
	| 'notAPage'
	| 'countChanged'
	| 'recordWithoutId'
	| 'recordTwice'
	| 'emptyPageWhileRecordsRemain'
	| 'countMismatch'
	| 'unexpectedlyEmpty';

/** The read is failed or doubtful: nothing read from it may be written from. */
export class ListReadError extends Error {
	constructor(
		readonly problem: ListReadProblem,
		message: string,
	) {
		super(message);
		this.name = 'ListReadError';
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function checkListRead(
	pages: readonly unknown[],
	settings: ListReadSettings,
): CompleteListRead {
	const { read, listField, countField, idField } = settings;
	const fail = (problem: ListReadProblem, detail: string): never => {
		throw new ListReadError(
			problem,
			`${read}: ${detail} The read is not complete, so the run stops before any write; the next run reads again.`,
		);
	};
	if (pages.length === 0) fail('noAnswer', 'the read answered no page at all.');

	let recordCount: number | null = null;
	const records: CompleteListRead['records'] = [];
	const seen = new Set<string>();
	let emptyPage: number | null = null;
	pages.forEach((page, index) => {
		const number = index + 1;
		if (!isObject(page) || !Array.isArray(page[listField]) || !isCount(page[countField])) {
			fail(
				'notAPage',
				`page ${number} is not a list answer (it needs a "${listField}" list and a whole-number "${countField}").`,
			);
		}
		const body = page as Record<string, unknown>;
		const count = body[countField] as number;
		if (recordCount !== null && count !== recordCount) {
			fail(
				'countChanged',
				`${countField} was ${recordCount} on page 1 but ${count} on page ${number}: the list changed during the read, so a page may have skipped a record.`,
			);
		}
		recordCount = count;
		const rows = body[listField] as unknown[];
		if (rows.length === 0) emptyPage ??= number;
		rows.forEach((record, position) => {
			const id = isObject(record) ? record[idField] : undefined;
			if (!(typeof id === 'number' || (typeof id === 'string' && id.trim() !== ''))) {
				fail('recordWithoutId', `record ${position} of page ${number} has no "${idField}".`);
			}
			const key = String(id);
			if (seen.has(key)) {
				fail(
					'recordTwice',
					`record ${key} came on two pages: the paging order moved during the read, so a record may have been skipped.`,
				);
			}
			seen.add(key);
			records.push({ page: index, record: record as Record<string, unknown> });
		});
	});

	const total = recordCount as unknown as number;
	const planned = settings.plannedCount;
	if (planned !== undefined && planned !== null && planned !== total) {
		fail(
			'countChanged',
			`${countField} was ${planned} on the first page the read was planned from, but ${total} on the pages read: the list changed during the read${planned === 0 ? ' (or its first answer was wrongly empty)' : ''}.`,
		);
	}
	if (seen.size < total && emptyPage !== null && emptyPage > 1) {
		fail(
			'emptyPageWhileRecordsRemain',
			`page ${emptyPage} came back empty after ${seen.size} distinct records, but ${countField} says ${total}.`,
		);
	}
	if (seen.size !== total) {
		fail(
			'countMismatch',
			`it read ${seen.size} distinct records, but ${countField} says ${total}.`,
		);
	}
	const previous = settings.previousCount;
	if (total === 0 && previous !== null && previous > 0 && !settings.allowEmpty) {
		fail(
			'unexpectedlyEmpty',
			`the list answered no records, but the last accepted read had ${previous}: an empty answer is taken for a failed read. If the list really is empty now, turn on "Allow Empty List" for one run.`,
		);
	}
	return { records, recordCount: total, pages: pages.length };
}

export interface PageReadSettings {
	read: string;
	listField: string;
	countField: string;
	/** The page size the first page asked for. */
	pageSize: number;
	/** More pages than this is taken for a bad record_count. */
	maxPages: number;
}

export interface PageReads {
	recordCount: number;
	/** The page size to ask for: the one asked, or the cap the first page revealed. */
	pageSize: number;
	/** Every page of the list, the first included, so that one read yields them all. */
	pages: Array<{ page_no: number; page_size: number }>;
}

/**
 * The page reads a list needs, from its first page: a first page shorter than
 * asked while record_count says more reveals the server's page-size cap (its
 * length), and the pages are counted at that size. Whatever the first page
 * was, the pages read from the plan are then proven complete by checkListRead.
 */
export function planPageReads(firstPage: unknown, settings: PageReadSettings): PageReads {
	const { read, listField, countField, maxPages } = settings;
	const fail = (problem: ListReadProblem, detail: string): never => {
		throw new ListReadError(
			problem,
			`${read}: ${detail} The read is not complete, so the run stops before any write; the next run reads again.`,
		);
	};
	if (
		!isObject(firstPage) ||
		!Array.isArray(firstPage[listField]) ||
		!isCount(firstPage[countField])
	) {
		return fail(
			'notAPage',
			`the first page is not a list answer (it needs a "${listField}" list and a whole-number "${countField}").`,
		);
	}
	const recordCount = firstPage[countField] as number;
	const rows = (firstPage[listField] as unknown[]).length;
	const capped = rows > 0 && rows < settings.pageSize && recordCount > rows;
	const pageSize = capped ? rows : settings.pageSize;
	const pageCount = Math.max(1, Math.ceil(recordCount / pageSize));
	if (pageCount > maxPages) {
		fail(
			'countMismatch',
			`${countField} ${recordCount} would take ${pageCount} pages of ${pageSize}, more than the ${maxPages} a read may take.`,
		);
	}
	return {
		recordCount,
		pageSize,
		pages: Array.from({ length: pageCount }, (_, index) => ({
			page_no: index + 1,
			page_size: pageSize,
		})),
	};
}
