import { HALO_PRESET } from '../psa/halo';
import { definedOnly, isRecord } from '../read';
import { refuseOption as refuse } from '../refusal';
import type { MappingOptions } from './types';

export const DEFAULT_MAPPING_OPTIONS: Readonly<MappingOptions> = {
	fields: HALO_PRESET.customerFields,
	manualMappings: [],
	matchExactName: true,
	matchNormalizedName: false,
	createMissing: true,
	createInactive: false,
	topLevelId: null,
	updateSiteAddress: false,
	maxCandidates: 3,
};

const refuseOption = (name: string, problem: string) => refuse('Mapping Resolver', name, problem);

/** Fields that may be '' (nothing written there): the create's country, and the country's address line. */
const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['newClientCountry', 'addressParts.country']);

/** Defaults filled in and every option checked, so a typo cannot turn into a wrong plan. */
export function resolveMappingOptions(options: Partial<MappingOptions>): MappingOptions {
	const resolved: MappingOptions = { ...DEFAULT_MAPPING_OPTIONS, ...definedOnly(options) };
	for (const name of [
		'matchExactName',
		'matchNormalizedName',
		'createMissing',
		'createInactive',
		'updateSiteAddress',
	] as const) {
		if (typeof resolved[name] !== 'boolean') refuseOption(name, 'must be true or false');
	}
	if (!Number.isInteger(resolved.maxCandidates) || resolved.maxCandidates < 0) {
		refuseOption('maxCandidates', 'must be a whole number of 0 or more');
	}
	const topLevel = resolved.topLevelId;
	if (topLevel !== null && typeof topLevel !== 'string' && typeof topLevel !== 'number') {
		refuseOption('topLevelId', 'must be a PSA top level ID, or null');
	}
	if (!Array.isArray(resolved.manualMappings)) {
		refuseOption('manualMappings', 'must be a list of rows');
	}
	const { addressParts, addressLines, ...names } = resolved.fields;
	const named = [
		...Object.entries(names),
		...Object.entries(isRecord(addressParts) ? addressParts : {}).map(
			([part, name]) => [`addressParts.${part}`, name] as const,
		),
	];
	if (!isRecord(addressParts)) refuseOption('fields.addressParts', 'must name the address fields');
	for (const [key, name] of named) {
		if (typeof name !== 'string' || (name.trim() === '' && !MAY_BE_EMPTY.has(key))) {
			refuseOption(`fields.${key}`, 'must name a PSA field');
		}
	}
	if (
		!Array.isArray(addressLines) ||
		!addressLines.every((line) => typeof line === 'string' && line.trim() !== '')
	) {
		refuseOption('fields.addressLines', 'must list the address fields');
	}
	return resolved;
}
