import { WRONG_TYPE, isRecord, readText, type FieldProblem } from '../read';
import type { PsaFieldNames } from '../psa/preset';
import type { PsaCustomer, ReviewEntry } from './types';

export interface PsaCustomers {
	customers: PsaCustomer[];
	review: ReviewEntry[];
	/** Some item has no usable id or name, so a name check before a create cannot see it. */
	incomplete: boolean;
}

type PsaRead = { customer: PsaCustomer | null; problems: FieldProblem[] };

const wrongType = (field: string): FieldProblem => ({
	field,
	problem: 'is of the wrong type',
});

/**
 * Only links that are Westcoast's count: type equal to the Westcoast link
 * type, or no type at all (links made by hand or by Halo's own Westcoast
 * module, whose type text is unknown).
 */
function westcoastLinks(value: unknown, fields: PsaFieldNames, problems: FieldProblem[]): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		problems.push({ field: fields.externalLinks, problem: 'is not a list' });
		return [];
	}
	const ids = new Set<string>();
	value.forEach((link, position) => {
		const field = `${fields.externalLinks}[${position}]`;
		const id = isRecord(link) ? readText(link[fields.linkId]) : WRONG_TYPE;
		const type = isRecord(link) ? readText(link[fields.linkType]) : WRONG_TYPE;
		if (!isRecord(link)) problems.push({ field, problem: 'is not an object' });
		else if (id === WRONG_TYPE) problems.push(wrongType(`${field}.${fields.linkId}`));
		else if (type === WRONG_TYPE) problems.push(wrongType(`${field}.${fields.linkType}`));
		else if (id !== null && (type === null || type === fields.westcoastLinkType)) ids.add(id);
	});
	return [...ids];
}

/**
 * Reads one PSA item. Only id and name are required; a malformed optional
 * field is reported and read as absent, so the customer still takes part in
 * matching (dropping it could cause a duplicate create).
 */
function readPsaCustomer(item: unknown, psaIndex: number, fields: PsaFieldNames): PsaRead {
	if (!isRecord(item))
		return {
			customer: null,
			problems: [{ field: '(item)', problem: 'is not an object' }],
		};
	const problems: FieldProblem[] = [];
	const id = readText(item[fields.id]);
	const name = readText(item[fields.name]);
	for (const [field, value] of [
		[fields.id, id],
		[fields.name, name],
	] as const) {
		if (value === WRONG_TYPE) problems.push(wrongType(field));
		else if (value === null) problems.push({ field, problem: 'is missing' });
	}
	const mainSiteId = readText(item[fields.mainSiteId]);
	if (mainSiteId === WRONG_TYPE) problems.push(wrongType(fields.mainSiteId));
	const mainAddress = item[fields.mainAddress];
	const addressIsObject = isRecord(mainAddress);
	if (!addressIsObject && mainAddress !== undefined && mainAddress !== null)
		problems.push(wrongType(fields.mainAddress));
	const links = westcoastLinks(item[fields.externalLinks], fields, problems);
	if (id === null || id === WRONG_TYPE || name === null || name === WRONG_TYPE)
		return { customer: null, problems };
	return {
		customer: {
			index: psaIndex,
			id,
			idValue: item[fields.id] as string | number,
			name,
			mainSiteId:
				mainSiteId === null || mainSiteId === WRONG_TYPE
					? null
					: (item[fields.mainSiteId] as string | number),
			mainAddress: addressIsObject ? mainAddress : null,
			westcoastLinks: links,
		},
		problems,
	};
}

/** Reads every PSA item; a repeated id keeps its first item. */
export function readPsaCustomers(items: readonly unknown[], fields: PsaFieldNames): PsaCustomers {
	const customers: PsaCustomer[] = [];
	const review: ReviewEntry[] = [];
	const seen = new Map<string, PsaCustomer>();
	let incomplete = false;
	items.forEach((item, psaIndex) => {
		const { customer, problems } = readPsaCustomer(item, psaIndex, fields);
		for (const { field, problem } of problems) {
			review.push({
				subject: 'psaCustomer',
				reason: 'invalidPsaItem',
				message: `PSA item ${psaIndex}: ${field} ${problem}.`,
				source: { psa: psaIndex },
				field,
			});
		}
		if (!customer) {
			incomplete = true;
			return;
		}
		const first = seen.get(customer.id);
		if (first) {
			review.push({
				subject: 'psaCustomer',
				reason: 'duplicatePsaId',
				message: `PSA item ${psaIndex}: id ${customer.id} is also item ${first.index}; item ${first.index} is used.`,
				source: { psa: psaIndex },
				psaId: customer.idValue,
				psaName: customer.name,
			});
			return;
		}
		seen.set(customer.id, customer);
		customers.push(customer);
	});
	return { customers, review, incomplete };
}
