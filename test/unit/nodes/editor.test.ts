/**
 * What a builder sees in n8n's editor: labels short enough not to be cut,
 * descriptions where a label alone does not say enough, subtitles in plain
 * words, search words that find the nodes, and defaults that feed the planners
 * complete lists. The widths are n8n 2.41.1's as seen in its editor: the
 * panel cuts a top-level label after about 32 characters, one inside a
 * collection after about 26 and one inside a fixed collection after about 24;
 * a node's side cuts an output name after about 12 to 14.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { WestcoastCloudApi } from '../../../credentials/WestcoastCloudApi.credentials';
import { LicenceSync } from '../../../nodes/LicenceSync/LicenceSync.node';
import { MappingResolver } from '../../../nodes/MappingResolver/MappingResolver.node';
import { PsaListCheck } from '../../../nodes/PsaListCheck/PsaListCheck.node';
import { RunLock } from '../../../nodes/RunLock/RunLock.node';
import { WestcoastCloud } from '../../../nodes/WestcoastCloud/WestcoastCloud.node';

const LIMIT = { topLevel: 30, collection: 25, fixedCollection: 22, connection: 12 };

const nodes: Array<[string, INodeType]> = [
	['WestcoastCloud', new WestcoastCloud()],
	['MappingResolver', new MappingResolver()],
	['LicenceSync', new LicenceSync()],
	['PsaListCheck', new PsaListCheck()],
	['RunLock', new RunLock()],
];

interface Label {
	label: string;
	limit: number;
	property: INodeProperties;
}

/** Every label the panel shows, with the width it has (notices wrap and are left out). */
function labels(properties: INodeProperties[], limit = LIMIT.topLevel): Label[] {
	return properties.flatMap((property): Label[] => {
		const own =
			property.type === 'notice' ? [] : [{ label: property.displayName, limit, property }];
		if (property.type === 'collection')
			return [...own, ...labels(property.options as INodeProperties[], LIMIT.collection)];
		if (property.type === 'fixedCollection') {
			const groups = property.options as Array<{ values: INodeProperties[] }>;
			return [...own, ...groups.flatMap((group) => labels(group.values, LIMIT.fixedCollection))];
		}
		return own;
	});
}

const find = (properties: INodeProperties[], name: string, operation?: string) =>
	properties.find(
		(property) =>
			property.name === name &&
			(operation === undefined || property.displayOptions?.show?.operation?.includes(operation)),
	) as INodeProperties;

/** The subtitle expression evaluated as n8n does for plain parameter reads. */
function subtitle(node: INodeType, parameters: Record<string, unknown>): string {
	const expression = String(node.description.subtitle);
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return (${body});`)(parameters);
}

describe('labels in the panel', () => {
	it.each(nodes)('%s: no label is cut off', (_, node) => {
		const tooLong = labels(node.description.properties)
			.filter(({ label, limit }) => label.length > limit)
			.map(({ label }) => label);
		expect(tooLong).toEqual([]);
	});

	it('the credential: no label is cut off, and the role and MFA requirement is a notice', () => {
		const { properties } = new WestcoastCloudApi();
		expect(labels(properties).filter(({ label, limit }) => label.length > limit)).toEqual([]);
		const notice = properties.find((property) => property.type === 'notice');
		expect(notice?.displayName).toMatch(/Reseller Admin/);
		expect(notice?.displayName).toMatch(/MFA/);
	});

	it.each([
		['MappingResolver', new MappingResolver(), 'psaFields'],
		['LicenceSync', new LicenceSync(), 'licenceFields'],
	])("%s: every entry of the Custom preset's field list says what it is", (_, node, name) => {
		const entries = find(node.description.properties, name).options as INodeProperties[];
		expect(entries.length).toBeGreaterThan(10);
		for (const entry of entries) {
			expect(entry.description).toMatch(/\w{3}/);
			// One word for one thing: a field name is a "Field" (the link type is a value).
			expect(entry.displayName).toMatch(/ (Field|Value)$/);
		}
	});

	it('Top Level for New Customers shows an example', () => {
		const topLevel = find(new MappingResolver().description.properties, 'topLevelId');
		expect(topLevel.placeholder).toMatch(/\d/);
	});
});

describe('subtitles in plain words', () => {
	it('Westcoast Cloud: the operation as its action says it', () => {
		const node = new WestcoastCloud();
		const operations = node.description.properties.filter((p) => p.name === 'operation');
		expect(operations.length).toBe(4);
		for (const operation of operations) {
			const resource = operation.displayOptions?.show?.resource?.[0];
			for (const option of operation.options as INodePropertyOptions[]) {
				expect(subtitle(node, { resource, operation: option.value })).toBe(option.action);
			}
		}
	});

	it('Licence Sync, Run Lock and PSA List Check say what they do', () => {
		expect(subtitle(new LicenceSync(), { deactivateDeleted: false })).toBe(
			'Zeroes deleted licences',
		);
		expect(subtitle(new LicenceSync(), { deactivateDeleted: true })).toBe(
			'Deactivates deleted licences',
		);
		expect(subtitle(new RunLock(), { operation: 'acquire', lockName: 'sync' })).toBe(
			'Acquire lock sync',
		);
		expect(subtitle(new RunLock(), { operation: 'release', lockName: 'sync' })).toBe(
			'Release lock sync',
		);
		expect(subtitle(new PsaListCheck(), { listField: 'licences' })).toBe('Check the licences list');
	});
});

describe('search in the nodes panel', () => {
	const root = path.resolve(__dirname, '../../..');
	const searchable = (folder: string, node: INodeType) => {
		const codex = JSON.parse(
			fs.readFileSync(path.join(root, 'nodes', folder, `${folder}.node.json`), 'utf8'),
		);
		return [node.description.displayName, ...(codex.alias ?? [])].map((text: string) =>
			text.toLowerCase(),
		);
	};

	it.each([
		'License',
		'Licence',
		'subscription',
		'marketplace',
		'Halo',
		'HaloPSA',
		'PSA',
		'Microsoft 365',
		'billing',
	])('"%s" finds Westcoast Cloud, Mapping Resolver and Licence Sync', (word) => {
		const found = nodes
			.filter(([folder, node]) =>
				searchable(folder, node).some((text) => text.includes(word.toLowerCase())),
			)
			.map(([folder]) => folder);
		expect(found).toEqual(
			expect.arrayContaining(['WestcoastCloud', 'MappingResolver', 'LicenceSync']),
		);
	});
});

describe('output names on the canvas', () => {
	it.each(nodes)('%s: no output name is cut off', (_, node) => {
		const tooLong = (node.description.outputs as Array<string | { displayName?: string }>)
			.map((output) => (typeof output === 'string' ? '' : (output.displayName ?? '')))
			.filter((name) => name.length > LIMIT.connection);
		expect(tooLong).toEqual([]);
	});
});

describe('defaults that keep the planners fed', () => {
	const { properties } = new WestcoastCloud().description;
	it('Subscription > Get and Get Many include add-ons alike, on', () => {
		expect(find(properties, 'includeAddons', 'get').default).toBe(true);
		expect(find(properties, 'includeAddons', 'getAll').default).toBe(true);
	});

	it('Get Many returns all by default, and its hint says why', () => {
		const returnAll = properties.filter((property) => property.name === 'returnAll');
		expect(returnAll.length).toBe(2);
		for (const property of returnAll) {
			expect(property.default).toBe(true);
			expect(property.hint).toMatch(/Licence Sync/);
			expect(property.hint).toMatch(/complete list/);
		}
	});
});
