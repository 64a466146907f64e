import type http from 'node:http';

import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import { listen, readBody, send, type RunningServer } from '../../sandbox/server';
import { faultXml, FAULT_CONTENT_TYPE } from '../../sandbox/westcoast/fault-xml';
import { runWorkflow } from '../../harness/in-process/run-workflow';
import { westcoastWorkflow, WESTCOAST_NODE } from '../harness/westcoast';
import type { StoredCredential } from '../../harness/in-process/credentials-helper';

/**
 * An upstream (or a proxy in front of it) that echoes the request back: in
 * the body, in a WCF fault, in a redirect's Location, or in a header. Nothing
 * of the password or the session token may reach what n8n shows or stores.
 */

jest.setTimeout(60_000);

const PASSWORD = 'S3cr3t-PW-XYZ';
const TOKEN = 'TOK-4e1d9b7c-SESSION';
const SECRETS = [PASSWORD, TOKEN, encodeURIComponent(`CCPSessionId ${TOKEN}`)];

type EchoMode = 'body' | 'fault' | 'redirect' | 'header' | 'loginBody' | 'loginFault';
let mode: EchoMode = 'body';

/** The request as an echoing server prints it: session header first, then the body. */
function echoOf(req: http.IncomingMessage, body: string): string {
	return `Authenticate: ${req.headers.authenticate ?? ''}\r\n${body}`;
}

async function echoUpstream(req: http.IncomingMessage, res: http.ServerResponse) {
	const body = await readBody(req);
	const isLogin = req.url?.endsWith('/GetSessionToken') ?? false;
	const echo = echoOf(req, body);
	if (isLogin && mode === 'loginBody') return send(res, 500, echo, 'text/plain');
	if (isLogin && mode === 'loginFault')
		return send(res, 400, faultXml({ message: `Bad request: ${echo}` }), FAULT_CONTENT_TYPE);
	if (isLogin) return send(res, 200, JSON.stringify(TOKEN), 'application/json');
	const session = String(req.headers.authenticate ?? '');
	if (mode === 'body') return send(res, 500, `${session} ${body}`, 'text/plain');
	if (mode === 'fault')
		return send(res, 500, faultXml({ message: `Rejected: ${echo}` }), FAULT_CONTENT_TYPE);
	if (mode === 'redirect') {
		const location = `https://proxy.example/login?sessionToken=${TOKEN}&auth=${encodeURIComponent(session)}`;
		return send(res, 302, '', 'text/plain', { Location: location });
	}
	// The raw token in a header's value, with no name or scheme around it.
	return send(res, 307, '', 'text/plain', { Location: `https://proxy.example/${TOKEN}/next` });
}

let upstream: RunningServer;
beforeAll(async () => {
	upstream = await listen((req, res) => void echoUpstream(req, res));
});
afterAll(async () => upstream.close());

const credential = (): StoredCredential => ({
	id: 'wc-echo',
	name: 'Echoing upstream',
	type: WESTCOAST_CREDENTIAL_TYPE,
	data: {
		marketplaceUrl: upstream.url,
		username: 'echo-user',
		password: PASSWORD,
		resellerAccountId: '1',
		sessionToken: '',
	},
});

function expectNoSecret(text: string) {
	for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function runGetCompanies(continueOnFail: boolean) {
	const result = await runWorkflow(
		westcoastWorkflow(
			{ resource: 'customer', operation: 'getAll', returnAll: true },
			{ credentialId: 'wc-echo', continueOnFail },
		),
		{ credentials: [credential()] },
	);
	return { ...result, items: result.output(WESTCOAST_NODE) };
}

describe('an upstream that echoes the request: the node error', () => {
	it.each<[EchoMode, RegExp]>([
		// The login reads the reseller company (GetCompany) too, so the echo comes back there.
		['body', /^The marketplace answered GetCompany with HTTP 500: "CCPSessionId \[redacted\]/],
		['fault', /^Reseller Account ID 1 cannot be read \(Rejected: Authenticate: \[redacted\]/],
		[
			'redirect',
			/^This URL is not a Westcoast Cloud marketplace: it redirects to https:\/\/proxy\.example\/login\?sessionToken=\[redacted\]&auth=CCPSessionId%20\[redacted\] \(a login page\)/,
		],
		['header', /it redirects to https:\/\/proxy\.example\/\[redacted\]\/next\./],
		['loginBody', /^The marketplace answered GetSessionToken with HTTP 500: .*\[redacted\]/],
		['loginFault', /^Bad request: Authenticate: [\s\S]*"password":"\[redacted\]"/],
	])('echo in %s: says what happened, without the password or token', async (echoMode, said) => {
		mode = echoMode;
		const { error, run } = await runGetCompanies(false);
		expect(error?.message).toMatch(said);
		expectNoSecret(JSON.stringify(run));
		expectNoSecret(`${error?.message} ${(error as { description?: string })?.description}`);
	});

	it.each<EchoMode>(['body', 'fault', 'redirect', 'header', 'loginBody', 'loginFault'])(
		'echo in %s with Continue On Fail: the error item holds no secret',
		async (echoMode) => {
			mode = echoMode;
			const { items, run } = await runGetCompanies(true);
			expect(items).toHaveLength(1);
			expect(String(items[0].json.error)).toContain('[redacted]');
			expectNoSecret(JSON.stringify(run));
		},
	);
});

describe('an upstream that echoes the request: Check Connection', () => {
	/** The diagnosis the credential dialog cannot show: its message carries the marketplace's words. */
	const test = async () => {
		const result = await runWorkflow(
			westcoastWorkflow(
				{ resource: 'connection', operation: 'check' },
				{ credentialId: 'wc-echo' },
			),
			{ credentials: [credential()] },
		);
		expectNoSecret(JSON.stringify(result.run));
		const [item] = result.output(WESTCOAST_NODE);
		return { status: item.json.ok ? 'OK' : 'Error', message: String(item.json.message) };
	};

	it.each<[EchoMode, RegExp]>([
		[
			'body',
			/^The marketplace refused the connection test: .*HTTP 500: "CCPSessionId \[redacted\]/,
		],
		['fault', /^Reseller Account ID 1 cannot be read \(Rejected: Authenticate: \[redacted\]/],
		['redirect', /it redirects to https:\/\/proxy\.example\/login\?sessionToken=\[redacted\]/],
		['header', /it redirects to https:\/\/proxy\.example\/\[redacted\]\/next/],
		['loginBody', /GetSessionToken with HTTP 500: .*\[redacted\]/],
		['loginFault', /"password":"\[redacted\]"/],
	])('echo in %s: an Error whose message holds no secret', async (echoMode, said) => {
		mode = echoMode;
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(said);
		expectNoSecret(result.message);
	});
});
