export { alertMessage, type AlertMessage, type FailedRunInput } from './alert';
export { reviewDigest, type ReviewDigest } from './digest';
export {
	changesByCustomer,
	licenceChangeLine,
	type CustomerOutputs,
	type LicenceOutputs,
	type LicenceSummaryItem,
	type SyncReportInput,
} from './facts';
export { customerChangesHtml, escapeHtml, htmlPage, htmlTable, type CustomerChanges } from './html';
export { renderSyncReport, reviewRows } from './render';
