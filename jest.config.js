/** Projects: pure/unit tests, in-process workflow tests (n8n-core), the real n8n, and the real n8n in queue mode. */
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
		// Redis, Postgres, a main and two workers: about 2 min (README "Running in production").
		project('queue', ['<rootDir>/test/queue/**/*.test.ts']),
		// The fault matrix and the soak; a slice unless RELIABILITY_FULL=1 (npm run test:reliability).
		project('reliability', ['<rootDir>/test/reliability/**/*.test.ts']),
	],
};
