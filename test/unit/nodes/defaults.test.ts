import type { INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_GUARD_WINDOW_DAYS,
	DEFAULT_LICENCE_PLAN_OPTIONS,
	OPTION_LABEL,
} from '../../../core/licences';
import { DEFAULT_MAPPING_OPTIONS } from '../../../core/mapping';
import { HALO_PRESET } from '../../../core/psa/halo';
import { LicenceSync } from '../../../nodes/LicenceSync/LicenceSync.node';
import { MappingResolver } from '../../../nodes/MappingResolver/MappingResolver.node';

/** Every parameter by name, options collections flattened. */
function defaults(properties: INodeProperties[]): Record<string, unknown> {
	const byName: Record<string, unknown> = {};
	for (const property of properties) {
		byName[property.name] = property.default;
		if (property.name === 'options' && property.type === 'collection') {
			for (const option of property.options as INodeProperties[])
				byName[option.name] = option.default;
		}
	}
	return byName;
}

describe("node parameter defaults are the planners' defaults", () => {
	it('Licence Sync', () => {
		const node = defaults(new LicenceSync().description.properties);
		for (const key of [
			'state',
			'deactivateDeleted',
			'includeAddons',
			'maxDeactivationPercent',
			'deletionScope',
			'emitUnchanged',
			'emitSkipped',
			'minDeactivationsBeforeLimit',
			'syncPrices',
			'syncTerms',
			'licenceName',
		] as const) {
			expect([key, node[key]]).toEqual([key, DEFAULT_LICENCE_PLAN_OPTIONS[key]]);
		}
		expect(node.westcoastLinkField).toBe(HALO_PRESET.licenceFields.westcoastLink);
		expect(node.guardWindowDays).toBe(DEFAULT_GUARD_WINDOW_DAYS);
	});

	it('Licence Sync labels its options as its refusal messages name them', () => {
		const labels: Record<string, string> = {};
		for (const property of new LicenceSync().description.properties) {
			labels[property.name] = property.displayName;
			if (property.name === 'options')
				for (const option of property.options as INodeProperties[])
					labels[option.name] = option.displayName;
		}
		for (const [name, label] of Object.entries(OPTION_LABEL))
			expect([name, labels[name]]).toEqual([name, label]);
	});

	it('Mapping Resolver', () => {
		const node = defaults(new MappingResolver().description.properties);
		for (const key of [
			'matchExactName',
			'matchNormalizedName',
			'createMissing',
			'updateSiteAddress',
			'createInactive',
			'maxCandidates',
		] as const) {
			expect([key, node[key]]).toEqual([key, DEFAULT_MAPPING_OPTIONS[key]]);
		}
	});

	it('both name their inputs and outputs in the documented order', () => {
		const names = (connections: unknown) =>
			(connections as Array<{ displayName: string }>).map((c) => c.displayName);
		const mapping = new MappingResolver().description;
		expect(names(mapping.inputs)).toEqual(['Westcoast Customers', 'PSA Customers']);
		expect(names(mapping.outputs)).toEqual(['Mapped', 'Create', 'Addresses', 'Review', 'Table']);
		const licences = new LicenceSync().description;
		expect(names(licences.inputs)).toEqual([
			'Westcoast Subscriptions',
			'PSA Licences',
			'Customer Mappings',
		]);
		expect(names(licences.outputs)).toEqual([
			'Create',
			'Update',
			'Deactivate',
			'Unchanged',
			'Skipped',
			'Summary',
		]);
	});
});
