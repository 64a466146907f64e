import type http from 'node:http';
import { API_PATH } from '../../core/westcoast/protocol';
import { ADMIN_PREFIX, listen, send, sendJson } from '../server';
import { createAdmin, type WestcoastAdmin, type WestcoastState } from './admin';
import { handleAdminRequest } from './admin-http';
import { handleApiRequest, type ApiDependencies } from './api';
import { CallLog } from './call-log';
import { handleDecoyRequest } from './decoys';
import { FaultPlan } from './faults';
import { DEFAULT_GENERATE_OPTIONS } from './model';
import { HTML_CONTENT_TYPE, LANDING_PAGE, NOT_FOUND_PAGE } from './pages';
import { DEFAULT_SESSION_TTL_MS, SessionStore } from './sessions';
import { MarketplaceStore } from './store';
import { SANDBOX_USERS, type Credentials, type UserKind } from './users';
import { DEFAULT_DIALECT, type Dialect } from './dialect';

export interface WestcoastSandboxOptions {
	/** 0 (default) = a free port. */
	port?: number;
	seed?: number;
	/** Total customers, the 12 story customers included. */
	customers?: number;
	subscriptionsPerCustomer?: number;
	sessionTtlMs?: number;
	/** How answers are spelt: `spec` (default, the platform's documented dialect) or `legacy`. */
	dialect?: Dialect;
}

export interface WestcoastSandbox {
	/** The marketplace URL (no trailing slash), e.g. http://127.0.0.1:PORT. */
	url: string;
	port: number;
	close(): Promise<void>;
	users: Record<UserKind, Credentials>;
	dialect: Dialect;
	resellerAccountId: number;
	state(): WestcoastState;
	admin: WestcoastAdmin;
}

const API_PREFIX = API_PATH.toLowerCase();

export async function startWestcoastSandbox(
	options: WestcoastSandboxOptions = {},
): Promise<WestcoastSandbox> {
	const store = new MarketplaceStore({
		seed: options.seed ?? DEFAULT_GENERATE_OPTIONS.seed,
		customers: options.customers ?? DEFAULT_GENERATE_OPTIONS.customers,
		subscriptionsPerCustomer:
			options.subscriptionsPerCustomer ?? DEFAULT_GENERATE_OPTIONS.subscriptionsPerCustomer,
	});
	const sessions = new SessionStore(options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS);
	const faults = new FaultPlan();
	const log = new CallLog();
	const admin = createAdmin({ store, sessions, faults, log });
	// The URL is known only once listening; the handler reads it from here.
	const dialect = options.dialect ?? DEFAULT_DIALECT;
	const api: ApiDependencies = { store, sessions, faults, log, baseUrl: '', dialect };

	const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
		if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`))
			return handleAdminRequest(req, res, path, admin);
		if (handleDecoyRequest(req, res, path)) return;
		if (path.toLowerCase().startsWith(API_PREFIX))
			return handleApiRequest(req, res, path.slice(API_PREFIX.length), api);
		if (path === '/' && (req.method === 'GET' || req.method === 'HEAD'))
			return send(res, 200, LANDING_PAGE, HTML_CONTENT_TYPE);
		send(res, 404, NOT_FOUND_PAGE, HTML_CONTENT_TYPE);
	};

	const server = await listen((req, res) => {
		route(req, res).catch(() => {
			if (!res.headersSent) sendJson(res, 500, { error: 'internal sandbox error' });
			else res.destroy();
		});
	}, options.port ?? 0);
	api.baseUrl = server.url;

	return {
		url: server.url,
		port: server.port,
		close: () => server.close(),
		users: structuredClone(SANDBOX_USERS),
		dialect,
		resellerAccountId: store.reseller.AccountId,
		state: () => admin.state(),
		admin,
	};
}

export type { WestcoastAdmin, WestcoastState, NewCustomer, NewSubscription } from './admin';
export type { CallLogEntry } from './call-log';
export type { FaultInput, PendingFaults } from './faults';
export type { GenerateOptions, SandboxCompany, SandboxSubscription } from './model';
export type { Credentials, UserKind } from './users';
export { DEFAULT_DIALECT, DIALECTS, type Dialect } from './dialect';
export { AdminError } from './admin';
export { PRODUCTS } from './catalog';
export { generateDataset } from './data';
export { REFERENCE_DATE_MS } from './dates';
export { DEFAULT_GENERATE_OPTIONS, ID_RANGES } from './model';
export { DECOY_PREFIXES } from './decoys';
export { DEFAULT_SESSION_TTL_MS } from './sessions';
export {
	STORY_CUSTOMERS,
	STORY_CUSTOMER_IDS,
	STORY_SUBSCRIPTIONS,
	type StoryCustomer,
} from './story';
export { SANDBOX_USERS } from './users';
