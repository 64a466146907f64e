import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO, type Port } from '../../core/node-io';
import { HALO_LICENCE_FIELDS } from '../../core/psa/halo';
import { runWorkflow, type RunOptions } from '../../harness/in-process/run-workflow';
import { NODES, syncWorkflow } from '../harness/sync-workflow';
import { sandboxCredential } from '../harness/westcoast';
import { usePairedSandboxes } from '../harness/paired';

jest.setTimeout(60_000);

const { outputs: MAPPING_OUTPUT } = MAPPING_RESOLVER_IO;
const { outputs: LICENCE_OUTPUT } = LICENCE_SYNC_IO;

const env = usePairedSandboxes();

async function plan(
	options: {
		mapping?: Record<string, unknown>;
		licences?: Record<string, unknown>;
		run?: Pick<RunOptions, 'mode' | 'staticData'>;
	} = {},
) {
	const workflow = syncWorkflow({
		psaCustomers: await env.halo.list('Client', 'clients'),
		psaLicences: await env.halo.list('SoftwareLicence', 'licences'),
		mapping: options.mapping as never,
		licences: options.licences as never,
	});
	const result = await runWorkflow(workflow, {
		credentials: [sandboxCredential(env.sandboxes.westcoast)],
		...options.run,
	});
	const json = (node: string, output: Port) =>
		result.output(node, output.index).map((item) => item.json);
	return {
		result,
		mapping: (output: keyof typeof MAPPING_OUTPUT) => json(NODES.mapping, MAPPING_OUTPUT[output]),
		mappingItems: (output: keyof typeof MAPPING_OUTPUT) =>
			result.output(NODES.mapping, MAPPING_OUTPUT[output].index),
		licences: (output: keyof typeof LICENCE_OUTPUT) => json(NODES.licences, LICENCE_OUTPUT[output]),
	};
}

/** What a workflow's HTTP Request nodes do with the plan: Halo's array POSTs. */
async function applyMapping(run: Awaited<ReturnType<typeof plan>>) {
	await env.halo.post(
		'Client',
		run.mapping('create').map((entry) => entry.payload),
	);
	await env.halo.post(
		'Client',
		run.mapping('mapped').flatMap((entry) => (entry.link ? [entry.link] : [])),
	);
	await env.halo.post(
		'Site',
		run.mapping('addressChanges').map((entry) => entry.payload),
	);
}
async function applyLicences(run: Awaited<ReturnType<typeof plan>>) {
	for (const output of ['create', 'update', 'deactivate'] as const) {
		await env.halo.post(
			'SoftwareLicence',
			run.licences(output).map((entry) => entry.payload),
		);
	}
}

describe("Mapping Resolver in a workflow, on the sandboxes' overlapping data", () => {
	it('accounts for every Westcoast customer once, by the documented rules, with payloads Halo accepts', async () => {
		const run = await plan({ mapping: { updateSiteAddress: true, topLevelId: '1' } });
		expect(run.result.error).toBeUndefined();
		const customers = env.sandboxes.westcoast.state().customers.map((c) => String(c.AccountId));
		const mapped = run.mapping('mapped');
		const created = run.mapping('create');
		const reviewed = run.mapping('review').filter((entry) => entry.subject === 'westcoastCustomer');
		const placed = [...mapped, ...created, ...reviewed].map((entry) => String(entry.westcoastId));
		expect(placed.sort()).toEqual([...customers].sort());

		const rules = new Set(mapped.map((entry) => entry.matchedBy));
		expect(rules).toEqual(new Set(['link', 'exactName']));
		expect(reviewed.map((entry) => entry.reason)).toContain('psaNameAmbiguous');
		expect(run.mapping('table')).toHaveLength(customers.length);
		expect(
			created.every((entry) => (entry.payload as Record<string, unknown>).toplevel_id === 1),
		).toBe(true);

		// pairedItem points at the Westcoast item and the PSA customer it matched
		for (const item of run.mappingItems('mapped')) {
			const pairs = item.pairedItem as Array<{ input: number; item: number }>;
			expect(pairs.find((pair) => pair.input === 0)?.item).toBe(
				customers.indexOf(String(item.json.westcoastId)),
			);
			expect(pairs.some((pair) => pair.input === 1)).toBe(true);
		}

		await applyMapping(run); // strict mode: a field Halo lacks would throw here
		const again = await plan({ mapping: { updateSiteAddress: true, topLevelId: '1' } });
		expect(again.mapping('create')).toHaveLength(0);
		expect(again.mapping('addressChanges')).toHaveLength(0);
		expect(
			again.mapping('mapped').every((entry) => entry.matchedBy === 'link' && !entry.link),
		).toBe(true);
		const pairs = (entries: Record<string, unknown>[]) =>
			entries.map((e) => `${e.westcoastId}>${e.psaId}`).sort();
		expect(pairs(again.mapping('mapped'))).toEqual(
			pairs([
				...mapped,
				...(await env.halo.list('Client', 'clients')).flatMap((client) => {
					const link = (client.external_links as Array<Record<string, unknown>>).find((l) =>
						created.some((c) => c.westcoastId === l.third_party_id),
					);
					return link ? [{ westcoastId: link.third_party_id, psaId: String(client.id) }] : [];
				}),
			]),
		);
	});
});

describe('Mapping Resolver in a workflow: a duplicate client already in Halo', () => {
	it('blocks only its own Westcoast customer, naming both clients', async () => {
		await applyMapping(await plan({ mapping: { topLevelId: '1' } }));
		const before = await plan({ mapping: { topLevelId: '1' } });
		const [victim, ...others] = before.mapping('mapped');
		// A second client carrying the same link, as a create after an incomplete read would leave it.
		const link = (await env.halo.list('Client', 'clients')).find(
			(client) => String(client.id) === String(victim.psaId),
		)!.external_links as Array<Record<string, unknown>>;
		await env.halo.post('Client', [
			{
				name: `${victim.psaName} (copy)`,
				toplevel_id: 1,
				new_external_link: { ...link[0], id: undefined },
			},
		]);
		const copy = (await env.halo.list('Client', 'clients')).find(
			(client) => client.name === `${victim.psaName} (copy)`,
		)!;

		const after = await plan({ mapping: { topLevelId: '1' } });
		expect(after.result.error).toBeUndefined();
		const reviewed = after
			.mapping('review')
			.filter((entry) => entry.subject === 'westcoastCustomer');
		expect(reviewed.find((entry) => entry.westcoastId === victim.westcoastId)).toMatchObject({
			reason: 'linkAmbiguous',
			psaIds: [victim.psaId, copy.id].map(Number),
		});
		const pairs = (entries: Record<string, unknown>[]) =>
			entries.map((e) => `${e.westcoastId}>${e.psaId}`).sort();
		expect(pairs(after.mapping('mapped'))).toEqual(pairs(others));
		expect(after.mapping('create')).toHaveLength(0);
	});
});

describe('Licence Sync in a workflow: plan, apply, change upstream, plan again', () => {
	/** Customers, then licences, then the add-on parent links the first licence pass could not know. */
	async function syncedOnce(licenceOptions: Record<string, unknown> = {}) {
		await applyMapping(await plan());
		const first = await plan({ licences: licenceOptions });
		expect(first.result.error).toBeUndefined();
		await applyLicences(first);
		await applyLicences(await plan({ licences: licenceOptions }));
		return first;
	}

	const linkedLicence = async (subscriptionId: unknown) =>
		(await env.halo.list('SoftwareLicence', 'licences')).find(
			(l) => l[HALO_LICENCE_FIELDS.westcoastLink] === String(subscriptionId),
		);

	it('creates and corrects licences, then has nothing left to do', async () => {
		const first = await syncedOnce();
		expect(first.licences('create').length).toBeGreaterThan(0);
		expect(first.licences('update').length).toBeGreaterThan(0);
		const summary = first.licences('summary')[0] as { byAction: Record<string, number> };
		expect(summary.byAction.create).toBe(first.licences('create').length);

		// Add-ons whose parent licence was created by the first pass get parent_id now, and only that.
		const createdParents = new Set(
			first.licences('create').map((entry) => entry.westcoastSubscriptionId),
		);
		const second = await plan();
		expect(second.licences('create')).toHaveLength(0);
		expect(second.licences('deactivate')).toHaveLength(0);
		for (const entry of second.licences('update')) {
			expect(entry.changes).toEqual([expect.objectContaining({ field: 'parent_id', from: null })]);
			expect(
				first
					.licences('create')
					.find((c) => c.westcoastSubscriptionId === entry.westcoastSubscriptionId)
					?.unresolvedParentSubscriptionId,
			).toEqual(expect.any(String));
		}
		expect(createdParents.size).toBeGreaterThan(0);
		await applyLicences(second);

		const third = await plan();
		for (const output of ['create', 'update', 'deactivate'] as const)
			expect(third.licences(output)).toHaveLength(0);
		expect(third.licences('unchanged').length).toBeGreaterThan(0);
	});

	it('turns a deletion, a cancellation and a quantity change upstream into exactly those changes', async () => {
		await syncedOnce();
		const { subscriptions } = env.sandboxes.westcoast.state();
		const linkable = [];
		const seatBased = (s: (typeof subscriptions)[number]) =>
			s.PriceableItems?.some((item) => item.IsUdrcField);
		for (const s of subscriptions.filter(
			(s) =>
				s.AccountState === 'Active' &&
				!s.DependencyAccountId &&
				s.ParentType !== 'User' &&
				seatBased(s),
		)) {
			const licence = await linkedLicence(s.AccountId);
			if (licence && licence.is_active) linkable.push({ subscription: s, licence });
		}
		const [deleted, cancelled, resized] = linkable;
		env.sandboxes.westcoast.admin.deleteSubscription(Number(deleted.subscription.AccountId));
		env.sandboxes.westcoast.admin.cancelSubscription(Number(cancelled.subscription.AccountId));
		const newCount = Number(resized.licence.count) + 5;
		env.sandboxes.westcoast.admin.setSubscriptionQuantity(
			Number(resized.subscription.AccountId),
			newCount,
		);

		const next = await plan();
		expect(next.result.error).toBeUndefined();
		const deactivations = next.licences('deactivate');
		const byLicence = (id: unknown) => deactivations.find((entry) => entry.psaLicenceId === id);
		expect(byLicence(deleted.licence.id)).toMatchObject({
			reason: expect.objectContaining({ code: 'deletedUpstreamZeroed' }),
			payload: { id: deleted.licence.id, count: 0 },
		});
		expect(byLicence(cancelled.licence.id)).toMatchObject({
			reason: expect.objectContaining({ code: 'inactiveUpstream' }),
			payload: { id: cancelled.licence.id, is_active: false },
		});
		const resizedUpdate = next
			.licences('update')
			.find((entry) => entry.psaLicenceId === resized.licence.id);
		expect(resizedUpdate?.changes).toEqual([
			{ field: 'count', from: resized.licence.count, to: newCount },
		]);
		expect(next.licences('create')).toHaveLength(0);

		await applyLicences(next);
		expect(await linkedLicence(deleted.subscription.AccountId)).toMatchObject({
			count: 0,
			is_active: true,
		});
		expect(await linkedLicence(cancelled.subscription.AccountId)).toMatchObject({
			is_active: false,
		});
		expect(await linkedLicence(resized.subscription.AccountId)).toMatchObject({ count: newCount });
	});

	it('deactivates instead of zeroing when "Deactivate Licences Deleted in Westcoast" is on', async () => {
		await syncedOnce({ deactivateDeleted: true });
		const target = env.sandboxes.westcoast
			.state()
			.subscriptions.find(
				(s) => s.AccountState === 'Active' && !s.DependencyAccountId && s.ParentType !== 'User',
			)!;
		const licence = await linkedLicence(target.AccountId);
		env.sandboxes.westcoast.admin.deleteSubscription(Number(target.AccountId));
		const next = await plan({ licences: { deactivateDeleted: true } });
		const entry = next.licences('deactivate').find((e) => e.psaLicenceId === licence?.id);
		expect(entry).toMatchObject({
			reason: expect.objectContaining({ code: 'deletedUpstream' }),
			payload: { id: licence?.id, is_active: false },
		});
		expect((entry?.payload as Record<string, unknown>).count).toBeUndefined();
	});

	it('a duplicate licence already in Halo blocks only its own subscription', async () => {
		await syncedOnce();
		const { subscriptions } = env.sandboxes.westcoast.state();
		const linked = [];
		for (const s of subscriptions.filter((s) => s.AccountState === 'Active')) {
			const licence = await linkedLicence(s.AccountId);
			if (licence) linked.push({ subscription: s, licence });
		}
		const [duplicated, resized] = linked;
		// A copy of one licence, as an earlier run's read anomaly would have created it.
		const { id: _id, ...copy } = duplicated.licence;
		await env.halo.post('SoftwareLicence', [copy]);
		const copyId = (await env.halo.list('SoftwareLicence', 'licences'))
			.filter(
				(l) => l[HALO_LICENCE_FIELDS.westcoastLink] === String(duplicated.subscription.AccountId),
			)
			.map((l) => l.id)
			.find((id) => id !== duplicated.licence.id);
		const newCount = Number(resized.licence.count) + 2;
		env.sandboxes.westcoast.admin.setSubscriptionQuantity(
			Number(resized.subscription.AccountId),
			newCount,
		);

		const next = await plan();
		expect(next.result.error).toBeUndefined();
		const blocked = next
			.licences('skipped')
			.filter((entry) => (entry.reason as { code: string }).code === 'duplicateLicences');
		expect(blocked).toEqual([
			expect.objectContaining({
				westcoastSubscriptionId: String(duplicated.subscription.AccountId),
				psaLicenceIds: [duplicated.licence.id, copyId],
			}),
		]);
		expect((blocked[0].reason as { message: string }).message).toContain(
			`PSA licences ${duplicated.licence.id} and ${copyId} all store Westcoast subscription ${duplicated.subscription.AccountId}`,
		);
		// Everyone else is planned: the resize goes through, nothing is created or deactivated.
		expect(
			next
				.licences('update')
				.map((entry) => [entry.psaLicenceId, (entry.payload as { count?: number }).count]),
		).toEqual([[resized.licence.id, newCount]]);
		expect(next.licences('create')).toHaveLength(0);
		expect(next.licences('deactivate')).toHaveLength(0);
	});

	it('remembers accepted plans in workflow static data: a read losing a few subscriptions every run is stopped', async () => {
		await syncedOnce();
		const { subscriptions } = env.sandboxes.westcoast.state();
		// Leaves only (no add-ons hang off them), so each deletion zeroes exactly one licence.
		const parents = new Set(subscriptions.map((s) => String(s.DependencyAccountId ?? '')));
		const linked: typeof subscriptions = [];
		for (const s of subscriptions.filter(
			(s) => s.AccountState === 'Active' && !parents.has(String(s.AccountId)),
		)) {
			const licence = await linkedLicence(s.AccountId);
			if (licence && licence.is_active && Number(licence.count) > 0) linked.push(s);
		}
		const staticData = {};
		const scheduled = { mode: 'trigger' as const, staticData };
		// Three a run: each run alone stays within the always-allowed minimum of 3.
		const loseThree = () => {
			for (const s of linked.splice(0, 3))
				env.sandboxes.westcoast.admin.deleteSubscription(Number(s.AccountId));
		};
		const windowOf = (run: Awaited<ReturnType<typeof plan>>) =>
			(run.licences('summary')[0] as { window?: Record<string, unknown> }).window;

		loseThree();
		const first = await plan({ run: scheduled });
		expect(first.result.error).toBeUndefined();
		expect(first.licences('deactivate')).toHaveLength(3);
		expect(windowOf(first)).toMatchObject({
			applied: true,
			earlierRuns: 0,
			deactivations: 3,
			thisRun: 3,
		});
		await applyLicences(first);

		loseThree();
		// A manual run has no memory: only its own 3 count, and it says so.
		const manual = await plan();
		expect(manual.result.error).toBeUndefined();
		expect(windowOf(manual)).toMatchObject({ applied: false, deactivations: 3 });
		expect(String(windowOf(manual)?.note)).toMatch(/^Manual run/);
		// The next scheduled run remembers the first: 6 in the window is more than 20 % of the live licences.
		const second = await plan({ run: scheduled });
		expect(second.result.error?.message).toMatch(
			/^Over the last 7 days the plans would deactivate or zero 6 of \d+ live linked licences .* "Max Deactivations \(%\)" \(20%/,
		);
		expect(second.licences('deactivate')).toHaveLength(0);
	});

	it('Guard Memory "From Expression" (queue mode): each run gets the last Summary\'s guardMemory and no static data, and the erosion is stopped all the same', async () => {
		await syncedOnce();
		const { subscriptions } = env.sandboxes.westcoast.state();
		const parents = new Set(subscriptions.map((s) => String(s.DependencyAccountId ?? '')));
		const linked: typeof subscriptions = [];
		for (const s of subscriptions.filter(
			(s) => s.AccountState === 'Active' && !parents.has(String(s.AccountId)),
		)) {
			const licence = await linkedLicence(s.AccountId);
			if (licence && licence.is_active && Number(licence.count) > 0) linked.push(s);
		}
		const loseThree = () => {
			for (const s of linked.splice(0, 3))
				env.sandboxes.westcoast.admin.deleteSubscription(Number(s.AccountId));
		};
		// As a queue-mode worker runs it: fresh static data every run, the memory from the expression.
		const runWith = (memory: unknown, mode: 'trigger' | 'manual' = 'trigger') =>
			plan({
				licences: { guardMemory: 'expression', guardMemoryJson: JSON.stringify(memory) },
				run: mode === 'manual' ? {} : { mode, staticData: {} },
			});
		const summaryOf = (run: Awaited<ReturnType<typeof plan>>) =>
			run.licences('summary')[0] as {
				window?: Record<string, unknown>;
				guardMemory?: { acceptedPlans: Array<{ deactivated: string[] }> };
			};

		loseThree();
		const first = await runWith({});
		expect(first.result.error).toBeUndefined();
		expect(summaryOf(first).window).toMatchObject({
			applied: true,
			earlierRuns: 0,
			deactivations: 3,
		});
		const kept = summaryOf(first).guardMemory;
		expect(kept?.acceptedPlans.map((entry) => entry.deactivated.length)).toEqual([3]);
		await applyLicences(first);

		loseThree();
		// A manual run keeps no memory, so it has none to store.
		const manual = await runWith(kept, 'manual');
		expect(manual.result.error).toBeUndefined();
		expect(summaryOf(manual).window).toMatchObject({ applied: false });
		expect(summaryOf(manual).guardMemory).toBeUndefined();
		// Without the memory the next run would pass; with it, 6 in the window is refused.
		expect((await runWith({})).result.error).toBeUndefined();
		const second = await runWith(kept);
		expect(second.result.error?.message).toMatch(
			/^Over the last 7 days the plans would deactivate or zero 6 of \d+ live linked licences/,
		);
		expect(second.licences('deactivate')).toHaveLength(0);

		// A memory that is not one stops the run, naming the field.
		const broken = await runWith({ acceptedPlans: [{ at: 'yesterday' }] });
		expect(broken.result.error?.message).toBe(
			'Guard Memory (JSON): The guard memory\'s accepted plan 1 has no ISO date "at"',
		);
	});

	it('a customer deleted in Westcoast: its PSA customer goes to Needs Review and its licences are zeroed', async () => {
		await syncedOnce();
		const before = await plan();
		const licences = await env.halo.list('SoftwareLicence', 'licences');
		// The mapped customer with the fewest live linked licences (at least one), so the limit lets it through.
		const liveOf = (psaId: unknown) =>
			licences.filter(
				(l) =>
					String(l.client_id) === String(psaId) &&
					l[HALO_LICENCE_FIELDS.westcoastLink] &&
					l.is_active === true &&
					Number(l.count) > 0,
			);
		const [victim] = before
			.mapping('mapped')
			.filter((entry) => liveOf(entry.psaId).length > 0)
			.sort((a, b) => liveOf(a.psaId).length - liveOf(b.psaId).length);
		const victimLicences = liveOf(victim.psaId).map((l) => l.id);
		env.sandboxes.westcoast.admin.deleteCustomer(Number(victim.westcoastId));

		const after = await plan();
		expect(after.result.error).toBeUndefined();
		expect(
			after.mapping('review').filter((entry) => entry.reason === 'westcoastCustomerDeleted'),
		).toEqual([expect.objectContaining({ psaId: victim.psaId, westcoastId: victim.westcoastId })]);
		const zeroed = after
			.licences('deactivate')
			.filter((entry) => (entry.reason as { code: string }).code === 'deletedUpstreamZeroed');
		expect(zeroed.map((entry) => entry.psaLicenceId).sort()).toEqual([...victimLicences].sort());
		// The PSA customer is never written: no customer write names it.
		expect(after.mapping('create')).toHaveLength(0);
		expect(after.mapping('mapped').find((e) => e.psaId === victim.psaId)).toMatchObject({
			westcoastDeleted: true,
		});
	});

	it('refuses the whole plan when too many licences would go at once', async () => {
		await syncedOnce();
		for (const s of env.sandboxes.westcoast
			.state()
			.subscriptions.filter((s) => !s.DependencyAccountId)) {
			env.sandboxes.westcoast.admin.deleteSubscription(Number(s.AccountId));
		}
		env.sandboxes.westcoast.admin.createSubscription({
			customerId: Number(env.sandboxes.westcoast.state().customers[0].AccountId),
			productName: 'Keep the input non-empty',
		});
		const next = await plan();
		expect(next.result.error?.message).toMatch(/deactivate or zero/i);
		expect(next.licences('deactivate')).toHaveLength(0);
	});

	it('a failed Westcoast read stops the workflow before Licence Sync plans anything', async () => {
		await syncedOnce();
		env.sandboxes.westcoast.admin.setFaults({
			unavailable: { count: 100, status: 503 },
			calls: ['GetSubscriptions'],
		});
		const next = await plan({});
		expect(next.result.error?.message).toMatch(/GetSubscriptions/);
		expect(next.result.output(NODES.licences)).toHaveLength(0);
	});
});
