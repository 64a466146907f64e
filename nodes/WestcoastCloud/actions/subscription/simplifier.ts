import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifySubscription } from '../../../../core/westcoast/simplify';

/** The simplifier of one item's subscriptions, with the Quantity Field option it sets. */
export function subscriptionSimplifier(context: IExecuteFunctions, itemIndex: number) {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const quantityField = (options.quantityField as string | undefined) ?? '';
	return (subscription: unknown) => simplifySubscription(subscription, quantityField);
}
