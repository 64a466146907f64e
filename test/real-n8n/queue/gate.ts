/**
 * A pass-through HTTP proxy in front of the Halo sandbox that can hold one
 * chosen request: the test then knows a run is in the middle (a condition,
 * not a guessed time), and decides whether the request goes on or is dropped.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldRequest {
	method: string;
	path: string;
	/** Forwards it to Halo as if nothing had happened. */
	release(): void;
	/** Never forwards it and cuts the caller's connection (what a crashed caller leaves). */
	drop(): void;
}

/** `url` is the path with its query, for a test that holds one filtered read. */
export type RequestMatch = (method: string, path: string, url: string) => boolean;

export interface HaloGate {
	url: string;
	/** Holds the next request for which `match` answers true; resolves when it arrives. */
	holdNext(match: RequestMatch): Promise<HeldRequest>;
	close(): Promise<void>;
}

export async function startHaloGate(targetUrl: string): Promise<HaloGate> {
	const target = new URL(targetUrl);
	let pending: { match: RequestMatch; arrived: (held: HeldRequest) => void } | undefined;
	const held = new Set<HeldRequest>();

	const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: target.host },
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		upstream.end(body);
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const method = req.method ?? 'GET';
			const path = new URL(req.url ?? '/', 'http://gate').pathname;
			if (!pending?.match(method, path, req.url ?? path)) return forward(req, res, body);
			const { arrived } = pending;
			pending = undefined;
			const request: HeldRequest = {
				method,
				path,
				release: () => {
					held.delete(request);
					forward(req, res, body);
				},
				drop: () => {
					held.delete(request);
					req.socket.destroy();
				},
			};
			held.add(request);
			arrived(request);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		holdNext: (match) =>
			new Promise((resolve) => {
				if (pending) throw new Error('The Halo gate already waits for a request to hold');
				pending = { match, arrived: resolve };
			}),
		close: async () => {
			for (const request of held) request.drop();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
