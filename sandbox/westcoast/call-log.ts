/** What the sandbox remembers of API traffic: call names and outcomes only, never bodies, passwords or tokens. */

export interface CallLogEntry {
	call: string;
	/** null when the connection was dropped without an answer. */
	status: number | null;
	at: string;
	/** The injected fault that answered, if any. */
	fault?: string;
}

const MAX_ENTRIES = 1000;

export class CallLog {
	private entries: CallLogEntry[] = [];
	private counters: Record<string, number> = {};

	record(call: string, status: number | null, fault?: string): void {
		this.counters[call] = (this.counters[call] ?? 0) + 1;
		this.entries.push({ call, status, at: new Date().toISOString(), ...(fault ? { fault } : {}) });
		if (this.entries.length > MAX_ENTRIES)
			this.entries.splice(0, this.entries.length - MAX_ENTRIES);
	}

	counts(): Record<string, number> {
		return { ...this.counters };
	}

	recent(): CallLogEntry[] {
		return this.entries.map((entry) => ({ ...entry }));
	}

	clear(): void {
		this.entries = [];
		this.counters = {};
	}
}
