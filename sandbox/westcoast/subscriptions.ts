import type { RawField, RawPriceableItem } from '../../core/westcoast/protocol';
import type { Product } from './catalog';
import { daysFromReference, formatDate, monthsFromReference, type DateFormat } from './dates';
import type { SandboxCompany, SandboxSubscription } from './model';

export type ProvisioningStatus = 'Provisioned' | 'Pending' | 'Error';

/** What varies between subscriptions; the rest follows from the product and the customer. */
export interface SubscriptionInput {
	accountId: number;
	customer: SandboxCompany;
	product: Product;
	/** Ignored for products without a UDRC field (flat fee / usage). */
	quantity: number;
	state: string;
	dateFormat: DateFormat;
	/** Months after the reference date the contract ends; null = no ContractEndDate. */
	contractEndMonths: number | null;
	/** Days after the reference date of a scheduled termination; null = none (ContractEndDate applies). */
	scheduledTerminationDays: number | null;
	provisioningStatus: ProvisioningStatus;
	errorDetails?: string | null;
	/** The subscription this one is an add-on of. */
	parent?: SandboxSubscription;
	/** Set for user-level subscriptions: the user account that owns it. */
	userAccountId?: number;
	/** A renewal seat count different from the current one (noise a reader must not take). */
	renewQuantity?: number | null;
	vendorReferenceId: string;
	/** Put the UDRC item and field after the others, so readers cannot rely on position. */
	udrcLast?: boolean;
	purchaseOrderNumber?: string | null;
}

export function buildSubscription(input: SubscriptionInput): SandboxSubscription {
	const { product, customer } = input;
	const currency = customer.Currency ?? 'GBP';
	const udrc = product.udrcField;
	const term = {
		PriceableItemType: product.term.billingCycle,
		CommitementPeriodInMonths: product.term.commitmentMonths,
		PrepaidPeriodInMonths: product.term.prepaidMonths,
	};
	const udrcItems: RawPriceableItem[] = udrc
		? [
				{
					ChargeType: product.chargeType,
					PriceableItemDescription: `${product.productName} - monthly per-seat charge`,
					IsUdrcField: true,
					...term,
					PurchasePrice: product.purchasePrice,
					SalesPrice: product.salesPrice,
					SuggestedRetailPrice: product.suggestedRetailPrice,
					FieldName: udrc.name,
					MaterialNumber: product.materialNumber,
					ProductNumber: product.productNumber,
				},
			]
		: [];
	const flatItems: RawPriceableItem[] =
		!udrc && product.chargeType !== 'Usage'
			? [
					{
						ChargeType: product.chargeType,
						PriceableItemDescription: `${product.productName} (flat fee, monthly)`,
						IsUdrcField: false,
						...term,
						PurchasePrice: product.purchasePrice,
						SalesPrice: product.salesPrice,
						SuggestedRetailPrice: product.suggestedRetailPrice,
						FieldName: null,
						MaterialNumber: product.materialNumber,
						ProductNumber: product.productNumber,
					},
				]
			: [];
	const otherItems = [...flatItems, ...product.otherItems];
	const items = (
		input.udrcLast ? [...otherItems, ...udrcItems] : [...udrcItems, ...otherItems]
	).map((item, index) => ({
		...item,
		Currency: currency,
		PriceableItemId: input.accountId * 10 + index,
	}));

	const quantityFields: RawField[] = udrc
		? [{ Name: udrc.name, DisplayName: udrc.displayName, Value: String(input.quantity) }]
		: [];
	const otherFields: RawField[] = product.otherFields.map((field) => ({
		Name: field.name,
		DisplayName: field.displayName,
		Value: field.value,
	}));
	if (product.serviceName === 'MicrosoftCSP') {
		const tenant = customer.Domain?.find((domain) => domain.endsWith('.onmicrosoft.com')) ?? null;
		otherFields.unshift({ Name: 'Domain', DisplayName: 'Microsoft domain', Value: tenant });
	}
	const fields = input.udrcLast
		? [...otherFields, ...quantityFields]
		: [...quantityFields, ...otherFields];
	const renewFields: RawField[] =
		udrc && input.renewQuantity != null
			? [{ Name: udrc.name, DisplayName: udrc.displayName, Value: String(input.renewQuantity) }]
			: [];

	const date = (epochMs: number | null) =>
		epochMs === null ? null : formatDate(epochMs, input.dateFormat);
	const contractEnd =
		input.contractEndMonths === null ? null : monthsFromReference(input.contractEndMonths);
	return {
		ParentAccountId: input.userAccountId ?? customer.AccountId,
		CompanyAccountId: customer.AccountId,
		ParentType: input.userAccountId === undefined ? 'Company' : 'User',
		AccountId: input.accountId,
		AccountState: input.state,
		ServiceName: product.serviceName,
		ServiceDisplayName: product.serviceDisplayName,
		VendorDisplayName: product.productName,
		ContractId: `WCC-SC-${input.accountId}`,
		ProvisioningStatus: input.provisioningStatus,
		DependencyAccountId: input.parent?.AccountId ?? null,
		DependencyServiceName: input.parent?.ServiceName ?? null,
		ErrorDetails:
			input.provisioningStatus === 'Error'
				? (input.errorDetails ?? 'Provisioning failed at the vendor.')
				: null,
		VendorReferenceId: input.vendorReferenceId,
		SecondVendorReferenceId:
			product.serviceName === 'MicrosoftCSP' ? `order-${input.accountId}` : null,
		ProductName: product.productName,
		ContractEndDate: date(contractEnd),
		PriceProtectionEndDate: date(contractEnd),
		ScheduledTerminationDate: date(
			input.scheduledTerminationDays === null
				? null
				: daysFromReference(input.scheduledTerminationDays),
		),
		AdvancePeriodEndDate: date(contractEnd === null ? null : monthsFromReference(1)),
		AdvancePeriodEndAction: input.scheduledTerminationDays === null ? 'Renew' : 'Terminate',
		BillingStartDate: date(
			input.contractEndMonths === null
				? null
				: monthsFromReference(input.contractEndMonths - product.term.commitmentMonths),
		),
		PurchaseOrderNumber: input.purchaseOrderNumber ?? null,
		HasRenewActionValuesConfigured: renewFields.length > 0,
		RemainingCreditLimit: null,
		Fields: fields,
		RenewFields: renewFields,
		PriceableItems: items,
	};
}

/** The seat count field of a subscription, or undefined for a flat fee. */
export function quantityField(subscription: SandboxSubscription): RawField | undefined {
	const item = subscription.PriceableItems.find((candidate) => candidate.IsUdrcField === true);
	return item ? subscription.Fields.find((field) => field.Name === item.FieldName) : undefined;
}
