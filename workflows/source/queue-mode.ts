/**
 * What differs in the queue-mode variants of the shipped workflows
 * (workflows/queue-mode/*.json): n8n's queue mode runs each execution on one
 * of several workers, each its own process, and a worker starts every
 * production run with empty workflow static data. So the writes lock and
 * Licence Sync's guard memory live in Postgres (the database queue mode
 * already runs on), reached with n8n's own Postgres node.
 */
import type { Port } from '../../core/node-io';
import { DEFAULT_HOLD_MINUTES, DEFAULT_LOCK_NAME, DEFAULT_WAIT_MINUTES } from '../../core/run-lock';
import { ifAllTrue, stickyNote, stopWithError } from './base-nodes';
import { stableId, type NodeSpec, type Position, type WorkflowGraph } from './graph';
import { byName, LICENCE_OUTPUT, runLock } from './package-nodes';

/** single-process: n8n's regular mode (one process, SQLite or Postgres); queue-mode: main + workers. */
export type WorkflowVariant = 'single-process' | 'queue-mode';

/** Folder of the queue-mode files, under workflows/. */
export const QUEUE_MODE_DIR = 'queue-mode';

/** n8n's Postgres credential, pointing at a database that holds the lock and the guard memory. */
export const POSTGRES_CREDENTIAL = {
	type: 'postgres',
	id: 'westcoast-postgres',
	name: 'Postgres (lock and guard memory)',
} as const;

export const LOCK_TABLE = 'westcoast_halo_lock';
export const GUARD_MEMORY_TABLE = 'westcoast_guard_memory';

const QUEUE_MODE_NOTE = `## Queue mode
This is the queue-mode variant (n8n main + workers): the writes lock and Licence Sync's memory live in Postgres, because each worker is its own process and starts every run with empty workflow static data.
**${POSTGRES_CREDENTIAL.name}** (Postgres): any database every worker reaches (n8n's own will do). Its user creates the tables \`${LOCK_TABLE}\` and \`${GUARD_MEMORY_TABLE}\` on the first run, then reads and writes them.
A run that finds the lock held waits (up to ${DEFAULT_WAIT_MINUTES} minutes); a run that failed holding it blocks the others until its ${DEFAULT_HOLD_MINUTES} minutes are up.`;

/** How often a run that finds the lock held asks again (under 65 s, n8n's Wait node waits in the worker). */
export const LOCK_POLL_SECONDS = 5;

export const QUEUE_NODE = {
	lockTables: 'Postgres: Lock Tables',
	/** The lock itself, named as the Run Lock node of the single-process files. */
	takeLock: 'Lock Halo Writes',
	lockTaken: 'Lock Taken?',
	keepWaiting: 'Keep Waiting for Lock?',
	waitForLock: 'Wait for Lock',
	lockNotFree: 'Lock Not Free',
	readGuardMemory: 'Postgres: Read Guard Memory',
	storeGuardMemory: 'Postgres: Store Guard Memory',
} as const;

export const postgresQuery = (
	name: string,
	position: Position,
	query: string,
	parameters?: string,
	extra: Pick<NodeSpec, 'alwaysOutputData'> = {},
): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.postgres',
	typeVersion: 2.6,
	position,
	parameters: {
		operation: 'executeQuery',
		query,
		// Query parameters ($1, $2, ...): never SQL built from item data.
		options: parameters === undefined ? {} : { queryReplacement: parameters },
	},
	credentials: byName(POSTGRES_CREDENTIAL),
	executeOnce: true,
	...extra,
});

/**
 * Both tables, created on first use. Concurrent CREATE TABLE IF NOT EXISTS
 * can fail in Postgres (a race on its catalogue), so one run creates them at a
 * time: the statements run as one transaction, behind an advisory lock.
 */
const LOCK_TABLES_SQL = `SELECT pg_advisory_xact_lock(hashtext('${LOCK_TABLE}'));
CREATE TABLE IF NOT EXISTS ${LOCK_TABLE} (name text PRIMARY KEY, holder text NOT NULL, expires_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS ${GUARD_MEMORY_TABLE} (workflow text NOT NULL, node text NOT NULL, memory jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (workflow, node));`;

/**
 * One atomic statement: the lock is taken when no row holds it or its holder's
 * time is up. taken_by is this execution's id when it was taken; held_by and
 * held_until say who holds it otherwise (the table as it was before).
 */
const TAKE_LOCK_SQL = `WITH taken AS (
	INSERT INTO ${LOCK_TABLE} (name, holder, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3::int))
	ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
	WHERE ${LOCK_TABLE}.expires_at < now()
	RETURNING holder
)
SELECT (SELECT holder FROM taken) AS taken_by,
	(SELECT holder FROM ${LOCK_TABLE} WHERE name = $1) AS held_by,
	(SELECT expires_at FROM ${LOCK_TABLE} WHERE name = $1) AS held_until;`;

/** The Take Lock node's query parameters: lock name, this execution, hold minutes. */
export const takeLockParameters = (holdMinutes: number) =>
	`={{ [${JSON.stringify(DEFAULT_LOCK_NAME)}, $execution.id, ${holdMinutes}] }}`;

const RELEASE_LOCK_SQL = `DELETE FROM ${LOCK_TABLE} WHERE name = $1 AND holder = $2;`;
/** Extends this execution's lock to `minutes` (an expression) from now: [query, parameters]. */
export const holdLockParameters = (minutes: string): [string, string] => [
	`UPDATE ${LOCK_TABLE} SET expires_at = now() + make_interval(mins => $3::int) WHERE name = $1 AND holder = $2;`,
	`={{ [${JSON.stringify(DEFAULT_LOCK_NAME)}, $execution.id, ${minutes}] }}`,
];
const releaseParameters = `={{ [${JSON.stringify(DEFAULT_LOCK_NAME)}, $execution.id] }}`;

/**
 * Takes the writes lock between `from` and `to`: the Run Lock node in a
 * single process; in queue mode the Postgres lock, asking again every
 * LOCK_POLL_SECONDS until the Run Lock node's wait is up, then failing the run
 * before any read or write. With `guardMemory`, the queue-mode variant then
 * reads Licence Sync's memory (under the lock, so no other run changes it
 * meanwhile).
 */
export function addWritesLock(
	graph: WorkflowGraph,
	variant: WorkflowVariant,
	[x, y]: Position,
	[from, to]: [string, string],
	{ guardMemory }: { guardMemory: boolean },
): void {
	if (variant === 'single-process') {
		const lock = graph.add(runLock(QUEUE_NODE.takeLock, [x, y], 'acquire'));
		graph.connect(from, lock);
		graph.connect(lock, to);
		return;
	}
	graph.add(
		stickyNote(
			'Note: Queue Mode',
			[x + 200, y - 720],
			{ width: 1120, height: 300 },
			QUEUE_MODE_NOTE,
		),
	);
	const tables = graph.add(postgresQuery(QUEUE_NODE.lockTables, [x, y - 200], LOCK_TABLES_SQL));
	const take = graph.add(
		postgresQuery(
			QUEUE_NODE.takeLock,
			[x + 220, y - 200],
			TAKE_LOCK_SQL,
			takeLockParameters(DEFAULT_HOLD_MINUTES),
		),
	);
	const taken = graph.add(
		ifAllTrue(
			QUEUE_NODE.lockTaken,
			[x + 440, y - 200],
			['String($json.taken_by) === String($execution.id)'],
		),
	);
	const tries = Math.ceil((DEFAULT_WAIT_MINUTES * 60) / LOCK_POLL_SECONDS);
	const keepWaiting = graph.add(
		ifAllTrue(QUEUE_NODE.keepWaiting, [x + 660, y - 40], [`$runIndex < ${tries}`]),
	);
	const wait = graph.add({
		name: QUEUE_NODE.waitForLock,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [x + 880, y - 40],
		parameters: { amount: LOCK_POLL_SECONDS, unit: 'seconds' },
		webhookId: stableId(`${graph.id}/${QUEUE_NODE.waitForLock}`),
	});
	const notFree = graph.add(
		stopWithError(
			QUEUE_NODE.lockNotFree,
			[x + 880, y + 120],
			`=Lock "${DEFAULT_LOCK_NAME}" is still held by execution {{ $json.held_by }} (until {{ $json.held_until }}) after waiting ${DEFAULT_WAIT_MINUTES} minutes: another run is reading and writing. Nothing was read or written; run again later.`,
		),
	);
	graph.connect(from, tables);
	graph.connect(tables, take);
	graph.connect(take, taken);
	graph.connect(taken, keepWaiting, 1);
	graph.connect(keepWaiting, wait, 0);
	graph.connect(keepWaiting, notFree, 1);
	graph.connect(wait, take);
	if (!guardMemory) {
		graph.connect(taken, to, 0);
		return;
	}
	const read = graph.add(
		postgresQuery(
			QUEUE_NODE.readGuardMemory,
			[x + 660, y - 360],
			`SELECT memory FROM ${GUARD_MEMORY_TABLE} WHERE workflow = $1 AND node = $2;`,
			`={{ [$workflow.id, ${JSON.stringify(GUARDED_NODE)}] }}`,
			// No row before the first run: an empty item, so that the run goes on.
			{ alwaysOutputData: true },
		),
	);
	graph.connect(taken, read, 0);
	graph.connect(read, to);
}

/** Gives the writes lock back (nothing happens when this run does not hold it). */
export const writesUnlock = (variant: WorkflowVariant, name: string, position: Position) =>
	variant === 'single-process'
		? runLock(name, position, 'release')
		: postgresQuery(name, position, RELEASE_LOCK_SQL, releaseParameters);

/** On an Error Trigger's path: gives back the lock of the failed run (`$json.execution.id`) at once. */
export const failedRunUnlock = (variant: WorkflowVariant, name: string, position: Position) =>
	variant === 'single-process'
		? runLock(name, position, 'release', FAILED_RUN)
		: postgresQuery(
				name,
				position,
				RELEASE_LOCK_SQL,
				`={{ [${JSON.stringify(DEFAULT_LOCK_NAME)}, $json.execution.id] }}`,
			);

const FAILED_RUN = '={{ $json.execution.id }}';

/** The Licence Sync node whose memory the queue-mode variants keep (one per workflow). */
const GUARDED_NODE = 'Licence Sync';

/** Licence Sync as the variant needs it: in queue mode its memory comes from Postgres. */
export function withGuardMemory(variant: WorkflowVariant, licenceSync: NodeSpec): NodeSpec {
	if (variant === 'single-process') return licenceSync;
	if (licenceSync.name !== GUARDED_NODE)
		throw new Error(`The guard memory is kept for "${GUARDED_NODE}", not "${licenceSync.name}"`);
	return {
		...licenceSync,
		parameters: {
			...licenceSync.parameters,
			guardMemory: 'expression',
			guardMemoryJson: `={{ $('${QUEUE_NODE.readGuardMemory}').first().json.memory ?? {} }}`,
		},
	};
}

/**
 * Where Licence Sync's Summary goes on from: itself in a single process; in
 * queue mode through a node that stores the Summary's guardMemory (none for a
 * manual run). Placed above the writes and Confirm Deleted (the topmost of
 * the write branches), so that n8n (execution order v1: the topmost branch
 * first) stores it before any licence is written, as n8n keeps
 * static data even when a write fails.
 */
export function addGuardMemoryStore(
	graph: WorkflowGraph,
	variant: WorkflowVariant,
	licenceSync: string,
	[x, y]: Position,
): { node: string; output: Port | number } {
	if (variant === 'single-process') return { node: licenceSync, output: LICENCE_OUTPUT.summary };
	const store = graph.add(
		postgresQuery(
			QUEUE_NODE.storeGuardMemory,
			[x + 220, y - 1000],
			`INSERT INTO ${GUARD_MEMORY_TABLE} (workflow, node, memory, updated_at)
SELECT $1, $2, $3::jsonb, now() WHERE $3::jsonb IS NOT NULL
ON CONFLICT (workflow, node) DO UPDATE SET memory = EXCLUDED.memory, updated_at = now();`,
			`={{ [$workflow.id, ${JSON.stringify(GUARDED_NODE)}, $json.guardMemory ?? null] }}`,
		),
	);
	graph.connect(licenceSync, store, LICENCE_OUTPUT.summary);
	return { node: store, output: 0 };
}
