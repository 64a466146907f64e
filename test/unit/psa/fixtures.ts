import { fieldsFor, type PsaFieldNames, type PsaRenames } from '../../../core/psa/preset';
import { PSA_PRESETS } from '../../../core/psa/presets';

/** The Custom preset's customer field names with these renames, as Mapping Resolver resolves them. */
export const customFields = (renames: PsaRenames['customer']): PsaFieldNames =>
	fieldsFor(PSA_PRESETS.custom, { customer: renames }).customer;
