/** A bare-bones marketplace caller for the sandbox tests (global fetch, no package code). */
import { API_PATH, SESSION_HEADER, SESSION_SCHEME } from '../../../core/westcoast/protocol';
import type { Credentials } from '../../../sandbox/westcoast';

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
}

export async function call(
	baseUrl: string,
	name: string,
	body: unknown = {},
	token?: string,
	init: { contentType?: string; rawBody?: string } = {},
): Promise<Answer> {
	const headers: Record<string, string> = {
		'Content-Type': init.contentType ?? 'application/json',
	};
	if (token) headers[SESSION_HEADER] = `${SESSION_SCHEME} ${token}`;
	const response = await fetch(`${baseUrl}${API_PATH}${name}`, {
		method: 'POST',
		headers,
		body: init.rawBody ?? JSON.stringify(body),
		redirect: 'manual',
	});
	return { status: response.status, headers: response.headers, text: await response.text() };
}

export async function logIn(baseUrl: string, user: Credentials): Promise<string> {
	const answer = await call(baseUrl, 'GetSessionToken', user);
	if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.text}`);
	return JSON.parse(answer.text) as string;
}

/** Calls with a session and parses the JSON answer (throws on anything else). */
export async function callJson<T = unknown>(
	baseUrl: string,
	name: string,
	body: unknown,
	token: string,
): Promise<T> {
	const answer = await call(baseUrl, name, body, token);
	if (answer.status !== 200) throw new Error(`${name} failed: ${answer.status} ${answer.text}`);
	return JSON.parse(answer.text) as T;
}

export interface ParsedFault {
	code: string;
	reason: string;
	message: string;
	isSessionExpired: boolean;
}

/** Reads a WCF fault with regexes (the tests check the exact shape, not a tolerant parse). */
export function parseFault(xml: string): ParsedFault {
	const shape =
		/^<Fault xmlns="http:\/\/schemas\.microsoft\.com\/ws\/2005\/05\/envelope\/none"><Code><Value>(Sender|Receiver)<\/Value><\/Code><Reason><Text xml:lang="en-US">([^<]*)<\/Text><\/Reason><Detail><ServiceException xmlns="http:\/\/schemas\.datacontract\.org\/2004\/07\/Nervogrid\.Platform\.API" xmlns:i="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance"><IsSessionExpired>(true|false)<\/IsSessionExpired><IssueToken i:nil="true"\/><Message>([^<]*)<\/Message><\/ServiceException><\/Detail><\/Fault>$/;
	const match = shape.exec(xml);
	if (!match) throw new Error(`not a WCF fault: ${xml.slice(0, 200)}`);
	const decode = (text: string) =>
		text
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	return {
		code: match[1],
		reason: decode(match[2]),
		message: decode(match[4]),
		isSessionExpired: match[3] === 'true',
	};
}

export async function admin<T = unknown>(
	baseUrl: string,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; json: T }> {
	const response = await fetch(`${baseUrl}/__admin${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as T };
}
