/** Real HTTP against the Halo sandbox with Node's fetch. */
import type { HaloSandbox } from '../../../sandbox/halo';

export interface Answer<T = any> {
	status: number;
	body: T;
	headers: Headers;
}

export async function answer(response: Response): Promise<Answer> {
	const text = await response.text();
	return {
		status: response.status,
		body: text ? JSON.parse(text) : undefined,
		headers: response.headers,
	};
}

export function requestToken(
	halo: HaloSandbox,
	form: Record<string, string>,
	headers: Record<string, string> = {},
) {
	return fetch(halo.tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(form),
	}).then(answer);
}

export const clientCredentialsForm = (halo: HaloSandbox) => ({
	grant_type: 'client_credentials',
	client_id: halo.clientId,
	client_secret: halo.clientSecret,
	scope: 'all',
});

export async function accessToken(halo: HaloSandbox): Promise<string> {
	const { status, body } = await requestToken(halo, clientCredentialsForm(halo));
	if (status !== 200) throw new Error(`token request failed: ${status}`);
	return body.access_token;
}

/** A bearer-authenticated client of `${halo.url}/api`. */
export async function haloApi(halo: HaloSandbox) {
	const token = await accessToken(halo);
	const call = (method: string, path: string, body?: unknown) =>
		fetch(`${halo.url}/api/${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${token}`,
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		}).then(answer);
	return {
		token,
		get: (path: string) => call('GET', path),
		post: (path: string, body: unknown) => call('POST', path, body),
		call,
	};
}

export type HaloApi = Awaited<ReturnType<typeof haloApi>>;
