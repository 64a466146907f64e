import { API_PATH, CALLS } from '../../../core/westcoast/protocol';
import {
	DECOY_PREFIXES,
	startWestcoastSandbox,
	type WestcoastSandbox,
} from '../../../sandbox/westcoast';
import { call } from './client';

let sandbox: WestcoastSandbox;

beforeAll(async () => {
	sandbox = await startWestcoastSandbox();
});
afterAll(() => sandbox.close());

describe('decoys: URLs that are not a marketplace', () => {
	it('/decoy/html answers a web shop page with 200 under every path', async () => {
		const answer = await call(
			`${sandbox.url}${DECOY_PREFIXES.html}`,
			CALLS.getSessionToken,
			sandbox.users.admin,
		);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
		expect(answer.text).toMatch(/^<!DOCTYPE html>/);
		expect(answer.text).toMatch(/Sign in/);
	});

	it('/decoy/redirect answers 302 to a login page', async () => {
		const answer = await call(
			`${sandbox.url}${DECOY_PREFIXES.redirect}`,
			CALLS.getSessionToken,
			sandbox.users.admin,
		);
		expect(answer.status).toBe(302);
		const location = answer.headers.get('location') ?? '';
		expect(location).toMatch(/^\/Account\/Login\?ReturnUrl=/);
		expect(decodeURIComponent(location)).toContain(
			`${DECOY_PREFIXES.redirect}${API_PATH}${CALLS.getSessionToken}`,
		);
	});

	it('/decoy/notfound answers 404 HTML', async () => {
		const answer = await call(
			`${sandbox.url}${DECOY_PREFIXES.notFound}`,
			CALLS.getSessionToken,
			sandbox.users.admin,
		);
		expect(answer.status).toBe(404);
		expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
	});

	it('GET / answers a landing page; other paths 404', async () => {
		const landing = await fetch(`${sandbox.url}/`);
		expect(landing.status).toBe(200);
		expect(await landing.text()).toMatch(/sandbox/);
		expect((await fetch(`${sandbox.url}/elsewhere`)).status).toBe(404);
	});
});
