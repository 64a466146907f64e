/** The run report: one HTML page from a sync run's planner outputs. */
import {
	changesByCustomer,
	customerTotals,
	leftAloneByReason,
	licenceTotals,
	type SyncReportInput,
} from './facts';
import { customerChangesHtml, escapeHtml, htmlPage, htmlTable } from './html';
import type { ReviewEntry } from '../mapping/types';

/** Customers a person must look at, as table rows. */
export const reviewRows = (review: readonly ReviewEntry[]): string[][] =>
	review.map((entry) => [
		entry.westcoastName ?? entry.psaName ?? entry.westcoastId ?? '',
		entry.reason,
		entry.message,
		(entry.candidates ?? [])
			.map((candidate) => `${candidate.psaName} (${candidate.psaId})`)
			.join(', '),
	]);

function refusalHtml(input: SyncReportInput): string {
	const summary = input.licences?.summary;
	if (!summary?.refused) return '';
	return `<div class="refused"><h2>Licence Sync refused the plan</h2><p>${escapeHtml(summary.error)}</p><p>No licence was written.</p></div>`;
}

function totalsHtml({ customers, licences }: SyncReportInput): string {
	const customerRows = customers ? customerTotals(customers) : [];
	const licenceRows = licences ? licenceTotals(licences) : [];
	return [
		customerRows.length
			? htmlTable(['Customers', 'Count'], customerRows)
			: '<p>No customer mapping in this run.</p>',
		licences
			? licenceRows.length
				? htmlTable(['Licences', 'Count'], licenceRows)
				: ''
			: '<p>Licences were not synced in this run.</p>',
	].join('\n');
}

function reviewHtml({ customers, licences }: SyncReportInput): string {
	const review = reviewRows(customers?.review ?? []);
	const leftAlone = licences ? leftAloneByReason(licences) : [];
	return `<h3>Customers</h3>${
		review.length
			? htmlTable(['Customer', 'Reason', 'Message', 'Candidates'], review)
			: '<p>None.</p>'
	}<h3>Licences left alone, by reason</h3>${
		leftAlone.length ? htmlTable(['Reason', 'Licences', 'Meaning'], leftAlone) : '<p>None.</p>'
	}`;
}

function notWrittenHtml({ notWritten }: SyncReportInput): string {
	return notWritten ? `<div class="refused"><h2>${escapeHtml(notWritten)}</h2></div>` : '';
}

export function renderSyncReport(input: SyncReportInput): string {
	const changes = changesByCustomer(input);
	const title = `${input.workflowName}: run report`;
	return htmlPage(
		title,
		`<h1>${escapeHtml(title)}</h1>
<p>Generated ${escapeHtml(input.generatedAt)}.</p>
${notWrittenHtml(input)}
${refusalHtml(input)}
<h2>${input.notWritten ? 'Totals (planned, not written)' : 'Totals'}</h2>
${totalsHtml(input)}
<h2>${input.notWritten ? 'Planned changes' : 'Changes'} per customer (${changes.length})</h2>
${customerChangesHtml(changes)}
<h2>Needs review</h2>
${reviewHtml(input)}`,
	);
}
