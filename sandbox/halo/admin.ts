/** `/__admin/*` (no auth): what tests and demos use to look inside and steer the sandbox. */
import { isPlainObject } from './checks';
import { badRequest, HaloApiError } from './errors';
import type { HaloFaults } from './faults';
import type { HaloRequestLogEntry } from './log';
import type { HaloResponse, HaloTables } from './records';

export interface HaloState extends HaloTables {
	/** Requests per route, e.g. `{ "GET /api/Client": 3 }`. */
	requestCounts: Record<string, number>;
}

/** In-process twin of the admin HTTP API. */
export interface HaloAdmin {
	state(): HaloState;
	/** Back to seed data (a new seed number if given); clears the log and faults, keeps tokens. Answers the seed. */
	reset(seed?: number): number;
	requests(): HaloRequestLogEntry[];
	faults(): HaloFaults;
	setFaults(faults: HaloFaults): void;
	clearFaults(): void;
	/** Ends every issued token; answers how many were still live. */
	expireTokens(): number;
}

const ok = (body: unknown): HaloResponse => ({ status: 200, body });

function parseObject(body: string): Record<string, unknown> {
	if (body.trim() === '') return {};
	try {
		const value: unknown = JSON.parse(body);
		if (isPlainObject(value)) return value;
	} catch {
		// answered below
	}
	throw badRequest('the body must be a JSON object');
}

/** `path` is the part after `/__admin`. */
export function handleAdmin(
	admin: HaloAdmin,
	method: string,
	path: string,
	body: string,
): HaloResponse {
	try {
		switch (`${method} ${path}`) {
			case 'GET /state':
				return ok(admin.state());
			case 'POST /reset': {
				const { seed } = parseObject(body);
				if (seed !== undefined && !Number.isInteger(seed))
					throw badRequest('seed must be an integer');
				return ok({ seed: admin.reset(seed as number | undefined) });
			}
			case 'GET /requests':
				return ok(admin.requests());
			case 'GET /faults':
				return ok(admin.faults());
			case 'POST /faults':
				admin.setFaults(parseObject(body) as HaloFaults);
				return ok(admin.faults());
			case 'DELETE /faults':
				admin.clearFaults();
				return ok(admin.faults());
			case 'POST /tokens/expire':
				return ok({ expired: admin.expireTokens() });
			default:
				throw new HaloApiError(404, `no admin route ${method} ${path}`);
		}
	} catch (error) {
		if (error instanceof HaloApiError) return error.toResponse();
		throw error;
	}
}
