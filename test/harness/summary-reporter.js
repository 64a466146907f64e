// Ends a jest run with one plain line, "jest: N passed, N failed[, N skipped]", that CI tools read.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const tail = skipped ? `, ${skipped} skipped` : '';
		process.stdout.write(
			`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`,
		);
	}
}

module.exports = SummaryReporter;
