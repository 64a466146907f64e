/**
 * Whether Halo holds what the Westcoast data implies, judged from the two
 * sandboxes' states alone (never from the planners' output). Answers every
 * mismatch found, as sentences; none means in step. Licences of subscriptions
 * no longer in Westcoast are left to the tests that delete them.
 */
import { LINK_TABLE, type HaloState, type LicenceRecord } from '../../../sandbox/halo';
import type { SandboxCompany, WestcoastState } from '../../../sandbox/westcoast';
import { WESTCOAST_LINK_TYPE } from '../../../core/psa/halo';
import {
	comparableName,
	companyLevel,
	endDayOf,
	isActive,
	seatsOf,
	termsOf,
} from '../../../harness/daily-sync/westcoast-facts';

export interface HaloCheck {
	westcoast: WestcoastState;
	/** Halo before the first sync: who existed, and which names were taken twice. */
	haloBefore: HaloState;
	haloNow: HaloState;
	/** The Settings the runs used. */
	topLevelId: number | null;
	updateSiteAddress: boolean;
}

/** Westcoast customer id -> Halo client ids whose links name it (Westcoast or untyped links). */
function clientLinks(halo: HaloState): Map<string, number[]> {
	const links = new Map<string, number[]>();
	for (const link of halo.externalLinks) {
		const type = link.third_party_type ?? WESTCOAST_LINK_TYPE;
		if (link.table_id !== LINK_TABLE.client || type !== WESTCOAST_LINK_TYPE) continue;
		const ids = links.get(link.third_party_id) ?? [];
		if (!ids.includes(link.halo_id)) ids.push(link.halo_id);
		links.set(link.third_party_id, ids);
	}
	return links;
}

function customerProblems(check: HaloCheck, linksNow: Map<string, number[]>): string[] {
	const { westcoast, haloBefore, haloNow } = check;
	const problems: string[] = [];
	const linksBefore = clientLinks(haloBefore);
	const existedBefore = new Set(haloBefore.clients.map((client) => client.id));
	const describe = (customer: SandboxCompany) =>
		`Westcoast customer ${customer.AccountId} "${customer.CompanyName}"`;

	for (const customer of westcoast.customers) {
		const id = String(customer.AccountId);
		const linked = linksNow.get(id) ?? [];
		const sameNamed = haloBefore.clients.filter((client) => client.name === customer.CompanyName);
		// Documented review case: two Halo clients share its name, so neither is picked.
		const expected = !isActive(customer) ? null : sameNamed.length >= 2 ? 0 : 1;
		if (linked.length > 1)
			problems.push(`${describe(customer)} is linked from Halo clients ${linked.join(', ')}`);
		else if (expected !== null && linked.length !== expected)
			problems.push(
				`${describe(customer)} is linked from ${linked.length} Halo clients, expected ${expected}`,
			);
		if (linked.length !== 1) continue;

		const client = haloNow.clients.find((candidate) => candidate.id === linked[0]);
		if (!client) {
			problems.push(
				`${describe(customer)} is linked from Halo client ${linked[0]}, which does not exist`,
			);
			continue;
		}
		if (existedBefore.has(client.id)) {
			const sameName = comparableName(client.name) === comparableName(customer.CompanyName);
			if (!sameName && !(linksBefore.get(id) ?? []).includes(client.id))
				problems.push(
					`${describe(customer)} is linked to Halo client ${client.id} "${client.name}", a different name`,
				);
		} else {
			if (!isActive(customer))
				problems.push(`${describe(customer)} is not Active but was created in Halo`);
			if (client.name !== customer.CompanyName)
				problems.push(`${describe(customer)} was created as "${client.name}"`);
			if (check.topLevelId !== null && client.toplevel_id !== check.topLevelId)
				problems.push(
					`${describe(customer)} was created under top level ${client.toplevel_id}, expected ${check.topLevelId}`,
				);
		}
		const address = haloNow.sites.find((site) => site.id === client.main_site_id)?.delivery_address;
		const addressExpected = check.updateSiteAddress || !existedBefore.has(client.id);
		if (
			addressExpected &&
			customer.Address &&
			(address?.line1 !== customer.Address || address?.postcode !== customer.Zip)
		)
			problems.push(
				`${describe(customer)}: Halo client ${client.id}'s main site is at "${address?.line1}, ${address?.postcode}", Westcoast says "${customer.Address}, ${customer.Zip}"`,
			);
	}

	const linkedClients = new Map<number, string[]>();
	for (const [westcoastId, clients] of linksNow)
		for (const client of clients)
			linkedClients.set(client, [...(linkedClients.get(client) ?? []), westcoastId]);
	for (const [client, westcoastIds] of linkedClients)
		if (westcoastIds.length > 1)
			problems.push(
				`Halo client ${client} is linked to Westcoast customers ${westcoastIds.join(', ')}`,
			);
	const stored = new Map<string, number>();
	for (const link of haloNow.externalLinks) {
		const type = link.third_party_type ?? WESTCOAST_LINK_TYPE;
		if (link.table_id !== LINK_TABLE.client || type !== WESTCOAST_LINK_TYPE) continue;
		const key = `${link.halo_id}/${link.third_party_id}`;
		stored.set(key, (stored.get(key) ?? 0) + 1);
	}
	for (const [key, copies] of stored)
		if (copies > 1) {
			const [client, westcoastId] = key.split('/');
			problems.push(
				`Halo client ${client} holds the link to Westcoast customer ${westcoastId} ${copies} times`,
			);
		}
	for (const client of haloNow.clients)
		if (!existedBefore.has(client.id) && !linkedClients.has(client.id))
			problems.push(
				`Halo client ${client.id} "${client.name}" was created without a Westcoast link`,
			);
	return problems;
}

function licenceProblems(check: HaloCheck, linksNow: Map<string, number[]>): string[] {
	const { westcoast, haloBefore, haloNow } = check;
	const problems: string[] = [];
	const byLink = new Map<string, LicenceRecord[]>();
	for (const licence of haloNow.licences) {
		const link = licence.third_party_product;
		if (typeof link === 'string' && link !== '')
			byLink.set(link, [...(byLink.get(link) ?? []), licence]);
	}
	const linkedBefore = new Set(haloBefore.licences.map((licence) => licence.third_party_product));

	for (const [link, licences] of byLink)
		if (licences.length > 1)
			problems.push(
				`Licences ${licences.map((licence) => licence.id).join(', ')} all hold Westcoast subscription ${link}`,
			);

	for (const subscription of companyLevel(westcoast)) {
		const id = String(subscription.AccountId);
		const what = `Westcoast subscription ${id} (${subscription.ProductName}, ${subscription.AccountState})`;
		const licences = byLink.get(id) ?? [];
		const clients = linksNow.get(String(subscription.CompanyAccountId)) ?? [];
		const seats = seatsOf(subscription);
		const created = licences.length > 0 && !linkedBefore.has(id);

		if (clients.length !== 1) {
			if (created) problems.push(`${what}: its customer is not mapped, yet a licence was created`);
			continue;
		}
		if (!isActive(subscription)) {
			if (created) problems.push(`${what}: a licence was created though it is not Active`);
			for (const licence of licences)
				if (licence.is_active !== false)
					problems.push(`${what}: licence ${licence.id} is still active`);
			continue;
		}
		if (seats === null) {
			if (created) problems.push(`${what}: a licence was created though it has no seat count`);
			continue;
		}
		if (licences.length !== 1) {
			problems.push(`${what}: ${licences.length} licences hold its id, expected 1`);
			continue;
		}
		const [licence] = licences;
		const expected = {
			// Named after the product, not the service every product of it shares.
			name: String(subscription.ProductName).trim(),
			client_id: clients[0],
			count: seats,
			end_date: endDayOf(subscription),
			is_active: true,
			...termsOf(subscription),
			...(subscription.DependencyAccountId
				? { parent_id: byLink.get(String(subscription.DependencyAccountId))?.[0]?.id }
				: {}),
		};
		const actual = {
			name: licence.name,
			client_id: licence.client_id,
			count: licence.count,
			end_date: typeof licence.end_date === 'string' ? licence.end_date.slice(0, 10) : null,
			is_active: licence.is_active,
			billing_cycle: licence.billing_cycle,
			term_duration: licence.term_duration,
			autorenew: licence.autorenew,
			start_date: typeof licence.start_date === 'string' ? licence.start_date.slice(0, 10) : null,
			...(subscription.DependencyAccountId ? { parent_id: licence.parent_id } : {}),
		};
		for (const [field, value] of Object.entries(expected)) {
			const found = actual[field as keyof typeof actual];
			if (value !== undefined && found !== value)
				problems.push(
					`${what}: licence ${licence.id} has ${field} ${JSON.stringify(found)}, expected ${JSON.stringify(value)}`,
				);
		}
	}
	return problems;
}

export interface HaloProblems {
	customers: string[];
	licences: string[];
}

export function haloProblems(check: HaloCheck): HaloProblems {
	const linksNow = clientLinks(check.haloNow);
	return {
		customers: customerProblems(check, linksNow),
		licences: licenceProblems(check, linksNow),
	};
}
