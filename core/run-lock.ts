/**
 * Named locks with an expiry, for runs of one n8n process that must not write
 * at the same time. Pure: the caller gives the time; the Run Lock node keeps
 * one table per process.
 */
/** The Run Lock node's defaults, and the queue-mode lock's in the shipped workflows. */
export const DEFAULT_LOCK_NAME = 'westcoast-halo-writes';
/** After this long a lock counts as free: a run that failed before releasing it blocks others only this long. */
export const DEFAULT_HOLD_MINUTES = 15;
/** How long a run waits for another to release the lock before it fails. */
export const DEFAULT_WAIT_MINUTES = 20;

export interface LockHolder {
	owner: string;
	/** Epoch ms after which the lock counts as free (its holder may have failed). */
	until: number;
}

export class RunLocks {
	private readonly held = new Map<string, LockHolder>();

	/** The live holder of `name`, if any. */
	holder(name: string, now: number): LockHolder | undefined {
		const holder = this.held.get(name);
		return holder && holder.until > now ? holder : undefined;
	}

	/** Takes `name` for `owner` until now + holdMs, unless another owner holds it; re-taking extends it. */
	tryAcquire(name: string, owner: string, now: number, holdMs: number): boolean {
		const holder = this.holder(name, now);
		if (holder && holder.owner !== owner) return false;
		this.held.set(name, { owner, until: now + holdMs });
		return true;
	}

	/** Frees `name` if `owner` holds it; answers whether it did. */
	release(name: string, owner: string): boolean {
		if (this.held.get(name)?.owner !== owner) return false;
		this.held.delete(name);
		return true;
	}
}
