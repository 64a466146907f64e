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

/** One request as a server saw it (bench/daily-sync.ts counts waves and bytes from these). */
export interface Exchange {
	server: string;
	method: string;
	path: string;
	status: number;
	/** performance.now() when the request arrived and when its answer was sent. */
	startMs: number;
	endMs: number;
	/** Bytes of the request body, and of the answer on the wire (headers included). */
	bytesIn: number;
	bytesOut: number;
}

/** Set to record every exchange of every sandbox server in this process (benchmarks). */
export const trafficRecorder: { record?: (exchange: Exchange) => void } = {};

/** Listens on 127.0.0.1 (port 0 = a free port) and closes open sockets on close. */
export async function listen(
	handler: http.RequestListener,
	port = 0,
	host = '127.0.0.1',
): Promise<RunningServer> {
	let url = '';
	const server = http.createServer((req, res) => {
		const record = trafficRecorder.record;
		if (record) {
			const startMs = performance.now();
			const written = req.socket.bytesWritten;
			res.once('finish', () =>
				record({
					server: url,
					method: req.method ?? 'GET',
					path: req.url ?? '/',
					status: res.statusCode,
					startMs,
					endMs: performance.now(),
					bytesIn: Number(req.headers['content-length'] ?? 0),
					bytesOut: req.socket.bytesWritten - written,
				}),
			);
		}
		return handler(req, res);
	});
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
	url = `http://${host}:${address.port}`;
	return {
		url,
		port: address.port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
