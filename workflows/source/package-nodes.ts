/** This package's nodes (Westcoast Cloud, Mapping Resolver, Licence Sync) with the credentials the workflows name. */
import { DEFAULT_HOLD_MINUTES, DEFAULT_LOCK_NAME, DEFAULT_WAIT_MINUTES } from '../../core/run-lock';
import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO, PSA_CREATE_CHECK_IO } from '../../core/node-io';
import { HALO_LIST_PAGE_SIZE, HALO_PRESET } from '../../core/psa/halo';
import { WESTCOAST_CREDENTIAL_TYPE } from '../../core/westcoast/credential';
import type { NodeSpec, Position } from './graph';

export const PACKAGE = 'n8n-nodes-westcoast-cloud';

export const WESTCOAST_CREDENTIAL = {
	type: WESTCOAST_CREDENTIAL_TYPE,
	id: 'westcoast-cloud',
	name: 'Westcoast Cloud',
} as const;

/** Halo writes go through n8n's generic OAuth2 credential (Client Credentials, scope "all"). */
export const HALO_CREDENTIAL = {
	type: 'oAuth2Api',
	id: 'halopsa-oauth2',
	name: 'HaloPSA (OAuth2)',
} as const;

/**
 * How a shipped node names its credential: by name only (id null). On
 * "Import from File" n8n 2.41.1's editor drops a credential whose id this
 * instance lacks (the node turns red), and gives a node whose credential has
 * no id the one credential of that type and name (so does `n8n
 * import:workflow`): a user who created the credentials under these names
 * first gets every node assigned.
 */
export const byName = (credential: { type: string; name: string }) => ({
	[credential.type]: { id: null, name: credential.name },
});

/** Payloads per Halo array POST. */
export const BATCH_SIZE = 50;

const withoutOptions = (parameters: NodeSpec['parameters']) =>
	Object.fromEntries(Object.entries(parameters).filter(([name]) => name !== 'options'));

const westcoastRead = (
	name: string,
	position: Position,
	parameters: NodeSpec['parameters'],
	extra: Pick<NodeSpec, 'executeOnce' | 'alwaysOutputData'> = {},
): NodeSpec => ({
	name,
	type: `${PACKAGE}.westcoastCloud`,
	typeVersion: 1,
	position,
	// No "Continue On Fail": a failed read must stop the run before any Halo write.
	parameters: {
		...withoutOptions(parameters),
		returnAll: true,
		simplify: true,
		filters: {},
		options: parameters.options ?? {},
	},
	credentials: byName(WESTCOAST_CREDENTIAL),
	...extra,
});

export const westcoastCustomers = (name: string, position: Position): NodeSpec =>
	westcoastRead(name, position, { resource: 'customer', operation: 'getAll' });

/**
 * Every subscription of the reseller, add-ons included, read once. Always
 * emits an item so that the run goes on when there are none (Licence Sync
 * then decides, refusing when linked licences exist).
 */
export const westcoastSubscriptions = (name: string, position: Position): NodeSpec =>
	westcoastRead(
		name,
		position,
		{
			resource: 'subscription',
			operation: 'getAll',
			customerScope: 'all',
			includeAddons: true,
			// Only Licence Sync reads the list: its other fields would be the largest part of the execution data.
			options: { outputFields: 'licenceSync' },
		},
		{ executeOnce: true, alwaysOutputData: true },
	);

/**
 * Licence Sync's Deactivate items, each deletion upstream confirmed by reading
 * its subscription again: a subscription still active stops the run before
 * any deactivation is written (a short subscription list, HTTP 200).
 */
export const westcoastConfirmDeleted = (name: string, position: Position): NodeSpec =>
	westcoastRead(name, position, { resource: 'subscription', operation: 'confirmDeleted' });

export interface MappingChoices {
	/** true/false, or an expression such as `={{ ... }}`. */
	createMissing: boolean | string;
	updateSiteAddress: boolean | string;
	topLevelId?: string;
}

/** Manual mappings and name rules: a second resolver must use the same ones. */
const MATCHING = { manualMappings: {}, matchExactName: true, matchNormalizedName: true };

export const mappingResolver = (
	name: string,
	position: Position,
	choices: MappingChoices,
): NodeSpec => ({
	name,
	type: `${PACKAGE}.mappingResolver`,
	typeVersion: 1,
	position,
	parameters: {
		psaPreset: HALO_PRESET.key,
		...MATCHING,
		createMissing: choices.createMissing,
		...(choices.topLevelId === undefined ? {} : { topLevelId: choices.topLevelId }),
		updateSiteAddress: choices.updateSiteAddress,
		options: { batchSize: BATCH_SIZE },
	},
});

export const licenceSync = (
	name: string,
	position: Position,
	deactivateDeleted: string,
): NodeSpec => ({
	name,
	type: `${PACKAGE}.licenceSync`,
	typeVersion: 1,
	position,
	parameters: {
		psaPreset: HALO_PRESET.key,
		westcoastLinkField: HALO_PRESET.licenceFields.westcoastLink,
		state: 'activeOnly',
		productFilter: '',
		customerSelection: 'allMapped',
		deactivateDeleted,
		includeAddons: true,
		maxDeactivationPercent: 20,
		// Unchanged and expected skips are counted in the Summary, not stored again as items.
		options: { batchSize: BATCH_SIZE, emitUnchanged: false, emitSkipped: false },
	},
});

/**
 * Proves a paged Halo list read complete, then emits its records; fails the
 * run otherwise. Always emits an item (an empty one for an empty list) so that
 * the next read runs; the records below it are filtered by id.
 */
export const psaListCheck = (
	name: string,
	position: Position,
	listField: string,
	plannedFrom: string,
): NodeSpec => ({
	name,
	type: `${PACKAGE}.psaListCheck`,
	typeVersion: 1,
	position,
	parameters: {
		operation: 'check',
		listField,
		countField: 'record_count',
		idField: 'id',
		plannedRecordCount: `={{ $('${plannedFrom}').first().json.record_count }}`,
		allowEmpty: false,
	},
	alwaysOutputData: true,
});

/** One item per page of a Halo list, planned from its first page (`firstPage`'s output). */
export const psaPagePlan = (name: string, position: Position, listField: string): NodeSpec => ({
	name,
	type: `${PACKAGE}.psaListCheck`,
	typeVersion: 1,
	position,
	parameters: {
		operation: 'planPages',
		listField,
		countField: 'record_count',
		pageSize: HALO_LIST_PAGE_SIZE,
	},
	executeOnce: true,
});

/**
 * Confirms planned creates (input 0) against the records a Halo lookup per
 * create found (input 1): outputs Create, Update (licences found that differ)
 * and Existing (found, nothing to write).
 */
export const psaCreateCheck = (
	name: string,
	position: Position,
	recordType: 'customers' | 'licences',
): NodeSpec => ({
	name,
	type: `${PACKAGE}.psaCreateCheck`,
	typeVersion: 1,
	position,
	parameters:
		recordType === 'licences'
			? { recordType, westcoastLinkField: HALO_PRESET.licenceFields.westcoastLink }
			: { recordType },
});

/**
 * The lock every shipped workflow takes before its first read and gives back
 * after its last write, so that the daily sync and the imports (and two calls
 * of one webhook) never read and write at the same time.
 */
export const WRITES_LOCK = DEFAULT_LOCK_NAME;

export const runLock = (
	name: string,
	position: Position,
	operation: 'acquire' | 'release',
	/** Release: the run whose lock to give back (an expression); else this run's. */
	executionId?: string,
): NodeSpec => ({
	name,
	type: `${PACKAGE}.runLock`,
	typeVersion: 1,
	position,
	parameters:
		operation === 'acquire'
			? {
					operation,
					lockName: WRITES_LOCK,
					holdMinutes: DEFAULT_HOLD_MINUTES,
					waitMinutes: DEFAULT_WAIT_MINUTES,
				}
			: { operation, lockName: WRITES_LOCK, ...(executionId ? { executionId } : {}) },
	executeOnce: true,
});

/** The ports of the planner nodes, from their I/O tables: connections and expressions name them. */
export const { inputs: LICENCE_INPUT, outputs: LICENCE_OUTPUT } = LICENCE_SYNC_IO;
export const { inputs: MAPPING_INPUT, outputs: MAPPING_OUTPUT } = MAPPING_RESOLVER_IO;
export const { inputs: CREATE_CHECK_INPUT, outputs: CREATE_CHECK_OUTPUT } = PSA_CREATE_CHECK_IO;
