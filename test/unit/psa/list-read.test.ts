import { checkListRead, ListReadError } from '../../../core/psa/list-read';

const SETTINGS = {
	read: 'Halo: Read Licences',
	listField: 'licences',
	countField: 'record_count',
	idField: 'id',
	previousCount: null as number | null,
	allowEmpty: false,
};

const ids = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i }));
const page = (records: Array<{ id: unknown }>, count: number) => ({
	record_count: count,
	licences: records,
});

/** Pages as a paged read to the first empty page sees them, over a list that does not change. */
function pagesOf(total: number, size: number) {
	const all = ids(1, total);
	const pages = [];
	for (let start = 0; ; start += size) {
		const rows = all.slice(start, start + size);
		pages.push(page(rows, total));
		if (rows.length === 0) return pages;
	}
}

const problemOf = (pages: unknown[], settings: Partial<typeof SETTINGS> = {}) => {
	try {
		checkListRead(pages, { ...SETTINGS, ...settings });
		return null;
	} catch (error) {
		if (!(error instanceof ListReadError)) throw error;
		return { problem: error.problem, message: error.message };
	}
};

describe('checkListRead: a paged list read proven complete', () => {
	it.each([
		[261, 100],
		[261, 50], // a page-size cap below the 100 asked for: more pages, same records
		[100, 100],
		[1, 100],
	])('accepts %i records in pages of %i, in page order', (total, size) => {
		const read = checkListRead(pagesOf(total, size), SETTINGS);
		expect(read.recordCount).toBe(total);
		expect(read.records.map(({ record }) => record.id)).toEqual(ids(1, total).map((r) => r.id));
		expect(read.pages).toBe(Math.ceil(total / size) + 1);
	});

	it('accepts an empty list when no earlier read had records', () => {
		expect(checkListRead([page([], 0)], SETTINGS).records).toEqual([]);
		expect(checkListRead([page([], 0)], { ...SETTINGS, previousCount: 0 }).recordCount).toBe(0);
	});

	it('refuses a short first page (60 of 100): the distinct records fall short of record_count', () => {
		const pages = [
			page(ids(1, 60), 261),
			page(ids(101, 200), 261),
			page(ids(201, 261), 261),
			page([], 261),
		];
		expect(problemOf(pages)).toEqual({
			problem: 'emptyPageWhileRecordsRemain',
			message:
				'Halo: Read Licences: page 4 came back empty after 221 distinct records, but record_count says 261. The read is not complete, so the run stops before any write; the next run reads again.',
		});
		// Without the empty page at the end (a read that stopped early by itself), the count still says so.
		expect(problemOf(pages.slice(0, 3))).toMatchObject({ problem: 'countMismatch' });
	});

	it('refuses a read during which a record was deleted, even though the final count matches', () => {
		// Record 1 deleted after page 1: page 2 starts at 102, so 101 is never read; 260 distinct = 260 at the end.
		const pages = [
			page(ids(1, 100), 261),
			page(ids(102, 201), 260),
			page(ids(202, 261), 260),
			page([], 260),
		];
		expect(problemOf(pages)).toMatchObject({
			problem: 'countChanged',
			message: expect.stringContaining(
				'record_count was 261 on page 1 but 260 on page 2: the list changed during the read',
			),
		});
	});

	it('refuses pages that overlap (the paging order moved)', () => {
		const pages = [page(ids(1, 100), 150), page(ids(100, 150), 150), page([], 150)];
		expect(problemOf(pages)).toMatchObject({ problem: 'recordTwice' });
	});

	it('refuses an empty page while records remain', () => {
		const pages = [page(ids(1, 100), 261), page([], 261)];
		expect(problemOf(pages)).toMatchObject({
			problem: 'emptyPageWhileRecordsRemain',
			message: expect.stringContaining(
				'page 2 came back empty after 100 distinct records, but record_count says 261',
			),
		});
	});

	it('refuses an empty answer where the last accepted read had records, unless allowed', () => {
		expect(problemOf([page([], 0)], { previousCount: 261 })).toMatchObject({
			problem: 'unexpectedlyEmpty',
			message: expect.stringContaining('the last accepted read had 261'),
		});
		expect(problemOf([page([], 0)], { previousCount: 261, allowEmpty: true })).toBeNull();
	});

	it.each([
		[[], 'noAnswer'],
		[[{ error: 'Halo is unavailable' }], 'notAPage'],
		[[{ licences: ids(1, 2) }], 'notAPage'],
		[[{ record_count: '2', licences: ids(1, 2) }], 'notAPage'],
		[[page([{ id: 1 }, { name: 'no id' } as never], 2)], 'recordWithoutId'],
		[[page(ids(1, 3), 2), page([], 2)], 'countMismatch'],
	])('refuses what is no complete list answer (%#: %s)', (pages, problem) => {
		expect(problemOf(pages as unknown[])).toMatchObject({ problem });
	});
});
