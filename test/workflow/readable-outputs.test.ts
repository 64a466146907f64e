/**
 * What a person reads in the editor's output pane, in n8n's engine against
 * the sandboxes: Licence Sync's items name the product and the customer,
 * Mapped items all have the same columns, review items carry no input
 * bookkeeping, and messages are sentences without reason codes in them. The
 * names are checked against the inputs the plan was made from (the Westcoast
 * read, Mapping Resolver's Mapped items, Halo's licences), not against the
 * planner.
 */
import { LICENCE_REASONS } from '../../core/licences';
import { REVIEW_REASONS } from '../../core/mapping';
import { runWorkflow } from '../../harness/in-process/run-workflow';
import { NODES, syncWorkflow } from '../harness/sync-workflow';
import { sandboxCredential } from '../harness/westcoast';
import { usePairedSandboxes } from '../harness/paired';

jest.setTimeout(60_000);

type Json = Record<string, unknown>;

const env = usePairedSandboxes('all');

async function plan(batchSize = 0) {
	const psaLicences = await env.halo.list('SoftwareLicence', 'licences');
	const options = batchSize ? { options: { batchSize } } : {};
	const result = await runWorkflow(
		syncWorkflow({
			psaCustomers: await env.halo.list('Client', 'clients'),
			psaLicences,
			mapping: { matchNormalizedName: true, updateSiteAddress: true, ...options },
			licences: options,
		}),
		{ credentials: [sandboxCredential(env.sandboxes.westcoast)] },
	);
	expect(result.error).toBeUndefined();
	const json = (node: string, output: number) =>
		result.output(node, output).map((item) => item.json as Json);
	return { json, psaLicences };
}

const REASON_CODES = [...Object.keys(LICENCE_REASONS), ...Object.keys(REVIEW_REASONS)];
/** A reason code or another camelCase word: "noQuantity", "exactName". */
const CODE_IN_SENTENCE = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe('with a Batch Size, the write outputs still hold one item per change', () => {
	it('numbers each change into its write batch and puts who, what and why first', async () => {
		const plain = await plan();
		const batched = await plan(2);
		const outputs = [
			[NODES.mapping, 1],
			[NODES.mapping, 2],
			[NODES.licences, 0],
			[NODES.licences, 1],
			[NODES.licences, 2],
		] as const;
		let changes = 0;
		for (const [node, output] of outputs) {
			const items = batched.json(node, output);
			// The same changes, in the same order, as without batches: only the batch number is added.
			expect(items.map(({ batch: _batch, ...rest }) => rest)).toEqual(plain.json(node, output));
			items.forEach((item, position) => {
				expect(item.batch).toBe(Math.floor(position / 2) + 1);
				expect(Object.keys(item).slice(0, 4)).toEqual(
					node === NODES.licences
						? ['action', 'customerName', 'productName', 'change']
						: ['customerName', 'change', 'why', expect.any(String)],
				);
				expect(item.why).toEqual(expect.stringMatching(/^[A-Z].*\.$/));
				expect(item.payload).toEqual(expect.any(Object));
				// Before → after, field by field (a create has no before).
				for (const { field, from, to } of (item.changes as Json[] | undefined) ?? []) {
					if (to === null) continue;
					const before = from === null || from === undefined || from === '' ? 'none' : String(from);
					const shown =
						item.action === 'create'
							? `${String(field)} ${String(to)}`
							: `${String(field)} ${before} → ${String(to)}`;
					expect(String(item.change)).toContain(shown);
				}
			});
			changes += items.length;
		}
		expect(changes).toBeGreaterThan(10);
	});
});

describe('the output pane after one plan and, once applied, the next', () => {
	let first: Awaited<ReturnType<typeof plan>>;
	let second: Awaited<ReturnType<typeof plan>>;

	beforeAll(async () => {
		first = await plan();
		// Apply what the plan says, as the shipped workflows' HTTP Request nodes do.
		await env.halo.post(
			'Client',
			first.json(NODES.mapping, 0).flatMap((entry) => (entry.link ? [entry.link] : [])),
		);
		for (const output of [0, 1, 2])
			await env.halo.post(
				'SoftwareLicence',
				first.json(NODES.licences, output).map((entry) => entry.payload),
			);
		second = await plan();
	});

	it('Mapped items all have the same columns; no new link is link: null', () => {
		for (const run of [first, second]) {
			const mapped = run.json(NODES.mapping, 0);
			expect(mapped.length).toBeGreaterThan(3);
			const columns = Object.keys(mapped[0]).sort();
			expect(columns).toEqual(expect.arrayContaining(['link', 'westcoastDeleted']));
			for (const entry of mapped) expect(Object.keys(entry).sort()).toEqual(columns);
		}
		expect(first.json(NODES.mapping, 0).some((entry) => entry.link !== null)).toBe(true);
		expect(second.json(NODES.mapping, 0).every((entry) => entry.link === null)).toBe(true);
	});

	it('review items carry names, IDs and a message, no input bookkeeping', () => {
		const review = first.json(NODES.mapping, 3);
		expect(review.length).toBeGreaterThan(0);
		const text = JSON.stringify(review);
		for (const key of ['psaIndex', 'westcoastIndex', 'westcoastItem', 'psaItem'])
			expect(text).not.toContain(`"${key}"`);
		for (const entry of review) {
			expect(entry.message).toEqual(expect.stringMatching(/\w+ .*\.$/));
			expect(REASON_CODES).toContain(entry.reason);
		}
		const withCandidates = review.find((entry) => Array.isArray(entry.candidates));
		expect((withCandidates?.candidates as Json[])[0]).toEqual({
			psaId: expect.anything(),
			psaName: expect.any(String),
			score: expect.any(Number),
		});
	});

	it('Update, Unchanged and Skipped items name the product and the customer', async () => {
		const subscriptions = new Map(
			(await runWorkflowSubscriptions()).map((s) => [String(s.westcoastId), s]),
		);
		const customerNames = new Map(
			first.json(NODES.mapping, 0).map((m) => [String(m.westcoastId), m.psaName]),
		);
		const licenceNames = new Map(first.psaLicences.map((l) => [String(l.id), l.name]));
		const outputs = { update: 1, unchanged: 3, skipped: 4 };
		const items = {
			update: first.json(NODES.licences, outputs.update),
			unchanged: second.json(NODES.licences, outputs.unchanged),
			skipped: first.json(NODES.licences, outputs.skipped),
		};
		for (const entries of Object.values(items)) {
			expect(entries.length).toBeGreaterThan(0);
			for (const entry of entries) {
				const subscription = subscriptions.get(String(entry.westcoastSubscriptionId));
				const expectedProduct = subscription
					? [subscription.productName, subscription.vendorDisplayName]
					: [licenceNames.get(String(entry.psaLicenceId))];
				expect(expectedProduct).toContain(entry.productName);
				const mappedName = customerNames.get(String(entry.westcoastCustomerId));
				expect(entry.customerName).toBe(mappedName ?? null);
			}
		}
		// Every updated and unchanged licence belongs to a mapped customer, so each has a name.
		for (const entry of [...items.update, ...items.unchanged])
			expect(entry.customerName).toEqual(expect.any(String));
	});

	it('reason messages are sentences without codes in them; the code is its own field', () => {
		const entries = [0, 1, 2, 3, 4].flatMap((output) => [
			...first.json(NODES.licences, output),
			...second.json(NODES.licences, output),
		]);
		const reasons = entries.flatMap((entry) => (entry.reason ? [entry.reason as Json] : []));
		expect(reasons.length).toBeGreaterThan(5);
		for (const reason of reasons) {
			expect(Object.keys(LICENCE_REASONS)).toContain(reason.code);
			// Field names of the input (westcoastId) are named on purpose; these messages have none.
			expect(String(reason.message)).not.toMatch(CODE_IN_SENTENCE);
		}
		for (const entry of first.json(NODES.mapping, 3))
			for (const code of REASON_CODES) expect(String(entry.message)).not.toContain(code);
	});

	/** The Westcoast read both plans were made from (the sandbox holds still between them). */
	async function runWorkflowSubscriptions(): Promise<Json[]> {
		const result = await runWorkflow(syncWorkflow({ psaCustomers: [], psaLicences: [] }), {
			credentials: [sandboxCredential(env.sandboxes.westcoast)],
		});
		return result.output(NODES.subscriptions, 0).map((item) => item.json as Json);
	}
});
