/** Small HTTP helpers shared by the local sandboxes (Westcoast, Halo). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const ADMIN_PREFIX = '/__admin';

export interface RunningServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export function send(
	res: http.ServerResponse,
	status: number,
	body: string,
	contentType: string,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, { 'Content-Type': contentType, ...headers });
	res.end(body);
}

export function sendJson(
	res: http.ServerResponse,
	status: number,
	value: unknown,
	headers: Record<string, string> = {},
): void {
	send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

/** Listens on 127.0.0.1 (port 0 = a free port) and closes open sockets on close. */
export async function listen(
	handler: http.RequestListener,
	port = 0,
	host = '127.0.0.1',
): Promise<RunningServer> {
	const server = http.createServer(handler);
	const sockets = new Set<import('node:net').Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://${host}:${address.port}`,
		port: address.port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
