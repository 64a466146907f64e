import type { HaloResponse } from './records';

/** A request the sandbox refuses; becomes `{ error, ...details }` with its status. */
export class HaloApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly details: Record<string, unknown> = {},
	) {
		super(message);
	}

	toResponse(): HaloResponse {
		return { status: this.status, body: { error: this.message, ...this.details } };
	}
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
	new HaloApiError(400, message, details);
