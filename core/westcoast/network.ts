/** Reading the connection-level failure out of whatever error an HTTP helper threw. */

const UNREACHABLE_CODES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name does not resolve',
	EAI_AGAIN: 'the host name could not be looked up',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the request timed out',
	ECONNRESET: 'the connection was dropped',
	EPIPE: 'the connection was dropped',
	ERR_SOCKET_CONNECTION_TIMEOUT: 'the connection timed out',
};

/** The network error code (ECONNREFUSED ...) on an error or any error it wraps. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const candidate = current as {
			code?: unknown;
			cause?: unknown;
			message?: unknown;
		};
		if (typeof candidate.code === 'string' && /^E[A-Z_]+$/.test(candidate.code))
			return candidate.code;
		if (typeof candidate.message === 'string') {
			const inMessage =
				/\b(E(?:CONN\w+|NOTFOUND|AI_AGAIN|HOSTUNREACH|NETUNREACH|TIMEDOUT|PIPE))\b/.exec(
					candidate.message,
				);
			if (inMessage) return inMessage[1];
			if (/socket hang up/i.test(candidate.message)) return 'ECONNRESET';
			if (/timeout of \d+ms exceeded/i.test(candidate.message)) return 'ECONNABORTED';
		}
		current = candidate.cause;
	}
	return undefined;
}

/** Plain words for a network error code, or null when it is not a connection failure. */
export function describeNetworkError(error: unknown): string | null {
	const code = networkErrorCode(error);
	if (!code) return null;
	return UNREACHABLE_CODES[code] ?? `the connection failed (${code})`;
}
