import type { PsaFieldNames } from '../psa/preset';
import { settleClaims, type Claim } from './claims';
import { deletedUpstream } from './deleted-upstream';
import { describeWestcoast, listIds } from './describe';
import { groupBy } from './group';
import { readManualMappings, unusedManualRows } from './manual';
import { decideUnmatched } from './missing';
import { nameKeysOf, type NameKeys } from './normalize';
import { resolveMappingOptions } from './options';
import { createPayload, linkPayload } from './payloads';
import { indexPsaCustomers } from './psa-index';
import { readPsaCustomers } from './psa-input';
import { resolveMatch, type ReviewNote } from './resolve';
import { INVALID_INPUT_REASONS } from './review-reasons';
import { planSiteUpdates, type MappedPair } from './site-updates';
import type {
	CreateEntry,
	MappedEntry,
	MappingOptions,
	MappingPlan,
	MappingPlanInput,
	MappingTableRow,
	ReviewEntry,
	WestcoastCustomer,
} from './types';
import { readWestcoastCustomer } from './westcoast-input';

/** A readable Westcoast item. */
interface WestcoastItem {
	/** Its Westcoast input item. */
	index: number;
	customer: WestcoastCustomer;
	keys: NameKeys;
}

/** Where one Westcoast item ends up: exactly one of these per item. */
type ItemOutcome =
	| { status: 'mapped'; entry: MappedEntry }
	| { status: 'create'; entry: CreateEntry }
	| { status: 'review'; entry: ReviewEntry };

function reviewOutcome({ index, customer }: WestcoastItem, note: ReviewNote): ItemOutcome {
	return {
		status: 'review',
		entry: {
			subject: 'westcoastCustomer',
			reason: note.reason,
			message: note.message,
			source: { westcoast: index, ...(note.psa && { psa: note.psa.index }) },
			westcoastId: customer.westcoastId,
			westcoastName: customer.name,
			...(note.psa && {
				psaId: note.psa.idValue,
				psaName: note.psa.name,
			}),
			...(note.psaIds && { psaIds: note.psaIds }),
			...(note.candidates && { candidates: note.candidates }),
		},
	};
}

function mappedOutcome(
	{ index, customer }: WestcoastItem,
	claim: Claim,
	fields: PsaFieldNames,
): ItemOutcome {
	// Name rules find a link that is not stored yet; storing it makes the next run match by link.
	const isNewLink = claim.rule === 'exactName' || claim.rule === 'normalizedName';
	return {
		status: 'mapped',
		entry: {
			source: { westcoast: index, psa: claim.psa.index },
			westcoastId: customer.westcoastId,
			westcoastName: customer.name,
			psaId: claim.psa.idValue,
			psaName: claim.psa.name,
			matchedBy: claim.rule,
			...(isNewLink && { link: linkPayload(claim.psa, customer, fields) }),
		},
	};
}

function createOutcome({ index, customer }: WestcoastItem, settings: MappingOptions): ItemOutcome {
	return {
		status: 'create',
		entry: {
			source: { westcoast: index },
			westcoastId: customer.westcoastId,
			westcoastName: customer.name,
			payload: createPayload(customer, settings.fields, settings.topLevelId),
			westcoast: customer,
		},
	};
}

function tableRow(westcoastIndex: number, outcome: ItemOutcome): MappingTableRow {
	const { entry } = outcome;
	return {
		source: { westcoast: westcoastIndex },
		westcoastId: entry.westcoastId ?? null,
		westcoastName: entry.westcoastName ?? null,
		status: outcome.status,
		psaId: 'psaId' in entry ? (entry.psaId ?? null) : null,
		psaName: 'psaName' in entry ? (entry.psaName ?? null) : null,
		matchedBy: outcome.status === 'mapped' ? outcome.entry.matchedBy : null,
		reason: outcome.status === 'review' ? outcome.entry.reason : null,
	};
}

/** Reads every Westcoast item; an unreadable one gets its review outcome here. */
function readWestcoastItems(items: readonly unknown[], outcomes: ItemOutcome[]): WestcoastItem[] {
	const readable: WestcoastItem[] = [];
	items.forEach((item, westcoastIndex) => {
		const read = readWestcoastCustomer(item);
		if (read.record) {
			readable.push({
				index: westcoastIndex,
				customer: read.record,
				keys: nameKeysOf(read.record.name),
			});
			return;
		}
		const { field, problem } = read.invalid;
		outcomes[westcoastIndex] = {
			status: 'review',
			entry: {
				subject: 'westcoastCustomer',
				reason: 'invalidWestcoastItem',
				message: `Westcoast item ${westcoastIndex}: ${field} ${problem}.`,
				source: { westcoast: westcoastIndex },
				field,
			},
		};
	});
	return readable;
}

/** Every occurrence of a repeated Westcoast ID goes to review: none is more right than another. */
function withUniqueIds(items: readonly WestcoastItem[], outcomes: ItemOutcome[]): WestcoastItem[] {
	const unique: WestcoastItem[] = [];
	for (const group of groupBy(items, ({ customer }) => [customer.westcoastId]).values()) {
		if (group.length === 1) {
			unique.push(group[0]);
			continue;
		}
		const indexes = listIds(group, (item) => String(item.index));
		for (const item of group) {
			outcomes[item.index] = reviewOutcome(item, {
				reason: 'duplicateWestcoastId',
				message: `${describeWestcoast(item.customer)}: its ID appears in Westcoast items ${indexes}.`,
			});
		}
	}
	return unique;
}

/**
 * Plans how every Westcoast customer links to one PSA customer, or why not.
 * Pure and linear in the input; never throws on bad items (they go to
 * review, and to `invalidInput`).
 *
 * @throws PlanRefusedError (invalidOption) on an option it does not take.
 */
export function planCustomerMapping(
	input: MappingPlanInput,
	options: Partial<MappingOptions> = {},
): MappingPlan {
	const settings = resolveMappingOptions(options);
	const outcomes: ItemOutcome[] = new Array(input.westcoastCustomers.length);
	const readable = readWestcoastItems(input.westcoastCustomers, outcomes);
	const psa = readPsaCustomers(input.psaCustomers, settings.fields);
	const psaIndex = indexPsaCustomers(psa.customers);
	const manual = readManualMappings(settings.manualMappings);
	const context = {
		...settings,
		psa: psaIndex,
		manual: manual.index,
		psaIncomplete: psa.incomplete,
	};

	const claims = new Map<WestcoastItem, Claim>();
	const unmatched: WestcoastItem[] = [];
	for (const item of withUniqueIds(readable, outcomes)) {
		const resolution = resolveMatch(item.customer, item.keys, context);
		if (resolution.outcome === 'match')
			claims.set(item, { customer: item.customer, psa: resolution.psa, rule: resolution.rule });
		else if (resolution.outcome === 'review')
			outcomes[item.index] = reviewOutcome(item, resolution);
		else unmatched.push(item);
	}

	const losers = settleClaims([...claims.values()]);
	const pairs: MappedPair[] = [];
	for (const [item, claim] of claims) {
		const lost = losers.get(claim);
		if (lost) {
			outcomes[item.index] = reviewOutcome(item, lost);
			continue;
		}
		outcomes[item.index] = mappedOutcome(item, claim, settings.fields);
		pairs.push({ index: item.index, customer: item.customer, psa: claim.psa });
	}
	for (const [item, note] of decideUnmatched(unmatched, context)) {
		outcomes[item.index] = note ? reviewOutcome(item, note) : createOutcome(item, settings);
	}

	const sites = settings.updateSiteAddress
		? planSiteUpdates(pairs, settings.fields)
		: { addressChanges: [], review: [] };
	const gone = deletedUpstream(
		psa.customers,
		new Set(readable.map((item) => item.customer.westcoastId)),
		readable.length === input.westcoastCustomers.length,
	);
	const review = [
		...outcomes.flatMap((outcome) => (outcome.status === 'review' ? [outcome.entry] : [])),
		...gone.review,
		...sites.review,
		...psa.review,
		...manual.review,
		...unusedManualRows(
			manual.index,
			readable.map((item) => item.customer),
		),
	];
	return {
		mapped: outcomes.flatMap((outcome) => (outcome.status === 'mapped' ? [outcome.entry] : [])),
		deletedUpstream: gone.mapped,
		create: outcomes.flatMap((outcome) => (outcome.status === 'create' ? [outcome.entry] : [])),
		addressChanges: sites.addressChanges,
		review,
		invalidInput: review.filter((entry) => INVALID_INPUT_REASONS.has(entry.reason)),
		table: outcomes.map((outcome, westcoastIndex) => tableRow(westcoastIndex, outcome)),
	};
}
