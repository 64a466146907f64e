import { HALO_PRESET } from '../psa/halo';
import { definedOnly } from '../read';
import { isTextList, refuseOption as refuse } from '../refusal';
import { TERM_FIELDS, type LicencePlanOptions, type PartialLicencePlanOptions } from './types';

/**
 * Licence Sync's option labels, as the node shows them: refusal messages name
 * the option to change by its label (a unit test holds them equal to the node's).
 */
export const OPTION_LABEL = {
	maxDeactivationPercent: 'Max Deactivations (%)',
	minDeactivationsBeforeLimit: 'Limit Applies Above',
	guardWindowDays: 'Guard Window (Days)',
} as const;

const NAME_RULES = ['auto', 'productName', 'vendorDisplayName', 'serviceDisplayName'];

export const DEFAULT_LICENCE_PLAN_OPTIONS: Readonly<LicencePlanOptions> = {
	state: 'activeOnly',
	productFilter: [],
	customers: 'allMapped',
	deactivateDeleted: false,
	deletionScope: 'allMapped',
	includeAddons: true,
	syncPrices: false,
	syncTerms: TERM_FIELDS,
	licenceName: 'auto',
	maxDeactivationPercent: 20,
	minDeactivationsBeforeLimit: 3,
	emitUnchanged: true,
	emitSkipped: true,
	fields: HALO_PRESET.licenceFields,
};

const refuseOption = (name: string, problem: string) => refuse('Licence Sync', name, problem);

/** Defaults filled in and every option checked, so a typo cannot turn into a wrong plan. */
export function resolveOptions(options: PartialLicencePlanOptions): LicencePlanOptions {
	const resolved: LicencePlanOptions = {
		...DEFAULT_LICENCE_PLAN_OPTIONS,
		...definedOnly(options),
		fields: { ...HALO_PRESET.licenceFields, ...definedOnly(options.fields ?? {}) },
	};
	if (!['all', 'activeOnly'].includes(resolved.state)) {
		refuseOption('state', 'must be "all" or "activeOnly"');
	}
	if (!['allMapped', 'customersInInput'].includes(resolved.deletionScope)) {
		refuseOption('deletionScope', 'must be "allMapped" or "customersInInput"');
	}
	const percent = resolved.maxDeactivationPercent;
	if (typeof percent !== 'number' || !(percent >= 0 && percent <= 100)) {
		refuseOption('maxDeactivationPercent', 'must be a number from 0 to 100');
	}
	const floor = resolved.minDeactivationsBeforeLimit;
	if (!Number.isInteger(floor) || floor < 0) {
		refuseOption('minDeactivationsBeforeLimit', 'must be a whole number of 0 or more');
	}
	if (!isTextList(resolved.productFilter)) {
		refuseOption('productFilter', 'must be a list of names or patterns');
	}
	if (
		!isTextList(resolved.syncTerms) ||
		resolved.syncTerms.some((term) => !(TERM_FIELDS as readonly string[]).includes(term))
	) {
		refuseOption('syncTerms', `must list some of ${TERM_FIELDS.join(', ')}`);
	}
	const rule = resolved.licenceName;
	const custom = typeof rule === 'object' && rule !== null ? rule.custom : undefined;
	if (
		!(typeof rule === 'string' && NAME_RULES.includes(rule)) &&
		!(Array.isArray(custom) && custom.every((name) => name === null || typeof name === 'string'))
	) {
		refuseOption('licenceName', `must be one of ${NAME_RULES.join(', ')}, or custom names`);
	}
	if (resolved.customers !== 'allMapped' && !isTextList(resolved.customers)) {
		refuseOption('customers', 'must be "allMapped" or a list of Westcoast customer IDs');
	}
	for (const [key, name] of Object.entries(resolved.fields)) {
		if (typeof name !== 'string' || name.trim() === '') {
			refuseOption(`fields.${key}`, 'must name a PSA field');
		}
	}
	return resolved;
}
