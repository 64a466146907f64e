/** HTML building blocks shared by the run report and the demo's report: every value is escaped here. */

export const escapeHtml = (text: unknown): string =>
	String(text ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

export const htmlTable = (
	head: readonly string[],
	rows: ReadonlyArray<readonly unknown[]>,
): string =>
	`<table><thead><tr>${head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows
		.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
		.join('')}</tbody></table>`;

export const htmlList = (lines: readonly string[]): string =>
	`<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;

export interface CustomerChanges {
	customer: string;
	changes: string[];
}

/** One heading per customer, its changes as a list. */
export const customerChangesHtml = (changes: readonly CustomerChanges[]): string =>
	changes.length
		? changes
				.map(({ customer, changes: lines }) => `<h4>${escapeHtml(customer)}</h4>${htmlList(lines)}`)
				.join('')
		: '<p>Nothing to change.</p>';

const REPORT_CSS = `body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d2330; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d5d9e0; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f1f3f7; }
td:not(:first-child) { font-variant-numeric: tabular-nums; }
small { color: #667; font-weight: normal; }
details { margin: .5rem 0 1.5rem; }
.refused { border-left: 4px solid #c0392b; padding: .25rem .75rem; background: #fdf0ee; }`;

/** A whole page: `body` is HTML already built from escaped values. */
export const htmlPage = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${REPORT_CSS}
</style></head><body>
${body}
</body></html>
`;
