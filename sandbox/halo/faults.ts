/** Failures a test switches on so that Halo looks down (resource calls only, not `/auth/token`). */
import { badRequest } from './errors';
import type { HaloResponse } from './records';

export interface HaloFaults {
	/** The next `count` resource calls answer `status` (default 503). */
	unavailable?: { count: number; status?: number };
}

export const DEFAULT_UNAVAILABLE_STATUS = 503;

export class FaultInjector {
	private unavailable?: { count: number; status: number };

	set(faults: HaloFaults): void {
		const { count, status = DEFAULT_UNAVAILABLE_STATUS } = faults.unavailable ?? { count: 0 };
		if (!Number.isInteger(count) || count < 0)
			throw badRequest('unavailable.count must be an integer >= 0');
		if (!Number.isInteger(status) || status < 400 || status > 599) {
			throw badRequest('unavailable.status must be an HTTP error status (400-599)');
		}
		this.unavailable = count > 0 ? { count, status } : undefined;
	}

	current(): HaloFaults {
		return this.unavailable ? { unavailable: { ...this.unavailable } } : {};
	}

	/** The injected failure for this call, if one is pending. */
	take(): HaloResponse | undefined {
		const unavailable = this.unavailable;
		if (!unavailable) return undefined;
		if (--unavailable.count === 0) this.unavailable = undefined;
		return { status: unavailable.status, body: { error: 'Halo is unavailable (sandbox fault)' } };
	}
}
