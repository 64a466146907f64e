import type { HaloSandbox } from '../../sandbox/halo';

/** A minimal HaloPSA API client for tests: token, paged lists, array POSTs (as a workflow's HTTP Request nodes would). */
export class HaloTestClient {
	private token = '';

	constructor(private readonly halo: HaloSandbox) {}

	private async authorize(): Promise<string> {
		if (this.token) return this.token;
		const response = await fetch(this.halo.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: this.halo.clientId,
				client_secret: this.halo.clientSecret,
				scope: 'all',
			}),
		});
		this.token = ((await response.json()) as { access_token: string }).access_token;
		return this.token;
	}

	/** Every record of a list, all pages, inactive ones included. */
	async list(
		entity: 'Client' | 'SoftwareLicence' | 'Site',
		plural: string,
	): Promise<Record<string, unknown>[]> {
		const records: Record<string, unknown>[] = [];
		for (let page = 1; ; page++) {
			const url = `${this.halo.url}/api/${entity}?pageinate=true&page_size=100&page_no=${page}&includeinactive=true`;
			const response = await fetch(url, {
				headers: { Authorization: `Bearer ${await this.authorize()}` },
			});
			const body = (await response.json()) as Record<string, unknown>;
			const batch = body[plural] as Record<string, unknown>[];
			records.push(...batch);
			if (records.length >= Number(body.record_count) || batch.length === 0) return records;
		}
	}

	/** POSTs an array of payloads; throws with Halo's answer when it refuses (strict mode included). */
	async post(entity: 'Client' | 'SoftwareLicence' | 'Site', payloads: unknown[]): Promise<unknown> {
		if (payloads.length === 0) return [];
		const response = await fetch(`${this.halo.url}/api/${entity}`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${await this.authorize()}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify(payloads),
		});
		const body = await response.json();
		if (!response.ok) throw new Error(`Halo refused POST /api/${entity}: ${JSON.stringify(body)}`);
		return body;
	}
}
