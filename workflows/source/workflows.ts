/**
 * The three workflows shipped in workflows/*.json. Each read feeds the next
 * read (nodes that run once), so every read is done before the first write,
 * whatever the nodes' positions on the canvas.
 */
import {
	dailyTrigger,
	ifAllTrue,
	keepWhere,
	manualTrigger,
	respondWithFirstItem,
	setFields,
	stickyNote,
	waitForAll,
	webhookTrigger,
	type Field,
} from './base-nodes';
import { addCustomerWrites, CUSTOMER_WRITE_NODES } from './customer-writes';
import { WorkflowGraph, type Position, type WorkflowJson } from './graph';
import { haloReadAll } from './halo-nodes';
import { addLicenceWrites, LICENCE_WRITE_NODES } from './licence-writes';
import * as notes from './notes';
import { addReportBranch, ALERT_FILE, buildAlertWorkflow, withAlert } from './report-nodes';
import {
	LICENCE_OUTPUT,
	licenceSync,
	MAPPING_OUTPUT,
	mappingResolver,
	psaListCheck,
	runLock,
	westcoastCustomers,
	westcoastSubscriptions,
} from './package-nodes';
import {
	addSettings,
	setting,
	SETTING,
	SETTINGS_NODE,
	SYNCS_CUSTOMERS,
	SYNCS_SUBSCRIPTIONS,
	type SettingName,
} from './settings';

export const NODE = {
	schedule: 'Daily Schedule',
	runNow: 'Run Now',
	webhook: 'Webhook',
	westcoastCustomers: 'Westcoast: Customers',
	syncSubscriptions: 'Sync Subscriptions?',
	westcoastSubscriptions: 'Westcoast: Subscriptions',
	subscriptions: 'Subscriptions',
	haloLicences: 'Halo: Read Licences',
	licences: 'Licences',
	haloClients: 'Halo: Read Clients',
	clients: 'Clients',
	mapCustomers: 'Map Customers',
	thenSyncSubscriptions: 'Then Sync Subscriptions?',
	haloClientsAfterWrites: 'Halo: Re-read Clients',
	clientsAfterWrites: 'Clients After Writes',
	mapForLicences: 'Map Customers for Licences',
	licenceSync: 'Licence Sync',
	licenceWritesDone: 'Licence Writes Done',
	importSummary: 'Import Summary',
	respond: 'Respond',
	lock: 'Lock Halo Writes',
	unlock: 'Unlock Halo Writes',
	unlockCustomersOnly: 'Unlock Halo Writes (Customers Only)',
	...CUSTOMER_WRITE_NODES,
	...LICENCE_WRITE_NODES,
} as const;

export interface WorkflowFile {
	file: string;
	build(): WorkflowJson;
}

/** Webhook paths of the import workflows: POST /webhook/<path>. */
export const WEBHOOK_PATH = {
	customers: 'westcoast-halo/import-customers',
	subscriptions: 'westcoast-halo/import-subscriptions',
} as const;

const DAILY_HOUR = 6;

/**
 * Halo list read (one item per page), its completeness check, and its records,
 * one item each, below it. The next read hangs off the check, so a failed or
 * doubtful read stops the run before any write.
 */
function addHaloList(
	graph: WorkflowGraph,
	[read, records]: [string, string],
	entity: string,
	listKey: string,
	[x, y]: Position,
): { read: string; check: string; records: string } {
	const check = `Check: ${records} Complete`;
	graph.add(haloReadAll(read, [x, y], entity, listKey));
	graph.add(psaListCheck(check, [x + 110, y + 200], listKey));
	graph.add(keepWhere(records, [x + 220, y + 400], ['$json.id !== undefined']));
	graph.connect(read, check);
	graph.connect(check, records);
	return { read, check, records };
}

/** The Westcoast subscription read's records (it emits one empty item when there are none). */
function addSubscriptionRead(
	graph: WorkflowGraph,
	[x, y]: Position,
): { read: string; records: string } {
	const read = graph.add(westcoastSubscriptions(NODE.westcoastSubscriptions, [x, y]));
	const records = graph.add(
		keepWhere(NODE.subscriptions, [x + 220, y + 200], ['$json.westcoastId !== undefined']),
	);
	graph.connect(read, records);
	return { read, records };
}

/** A Mapping Resolver used for its Mapped output only: it plans no customer writes. */
const mappingsOnly = (name: string, position: Position) =>
	mappingResolver(name, position, { createMissing: false, updateSiteAddress: false });

function note(
	graph: WorkflowGraph,
	name: string,
	position: Position,
	width: number,
	height: number,
	text: string,
) {
	graph.add(stickyNote(name, position, { width, height }, text));
}

const DAILY_SETTINGS: SettingName[] = [
	SETTING.entities,
	SETTING.haloBaseUrl,
	SETTING.topLevel,
	SETTING.updateSiteAddress,
	SETTING.deactivateDeleted,
];
const CUSTOMER_IMPORT_SETTINGS: SettingName[] = [
	SETTING.haloBaseUrl,
	SETTING.topLevel,
	SETTING.updateSiteAddress,
];
const SUBSCRIPTION_IMPORT_SETTINGS: SettingName[] = [
	SETTING.haloBaseUrl,
	SETTING.deactivateDeleted,
];

const deactivateDeleted = `={{ ${setting(SETTING.deactivateDeleted)} === true }}`;

function buildDailySync(): WorkflowJson {
	const graph = new WorkflowGraph('wcHaloDailySync', 'Westcoast to HaloPSA: daily sync');
	note(graph, 'Note: Credentials', [-40, -880], 640, 320, notes.CREDENTIALS_NOTE);
	note(graph, 'Note: Settings', [-40, -540], 640, 300, notes.settingsNote(DAILY_SETTINGS));
	note(graph, 'Note: Schedule', [-40, 260], 420, 140, notes.SCHEDULE_NOTE);
	note(graph, 'Note: Reads', [640, -540], 1120, 220, notes.READS_NOTE);
	note(graph, 'Note: Customers', [1960, -540], 1100, 300, notes.CUSTOMERS_NOTE);
	note(graph, 'Note: Licences', [3080, -540], 1960, 300, notes.LICENCES_NOTE);

	// First: `n8n execute` starts from the first trigger in the file.
	graph.add(manualTrigger(NODE.runNow, [0, -100]));
	graph.add(dailyTrigger(NODE.schedule, [0, 100], DAILY_HOUR));
	const valid = addSettings(graph, [220, 0], DAILY_SETTINGS);
	graph.connect(NODE.schedule, SETTINGS_NODE);
	graph.connect(NODE.runNow, SETTINGS_NODE);

	// Reads: Westcoast customers, then (when syncing subscriptions) subscriptions and Halo licences, then Halo clients.
	const customers = graph.add(westcoastCustomers(NODE.westcoastCustomers, [660, 0]));
	const syncSubscriptions = graph.add(
		ifAllTrue(NODE.syncSubscriptions, [880, 0], [SYNCS_SUBSCRIPTIONS]),
	);
	const subscriptions = addSubscriptionRead(graph, [1100, 0]);
	const licences = addHaloList(
		graph,
		[NODE.haloLicences, NODE.licences],
		'SoftwareLicence',
		'licences',
		[1320, 0],
	);
	const clients = addHaloList(
		graph,
		[NODE.haloClients, NODE.clients],
		'Client',
		'clients',
		[1540, 0],
	);
	const lock = graph.add(runLock(NODE.lock, [440, -160], 'acquire'));
	graph.connect(valid, lock);
	graph.connect(lock, customers);
	graph.connect(customers, syncSubscriptions);
	graph.connect(syncSubscriptions, subscriptions.read, 0);
	graph.connect(syncSubscriptions, clients.read, 1);
	graph.connect(subscriptions.read, licences.read);
	graph.connect(licences.check, clients.read);

	// Customers: written only when syncing them (else the resolver only plans).
	const mapCustomers = graph.add(
		mappingResolver(NODE.mapCustomers, [1980, 0], {
			createMissing: `={{ ${SYNCS_CUSTOMERS} }}`,
			topLevelId: `={{ ${setting(SETTING.topLevel)} }}`,
			updateSiteAddress: `={{ ${SYNCS_CUSTOMERS} && ${setting(SETTING.updateSiteAddress)} === true }}`,
		}),
	);
	graph.connect(customers, mapCustomers, 0, 0);
	graph.connect(clients.records, mapCustomers, 0, 1);
	const customersDone = addCustomerWrites(graph, mapCustomers, [1980, 0], SYNCS_CUSTOMERS);

	// Licences: once the customer writes are done, map again so that created clients count.
	const thenSync = graph.add(
		ifAllTrue(NODE.thenSyncSubscriptions, [3080, 0], [SYNCS_SUBSCRIPTIONS], { executeOnce: true }),
	);
	const clientsAfter = addHaloList(
		graph,
		[NODE.haloClientsAfterWrites, NODE.clientsAfterWrites],
		'Client',
		'clients',
		[3300, 0],
	);
	const mapForLicences = graph.add(mappingsOnly(NODE.mapForLicences, [3740, 0]));
	const sync = graph.add(licenceSync(NODE.licenceSync, [3960, 0], deactivateDeleted));
	graph.connect(customersDone, thenSync);
	graph.connect(thenSync, clientsAfter.read);
	graph.connect(syncSubscriptions, mapForLicences, 0, 0);
	graph.connect(clientsAfter.records, mapForLicences, 0, 1);
	graph.connect(subscriptions.records, sync, 0, 0);
	graph.connect(licences.records, sync, 0, 1);
	graph.connect(mapForLicences, sync, MAPPING_OUTPUT.mapped, 2);
	const writeEnds = addLicenceWrites(graph, sync, [3960, 0]);
	const done = graph.add(waitForAll(NODE.licenceWritesDone, [4840, 0], writeEnds.length + 1));
	writeEnds.forEach((end, input) => graph.connect(end, done, 0, input));
	graph.connect(sync, done, LICENCE_OUTPUT.summary, writeEnds.length);
	graph.add(runLock(NODE.unlock, [5060, 0], 'release'));
	graph.connect(done, NODE.unlock);
	graph.add(runLock(NODE.unlockCustomersOnly, [3300, 200], 'release'));
	graph.connect(thenSync, NODE.unlockCustomersOnly, 1);
	addReportBranch(graph, [NODE.unlock, NODE.unlockCustomersOnly], [5280, 0], {
		mappingNode: NODE.mapCustomers,
		licenceNode: NODE.licenceSync,
	});
	return withAlert(graph.toJson());
}

/** Items of one output, counting a batch item as its records. */
const countOf = (node: string, output: number) =>
	`={{ $('${node}').all(${output}).reduce((total, item) => total + (item.json.batch === undefined ? 1 : item.json.count), 0) }}`;

function buildImportCustomers(): WorkflowJson {
	const path = WEBHOOK_PATH.customers;
	const graph = new WorkflowGraph(
		'wcHaloImportCustomers',
		'Westcoast to HaloPSA: import customers',
	);
	note(graph, 'Note: Import', [-40, -760], 640, 200, notes.IMPORT_NOTE('customers', path));
	note(graph, 'Note: Credentials', [-40, -540], 640, 320, notes.CREDENTIALS_NOTE);
	note(graph, 'Note: Settings', [-40, 300], 640, 180, notes.settingsNote(CUSTOMER_IMPORT_SETTINGS));
	note(graph, 'Note: Customers', [1100, -540], 1100, 300, notes.CUSTOMERS_NOTE);

	graph.add(webhookTrigger(NODE.webhook, [0, 0], path));
	const valid = addSettings(graph, [220, 0], CUSTOMER_IMPORT_SETTINGS);
	graph.connect(NODE.webhook, SETTINGS_NODE);
	const customers = graph.add(westcoastCustomers(NODE.westcoastCustomers, [660, 0]));
	const clients = addHaloList(
		graph,
		[NODE.haloClients, NODE.clients],
		'Client',
		'clients',
		[880, 0],
	);
	const mapCustomers = graph.add(
		mappingResolver(NODE.mapCustomers, [1320, 0], {
			createMissing: true,
			topLevelId: `={{ ${setting(SETTING.topLevel)} }}`,
			updateSiteAddress: `={{ ${setting(SETTING.updateSiteAddress)} === true }}`,
		}),
	);
	const lock = graph.add(runLock(NODE.lock, [440, -160], 'acquire'));
	graph.connect(valid, lock);
	graph.connect(lock, customers);
	graph.connect(customers, clients.read);
	graph.connect(customers, mapCustomers, 0, 0);
	graph.connect(clients.records, mapCustomers, 0, 1);
	const done = addCustomerWrites(graph, mapCustomers, [1320, 0]);

	const count = (output: number) => countOf(NODE.mapCustomers, output);
	// Mapped also carries links to Westcoast customers gone from the read (westcoastDeleted), for Licence Sync.
	const linked = `$('${NODE.mapCustomers}').all(${MAPPING_OUTPUT.mapped}).filter((item) => item.json.westcoastDeleted !== true)`;
	const fields: Field[] = [
		{ name: 'mapped', type: 'number', value: `={{ ${linked}.length }}` },
		{
			name: 'mappedBy',
			type: 'object',
			value: `={{ ${linked}.reduce((counts, item) => ({ ...counts, [item.json.matchedBy]: (counts[item.json.matchedBy] ?? 0) + 1 }), {}) }}`,
		},
		{
			name: 'deletedInWestcoast',
			type: 'number',
			value: `={{ $('${NODE.mapCustomers}').all(${MAPPING_OUTPUT.mapped}).length - ${linked}.length }}`,
		},
		{
			name: 'linksStored',
			type: 'number',
			value: `={{ $('${NODE.mapCustomers}').all(${MAPPING_OUTPUT.mapped}).filter((item) => item.json.link !== undefined).length }}`,
		},
		{ name: 'created', type: 'number', value: count(MAPPING_OUTPUT.create) },
		{ name: 'addressChanges', type: 'number', value: count(MAPPING_OUTPUT.addressChanges) },
		{ name: 'needsReview', type: 'number', value: count(MAPPING_OUTPUT.review) },
	];
	const summary = graph.add(
		setFields(NODE.importSummary, [2420, 0], fields, { executeOnce: true }),
	);
	const unlock = graph.add(runLock(NODE.unlock, [2640, 0], 'release'));
	const respond = graph.add(respondWithFirstItem(NODE.respond, [2860, 0]));
	graph.connect(done, summary);
	graph.connect(summary, unlock);
	graph.connect(unlock, respond);
	addReportBranch(graph, [unlock], [2860, 300], {
		mappingNode: NODE.mapCustomers,
		licenceNode: '',
	});
	return withAlert(graph.toJson());
}

function buildImportSubscriptions(): WorkflowJson {
	const path = WEBHOOK_PATH.subscriptions;
	const graph = new WorkflowGraph('wcHaloImportSubs', 'Westcoast to HaloPSA: import subscriptions');
	note(graph, 'Note: Import', [-40, -760], 640, 200, notes.IMPORT_NOTE('subscriptions', path));
	note(graph, 'Note: Credentials', [-40, -540], 640, 320, notes.CREDENTIALS_NOTE);
	note(
		graph,
		'Note: Settings',
		[-40, 300],
		640,
		160,
		notes.settingsNote(SUBSCRIPTION_IMPORT_SETTINGS),
	);
	note(graph, 'Note: Licences', [1540, -540], 1500, 300, notes.LICENCES_NOTE);

	graph.add(webhookTrigger(NODE.webhook, [0, 0], path));
	const valid = addSettings(graph, [220, 0], SUBSCRIPTION_IMPORT_SETTINGS);
	graph.connect(NODE.webhook, SETTINGS_NODE);
	const customers = graph.add(westcoastCustomers(NODE.westcoastCustomers, [660, 0]));
	const subscriptions = addSubscriptionRead(graph, [880, 0]);
	const licences = addHaloList(
		graph,
		[NODE.haloLicences, NODE.licences],
		'SoftwareLicence',
		'licences',
		[1100, 0],
	);
	const clients = addHaloList(
		graph,
		[NODE.haloClients, NODE.clients],
		'Client',
		'clients',
		[1320, 0],
	);
	// Customers are written by the customer import.
	const mapCustomers = graph.add(mappingsOnly(NODE.mapCustomers, [1760, 0]));
	const sync = graph.add(licenceSync(NODE.licenceSync, [1980, 0], deactivateDeleted));
	const lock = graph.add(runLock(NODE.lock, [440, -160], 'acquire'));
	graph.connect(valid, lock);
	graph.connect(lock, customers);
	graph.connect(customers, subscriptions.read);
	graph.connect(subscriptions.read, licences.read);
	graph.connect(licences.check, clients.read);
	graph.connect(customers, mapCustomers, 0, 0);
	graph.connect(clients.records, mapCustomers, 0, 1);
	graph.connect(subscriptions.records, sync, 0, 0);
	graph.connect(licences.records, sync, 0, 1);
	graph.connect(mapCustomers, sync, MAPPING_OUTPUT.mapped, 2);

	const writeEnds = addLicenceWrites(graph, sync, [1980, 0]);
	const done = graph.add(waitForAll(NODE.licenceWritesDone, [2860, 0], writeEnds.length + 1));
	writeEnds.forEach((end, input) => graph.connect(end, done, 0, input));
	graph.connect(sync, done, LICENCE_OUTPUT.summary, writeEnds.length);
	const summary = graph.add(
		setFields(
			NODE.importSummary,
			[3080, 0],
			[
				{
					name: 'licences',
					type: 'object',
					value: `={{ $('${NODE.licenceSync}').all(${LICENCE_OUTPUT.summary})[0].json }}`,
				},
			],
			{ executeOnce: true },
		),
	);
	const unlock = graph.add(runLock(NODE.unlock, [3300, 0], 'release'));
	const respond = graph.add(respondWithFirstItem(NODE.respond, [3520, 0]));
	graph.connect(done, summary);
	graph.connect(summary, unlock);
	graph.connect(unlock, respond);
	addReportBranch(graph, [unlock], [3520, 300], {
		mappingNode: NODE.mapCustomers,
		licenceNode: NODE.licenceSync,
	});
	return withAlert(graph.toJson());
}

export const DAILY_SYNC_FILE = 'westcoast-halo-daily-sync.json';
export const IMPORT_CUSTOMERS_FILE = 'westcoast-halo-import-customers.json';
export const IMPORT_SUBSCRIPTIONS_FILE = 'westcoast-halo-import-subscriptions.json';

export const WORKFLOW_FILES: WorkflowFile[] = [
	{ file: DAILY_SYNC_FILE, build: buildDailySync },
	{ file: IMPORT_CUSTOMERS_FILE, build: buildImportCustomers },
	{ file: IMPORT_SUBSCRIPTIONS_FILE, build: buildImportSubscriptions },
	{ file: ALERT_FILE, build: buildAlertWorkflow },
];
