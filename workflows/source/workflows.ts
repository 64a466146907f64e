/**
 * The three workflows shipped in workflows/*.json. Each read feeds the next
 * read (nodes that run once), so every read is done before the first write,
 * whatever the nodes' positions on the canvas.
 */
import { HALO_ENTITIES, HALO_LIST_KEY } from '../../core/psa/halo';
import {
	addApproval,
	addApprovalNote,
	APPROVAL_SETTINGS,
	noticeFields,
	withWriteGates,
} from './approval';
import {
	dailyTrigger,
	ifAllTrue,
	passWhenBothArrive,
	manualTrigger,
	respondWithItemOf,
	setFields,
	stickyNote,
	waitForAll,
	webhookTrigger,
	type Field,
} from './base-nodes';
import { addCustomerWrites, CUSTOMER_WRITE_NODES, CUSTOMER_WRITES_WIDTH } from './customer-writes';
import type { Port } from '../../core/node-io';
import { WorkflowGraph, type Position, type WorkflowJson } from './graph';
import { haloReadFirstPage, haloReadPages } from './halo-nodes';
import { addLicenceWrites, LICENCE_WRITE_NODES, LICENCE_WRITES_WIDTH } from './licence-writes';
import * as notes from './notes';
import { addReportBranch, ALERT_FILE, buildAlertWorkflow, withAlert } from './report-nodes';
import {
	CREATE_CHECK_OUTPUT,
	LICENCE_INPUT,
	LICENCE_OUTPUT,
	licenceSync,
	MAPPING_INPUT,
	MAPPING_OUTPUT,
	mappingResolver,
	psaListCheck,
	psaPagePlan,
	westcoastCustomers,
	westcoastSubscriptions,
} from './package-nodes';
import {
	addGuardMemoryStore,
	addWritesLock,
	QUEUE_MODE_DIR,
	QUEUE_NODE,
	withGuardMemory,
	writesUnlock,
	type WorkflowVariant,
} from './queue-mode';
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
	haloLicences: 'Halo: Read Licences',
	licences: 'Licences',
	haloClients: 'Halo: Read Clients',
	clients: 'Clients',
	mapCustomers: 'Map Customers',
	thenSyncSubscriptions: 'Then Sync Subscriptions?',
	haloClientsAfterWrites: 'Halo: Re-read Clients',
	clientsAfterWrites: 'Clients After Writes',
	mapForLicences: 'Map Customers for Licences',
	customersForLicences: 'Customers for Licences',
	licenceSync: 'Licence Sync',
	licenceWritesDone: 'Licence Writes Done',
	importSummary: 'Import Summary',
	respond: 'Respond',
	lock: QUEUE_NODE.takeLock,
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
 * Halo list read: its first page, the plan of its pages, the pages read in
 * parallel (one item per page), and its completeness check, which emits the
 * records (or one empty item for an empty list, which the package's nodes
 * read as no records). The next read hangs off the check, so a failed or
 * doubtful read stops the run before any write.
 */
function addHaloList(
	graph: WorkflowGraph,
	[read, list]: [string, string],
	entity: string,
	listKey: string,
	[x, y]: Position,
): { read: string; check: string; records: string } {
	const plan = `Plan: ${list} Pages`;
	const pages = `${read} (All Pages)`;
	const check = `Check: ${list} Complete`;
	graph.add(haloReadFirstPage(read, [x, y], entity));
	graph.add(psaPagePlan(plan, [x + 40, y + 200], listKey));
	graph.add(haloReadPages(pages, [x + 80, y + 400], entity));
	graph.add(psaListCheck(check, [x + 120, y + 600], listKey, read));
	graph.connect(read, plan);
	graph.connect(plan, pages);
	graph.connect(pages, check);
	return { read, check, records: check };
}

/** The Westcoast subscription read: its records (one empty item when there are none, read as none by Licence Sync). */
function addSubscriptionRead(
	graph: WorkflowGraph,
	[x, y]: Position,
): { read: string; records: string } {
	const read = graph.add(westcoastSubscriptions(NODE.westcoastSubscriptions, [x, y]));
	return { read, records: read };
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
	SETTING.readsPerBatch,
	...APPROVAL_SETTINGS,
];
export const CUSTOMER_IMPORT_SETTINGS: SettingName[] = [
	SETTING.haloBaseUrl,
	SETTING.topLevel,
	SETTING.updateSiteAddress,
	SETTING.readsPerBatch,
	...APPROVAL_SETTINGS,
];
export const SUBSCRIPTION_IMPORT_SETTINGS: SettingName[] = [
	SETTING.haloBaseUrl,
	SETTING.deactivateDeleted,
	SETTING.readsPerBatch,
	...APPROVAL_SETTINGS,
];

const deactivateDeleted = `={{ ${setting(SETTING.deactivateDeleted)} === true }}`;

/** The name a workflow has in the editor; the queue-mode variant says so. */
const titled = (name: string, variant: WorkflowVariant) =>
	variant === 'queue-mode' ? `${name} (queue mode)` : name;

/** Columns of the daily sync's licence half, right of the customer writes. */
const DAILY_CUSTOMERS_X = 1980;
const DAILY = (() => {
	const thenSync = DAILY_CUSTOMERS_X + CUSTOMER_WRITES_WIDTH + 220;
	const mapForLicences = thenSync + 660;
	// Room for the mapper's output labels and Licence Sync's input labels between them.
	const licenceSync = mapForLicences + 440;
	return {
		thenSync,
		mapForLicences,
		licenceSync,
		licenceWritesDone: licenceSync + LICENCE_WRITES_WIDTH,
	};
})();

function buildDailySync(variant: WorkflowVariant): WorkflowJson {
	const graph = new WorkflowGraph(
		'wcHaloDailySync',
		titled('Westcoast to HaloPSA: daily sync', variant),
	);
	addApprovalNote(graph, [-40, -1180]);
	note(graph, 'Note: Credentials', [-40, -880], 640, 320, notes.CREDENTIALS_NOTE);
	note(graph, 'Note: Settings', [-40, -540], 640, 300, notes.settingsNote(DAILY_SETTINGS));
	note(graph, 'Note: Schedule', [-40, 260], 420, 140, notes.SCHEDULE_NOTE);
	note(graph, 'Note: Execution Data', [-40, 420], 640, 200, notes.EXECUTION_DATA_NOTE);
	note(graph, 'Note: Reads', [640, -540], 1120, 220, notes.READS_NOTE);
	note(graph, 'Note: Customers', [1960, -540], 1320, 300, notes.CUSTOMERS_NOTE);
	note(graph, 'Note: Licences', [3300, -540], 2880, 300, notes.LICENCES_NOTE);

	// First: `n8n execute` starts from the first trigger in the file.
	graph.add(manualTrigger(NODE.runNow, [0, -100]));
	graph.add(dailyTrigger(NODE.schedule, [0, 100], DAILY_HOUR));
	const valid = addSettings(graph, [220, 0], DAILY_SETTINGS);
	graph.connect(NODE.schedule, SETTINGS_NODE);
	graph.connect(NODE.runNow, SETTINGS_NODE);

	// Reads: Westcoast customers, then (when syncing subscriptions) subscriptions and Halo licences, then Halo clients.
	const customers = graph.add(westcoastCustomers(NODE.westcoastCustomers, [660, 0]));
	// Decided once, not per customer; the customers pass to the licence mapping only when it says yes.
	const syncSubscriptions = graph.add(
		ifAllTrue(NODE.syncSubscriptions, [880, 0], [SYNCS_SUBSCRIPTIONS], { executeOnce: true }),
	);
	const subscriptions = addSubscriptionRead(graph, [1100, 0]);
	const licences = addHaloList(
		graph,
		[NODE.haloLicences, NODE.licences],
		HALO_ENTITIES.licence,
		HALO_LIST_KEY.licence,
		[1320, 0],
	);
	const clients = addHaloList(
		graph,
		[NODE.haloClients, NODE.clients],
		HALO_ENTITIES.customer,
		HALO_LIST_KEY.client,
		[1540, 0],
	);
	addWritesLock(graph, variant, [440, -160], [valid, customers], { guardMemory: true });
	graph.connect(customers, syncSubscriptions);
	graph.connect(syncSubscriptions, subscriptions.read, 0);
	graph.connect(syncSubscriptions, clients.read, 1);
	graph.connect(subscriptions.read, licences.read);
	graph.connect(licences.check, clients.read);

	// Customers: written only when syncing them (else the resolver only plans).
	const mapCustomers = graph.add(
		mappingResolver(NODE.mapCustomers, [DAILY_CUSTOMERS_X, 0], {
			createMissing: `={{ ${SYNCS_CUSTOMERS} }}`,
			topLevelId: `={{ ${setting(SETTING.topLevel)} }}`,
			updateSiteAddress: `={{ ${SYNCS_CUSTOMERS} && ${setting(SETTING.updateSiteAddress)} === true }}`,
		}),
	);
	graph.connect(customers, mapCustomers, 0, MAPPING_INPUT.westcoast);
	graph.connect(clients.records, mapCustomers, 0, MAPPING_INPUT.psa);
	const customersDone = addCustomerWrites(
		graph,
		mapCustomers,
		[DAILY_CUSTOMERS_X, 0],
		SYNCS_CUSTOMERS,
	);
	addApproval(graph, variant, 'Customers', mapCustomers, [DAILY_CUSTOMERS_X + 220, -400]);

	// Licences: once the customer writes are done, map again so that created clients count.
	const thenSync = graph.add(
		ifAllTrue(NODE.thenSyncSubscriptions, [DAILY.thenSync, 0], [SYNCS_SUBSCRIPTIONS], {
			executeOnce: true,
		}),
	);
	const clientsAfter = addHaloList(
		graph,
		[NODE.haloClientsAfterWrites, NODE.clientsAfterWrites],
		HALO_ENTITIES.customer,
		HALO_LIST_KEY.client,
		[DAILY.thenSync + 220, 0],
	);
	const mapForLicences = graph.add(mappingsOnly(NODE.mapForLicences, [DAILY.mapForLicences, 0]));
	const sync = graph.add(
		withGuardMemory(
			variant,
			licenceSync(NODE.licenceSync, [DAILY.licenceSync, 0], deactivateDeleted),
		),
	);
	graph.connect(customersDone, thenSync);
	graph.connect(thenSync, clientsAfter.read);
	const customersForLicences = graph.add(
		passWhenBothArrive(NODE.customersForLicences, [DAILY.mapForLicences - 220, 0]),
	);
	graph.connect(customers, customersForLicences, 0, 0);
	graph.connect(syncSubscriptions, customersForLicences, 0, 1);
	graph.connect(customersForLicences, mapForLicences, 0, MAPPING_INPUT.westcoast);
	graph.connect(clientsAfter.records, mapForLicences, 0, MAPPING_INPUT.psa);
	graph.connect(subscriptions.records, sync, 0, LICENCE_INPUT.subscriptions);
	graph.connect(licences.records, sync, 0, LICENCE_INPUT.licences);
	graph.connect(mapForLicences, sync, MAPPING_OUTPUT.mapped, LICENCE_INPUT.mappings);
	addApproval(graph, variant, 'Licences', sync, [DAILY.licenceSync + 220, -1200], ['Customers']);
	const writeEnds = addLicenceWrites(graph, sync, [DAILY.licenceSync, 0]);
	const done = graph.add(
		waitForAll(NODE.licenceWritesDone, [DAILY.licenceWritesDone, 0], writeEnds.length + 1),
	);
	writeEnds.forEach((end, input) => graph.connect(end, done, 0, input));
	const planSummary = addGuardMemoryStore(graph, variant, sync, [DAILY.licenceSync, 0]);
	graph.connect(planSummary.node, done, planSummary.output, writeEnds.length);
	graph.add(writesUnlock(variant, NODE.unlock, [DAILY.licenceWritesDone + 220, 0]));
	graph.connect(done, NODE.unlock);
	// Below the re-read's steps, which step down from it.
	graph.add(writesUnlock(variant, NODE.unlockCustomersOnly, [DAILY.thenSync, 860]));
	graph.connect(thenSync, NODE.unlockCustomersOnly, 1);
	addReportBranch(
		graph,
		[NODE.unlock, NODE.unlockCustomersOnly],
		[DAILY.licenceWritesDone + 440, 0],
		{
			mappingNode: NODE.mapCustomers,
			licenceNode: NODE.licenceSync,
		},
	);
	return withAlert(graph.toJson(withWriteGates));
}

/** Records of one output: the planners and PSA Create Check emit one item per record. */
const recordsOf = (node: string, output: Port) => `$('${node}').all(${output.index}).length`;
const countOf = (node: string, output: Port) => `={{ ${recordsOf(node, output)} }}`;

const IMPORT_CUSTOMERS_X = 1320;
/** Where the customer import's summary goes: right of the customer writes. */
const IMPORT_CUSTOMERS_END = IMPORT_CUSTOMERS_X + CUSTOMER_WRITES_WIDTH + 220;

function buildImportCustomers(variant: WorkflowVariant): WorkflowJson {
	const path = WEBHOOK_PATH.customers;
	const graph = new WorkflowGraph(
		'wcHaloImportCustomers',
		titled('Westcoast to HaloPSA: import customers', variant),
	);
	addApprovalNote(graph, [-40, -1060]);
	note(graph, 'Note: Import', [-40, -760], 640, 200, notes.IMPORT_NOTE('customers', path));
	note(graph, 'Note: Credentials', [-40, -540], 640, 320, notes.CREDENTIALS_NOTE);
	note(graph, 'Note: Settings', [-40, 300], 640, 180, notes.settingsNote(CUSTOMER_IMPORT_SETTINGS));
	note(graph, 'Note: Customers', [1100, -540], 1320, 300, notes.CUSTOMERS_NOTE);

	graph.add(webhookTrigger(NODE.webhook, [0, 0], path));
	const valid = addSettings(graph, [220, 0], CUSTOMER_IMPORT_SETTINGS);
	graph.connect(NODE.webhook, SETTINGS_NODE);
	const customers = graph.add(westcoastCustomers(NODE.westcoastCustomers, [660, 0]));
	const clients = addHaloList(
		graph,
		[NODE.haloClients, NODE.clients],
		HALO_ENTITIES.customer,
		HALO_LIST_KEY.client,
		[880, 0],
	);
	const mapCustomers = graph.add(
		mappingResolver(NODE.mapCustomers, [IMPORT_CUSTOMERS_X, 0], {
			createMissing: true,
			topLevelId: `={{ ${setting(SETTING.topLevel)} }}`,
			updateSiteAddress: `={{ ${setting(SETTING.updateSiteAddress)} === true }}`,
		}),
	);
	addWritesLock(graph, variant, [440, -160], [valid, customers], { guardMemory: false });
	graph.connect(customers, clients.read);
	graph.connect(customers, mapCustomers, 0, MAPPING_INPUT.westcoast);
	graph.connect(clients.records, mapCustomers, 0, MAPPING_INPUT.psa);
	const done = addCustomerWrites(graph, mapCustomers, [IMPORT_CUSTOMERS_X, 0]);
	addApproval(graph, variant, 'Customers', mapCustomers, [IMPORT_CUSTOMERS_X + 220, -400]);

	const count = (output: Port) => countOf(NODE.mapCustomers, output);
	// The creates left after the check just before them (it runs only when there are creates).
	const confirmed = (output: Port) =>
		`={{ $('${NODE.confirmClientCreates}').isExecuted ? ${recordsOf(NODE.confirmClientCreates, output)} : 0 }}`;
	// Mapped also carries links to Westcoast customers gone from the read (westcoastDeleted), for Licence Sync.
	const linked = `$('${NODE.mapCustomers}').all(${MAPPING_OUTPUT.mapped.index}).filter((item) => item.json.westcoastDeleted !== true)`;
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
			value: `={{ $('${NODE.mapCustomers}').all(${MAPPING_OUTPUT.mapped.index}).length - ${linked}.length }}`,
		},
		{
			name: 'linksStored',
			type: 'number',
			value: `={{ $('${NODE.mapCustomers}').all(${MAPPING_OUTPUT.mapped.index}).filter((item) => item.json.link != null).length }}`,
		},
		{ name: 'created', type: 'number', value: confirmed(CREATE_CHECK_OUTPUT.create) },
		{ name: 'foundBeforeCreate', type: 'number', value: confirmed(CREATE_CHECK_OUTPUT.existing) },
		{ name: 'addressChanges', type: 'number', value: count(MAPPING_OUTPUT.addressChanges) },
		{ name: 'needsReview', type: 'number', value: count(MAPPING_OUTPUT.review) },
		...noticeFields(['Customers']),
	];
	const summary = graph.add(
		setFields(NODE.importSummary, [IMPORT_CUSTOMERS_END, 0], fields, { executeOnce: true }),
	);
	const unlock = graph.add(writesUnlock(variant, NODE.unlock, [IMPORT_CUSTOMERS_END + 220, 0]));
	const respond = graph.add(
		respondWithItemOf(NODE.respond, [IMPORT_CUSTOMERS_END + 440, 0], NODE.importSummary),
	);
	graph.connect(done, summary);
	graph.connect(summary, unlock);
	graph.connect(unlock, respond);
	addReportBranch(graph, [unlock], [IMPORT_CUSTOMERS_END + 440, 300], {
		mappingNode: NODE.mapCustomers,
		licenceNode: '',
	});
	return withAlert(graph.toJson(withWriteGates));
}

const IMPORT_MAP_CUSTOMERS_X = 1760;
// Room for the mapper's output labels and Licence Sync's input labels between them.
const IMPORT_LICENCE_SYNC_X = IMPORT_MAP_CUSTOMERS_X + 440;

function buildImportSubscriptions(variant: WorkflowVariant): WorkflowJson {
	const path = WEBHOOK_PATH.subscriptions;
	const graph = new WorkflowGraph(
		'wcHaloImportSubs',
		titled('Westcoast to HaloPSA: import subscriptions', variant),
	);
	addApprovalNote(graph, [-40, -1060]);
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
	note(graph, 'Note: Licences', [1540, -540], 2400, 300, notes.LICENCES_NOTE);

	graph.add(webhookTrigger(NODE.webhook, [0, 0], path));
	const valid = addSettings(graph, [220, 0], SUBSCRIPTION_IMPORT_SETTINGS);
	graph.connect(NODE.webhook, SETTINGS_NODE);
	const customers = graph.add(westcoastCustomers(NODE.westcoastCustomers, [660, 0]));
	const subscriptions = addSubscriptionRead(graph, [880, 0]);
	const licences = addHaloList(
		graph,
		[NODE.haloLicences, NODE.licences],
		HALO_ENTITIES.licence,
		HALO_LIST_KEY.licence,
		[1100, 0],
	);
	const clients = addHaloList(
		graph,
		[NODE.haloClients, NODE.clients],
		HALO_ENTITIES.customer,
		HALO_LIST_KEY.client,
		[1320, 0],
	);
	// Customers are written by the customer import.
	const mapCustomers = graph.add(mappingsOnly(NODE.mapCustomers, [IMPORT_MAP_CUSTOMERS_X, 0]));
	const sync = graph.add(
		withGuardMemory(
			variant,
			licenceSync(NODE.licenceSync, [IMPORT_LICENCE_SYNC_X, 0], deactivateDeleted),
		),
	);
	addWritesLock(graph, variant, [440, -160], [valid, customers], { guardMemory: true });
	graph.connect(customers, subscriptions.read);
	graph.connect(subscriptions.read, licences.read);
	graph.connect(licences.check, clients.read);
	graph.connect(customers, mapCustomers, 0, MAPPING_INPUT.westcoast);
	graph.connect(clients.records, mapCustomers, 0, MAPPING_INPUT.psa);
	graph.connect(subscriptions.records, sync, 0, LICENCE_INPUT.subscriptions);
	graph.connect(licences.records, sync, 0, LICENCE_INPUT.licences);
	graph.connect(mapCustomers, sync, MAPPING_OUTPUT.mapped, LICENCE_INPUT.mappings);

	addApproval(graph, variant, 'Licences', sync, [IMPORT_LICENCE_SYNC_X + 220, -1200]);
	const writeEnds = addLicenceWrites(graph, sync, [IMPORT_LICENCE_SYNC_X, 0]);
	const writesEnd = IMPORT_LICENCE_SYNC_X + LICENCE_WRITES_WIDTH;
	const done = graph.add(waitForAll(NODE.licenceWritesDone, [writesEnd, 0], writeEnds.length + 1));
	writeEnds.forEach((end, input) => graph.connect(end, done, 0, input));
	const planSummary = addGuardMemoryStore(graph, variant, sync, [IMPORT_LICENCE_SYNC_X, 0]);
	graph.connect(planSummary.node, done, planSummary.output, writeEnds.length);
	const summary = graph.add(
		setFields(
			NODE.importSummary,
			[writesEnd + 220, 0],
			[
				{
					name: 'licences',
					type: 'object',
					value: `={{ $('${NODE.licenceSync}').all(${LICENCE_OUTPUT.summary.index})[0].json }}`,
				},
				{
					name: 'foundBeforeCreate',
					type: 'number',
					value: `={{ $('${NODE.confirmLicenceCreates}').isExecuted ? ${recordsOf(NODE.confirmLicenceCreates, CREATE_CHECK_OUTPUT.update)} + $('${NODE.confirmLicenceCreates}').all(${CREATE_CHECK_OUTPUT.existing.index}).length : 0 }}`,
				},
				...noticeFields(['Licences']),
			],
			{ executeOnce: true },
		),
	);
	const unlock = graph.add(writesUnlock(variant, NODE.unlock, [writesEnd + 440, 0]));
	const respond = graph.add(
		respondWithItemOf(NODE.respond, [writesEnd + 660, 0], NODE.importSummary),
	);
	graph.connect(done, summary);
	graph.connect(summary, unlock);
	graph.connect(unlock, respond);
	addReportBranch(graph, [unlock], [writesEnd + 660, 300], {
		mappingNode: NODE.mapCustomers,
		licenceNode: NODE.licenceSync,
	});
	return withAlert(graph.toJson(withWriteGates));
}

export const DAILY_SYNC_FILE = 'westcoast-halo-daily-sync.json';
export const IMPORT_CUSTOMERS_FILE = 'westcoast-halo-import-customers.json';
export const IMPORT_SUBSCRIPTIONS_FILE = 'westcoast-halo-import-subscriptions.json';

const BUILDERS: Array<[file: string, build: (variant: WorkflowVariant) => WorkflowJson]> = [
	[DAILY_SYNC_FILE, buildDailySync],
	[IMPORT_CUSTOMERS_FILE, buildImportCustomers],
	[IMPORT_SUBSCRIPTIONS_FILE, buildImportSubscriptions],
	[ALERT_FILE, buildAlertWorkflow],
];

/** A file of workflows/queue-mode, by the name of its single-process twin. */
export const queueModeFile = (file: string) => `${QUEUE_MODE_DIR}/${file}`;

/** One source, two outputs: workflows/*.json (one n8n process) and workflows/queue-mode/*.json. */
export const WORKFLOW_FILES: WorkflowFile[] = [
	...BUILDERS.map(([file, build]) => ({ file, build: () => build('single-process') })),
	...BUILDERS.map(([file, build]) => ({
		file: queueModeFile(file),
		build: () => build('queue-mode'),
	})),
];
