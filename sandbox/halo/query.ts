/** List query parameters as Halo reads them, and its paging. */
import { badRequest } from './errors';

/**
 * GUESS: Halo's page size when `pageinate=true` comes without `page_size`
 * (not in the API document).
 */
export const DEFAULT_PAGE_SIZE = 50;

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

/** `{ record_count, <plural>: [...] }`: record_count counts every match, not just this page. */
export function listAnswer(plural: string, matches: unknown[], query: ListQuery) {
	let rows = matches;
	if (query.flag('pageinate')) {
		const size = query.integer('page_size', 1) ?? DEFAULT_PAGE_SIZE;
		const page = query.integer('page_no', 1) ?? 1;
		rows = matches.slice((page - 1) * size, page * size);
	} else {
		const count = query.integer('count', 1);
		if (count !== undefined) rows = matches.slice(0, count);
	}
	return { record_count: matches.length, [plural]: rows };
}
