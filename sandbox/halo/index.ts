/**
 * A local stand-in for a HaloPSA instance: OAuth 2 client credentials at
 * `/auth/token`, the Client/Site/SoftwareLicence/ExternalLink/TopLevel parts of
 * Halo's API under `/api`, and `/__admin` to inspect and steer it.
 */
import type http from 'node:http';
import { ADMIN_PREFIX, listen, readBody, sendJson } from '../server';
import { handleAdmin, type HaloAdmin } from './admin';
import { TokenIssuer } from './auth';
import { FaultInjector } from './faults';
import { RequestLog } from './log';
import type { HaloResponse, HaloSeed } from './records';
import { handleApi } from './routes';
import { buildDefaultHaloSeed } from './seed';
import { DEFAULT_HALO_SEED } from './seed-data';
import { HaloStore } from './store';

export type { HaloAdmin, HaloState } from './admin';
export type { HaloFaults } from './faults';
export type { HaloRequestLogEntry } from './log';
export type * from './records';
export { LINK_TABLE, FIRST_IDS } from './store';
export { DEFAULT_PAGE_SIZE } from './query';
export * from './seed';
export * from './seed-data';
export * from './near-miss';

export const TOKEN_PATH = '/auth/token';

export interface HaloSandboxOptions {
	/** 0 (default): a free port. */
	port?: number;
	seed?: number;
	/** Refuse body fields Halo's schema lacks (default true). */
	strict?: boolean;
	tokenTtlSeconds?: number;
	clientId?: string;
	clientSecret?: string;
	/** Data to start from; a function is called again with the new seed on reset. Default: buildDefaultHaloSeed. */
	seedData?: HaloSeed | ((seed: number) => HaloSeed);
}

export interface HaloSandbox {
	/** Resource server base: the API is `${url}/api`. */
	url: string;
	/** Authorisation server: `${url}/auth`. */
	authUrl: string;
	/** `${url}/auth/token` */
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	port: number;
	close(): Promise<void>;
	state: HaloAdmin['state'];
	admin: HaloAdmin;
}

export async function startHaloSandbox(options: HaloSandboxOptions = {}): Promise<HaloSandbox> {
	const {
		port = 0,
		strict = true,
		tokenTtlSeconds = 3600,
		clientId = 'halo-sandbox-client',
		clientSecret = 'halo-sandbox-secret',
		seedData = buildDefaultHaloSeed,
	} = options;
	let seed = options.seed ?? DEFAULT_HALO_SEED;
	const seedFor = (number: number) =>
		typeof seedData === 'function' ? seedData(number) : seedData;

	const store = new HaloStore();
	store.load(seedFor(seed));
	const tokens = new TokenIssuer({ clientId, clientSecret }, tokenTtlSeconds);
	const log = new RequestLog();
	const faults = new FaultInjector();

	const admin: HaloAdmin = {
		state: () => ({ ...store.tablesCopy(), requestCounts: log.countsByRoute() }),
		reset: (newSeed) => {
			seed = newSeed ?? seed;
			store.load(seedFor(seed));
			log.clear();
			faults.set({});
			return seed;
		},
		requests: () => log.list(),
		faults: () => faults.current(),
		setFaults: (value) => faults.set(value),
		clearFaults: () => faults.set({}),
		expireTokens: () => tokens.expireAll(),
	};

	const answer = (
		method: string,
		url: URL,
		headers: http.IncomingHttpHeaders,
		body: string,
	): HaloResponse => {
		if (url.pathname === TOKEN_PATH) {
			return method === 'POST'
				? tokens.issue(headers, body)
				: { status: 405, body: { error: 'use POST' }, headers: { Allow: 'POST' } };
		}
		if (!url.pathname.startsWith('/api/'))
			return { status: 404, body: { error: `no such path: ${url.pathname}` } };
		const entity = url.pathname.split('/')[2] ?? '';
		const refused =
			faults.take(method, entity) ??
			tokens.refuse(headers.authorization) ??
			(method === 'POST' ? faults.takeWrite(entity) : undefined);
		if (refused) return refused;
		const response = handleApi(store, faults, strict, method, url, body);
		if (method === 'POST' && response.status < 300 && faults.wrote(entity)) tokens.expireAll();
		return response;
	};

	const server = await listen(async (req, res) => {
		const method = req.method ?? 'GET';
		const url = new URL(req.url ?? '/', 'http://sandbox');
		try {
			const body = await readBody(req);
			if (url.pathname.startsWith(`${ADMIN_PREFIX}/`)) {
				const response = handleAdmin(admin, method, url.pathname.slice(ADMIN_PREFIX.length), body);
				return sendJson(res, response.status, response.body, response.headers);
			}
			const latency = url.pathname.startsWith('/api/') ? faults.latencyMs() : 0;
			if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
			const response = answer(method, url, req.headers, body);
			log.record(method, url, response.status, Buffer.byteLength(body));
			sendJson(res, response.status, response.body, response.headers);
		} catch (error) {
			sendJson(res, 500, { error: `sandbox error: ${(error as Error).message}` });
		}
	}, port);

	return {
		url: server.url,
		authUrl: `${server.url}/auth`,
		tokenUrl: `${server.url}${TOKEN_PATH}`,
		clientId,
		clientSecret,
		port: server.port,
		close: () => server.close(),
		state: admin.state,
		admin,
	};
}
