import { DEFAULT_DIALECT, DIALECTS, type Dialect } from '../../sandbox/westcoast';

/**
 * The marketplace dialect the workflow tests run against: jest runs the
 * workflow project once per dialect (jest.config.js sets the variable).
 */
export function testDialect(): Dialect {
	const chosen = process.env.WESTCOAST_TEST_DIALECT;
	if (chosen === undefined) return DEFAULT_DIALECT;
	if (!(DIALECTS as readonly string[]).includes(chosen))
		throw new Error(`WESTCOAST_TEST_DIALECT must be one of ${DIALECTS.join(', ')}`);
	return chosen as Dialect;
}
