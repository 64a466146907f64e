/** The paired sandboxes a workflow test file runs against, with a Halo client on them. */
import { startPairedSandboxes, type PairedSandboxes } from '../../sandbox/paired';
import { testDialect } from './dialect';
import { HaloTestClient } from './halo-client';

export interface PairedEnvironment {
	sandboxes: PairedSandboxes;
	halo: HaloTestClient;
}

/**
 * Starts the sandboxes (seed 3, the dialect under test) before each test, or
 * once for the file, and closes them after; the returned object holds them.
 */
export function usePairedSandboxes(scope: 'each' | 'all' = 'each'): PairedEnvironment {
	const environment = {} as PairedEnvironment;
	(scope === 'each' ? beforeEach : beforeAll)(async () => {
		environment.sandboxes = await startPairedSandboxes({ seed: 3, dialect: testDialect() });
		environment.halo = new HaloTestClient(environment.sandboxes.halo);
	});
	(scope === 'each' ? afterEach : afterAll)(async () => environment.sandboxes.close());
	return environment;
}
