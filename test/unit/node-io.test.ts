/** The I/O tables are what the nodes show, and the workflow sources cannot connect them by number. */
import { LICENCE_SYNC_IO, MAPPING_RESOLVER_IO, PSA_CREATE_CHECK_IO } from '../../core/node-io';
import { LicenceSync } from '../../nodes/LicenceSync/LicenceSync.node';
import { MappingResolver } from '../../nodes/MappingResolver/MappingResolver.node';
import { PsaCreateCheck } from '../../nodes/PsaCreateCheck/PsaCreateCheck.node';
import { WorkflowGraph } from '../../workflows/source/graph';
import { licenceSync, mappingResolver, psaCreateCheck } from '../../workflows/source/package-nodes';

const labels = (ports: unknown) =>
	(ports as Array<{ displayName: string }>).map((port) => port.displayName);

it.each([
	['Licence Sync', new LicenceSync(), LICENCE_SYNC_IO],
	['Mapping Resolver', new MappingResolver(), MAPPING_RESOLVER_IO],
	['PSA Create Check', new PsaCreateCheck(), PSA_CREATE_CHECK_IO],
])('%s shows the inputs and outputs of its table', (_name, node, io) => {
	expect(node.description.name).toBe(io.node);
	expect(labels(node.description.inputs)).toEqual(io.inputList.map((port) => port.label));
	expect(labels(node.description.outputs)).toEqual(io.outputList.map((port) => port.label));
});

describe('a workflow source connects the planners by port', () => {
	const graph = new WorkflowGraph('test', 'Test');
	const mapping = graph.add(
		mappingResolver('Map', [0, 0], { createMissing: false, updateSiteAddress: false }),
	);
	const sync = graph.add(licenceSync('Sync', [200, 0], 'false'));
	const check = graph.add(psaCreateCheck('Check', [400, 0], 'licences'));

	it('by name, to the index of the table', () => {
		graph.connect(
			mapping,
			sync,
			MAPPING_RESOLVER_IO.outputs.mapped,
			LICENCE_SYNC_IO.inputs.mappings,
		);
		graph.connect(sync, check, LICENCE_SYNC_IO.outputs.create, PSA_CREATE_CHECK_IO.inputs.planned);
		const { connections } = graph.toJson();
		expect(connections.Map.main[0]).toEqual([{ node: 'Sync', type: 'main', index: 2 }]);
		expect(connections.Sync.main[0]).toEqual([{ node: 'Check', type: 'main', index: 0 }]);
	});

	it('never by number', () => {
		expect(() => graph.connect(sync, check, 2, PSA_CREATE_CHECK_IO.inputs.planned)).toThrow(
			'Connect "Sync" by the output port of its I/O table, not 2',
		);
		expect(() => graph.connect(mapping, sync, MAPPING_RESOLVER_IO.outputs.mapped, 2)).toThrow(
			'Connect "Sync" by the input port of its I/O table, not 2',
		);
	});

	it("never by another node's port, or an input for an output", () => {
		expect(() =>
			graph.connect(mapping, sync, LICENCE_SYNC_IO.outputs.create, LICENCE_SYNC_IO.inputs.mappings),
		).toThrow(
			'"Map" (n8n-nodes-westcoast-cloud.mappingResolver) has no output "create" of licenceSync',
		);
		expect(() =>
			graph.connect(mapping, sync, MAPPING_RESOLVER_IO.inputs.psa, LICENCE_SYNC_IO.inputs.mappings),
		).toThrow('has no output "psa" of mappingResolver');
	});
});
