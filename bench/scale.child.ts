/**
 * One measurement in a process of its own, so its peak RSS is its own:
 *   planner <scale>        Licence Sync's planner called directly (median of 3)
 *   engine <scale> <node>  one node through n8n's engine (n8n-core WorkflowExecute),
 *                          `licenceSync` or n8n's own `compareDatasets` on the same comparison
 * Prints one JSON line.
 */
import os from 'node:os';
import path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { planLicences } from '../core/licences';
import { FED_NODE, workflowFeeding } from '../harness/in-process/fixture-workflow';
import { runWorkflow } from '../harness/in-process/run-workflow';
import { scaleInput, scaleNamed } from './scale';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** n8n's Compare Datasets from the real n8n's n8n-nodes-base (installed by scripts/install-real-n8n.sh). */
function compareDatasetsNode(): INodeType {
	const cache =
		process.env.WESTCOAST_N8N_CACHE ??
		path.join(
			process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
			'n8n-nodes-westcoast-cloud',
		);
	const file = path.join(
		cache,
		'n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes/CompareDatasets/CompareDatasets.node.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from the real n8n install
	const { CompareDatasets } = require(file) as { CompareDatasets: new () => INodeType };
	return new CompareDatasets();
}

/** Fixture nodes feed the inputs straight from memory, so only the measured node's time differs. */
class MemoryFixture {
	constructor(private readonly items: readonly unknown[]) {}
	description = {
		displayName: 'Memory Fixture',
		name: 'memoryFixture',
		group: ['input'],
		version: 1,
		description: '',
		defaults: { name: 'Memory Fixture' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};
	execute = async () => [this.items.map((json) => ({ json, pairedItem: { item: 0 } }))];
}

async function main() {
	const [mode, scaleName, node] = process.argv.slice(2);
	const scale = scaleNamed(scaleName);
	const input = scaleInput(scale);
	const items = input.subscriptions.length;
	if (mode === 'planner') {
		const times: number[] = [];
		for (let run = 0; run < 3; run++) {
			const start = performance.now();
			planLicences(input, { maxDeactivationPercent: 100 });
			times.push(performance.now() - start);
		}
		const wallMs = Math.round(times.sort((a, b) => a - b)[1]);
		process.stdout.write(`${JSON.stringify({ wallMs, items, peakRssMb: peakRssMb() })}\n`);
		return;
	}
	if (mode !== 'engine' || (node !== 'licenceSync' && node !== 'compareDatasets'))
		throw new Error('usage: planner <scale> | engine <scale> licenceSync|compareDatasets');
	const feeds =
		node === 'licenceSync'
			? [input.subscriptions, input.licences, input.mappings]
			: [input.subscriptions, input.licences];
	const fixtureTypes = feeds.map((_, index) => `bench.input${index}`);
	const extraNodeTypes: Record<string, INodeType> = Object.fromEntries(
		feeds.map((feed, index) => [
			fixtureTypes[index],
			new MemoryFixture(feed) as unknown as INodeType,
		]),
	);
	if (node === 'compareDatasets')
		extraNodeTypes['n8n-nodes-base.compareDatasets'] = compareDatasetsNode();
	const workflow =
		node === 'licenceSync'
			? workflowFeeding(
					'licenceSync',
					{ psaPreset: 'haloPsa', maxDeactivationPercent: 100 },
					feeds.map(() => []),
					{ fixtureTypes },
				)
			: workflowFeeding(
					'n8n-nodes-base.compareDatasets',
					{
						mergeByFields: { values: [{ field1: 'westcoastId', field2: 'third_party_product' }] },
						options: {},
					},
					feeds.map(() => []),
					{ fixtureTypes, typeVersion: 2.3 },
				);
	const result = await runWorkflow(workflow, { extraNodeTypes });
	if (result.error) throw new Error(`${node} failed: ${result.error.message}`);
	const wallMs = result.run.data.resultData.runData[FED_NODE][0].executionTime;
	process.stdout.write(`${JSON.stringify({ wallMs, items, peakRssMb: peakRssMb() })}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});
