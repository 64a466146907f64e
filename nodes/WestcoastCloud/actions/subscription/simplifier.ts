import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldsLicenceSyncReads } from '../../../../core/licences/subscriptions';
import { simplifySubscription } from '../../../../core/westcoast/simplify';

/** The simplifier of one item's subscriptions, with the Quantity Field and Output Fields options it sets. */
export function subscriptionSimplifier(context: IExecuteFunctions, itemIndex: number) {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const quantityField = (options.quantityField as string | undefined) ?? '';
	if (options.outputFields === 'licenceSync')
		return (subscription: unknown) =>
			fieldsLicenceSyncReads(simplifySubscription(subscription, quantityField));
	return (subscription: unknown) => simplifySubscription(subscription, quantityField);
}
