import type { CustomerIndex } from './customers';
import type { LicenceIndex } from './licences';
import type { SubscriptionIndex } from './subscriptions';
import type { LicencePlanOptions } from './types';

/** The indexed inputs and options every decision reads (built once per plan). */
export interface PlanContext {
	options: LicencePlanOptions;
	customers: CustomerIndex;
	subscriptions: SubscriptionIndex;
	licences: LicenceIndex;
	isCustomerSelected: (westcoastCustomerId: string) => boolean;
	isProductSelected: (names: readonly (string | null)[]) => boolean;
}
