/**
 * One test per row of the evidence from public clients of the marketplace
 * platform (README "Marketplace dialect"): each record is shaped as the named
 * source shows it, and the test checks what a user of the package would see.
 */
import { describeSummary, planLicences } from '../../../core/licences';
import { classifyFaultMessage, explainFailure } from '../../../core/westcoast/connection-test';
import { parseFault } from '../../../core/westcoast/fault';
import { accountIdValue, CALLS } from '../../../core/westcoast/protocol';
import { readQuantity } from '../../../core/westcoast/quantity';
import { RecordShapeError } from '../../../core/westcoast/record';
import { faultError, readSessionToken } from '../../../core/westcoast/response';
import { simplifyCustomer, simplifySubscription } from '../../../core/westcoast/simplify';

const subscription = (overrides: Record<string, unknown> = {}) => ({
	ParentAccountId: 200105,
	CompanyAccountId: 200105,
	AccountId: 5000001,
	AccountState: 'Active',
	ServiceName: 'MicrosoftCSP',
	ServiceDisplayName: 'Microsoft Cloud Solution Provider',
	ProductName: 'Microsoft 365 Business Premium',
	Fields: [{ Name: 'Quantity', DisplayName: 'Quantity', Value: '25' }],
	PriceableItems: [{ FieldName: 'Quantity', IsUDRCField: true, PurchasePrice: 15.5 }],
	...overrides,
});

const answer = (statusCode: number, body: string) => ({ statusCode, headers: {}, body });

describe('seat-count flag', () => {
	// ACMP src/ACMP/Models/*.cs and the Swagger-generated SubscriptionPriceableItem: `IsUDRCField`.
	it('reads IsUDRCField as the C# clients spell it', () => {
		expect(simplifySubscription(subscription())).toMatchObject({
			quantity: 25,
			quantitySource: 'udrc',
		});
	});

	// inserveit/also-cloud-marketplace-api-php src/Model/*.php: property `isUdrcField`; the first round: `IsUdrcField`.
	it.each(['isUdrcField', 'IsUdrcField', 'ISUDRCFIELD'])('reads the flag spelt %s', (flag) => {
		const record = subscription({
			Fields: [{ Name: 'Seats', Value: '9' }],
			PriceableItems: [{ FieldName: 'Seats', [flag]: true }],
		});
		expect(readQuantity(record)).toEqual({ ok: true, quantity: 9, source: 'udrc' });
	});
});

describe('seat-count fallback', () => {
	// Intcomex data pipeline: reads the `Fields` entry named `Quantity`; other entries seen beside it.
	it('takes the Fields entry named Quantity when no priceable item is flagged', () => {
		const record = subscription({
			Fields: [
				{ Name: 'MicrosoftTenantId', Value: 'b3a1...' },
				{ Name: 'TenantID', Value: 'b3a1...' },
				{ Name: 'OfferId', Value: 'CFQ7TTC0LCHC:0002' },
				{ Name: 'BillingType', Value: 'license' },
				{ Name: 'Segment', Value: 'Commercial' },
				{ Name: 'SubscriptionName', Value: 'Premium' },
				{ Name: 'Subscriptionstatus', Value: 'active' },
				{ Name: 'quantity', Value: 14 },
			],
			PriceableItems: [{ FieldName: null, IsUDRCField: false }],
		});
		expect(simplifySubscription(record)).toMatchObject({
			quantity: 14,
			quantitySource: 'quantityField',
		});
	});

	it('says when no rule found a seat count, and the summary counts it', () => {
		const record = subscription({ Fields: [{ Name: 'Region', Value: 'UK' }], PriceableItems: [] });
		const simple = simplifySubscription(record);
		expect(simple).toMatchObject({ quantity: null, quantitySource: 'none' });
		const plan = planLicences({
			subscriptions: [simple],
			licences: [],
			mappings: [{ westcoastId: '200105', psaId: 11 }],
		});
		expect(plan.summary.subscriptionsByQuantitySource).toEqual({ none: 1 });
		expect(describeSummary(plan.summary)).toContain('seat counts by rule: none 1');
	});
});

describe('Fields[].Value', () => {
	// Evidence table: numbers and booleans also seen.
	it('accepts a number as a seat count', () => {
		const record = subscription({ Fields: [{ Name: 'Quantity', Value: 30 }] });
		expect(simplifySubscription(record).quantity).toBe(30);
	});

	it('refuses a boolean seat count, naming the field', () => {
		const record = subscription({ Fields: [{ Name: 'Quantity', Value: true }] });
		expect(() => simplifySubscription(record)).toThrow(
			/Subscription 5000001: field "Quantity" holds true/,
		);
	});

	it('lets boolean fields that are not seat counts pass', () => {
		const record = subscription({
			Fields: [
				{ Name: 'AutoRenew', Value: false },
				{ Name: 'Quantity', Value: '3' },
			],
		});
		expect(simplifySubscription(record).quantity).toBe(3);
	});
});

describe('company fields', () => {
	const company = (overrides: Record<string, unknown>) =>
		simplifyCustomer({ AccountId: 200105, CompanyName: 'Contoso Ltd', ...overrides });

	// ACMP and the Go/terraform models: `VATID`.
	it('reads VATID as VatId', () => {
		expect(company({ VATID: 'GB123456789' }).vatId).toBe('GB123456789');
		expect(company({ VatId: 'GB123456789' }).vatId).toBe('GB123456789');
	});

	// ACMP: `Salesman`; the first round: `SalesMan`.
	it('reads Salesman and SalesMan', () => {
		expect(company({ Salesman: 'Hannah Price' }).salesman).toBe('Hannah Price');
		expect(company({ SalesMan: 'Hannah Price' }).salesman).toBe('Hannah Price');
	});

	// Evidence table: `Marketplace`, `Marketplaces[]` as integers (long / int).
	it('takes marketplaces as numbers without complaint', () => {
		expect(company({ Marketplace: 4711, Marketplaces: [4711, 4712] }).westcoastId).toBe('200105');
	});

	// Intcomex note: "the API uses the AccountId, not the Numeric ID"; typed as a string in two clients.
	it('never takes NumericId for the account ID', () => {
		expect(company({ NumericId: '90200105' }).westcoastId).toBe('200105');
		expect(() => simplifyCustomer({ NumericId: 90200105, CompanyName: 'No Id' })).toThrow(
			/has no AccountId/,
		);
	});

	// ACMP's AccountType enum (User, Company, Reseller, Product, Department): not a field the package relies on.
	it('reads a company whatever its AccountType', () => {
		expect(company({ AccountType: 'Department' }).name).toBe('Contoso Ltd');
	});
});

describe('states', () => {
	// ACMP src/ACMP/Enums/AccountState.cs: `Active, Terminated`; a separate `Status` field exists.
	it('reads Status beside AccountState', () => {
		expect(
			simplifySubscription(subscription({ AccountState: 'Terminated', Status: 'Deleted' })),
		).toMatchObject({
			state: 'Terminated',
			status: 'Deleted',
		});
	});

	it('makes a licence inactive when its subscription is Terminated, as Cancelled does', () => {
		const plan = planLicences({
			subscriptions: [simplifySubscription(subscription({ AccountState: 'Terminated' }))],
			licences: [
				{
					id: 101,
					client_id: 11,
					name: 'Microsoft 365 Business Premium',
					count: 25,
					is_active: true,
					distributor: 'Westcoast Cloud',
					third_party_product: '5000001',
				},
			],
			mappings: [{ westcoastId: '200105', psaId: 11 }],
		});
		expect(plan.deactivate).toHaveLength(1);
		expect(plan.deactivate[0].payload).toEqual({ id: 101, is_active: false });
		expect(plan.summary.unknownStates).toEqual({});
	});
});

describe('request IDs', () => {
	// Every client sends accountId / parentAccountId as JSON numbers ("expects parentAccountId (int)").
	it('sends numeric IDs as numbers and keeps anything else as text', () => {
		expect(accountIdValue('200105')).toBe(200105);
		expect(accountIdValue(' 200105 ')).toBe(200105);
		expect(accountIdValue(200105)).toBe(200105);
		expect(accountIdValue('C-200105')).toBe('C-200105');
	});
});

describe('more subscription and priceable-item fields', () => {
	// ACMP: Status, VendorDisplayName, BillingStartDate, AdvancePeriodEndAction (Renew / Terminate);
	// the Swagger-generated SubscriptionPriceableItem and the PowerShell script:
	// PriceableItemType, CommitementPeriodInMonths (sic), PrepaidPeriodInMonths.
	it('reads the terms (NCE) into simplified fields', () => {
		const simple = simplifySubscription(
			subscription({
				VendorDisplayName: 'Microsoft 365 Business Premium',
				BillingStartDate: '2026-04-01T00:00:00',
				AdvancePeriodEndAction: 'Renew',
				PriceableItems: [
					{
						FieldName: 'Quantity',
						IsUDRCField: true,
						PriceableItemType: 'Monthly',
						CommitementPeriodInMonths: 12,
						PrepaidPeriodInMonths: 1,
					},
				],
			}),
		);
		expect(simple).toMatchObject({
			vendorDisplayName: 'Microsoft 365 Business Premium',
			billingStartDate: '2026-04-01T00:00:00.000Z',
			billingCycle: 'Monthly',
			commitmentMonths: 12,
			prepaidMonths: 1,
			autoRenew: true,
		});
		expect(
			simplifySubscription(subscription({ AdvancePeriodEndAction: 'Terminate' })).autoRenew,
		).toBe(false);
	});
});

describe('ProductName', () => {
	// Two sources show internal keys such as `521266_BackupOrder_91798`.
	it('never names a licence after an internal key by default', () => {
		const simple = simplifySubscription(
			subscription({
				ProductName: '521266_BackupOrder_91798',
				VendorDisplayName: 'Acronis Cyber Protect Cloud - Per Workload',
			}),
		);
		const plan = planLicences({
			subscriptions: [simple],
			licences: [],
			mappings: [{ westcoastId: '200105', psaId: 11 }],
		});
		expect(plan.create[0].payload.name).toBe('Acronis Cyber Protect Cloud - Per Workload');
	});
});

describe('session token answer', () => {
	// Clients accept a JSON string, a bare string, or an object holding it.
	it.each([
		['a JSON string', '"3f2a9c1e-7d4b-4c2a-9e1f-0a1b2c3d4e5f"'],
		['a bare string', '3f2a9c1e-7d4b-4c2a-9e1f-0a1b2c3d4e5f'],
		['an object', '{"SessionToken":"3f2a9c1e-7d4b-4c2a-9e1f-0a1b2c3d4e5f"}'],
		['a WCF wrapped answer', '{"GetSessionTokenResult":"3f2a9c1e-7d4b-4c2a-9e1f-0a1b2c3d4e5f"}'],
	])('reads the token from %s', (_case, body) => {
		expect(readSessionToken(answer(200, body), CALLS.getSessionToken)).toBe(
			'3f2a9c1e-7d4b-4c2a-9e1f-0a1b2c3d4e5f',
		);
	});

	it('still refuses an answer without a token', () => {
		expect(() => readSessionToken(answer(200, '{"Ok":true}'), CALLS.getSessionToken)).toThrow(
			/without a session token/,
		);
		expect(() =>
			readSessionToken(answer(200, 'not a token at all'), CALLS.getSessionToken),
		).toThrow(/not valid JSON/);
	});
});

describe('login faults', () => {
	const fault = (message: string, namespace = 'none') =>
		namespace === 'soap12'
			? `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang="en-US">${message}</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`
			: `<Fault xmlns="http://schemas.microsoft.com/ws/2005/05/envelope/none"><Code><Value>Receiver</Value></Code><Reason><Text xml:lang="en-US">${message}</Text></Reason><Detail><ServiceException xmlns="http://schemas.datacontract.org/2004/07/Nervogrid.Platform.API"><IsSessionExpired>false</IsSessionExpired><Message>${message}</Message></ServiceException></Detail></Fault>`;
	const explain = (message: string, namespace?: string) => {
		try {
			readSessionToken(answer(500, fault(message, namespace)), CALLS.getSessionToken);
		} catch (error) {
			return explainFailure(error, 'api.user@reseller.example');
		}
		throw new Error('the login was not refused');
	};

	// franzjeger/sybr-hub app/integrations/also_cloud.py (from the live service): HTTP 500 with this text.
	it('explains the live wrong-password text', () => {
		expect(
			explain('We could not sign you in. Check your username and password and try again.'),
		).toMatchObject({
			case: 'invalidLogin',
			message: expect.stringMatching(/^Wrong username or password/),
		});
	});

	// The official text: "Users with enabled MFA are not supported", exceptions under Company > Security.
	it('explains the live MFA text with the official hint', () => {
		const result = explain(
			'Unable to get session token. Users with enabled MFA are not supported.',
		);
		expect(result.case).toBe('mfa');
		expect(result.message).toContain('Company > Security > Enforced Multi-Factor Authentication');
	});

	// Evidence table: the SOAP 1.2 envelope namespace also appears; read elements by local name.
	it('reads a fault in the SOAP 1.2 envelope', () => {
		const parsed = parseFault(fault('We could not sign you in.', 'soap12'));
		expect(parsed).toMatchObject({ message: 'We could not sign you in.', isSessionExpired: false });
		expect(explain('We could not sign you in.', 'soap12').case).toBe('invalidLogin');
	});

	// ALSO must whitelist an API user; Intcomex requires an IP allow-list.
	it.each([
		['Unable to get session token. The user is not enabled for API access.', 'apiNotEnabled'],
		['Your IP address is not allowed to access the API.', 'ipRefused'],
		['Login refused: the caller is not on the IP allow-list.', 'ipRefused'],
	])('gives "%s" its own plain message', (text, expected) => {
		expect(classifyFaultMessage(text)).toBe(expected);
		expect(explain(text).case).toBe(expected);
	});

	it("shows the marketplace's own words for a fault it does not know", () => {
		const error = faultError(
			{
				message: 'Tenant is locked for maintenance.',
				reason: null,
				code: null,
				isSessionExpired: false,
			},
			500,
			CALLS.getSessionToken,
		);
		expect(explainFailure(error, 'u').message).toContain('Tenant is locked for maintenance.');
	});
});

describe('records of the wrong shape', () => {
	it('names the record and the field, never a TypeError', () => {
		expect(() => simplifySubscription(null)).toThrow(RecordShapeError);
		expect(() => simplifySubscription(null)).toThrow('Subscription is null, not a record');
		expect(() => simplifySubscription(subscription({ Fields: 'Quantity=3' }))).toThrow(
			'Subscription 5000001: field "Fields" should be a list',
		);
		expect(() => simplifySubscription(subscription({ PriceableItems: {} }))).toThrow(
			/field "PriceableItems" should be a list/,
		);
		expect(() => simplifyCustomer({ AccountId: [1, 2], CompanyName: 'X' })).toThrow(
			/field "AccountId" should be an account ID/,
		);
		expect(() => simplifyCustomer({ AccountId: 1, CompanyName: { first: 'X' } })).toThrow(
			'Company 1: field "CompanyName" should be text, but is an object',
		);
	});
});
