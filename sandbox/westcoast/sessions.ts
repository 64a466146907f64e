import { randomUUID } from 'node:crypto';
import type { UserKind } from './users';

export const DEFAULT_SESSION_TTL_MS = 20 * 60_000;

interface Session {
	user: UserKind;
	resellerAdmin: boolean;
	expiresAt: number;
}

export type SessionLookup =
	| { kind: 'valid'; user: UserKind; resellerAdmin: boolean }
	| { kind: 'expired' };

/** Session tokens (random, never seeded: they are secrets) with a sliding expiry. */
export class SessionStore {
	private readonly sessions = new Map<string, Session>();

	constructor(
		private readonly ttlMs: number,
		private readonly now: () => number = Date.now,
	) {}

	open(user: UserKind, resellerAdmin: boolean): string {
		const token = randomUUID();
		this.sessions.set(token, { user, resellerAdmin, expiresAt: this.now() + this.ttlMs });
		return token;
	}

	/** An unknown token reads as expired: the platform cannot tell the two apart either. */
	use(token: string): SessionLookup {
		const session = this.sessions.get(token);
		if (!session || session.expiresAt <= this.now()) {
			this.sessions.delete(token);
			return { kind: 'expired' };
		}
		session.expiresAt = this.now() + this.ttlMs;
		return { kind: 'valid', user: session.user, resellerAdmin: session.resellerAdmin };
	}

	invalidate(token: string): void {
		this.sessions.delete(token);
	}

	expireAll(): void {
		this.sessions.clear();
	}

	activeCount(): number {
		const now = this.now();
		let count = 0;
		for (const [token, session] of this.sessions) {
			if (session.expiresAt > now) count++;
			else this.sessions.delete(token);
		}
		return count;
	}
}
