/**
 * A real browser on the real editor: Debian's Chromium (installed by
 * scripts/install-browser.sh when missing) driven by playwright-core, signed
 * in as the server's owner through the sign-in form, as a person does.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { REPO_ROOT } from '../install';
import type { N8nServer } from '../server';

/** A small laptop screen: the size the editor's panels are judged at. */
export const VIEWPORT = { width: 1280, height: 800 };

/** The system Chromium's path; installs it from Debian's packages when missing. */
export function ensureChromium(): string {
	const script = path.join(REPO_ROOT, 'scripts', 'install-browser.sh');
	return execFileSync('bash', [script], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
}

export async function launchBrowser(): Promise<Browser> {
	// --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
	return await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
}

/** A signed-in editor tab. */
export async function signedInPage(browser: Browser, server: N8nServer): Promise<Page> {
	const page = await browser.newPage({ viewport: VIEWPORT });
	await page.goto(`${server.url}/signin`);
	await page.fill('input[name="emailOrLdapLoginId"], input[type="email"]', server.owner.email);
	await page.fill('input[type="password"]', server.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	return page;
}
