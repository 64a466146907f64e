/** List query parameters as Halo reads them, and its paging. */
import { badRequest } from './errors';
import type { ListShape } from './faults';

/**
 * GUESS: Halo's page size when `pageinate=true` comes without `page_size`
 * (not in the API document).
 */
export const DEFAULT_PAGE_SIZE = 50;

const PAGING_PARAMETERS = ['pageinate', 'page_no', 'page_size', 'count'];

export class ListQuery {
	constructor(private readonly params: URLSearchParams) {}

	text(name: string): string | undefined {
		const value = this.params.get(name);
		return value === null || value === '' ? undefined : value;
	}

	/** .NET reads `true`/`false` in any case; `1` is accepted too. */
	flag(name: string): boolean {
		const value = this.text(name)?.toLowerCase();
		return value === 'true' || value === '1';
	}

	integer(name: string, min = 0): number | undefined {
		const value = this.text(name);
		if (value === undefined) return undefined;
		const number = Number(value);
		if (!Number.isInteger(number) || number < min) {
			throw badRequest(`query parameter ${name} must be an integer >= ${min}`, {
				parameter: name,
				value,
			});
		}
		return number;
	}

	/** The query without its paging: the pages of one read share it. */
	filterKey(): string {
		const filters = new URLSearchParams(this.params);
		for (const paging of PAGING_PARAMETERS) filters.delete(paging);
		filters.sort();
		return filters.toString();
	}

	/** Case-insensitive "contains", as Halo's `search`. */
	matchesSearch(...texts: unknown[]): boolean {
		const search = this.text('search')?.toLowerCase();
		return (
			search === undefined ||
			texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(search))
		);
	}

	/** True when the parameter is absent or equals the value. */
	matchesInteger(name: string, value: unknown): boolean {
		const wanted = this.integer(name);
		return wanted === undefined || wanted === value;
	}
}

/** The page a paged read asks for (1 when not paged). */
export const pageNumber = (query: ListQuery): number =>
	query.flag('pageinate') ? (query.integer('page_no', 1) ?? 1) : 1;

/**
 * `{ record_count, <plural>: [...] }`: record_count counts every match, not just this page.
 * `shape` bends paged answers as a sandbox fault asks (sandbox/halo/faults.ts). Only the
 * rows answered go through `view`, so a page costs its own rows.
 */
export function listAnswer<Row>(
	plural: string,
	matches: Row[],
	query: ListQuery,
	shape: ListShape = {},
	view: (row: Row) => unknown = (row) => row,
) {
	if (shape.empty) return { record_count: 0, [plural]: [] };
	let rows = matches;
	if (query.flag('pageinate')) {
		const asked = query.integer('page_size', 1) ?? DEFAULT_PAGE_SIZE;
		const size = shape.cap === undefined ? asked : Math.min(asked, Math.max(shape.cap, 1));
		const page = pageNumber(query);
		rows = matches.slice((page - 1) * size, page * size);
		if (shape.keep !== undefined) rows = rows.slice(0, shape.keep);
	} else {
		const count = query.integer('count', 1);
		if (count !== undefined) rows = matches.slice(0, count);
	}
	return { record_count: matches.length, [plural]: rows.map(view) };
}
