import type { SimpleAddress } from '../westcoast/simple';
import type { PsaFieldNames } from '../psa/preset';
import type { ReviewReason } from './review-reasons';

/*
 * Output entries are type aliases, not interfaces: aliases get an implicit
 * index signature, so an entry can be an n8n item's json (IDataObject) as is.
 */

/** Which rule linked a Westcoast customer to a PSA customer (strongest first). */
export type MatchRule = 'manual' | 'link' | 'exactName' | 'normalizedName';

/** One row of the manual mapping table. */
export interface ManualMapping {
	/** A Westcoast customer ID, or a Westcoast customer name (case and spacing don't count). */
	westcoast: string;
	psaId: string | number;
}

/** What planCustomerMapping plans from: the node's two inputs. */
export interface MappingPlanInput {
	/** Westcoast Cloud node, Customer > Get Many items (Simplify on or off). */
	westcoastCustomers: readonly unknown[];
	/** PSA customers (Halo `GET /api/Client` items with the HaloPSA preset). */
	psaCustomers: readonly unknown[];
}

export interface MappingOptions {
	fields: PsaFieldNames;
	manualMappings: readonly ManualMapping[];
	matchExactName: boolean;
	matchNormalizedName: boolean;
	createMissing: boolean;
	/** Create PSA customers for Westcoast customers whose state is not Active. */
	createInactive: boolean;
	/** Top level (Halo) of created customers; omitted from the payload when null. */
	topLevelId: string | number | null;
	updateSiteAddress: boolean;
	/** How many fuzzy candidates an unmatched customer lists at most. */
	maxCandidates: number;
}

/** A Westcoast customer as the planner reads it (from a SimpleCustomer or a raw Company). */
export type WestcoastCustomer = {
	westcoastId: string;
	name: string;
	/** null when the item has none. */
	state: string | null;
	address: SimpleAddress;
};

/**
 * The input items an entry came from (0-based item indexes, named by input),
 * for pairedItem: as Licence Sync's EntrySource.
 */
export interface MappingSource {
	westcoast?: number;
	psa?: number;
	/** A row of the Manual Mappings table (the node's parameter, not an input). */
	manualMapping?: number;
}

/** A PSA customer as the planner reads it. */
export interface PsaCustomer {
	/** Its PSA input item. */
	index: number;
	id: string;
	/** The id as the PSA gave it (Halo: a number), for payloads. */
	idValue: string | number;
	name: string;
	mainSiteId: string | number | null;
	mainAddress: Record<string, unknown> | null;
	/** Westcoast IDs in this customer's Westcoast (or untyped) external links. */
	westcoastLinks: readonly string[];
}

/** A PSA write element; its field names come from PsaFieldNames. */
export type PsaPayload = { [field: string]: PsaValue };
export type PsaValue = string | number | boolean | null | PsaPayload;

/** PSA IDs in outputs are the PSA's own values (Halo: numbers), ready for payloads; they compare as text. */
export type PsaId = string | number;

/** A PSA customer a person may pick; never applied automatically. */
export type PsaCandidate = {
	source: { psa: number };
	psaId: PsaId;
	psaName: string;
	/** Name similarity 0..1 (trigrams of the normalized names). */
	score: number;
};

export type MappedEntry = {
	source: { westcoast: number; psa: number };
	westcoastId: string;
	westcoastName: string;
	psaId: PsaId;
	psaName: string;
	matchedBy: MatchRule;
	/** Set when the link is new (name rules): store it so the next run matches by link. */
	link?: PsaPayload;
};

/**
 * A PSA customer linked to a Westcoast customer the read no longer holds: on
 * the Mapped output, so that Licence Sync handles its licences as deleted upstream.
 */
export type DeletedUpstreamEntry = {
	source: { psa: number };
	westcoastId: string;
	westcoastName: null;
	psaId: PsaId;
	psaName: string;
	matchedBy: 'link';
	westcoastDeleted: true;
};

export type CreateEntry = {
	source: { westcoast: number };
	westcoastId: string;
	westcoastName: string;
	payload: PsaPayload;
	westcoast: WestcoastCustomer;
};

export type AddressFieldChange = {
	/** PSA address field name. */
	field: string;
	from: string | null;
	to: string;
};

export type AddressChangeEntry = {
	source: { westcoast: number; psa: number };
	westcoastId: string;
	westcoastName: string;
	psaId: PsaId;
	psaName: string;
	siteId: string;
	payload: PsaPayload;
	changes: AddressFieldChange[];
};

/**
 * What a review entry is about. Only `westcoastCustomer` entries are the
 * outcome of a Westcoast item; the others are notes beside the plan.
 */
export type ReviewSubject = 'westcoastCustomer' | 'psaCustomer' | 'manualMapping' | 'siteAddress';

export type ReviewEntry = {
	subject: ReviewSubject;
	reason: ReviewReason;
	message: string;
	source: MappingSource;
	/** The input field at fault, for invalid input. */
	field?: string;
	westcoastId?: string;
	westcoastName?: string;
	psaId?: PsaId;
	psaName?: string;
	/** Every PSA customer the case is about, when there are several (linkAmbiguous: all carry the link). */
	psaIds?: PsaId[];
	/** PSA customers the person may choose from, best first. */
	candidates?: PsaCandidate[];
};

export type MappingStatus = 'mapped' | 'create' | 'review';

/** One row per Westcoast input item: the whole mapping table. */
export type MappingTableRow = {
	source: { westcoast: number };
	westcoastId: string | null;
	westcoastName: string | null;
	status: MappingStatus;
	psaId: PsaId | null;
	psaName: string | null;
	matchedBy: MatchRule | null;
	reason: ReviewReason | null;
};

export interface MappingPlan {
	mapped: MappedEntry[];
	/** Links to Westcoast customers no longer in the read (also in review); the node puts them on Mapped. */
	deletedUpstream: DeletedUpstreamEntry[];
	create: CreateEntry[];
	addressChanges: AddressChangeEntry[];
	review: ReviewEntry[];
	/** The review entries about input of the wrong shape (also in `review`). */
	invalidInput: ReviewEntry[];
	table: MappingTableRow[];
}
