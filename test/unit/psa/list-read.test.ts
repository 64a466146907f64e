import { checkListRead, ListReadError, planPageReads } from '../../../core/psa/list-read';

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

describe('planPageReads: every page of a list, from its first page', () => {
	const PLAN = {
		read: 'Halo: Read Licences',
		listField: 'licences',
		countField: 'record_count',
		pageSize: 100,
		maxPages: 10000,
	};
	const pageNumbers = (plan: ReturnType<typeof planPageReads>) =>
		plan.pages.map((read) => read.page_no);

	it('plans ceil(record_count / page size) pages at the size asked, the first included', () => {
		const plan = planPageReads(page(ids(1, 100), 250), PLAN);
		expect(plan).toMatchObject({ recordCount: 250, pageSize: 100 });
		expect(plan.pages).toEqual([
			{ page_no: 1, page_size: 100 },
			{ page_no: 2, page_size: 100 },
			{ page_no: 3, page_size: 100 },
		]);
	});

	it('a list that fits one page, and an empty list, are one page read', () => {
		expect(pageNumbers(planPageReads(page(ids(1, 41), 41), PLAN))).toEqual([1]);
		expect(pageNumbers(planPageReads(page([], 0), PLAN))).toEqual([1]);
	});

	it('a first page shorter than asked while record_count says more is a cap: pages of its length', () => {
		const plan = planPageReads(page(ids(1, 7), 41), PLAN);
		expect(plan.pageSize).toBe(7);
		expect(pageNumbers(plan)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(plan.pages.every((read) => read.page_size === 7)).toBe(true);
	});

	it('an empty first page while record_count says more keeps the size asked (the check then fails it)', () => {
		const plan = planPageReads(page([], 250), PLAN);
		expect(plan).toMatchObject({ pageSize: 100 });
		expect(pageNumbers(plan)).toEqual([1, 2, 3]);
	});

	it('refuses what is not a list answer, and a record_count beyond the page limit', () => {
		expect(() => planPageReads({ error: 'down' }, PLAN)).toThrow(/first page is not a list answer/);
		expect(() => planPageReads(page(ids(1, 100), 5_000_000), PLAN)).toThrow(
			/50000 pages of 100, more than the 10000/,
		);
	});

	it('pages read from a plan whose count changed since the first page are refused', () => {
		const pages = pagesOf(40, 100).slice(0, 1);
		expect(problemOf(pages, { plannedCount: 41 } as Partial<typeof SETTINGS>)).toMatchObject({
			problem: 'countChanged',
			message: expect.stringMatching(/was 41 on the first page the read was planned from, but 40/),
		});
		expect(problemOf(pages, { plannedCount: 0 } as Partial<typeof SETTINGS>)?.message).toMatch(
			/wrongly empty/,
		);
		expect(problemOf(pages, { plannedCount: 40 } as Partial<typeof SETTINGS>)).toBeNull();
	});
});
