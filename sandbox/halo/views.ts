/** Records as reads return them: stored fields plus what Halo joins in from related tables. */
import { HALO_ADDRESS_FIELDS as ADDRESS } from '../../core/psa/halo';
import type { ClientRecord, LicenceRecord, SiteRecord } from './records';
import { HaloStore, LINK_TABLE } from './store';

/** Fields a read computes; a write that sends them changes nothing. */
export const CLIENT_JOINED_FIELDS = [
	'toplevel_name',
	'main_site_name',
	'main_delivery_address',
	'external_links',
] as const;
export const SITE_JOINED_FIELDS = [
	'client_name',
	'external_links',
	'delivery_address_line1',
	'delivery_address_line2',
	'delivery_address_line3',
	'delivery_address_line4',
	'delivery_address_line5',
] as const;
export const LICENCE_JOINED_FIELDS = ['client_name', 'site_name'] as const;

export function clientView(store: HaloStore, client: ClientRecord) {
	const site = store.find('sites', client.main_site_id);
	return {
		...structuredClone(client),
		toplevel_name: store.find('toplevels', client.toplevel_id)?.name ?? null,
		main_site_name: site?.name ?? null,
		main_delivery_address: site ? structuredClone(site.delivery_address) : null,
		external_links: store.linksOf(LINK_TABLE.client, client.id),
	};
}

/** GUESS: Site_List's flat `delivery_address_line1..5` are lines 1-4 and the postcode. */
export function siteView(store: HaloStore, site: SiteRecord) {
	const address = site.delivery_address;
	const lines = [ADDRESS.line1, ADDRESS.line2, ADDRESS.line3, ADDRESS.line4, ADDRESS.postcode];
	return {
		...structuredClone(site),
		client_name: store.find('clients', site.client_id)?.name ?? null,
		...Object.fromEntries(
			lines.map((line, index) => [`delivery_address_line${index + 1}`, address[line] ?? null]),
		),
		external_links: store.linksOf(LINK_TABLE.site, site.id),
	};
}

export function licenceView(store: HaloStore, licence: LicenceRecord) {
	const site = licence.site_id ? store.find('sites', licence.site_id) : undefined;
	return {
		...structuredClone(licence),
		client_name: store.find('clients', licence.client_id)?.name ?? null,
		...(site ? { site_name: site.name } : {}),
	};
}
