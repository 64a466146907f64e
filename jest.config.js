/** Three projects: pure/unit tests, in-process workflow tests (n8n-core), and the real n8n. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.dev.json', isolatedModules: true }];
const project = (displayName, testMatch, extra = {}) => ({
	displayName,
	testMatch,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	...extra,
});

module.exports = {
	reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
	projects: [
		project('unit', ['<rootDir>/test/unit/**/*.test.ts']),
		project('workflow', ['<rootDir>/test/workflow/**/*.test.ts'], {
			setupFiles: ['<rootDir>/test/harness/quiet-n8n.js'],
		}),
		// The same workflow tests against the marketplace sandbox's legacy dialect.
		project(
			'workflow-legacy',
			[
				'<rootDir>/test/workflow/westcoast-cloud.test.ts',
				'<rootDir>/test/workflow/sync-plans.test.ts',
			],
			{
				setupFiles: [
					'<rootDir>/test/harness/quiet-n8n.js',
					'<rootDir>/test/harness/legacy-dialect.js',
				],
			},
		),
		project('real-n8n', ['<rootDir>/test/real-n8n/**/*.test.ts']),
	],
};
