/**
 * Redis and Postgres from Debian's packages (installed by
 * scripts/install-queue-services.sh when missing), each run in the foreground
 * in its own process group on 127.0.0.1, a free port and a throw-away data directory.
 */
import { execFileSync } from 'node:child_process';
import { chownSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { findFreePort } from '../../../harness/real-n8n/home';
import { REPO_ROOT } from '../../../harness/real-n8n/install';
import {
	assertSucceeded,
	runProcess,
	startProcessGroup,
	type GroupProcess,
	type Log,
} from '../../../harness/real-n8n/process';
import { waitFor } from './wait';

const INSTALL_SCRIPT = path.join(REPO_ROOT, 'scripts', 'install-queue-services.sh');
/** apt-get update and install of both packages: about 20-60 s here. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const START_TIMEOUT_MS = 60_000;
/** Postgres refuses to run as root; Debian's package makes this user. */
const POSTGRES_OS_USER = 'postgres';
export const POSTGRES_DATABASE = 'n8n';
const POSTGRES_ROLE = 'n8n';

export interface QueueServiceBinaries {
	redisServer: string;
	postgresBin: string;
}

export async function ensureQueueServices(log: Log): Promise<QueueServiceBinaries> {
	const result = await runProcess('bash', [INSTALL_SCRIPT], {
		label: 'scripts/install-queue-services.sh',
		timeoutMs: INSTALL_TIMEOUT_MS,
		onStderrLine: (line) => line.trim() && log(line),
	});
	assertSucceeded(result, 'scripts/install-queue-services.sh');
	const [redisServer, postgresBin] = result.stdout.trim().split('\n');
	return { redisServer, postgresBin };
}

export interface RunningService {
	port: number;
	process: GroupProcess;
	stop(): Promise<void>;
}

/** Answers whether a Redis on `port` replies PONG to PING. */
function redisPongs(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2_000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}

export async function startRedis(binaries: QueueServiceBinaries): Promise<RunningService> {
	const port = await findFreePort();
	const dir = await mkdtemp(path.join(os.tmpdir(), 'westcoast-redis-'));
	// No persistence: the queue lives only as long as the test environment.
	const redis = startProcessGroup(
		binaries.redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ cwd: dir },
	);
	const stop = async () => {
		await redis.stop();
		await rm(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(`Redis on 127.0.0.1:${port}`, () => redisPongs(port), {
			timeoutMs: START_TIMEOUT_MS,
			process: redis,
		});
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, process: redis, stop };
}

export interface RunningPostgres extends RunningService {
	/** Runs SQL with psql and answers the rows, columns split by tabs. */
	query(sql: string): Promise<string[][]>;
	env: NodeJS.ProcessEnv;
}

const asRoot = () => process.getuid?.() === 0;

/** As root, Postgres's tools run as the `postgres` user (runuser); otherwise as ourselves. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	return asRoot() ? ['runuser', ['-u', POSTGRES_OS_USER, '--', command, ...args]] : [command, args];
}

export async function startPostgres(
	binaries: QueueServiceBinaries,
	log: Log,
): Promise<RunningPostgres> {
	const bin = (name: string) => path.join(binaries.postgresBin, name);
	const port = await findFreePort();
	const dir = await mkdtemp(path.join(os.tmpdir(), 'westcoast-postgres-'));
	const dataDir = path.join(dir, 'data');
	if (asRoot()) {
		const uid = Number(execFileSync('id', ['-u', POSTGRES_OS_USER]).toString());
		const gid = Number(execFileSync('id', ['-g', POSTGRES_OS_USER]).toString());
		chownSync(dir, uid, gid);
	}
	const [initCommand, initArgs] = asPostgresUser(bin('initdb'), [
		'-D',
		dataDir,
		'--auth=trust',
		`--username=${POSTGRES_ROLE}`,
		'--encoding=UTF8',
		'--no-sync',
	]);
	const init = await runProcess(initCommand, initArgs, {
		label: 'initdb',
		timeoutMs: START_TIMEOUT_MS,
	});
	assertSucceeded(init, 'initdb');

	// Throw-away data: durability settings off, as for any test database.
	const [command, args] = asPostgresUser(bin('postgres'), [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dir}`,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const postgres = startProcessGroup(command, args, { cwd: dir });
	const stop = async () => {
		await postgres.stop();
		await rm(dir, { recursive: true, force: true });
	};
	const psql = (database: string, sql: string) =>
		runProcess(
			bin('psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				POSTGRES_ROLE,
				'-d',
				database,
				'-XAt',
				'-F',
				'\t',
				'-c',
				sql,
			],
			{ label: 'psql', timeoutMs: 30_000 },
		);
	try {
		await waitFor(
			`Postgres on 127.0.0.1:${port}`,
			async () => (await psql('postgres', 'select 1')).exitCode === 0,
			{ timeoutMs: START_TIMEOUT_MS, process: postgres },
		);
		assertSucceeded(
			await psql('postgres', `create database ${POSTGRES_DATABASE}`),
			'create database',
		);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`Postgres on 127.0.0.1:${port} (data in ${dataDir})`);
	return {
		port,
		process: postgres,
		stop,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
			DB_POSTGRESDB_USER: POSTGRES_ROLE,
			// Trust authentication on a throw-away cluster; n8n still wants a value.
			DB_POSTGRESDB_PASSWORD: 'unused',
		},
		query: async (sql) => {
			const result = await psql(POSTGRES_DATABASE, sql);
			assertSucceeded(result, `psql: ${sql}`);
			return result.stdout
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t'));
		},
	};
}
