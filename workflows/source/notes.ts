/** Sticky-note texts: what a user sets, and why the workflows are wired as they are. */
import { HALO_CREDENTIAL, WESTCOAST_CREDENTIAL } from './package-nodes';
import { SETTING, type SettingName } from './settings';

export const CREDENTIALS_NOTE = `## Set these first
**Credentials**, under these names (create them before importing, and every node gets its own; else pick yours in one node of each kind and n8n puts it in the others):
- **${WESTCOAST_CREDENTIAL.name}** (Westcoast Cloud API): your marketplace URL, and the username and password of a Westcoast user with read access to customers and subscriptions, the *Reseller Admin* role and 2FA off.
- **${HALO_CREDENTIAL.name}** (OAuth2 API): Grant Type *Client Credentials*; Access Token URL \`https://YOURCO.halopsa.com/auth/token\` (hosted Halo: add \`?tenant=YOURCO\`); Client ID and Secret of a Halo API application (authentication method *Client ID and Secret*, permission *all*); Scope \`all\`; Authentication *Send Credentials in Body*.`;

const SETTING_HELP: Record<SettingName, string> = {
	[SETTING.entities]: '`customers`, `subscriptions` or `both`.',
	[SETTING.haloBaseUrl]: 'e.g. `https://yourco.halopsa.com` (the API is under /api).',
	[SETTING.topLevel]: 'Halo top level ID for created customers; empty leaves it to Halo.',
	[SETTING.updateSiteAddress]: "copy Westcoast's address to a mapped customer's main site.",
	[SETTING.deactivateDeleted]:
		'on, a licence whose subscription was deleted in Westcoast is made inactive; off (as Halo), its count is set to 0 and its status is left alone.',
	[SETTING.readsPerBatch]:
		'Halo list pages requested together (default 8; a batch starts every 25 ms). Lower it if Halo answers 429.',
	[SETTING.dryRun]:
		'on, the run reads and plans everything and writes nothing to Halo; the Sync Report says so and shows the planned changes.',
	[SETTING.approval]:
		'on, a plan that creates, deactivates or zeroes more than *Approve Changes Over* records waits for a person (see **Note: Approval**).',
	[SETTING.approveOver]:
		'how many creates, deactivations and zeroes a plan may hold without approval.',
	[SETTING.approvalTimeout]:
		'how long a plan waits for approval; after that the run ends and writes nothing.',
};

/** What each field of the Settings node (these fields) means. */
export const settingsNote = (names: SettingName[]) =>
	['## Settings', ...names.map((name) => `- **${name}**: ${SETTING_HELP[name]}`)].join('\n');

export const EXECUTION_DATA_NOTE = `## Execution data
Saved for every run, failed or successful, manual runs included; not saved after each node (Workflow Settings). No Filter copies a list: the Westcoast node and the **Check: ... Complete** nodes emit the records the next nodes read, and licences that need no change, or are left alone as expected (customer not mapped, ...), are only counted in Licence Sync's Summary (its options *Include Unchanged* and *Include Skipped* are off here; Skipped still lists what a person must act on). Keep n8n's pruning on (EXECUTIONS_DATA_PRUNE, EXECUTIONS_DATA_MAX_AGE); for very large tenants consider EXECUTIONS_DATA_SAVE_ON_SUCCESS=none.`;

export const SCHEDULE_NOTE = `## When
**Daily Schedule** runs it every day: set the hour there (the instance's time zone). To run it at once, press **Execute workflow** (n8n starts it from Daily Schedule) or pick **Run Now** in the button's menu: both start the same run. Run Now is what \`n8n execute\` starts from (the command line needs a manual trigger).`;

export const READS_NOTE = `## Reads first
Westcoast customers, Westcoast subscriptions, Halo licences and Halo clients are read in one chain before anything is written. The Westcoast nodes do not continue on fail. Every Halo list is read from its first page's record_count: **Plan: ... Pages** plans every page (at Halo's cap if page 1 reveals one), the pages are read *Halo Reads per Batch* at a time, and its **Check: ... Complete** node proves them complete (same record_count on every page, each record once, as many as record_count, no empty answer where the last run saw records), so a failed or doubtful read stops the run with Halo untouched.`;

export const CUSTOMERS_NOTE = `## Customers
**Map Customers** links every Westcoast customer to one Halo client: manual mappings, then the stored Westcoast link, exact name, normalized name (\`&\`/and, Ltd/Limited, case, accents). Missing Active customers are created (with their link); name matches get their link stored, so the next run matches by link. Anything unsure (two clients with one name, a customer that is not Active) goes to **Customers to Review**: nothing is written for it.
**Customer Writes Done** waits for every customer write.`;

export const LICENCES_NOTE = `## Licences
Halo clients are read again so new ones are mapped, then **Licence Sync** turns every Active company-level subscription of a mapped customer into exactly one licence (Westcoast ID in \`third_party_product\`; count = seats; end date = termination date, else contract end).
It refuses, and stops the run before any write, when it (or the runs of the last 7 days with it) would deactivate or zero more than *Max Deactivations (%)* (20 %) of the linked licences: a bad read looks like that. For a legitimate clean-up, set it to the value the refusal names for one run, then back.
Add-ons created with their parent get \`parent_id\` in **Halo: Link Add-Ons**.
Keep the manual mappings and name rules of both Mapping Resolvers the same.`;

export const IMPORT_NOTE = (what: string, path: string) => `## Import ${what} now
POST to this workflow's webhook (\`/webhook/${path}\`, after activating it) to run the import; it answers with the counts. Protect the webhook (Webhook node > Authentication) before exposing it.`;
