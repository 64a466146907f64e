/**
 * How the sandbox spells its answers. The store keeps one canonical record;
 * the dialect decides what goes on the wire.
 *
 * - `spec` (the default) follows the platform's documented dialect, as the
 *   public clients generated from its OpenAPI document show it
 *   (core/westcoast/protocol.ts lists the sources): `VATID`, `Salesman`,
 *   `IsUDRCField`, marketplaces as numbers, a `NumericId` that is not the
 *   AccountId, `Terminated` and a separate `Status`, `Fields` values as
 *   numbers where they are numbers, internal keys as some product names,
 *   add-ons as summary objects, login faults as HTTP 500 with the live texts.
 * - `legacy` is the first round's reading (`VatId`, `SalesMan`, `IsUdrcField`,
 *   strings everywhere, `Cancelled`, full add-ons, "Invalid login!" with 400),
 *   so tests can prove the client reads both.
 */
import type { SandboxCompany, SandboxSubscription } from './model';

export type Dialect = 'spec' | 'legacy';
export const DIALECTS: readonly Dialect[] = ['spec', 'legacy'];
export const DEFAULT_DIALECT: Dialect = 'spec';

/** Marketplace IDs are integers on the platform (`long` in ACMP). */
export const SPEC_MARKETPLACE_ID = 4711;

/** NumericId is a number of its own (an Intcomex note: "the API uses the AccountId, not the Numeric ID"). */
export const numericIdOf = (accountId: number) => String(90_000_000 + accountId);

/** Products whose ProductName is an internal key in the spec dialect (two public sources show such keys). */
const INTERNAL_KEY_SERVICES = new Set(['AcronisCyberProtect', 'KeeperSecurity']);

export const internalProductKey = (subscription: SandboxSubscription) =>
	`${(subscription.AccountId * 7) % 1_000_000}_${subscription.ServiceName === 'KeeperSecurity' ? 'SecurityOrder' : 'BackupOrder'}_${subscription.AccountId % 100_000}`;

function rename<T extends object>(record: T, from: string, to: string): T {
	if (!(from in record)) return record;
	const { [from]: value, ...rest } = record as Record<string, unknown>;
	return { ...rest, [to]: value } as T;
}

export function presentCompany(company: SandboxCompany, dialect: Dialect): object {
	if (dialect === 'legacy') return company;
	let shown: Record<string, unknown> = { ...company };
	shown = rename(shown, 'VatId', 'VATID');
	shown = rename(shown, 'SalesMan', 'Salesman');
	shown.Marketplace = SPEC_MARKETPLACE_ID;
	shown.Marketplaces = [SPEC_MARKETPLACE_ID];
	shown.NumericId = numericIdOf(company.AccountId);
	if (shown.AccountType === 'Customer') shown.AccountType = 'Company';
	if (shown.AccountState === 'Cancelled') shown.AccountState = 'Terminated';
	return shown;
}

/** A whole number written as text is sent as a JSON number in the spec dialect. */
const numberOrText = (value: unknown) =>
	typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export function presentSubscription(subscription: SandboxSubscription, dialect: Dialect): object {
	if (dialect === 'legacy') return subscription;
	const state =
		subscription.AccountState === 'Cancelled' ? 'Terminated' : subscription.AccountState;
	return {
		...subscription,
		AccountState: state,
		// GUESS: what Status holds beside AccountState is not public; the provisioning status is plausible.
		Status: state === 'Active' ? subscription.ProvisioningStatus : state,
		ProductName: INTERNAL_KEY_SERVICES.has(String(subscription.ServiceName))
			? internalProductKey(subscription)
			: subscription.ProductName,
		// Every other subscription sends numbers as numbers, so both kinds stay in use.
		Fields: subscription.Fields.map((entry) =>
			subscription.AccountId % 2 === 0 ? { ...entry, Value: numberOrText(entry.Value) } : entry,
		),
		PriceableItems: subscription.PriceableItems.map((item) =>
			rename(item, 'IsUdrcField', 'IsUDRCField'),
		),
	};
}

/** `Addons` of GetSubscriptionWithAddons: spec answers summaries, one object when there is one. */
export function presentAddons(addons: SandboxSubscription[], dialect: Dialect): unknown {
	if (dialect === 'legacy') return addons.map((addon) => presentSubscription(addon, dialect));
	const summaries = addons.map((addon) => ({
		ParentAccountId: addon.ParentAccountId,
		AccountId: addon.AccountId,
		AccountState: addon.AccountState === 'Cancelled' ? 'Terminated' : addon.AccountState,
		ServiceName: addon.ServiceName,
	}));
	if (summaries.length === 0) return null;
	return summaries.length === 1 ? summaries[0] : summaries;
}
