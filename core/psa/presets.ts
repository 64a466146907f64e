import { HALO_PRESET } from './halo';
import type { PsaPreset } from './preset';

/**
 * Custom: Halo's names as the starting point, each one renamable; any Top
 * Level ID text is written as given (digits as a number).
 */
const CUSTOM_PRESET: PsaPreset = {
	...HALO_PRESET,
	key: 'custom',
	label: 'Custom',
	// Halo's create-only country field means nothing to another PSA unless named.
	customerFields: { ...HALO_PRESET.customerFields, newClientCountry: '' },
	readTopLevelId(text) {
		const id = text.trim();
		return { value: id === '' ? null : /^\d+$/.test(id) ? Number(id) : id };
	},
	renamable: undefined,
};

/** Every preset the nodes offer, by their `psaPreset` parameter value. */
export const PSA_PRESETS: Readonly<Record<string, PsaPreset>> = {
	[HALO_PRESET.key]: HALO_PRESET,
	[CUSTOM_PRESET.key]: CUSTOM_PRESET,
};

/** The preset a node parameter names; an unknown name is a bug in the workflow, not bad input. */
export function presetNamed(key: unknown): PsaPreset {
	const preset = typeof key === 'string' ? PSA_PRESETS[key] : undefined;
	if (!preset) throw new Error(`Unknown PSA preset ${JSON.stringify(key)}`);
	return preset;
}
