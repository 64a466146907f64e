/** What clients asked of the sandbox: sizes and statuses only, never tokens or secrets. */

export interface HaloRequestLogEntry {
	method: string;
	/** Path and query string (neither carries a credential). */
	path: string;
	status: number;
	/** Bytes of the request body. */
	bodySize: number;
}

/** `/api/Client/12` counts as `/api/Client/{id}`. */
const routeOf = (pathname: string) => pathname.replace(/^(\/api\/[^/]+)\/[^/]+\/?$/, '$1/{id}');

export class RequestLog {
	private entries: HaloRequestLogEntry[] = [];
	private counts: Record<string, number> = {};

	record(method: string, url: URL, status: number, bodySize: number): void {
		this.entries.push({ method, path: url.pathname + url.search, status, bodySize });
		const route = `${method} ${routeOf(url.pathname)}`;
		this.counts[route] = (this.counts[route] ?? 0) + 1;
	}

	list(): HaloRequestLogEntry[] {
		return structuredClone(this.entries);
	}

	/** Requests per route, e.g. `{ "POST /auth/token": 1, "GET /api/Client": 3 }`. */
	countsByRoute(): Record<string, number> {
		return { ...this.counts };
	}

	clear(): void {
		this.entries = [];
		this.counts = {};
	}
}
