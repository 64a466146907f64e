/**
 * The Settings node a user edits (one field per knob of Halo's own Westcoast
 * module), the expressions other nodes read it with, and the check that
 * stops a run on a value the workflow cannot use.
 */
import { HALO_TOP_LEVEL_ID } from '../../core/psa/halo';
import { ifAllTrue, setFields, stopWithError, type Field } from './base-nodes';
import type { Position, WorkflowGraph } from './graph';

export const SETTINGS_NODE = 'Settings';
export const INVALID_SETTINGS_NODE = 'Invalid Settings';

/** Field names of the Settings node: what the user sees and edits. */
export const SETTING = {
	entities: 'Entities to Sync',
	haloBaseUrl: 'Halo Base URL',
	topLevel: 'Top Level for New Customers',
	updateSiteAddress: 'Update Main Site Address',
	deactivateDeleted: 'Deactivate Licences Deleted in Westcoast',
	readsPerBatch: 'Halo Reads per Batch',
	dryRun: 'Dry Run',
	approval: 'Approval Before Big Changes',
	approveOver: 'Approve Changes Over',
	approvalTimeout: 'Approval Timeout (Hours)',
} as const;

export type SettingName = (typeof SETTING)[keyof typeof SETTING];
export type SettingValues = Partial<Record<SettingName, string | boolean | number>>;

export const ENTITIES = ['customers', 'subscriptions', 'both'] as const;

/** What a shipped workflow holds until the user edits it. */
const DEFAULTS: Record<SettingName, Pick<Field, 'type' | 'value'>> = {
	[SETTING.entities]: { type: 'string', value: 'both' },
	[SETTING.haloBaseUrl]: { type: 'string', value: 'https://yourco.halopsa.com' },
	[SETTING.topLevel]: { type: 'string', value: '' },
	[SETTING.updateSiteAddress]: { type: 'boolean', value: false },
	[SETTING.deactivateDeleted]: { type: 'boolean', value: false },
	[SETTING.readsPerBatch]: { type: 'number', value: 8 },
	[SETTING.dryRun]: { type: 'boolean', value: false },
	[SETTING.approval]: { type: 'boolean', value: false },
	[SETTING.approveOver]: { type: 'number', value: 25 },
	[SETTING.approvalTimeout]: { type: 'number', value: 24 },
};

/** An expression (without braces) reading one setting. */
export const setting = (name: SettingName) =>
	`$('${SETTINGS_NODE}').first().json[${JSON.stringify(name)}]`;

const entities = `String(${setting(SETTING.entities)}).trim().toLowerCase()`;
export const SYNCS_CUSTOMERS = `['customers', 'both'].includes(${entities})`;
export const SYNCS_SUBSCRIPTIONS = `['subscriptions', 'both'].includes(${entities})`;

/** `{{ }}` of a Halo API URL, e.g. haloApiUrl('Client'). */
export const haloApiUrl = (entity: string) =>
	`={{ String(${setting(SETTING.haloBaseUrl)}).trim().replace(/\\/+$/, '') }}/api/${entity}`;

/**
 * Adds Settings (these fields, in this order, with their defaults) and
 * "Settings Valid?", which stops the run on an unusable value. Returns the
 * node the workflow goes on from.
 */
export function addSettings(
	graph: WorkflowGraph,
	position: Position,
	names: SettingName[],
): string {
	const [x, y] = position;
	const settings = graph.add(
		setFields(
			SETTINGS_NODE,
			position,
			names.map((name) => ({ name, ...DEFAULTS[name] })),
		),
	);
	// Each check with the plain words the user gets when it fails.
	const rules: Array<[check: string, rule: string]> = [
		[
			`/^https?:\\/\\/\\S+$/.test(String(${setting(SETTING.haloBaseUrl)}).trim())`,
			`"${SETTING.haloBaseUrl}" must be your Halo URL (https://...)`,
		],
	];
	if (names.includes(SETTING.entities))
		rules.push([
			`${JSON.stringify(ENTITIES)}.includes(${entities})`,
			`"${SETTING.entities}" one of ${ENTITIES.join(', ')}`,
		]);
	if (names.includes(SETTING.readsPerBatch))
		rules.push([
			`/^([1-9]|[1-4]\\d|50)$/.test(String(${setting(SETTING.readsPerBatch)}).trim())`,
			`"${SETTING.readsPerBatch}" a whole number from 1 to 50`,
		]);
	if (names.includes(SETTING.topLevel))
		rules.push([
			// Halo's own rule (core/psa/halo.ts), or empty.
			`(${HALO_TOP_LEVEL_ID}.test(String(${setting(SETTING.topLevel)} ?? '').trim()) || String(${setting(SETTING.topLevel)} ?? '').trim() === '')`,
			`"${SETTING.topLevel}" empty or the number of a Halo top level (e.g. 12)`,
		]);
	if (names.includes(SETTING.approveOver))
		rules.push([
			`/^\\d{1,6}$/.test(String(${setting(SETTING.approveOver)}).trim())`,
			`"${SETTING.approveOver}" a whole number (0 or more)`,
		]);
	if (names.includes(SETTING.approvalTimeout))
		rules.push([
			`Number(${setting(SETTING.approvalTimeout)}) > 0 && Number(${setting(SETTING.approvalTimeout)}) <= 720`,
			`"${SETTING.approvalTimeout}" a number of hours above 0 (at most 720)`,
		]);
	const valid = graph.add(
		ifAllTrue(
			'Settings Valid?',
			[x + 220, y],
			rules.map(([check]) => check),
		),
	);
	const invalid = graph.add(
		stopWithError(
			INVALID_SETTINGS_NODE,
			[x + 440, y + 160],
			`Check the Settings node: ${rules
				.map(([, rule], i) => (i > 0 && i === rules.length - 1 ? `and ${rule}` : rule))
				.join(', ')}.`,
		),
	);
	graph.connect(settings, valid);
	graph.connect(valid, invalid, 1);
	return valid;
}
