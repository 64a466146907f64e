import type http from 'node:http';
import { ADMIN_PREFIX, readBody, sendJson } from '../server';
import { AdminError, type NewCustomer, type NewSubscription, type WestcoastAdmin } from './admin';
import type { FaultInput } from './faults';

type Body = Record<string, unknown>;
type Route = {
	method: string;
	pattern: RegExp;
	run: (admin: WestcoastAdmin, params: string[], body: Body) => unknown;
};

const id = (value: string) => Number(value);

/** The admin HTTP API: a thin JSON layer over `WestcoastAdmin` (same operations, same checks). */
const ROUTES: readonly Route[] = [
	{ method: 'GET', pattern: /^\/state$/, run: (admin) => admin.state() },
	{ method: 'POST', pattern: /^\/reset$/, run: (admin, _params, body) => admin.reset(body) },
	{
		method: 'POST',
		pattern: /^\/subscriptions$/,
		run: (admin, _params, body) => admin.createSubscription(body as unknown as NewSubscription),
	},
	{
		method: 'POST',
		pattern: /^\/subscriptions\/(\d+)\/delete$/,
		run: (admin, [subscription]) => admin.deleteSubscription(id(subscription)),
	},
	{
		method: 'POST',
		pattern: /^\/subscriptions\/(\d+)\/cancel$/,
		run: (admin, [subscription]) => admin.cancelSubscription(id(subscription)),
	},
	{
		method: 'POST',
		pattern: /^\/subscriptions\/(\d+)\/state$/,
		run: (admin, [subscription], body) =>
			admin.setSubscriptionState(id(subscription), body.state as string),
	},
	{
		method: 'POST',
		pattern: /^\/subscriptions\/(\d+)\/quantity$/,
		run: (admin, [subscription], body) =>
			admin.setSubscriptionQuantity(id(subscription), body.quantity as number),
	},
	{
		method: 'POST',
		pattern: /^\/customers$/,
		run: (admin, _params, body) => admin.createCustomer(body as NewCustomer),
	},
	{
		method: 'POST',
		pattern: /^\/customers\/(\d+)\/rename$/,
		run: (admin, [customer], body) => admin.renameCustomer(id(customer), body.name as string),
	},
	{
		method: 'POST',
		pattern: /^\/customers\/(\d+)\/delete$/,
		run: (admin, [customer]) => admin.deleteCustomer(id(customer)),
	},
	{
		method: 'POST',
		pattern: /^\/sessions\/expire$/,
		run: (admin) => (admin.expireSessions(), { expired: true }),
	},
	{ method: 'GET', pattern: /^\/faults$/, run: (admin) => admin.state().faults },
	{
		method: 'POST',
		pattern: /^\/faults$/,
		run: (admin, _params, body) => admin.setFaults(body as FaultInput),
	},
	{
		method: 'DELETE',
		pattern: /^\/faults$/,
		run: (admin) => (admin.clearFaults(), { cleared: true }),
	},
	{ method: 'GET', pattern: /^\/calls$/, run: (admin) => admin.calls() },
];

async function jsonBody(req: http.IncomingMessage): Promise<Body> {
	const text = await readBody(req);
	if (text.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new AdminError('body is not valid JSON');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
		throw new AdminError('body must be a JSON object');
	return parsed as Body;
}

export async function handleAdminRequest(
	req: http.IncomingMessage,
	res: http.ServerResponse,
	path: string,
	admin: WestcoastAdmin,
): Promise<void> {
	const subPath = path.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
	const matching = ROUTES.filter((route) => route.pattern.test(subPath));
	const route = matching.find((candidate) => candidate.method === req.method);
	if (!route) {
		const status = matching.length ? 405 : 404;
		return sendJson(res, status, {
			error: matching.length
				? `use ${matching.map((r) => r.method).join(' or ')}`
				: 'no such admin endpoint',
		});
	}
	try {
		const body = req.method === 'GET' ? {} : await jsonBody(req);
		const params = route.pattern.exec(subPath)?.slice(1) ?? [];
		sendJson(res, 200, route.run(admin, params, body) ?? null);
	} catch (error) {
		if (!(error instanceof AdminError)) throw error;
		sendJson(res, error.status, { error: error.message });
	}
}
