import {
	interpretResponse,
	readSessionToken,
	MarketplaceError,
} from '../../../core/westcoast/response';
import {
	simplifyCustomer,
	simplifySubscription,
	RecordShapeError,
} from '../../../core/westcoast/simplify';
import type { RawSubscription } from '../../../core/westcoast/protocol';

const faultXml = (message: string, expired = false) =>
	`<Fault><Reason><Text>${message}</Text></Reason><Detail><ServiceException><IsSessionExpired>${expired}</IsSessionExpired><Message>${message}</Message></ServiceException></Detail></Fault>`;

describe('reading marketplace answers', () => {
	it('parses JSON answers, including null and a bare string', () => {
		expect(
			interpretResponse(
				{ statusCode: 200, headers: {}, body: '[{"AccountId":1}]' },
				'GetCompanies',
			),
		).toEqual({
			kind: 'ok',
			value: [{ AccountId: 1 }],
		});
		expect(interpretResponse({ statusCode: 200, headers: {}, body: 'null' }, 'PingPong')).toEqual({
			kind: 'ok',
			value: null,
		});
		expect(
			readSessionToken({ statusCode: 200, headers: {}, body: '"abc"' }, 'GetSessionToken'),
		).toBe('abc');
	});

	it('turns faults into their text, whatever the status', () => {
		const outcome = interpretResponse(
			{ statusCode: 400, headers: {}, body: faultXml('Session expired', true) },
			'GetCompanies',
		);
		expect(outcome).toMatchObject({
			kind: 'fault',
			statusCode: 400,
			fault: { message: 'Session expired', isSessionExpired: true },
		});
	});

	it('reads a JSON answer that mentions a fault as data, not as a fault', () => {
		const body = JSON.stringify([
			{
				AccountId: 7,
				ErrorDetails: '<s:Fault><s:Reason><s:Text>Quota</s:Text></s:Reason></s:Fault>',
			},
		]);
		expect(
			interpretResponse({ statusCode: 200, headers: {}, body }, 'GetSubscriptions'),
		).toMatchObject({ kind: 'ok' });
	});

	it('repeats a busy answer that carries a fault, unless the session expired', () => {
		expect(
			interpretResponse({ statusCode: 503, headers: {}, body: faultXml('Server too busy') }, 'X'),
		).toMatchObject({ kind: 'retry' });
		expect(
			interpretResponse(
				{ statusCode: 503, headers: {}, body: faultXml('Session expired', true) },
				'X',
			),
		).toMatchObject({ kind: 'fault' });
	});

	it('calls an HTML error page an error page, not a wrong URL', () => {
		const outcome = interpretResponse(
			{ statusCode: 500, headers: {}, body: '<html><body>Request Error</body></html>' },
			'GetCompanies',
		);
		expect(outcome.kind === 'error' && outcome.error).toMatchObject({
			kind: 'http',
			message: 'The marketplace answered GetCompanies with an error page (HTTP 500)',
		});
	});

	it('asks for a retry on 429/502/503/504 with Retry-After', () => {
		expect(
			interpretResponse({ statusCode: 429, headers: { 'Retry-After': '3' }, body: '' }, 'X'),
		).toEqual({
			kind: 'retry',
			statusCode: 429,
			retryAfterMs: 3000,
		});
		expect(
			interpretResponse(
				{ statusCode: 503, headers: {}, body: '<html>Service Unavailable</html>' },
				'X',
			),
		).toMatchObject({
			kind: 'retry',
			statusCode: 503,
		});
	});

	it.each([
		[
			{ statusCode: 302, headers: { location: '/Account/Login?ReturnUrl=%2F' }, body: '' },
			/redirects to \/Account\/Login.*\(a login page\)/,
		],
		[
			{ statusCode: 404, headers: {}, body: '<html>Not found</html>' },
			/not found there \(HTTP 404\)/,
		],
		[
			{ statusCode: 200, headers: {}, body: '<!DOCTYPE html><html><body>Shop</body></html>' },
			/with a web page \(HTTP 200\)/,
		],
	])('recognises what is not a marketplace (%#)', (raw, message) => {
		const outcome = interpretResponse(raw, 'GetSessionToken');
		expect(outcome.kind).toBe('error');
		if (outcome.kind === 'error') {
			expect(outcome.error.kind).toBe('notMarketplace');
			expect(outcome.error.message).toMatch(/^This URL is not a Westcoast Cloud marketplace: /);
			expect(outcome.error.message).toMatch(message);
		}
	});

	it('reports malformed JSON with a preview', () => {
		const outcome = interpretResponse(
			{ statusCode: 200, headers: {}, body: '[{"AccountId":1,' },
			'GetCompanies',
		);
		expect(outcome.kind === 'error' && outcome.error).toMatchObject({ kind: 'malformed' });
		expect(outcome.kind === 'error' && outcome.error.message).toContain(
			'not valid JSON: "[{\\"AccountId\\":1,"',
		);
	});

	it('throws the fault text when login fails', () => {
		expect(() =>
			readSessionToken(
				{ statusCode: 400, headers: {}, body: faultXml('Invalid login!') },
				'GetSessionToken',
			),
		).toThrow(new MarketplaceError('fault', 'Invalid login!'));
	});
});

const rawSubscription = (overrides: Partial<RawSubscription> = {}): RawSubscription => ({
	AccountId: 5001,
	ParentAccountId: 1001,
	CompanyAccountId: 1001,
	AccountState: 'Active',
	ProductName: 'Microsoft 365 Business Premium',
	ServiceName: 'MicrosoftCSP',
	ServiceDisplayName: 'M365 BP (Contoso)',
	ContractId: 'C-1',
	ProvisioningStatus: 'Provisioned',
	ContractEndDate: '/Date(1806451200000+0000)/',
	ScheduledTerminationDate: null,
	VendorReferenceId: 'ref-1',
	Fields: [{ Name: 'Quantity', Value: '12' }],
	PriceableItems: [
		{
			FieldName: 'Quantity',
			IsUdrcField: true,
			PurchasePrice: 15.5,
			SalesPrice: 18,
			Currency: 'GBP',
			MaterialNumber: 'CFQ7TTC0LCHC',
		},
	],
	...overrides,
});

describe('simplified shapes', () => {
	it('simplifies a subscription, end date from the contract when there is no termination date', () => {
		expect(simplifySubscription(rawSubscription())).toEqual({
			westcoastId: '5001',
			customerId: '1001',
			productName: 'Microsoft 365 Business Premium',
			serviceName: 'MicrosoftCSP',
			displayName: 'M365 BP (Contoso)',
			vendorDisplayName: null,
			quantity: 12,
			quantitySource: 'udrc',
			state: 'Active',
			status: null,
			provisioningStatus: 'Provisioned',
			contractId: 'C-1',
			contractEndDate: '2027-03-31T00:00:00.000Z',
			scheduledTerminationDate: null,
			endDate: '2027-03-31T00:00:00.000Z',
			billingStartDate: null,
			billingCycle: null,
			commitmentMonths: null,
			prepaidMonths: null,
			autoRenew: null,
			parentSubscriptionId: null,
			vendorReference: 'ref-1',
			sku: 'CFQ7TTC0LCHC',
			purchasePrice: 15.5,
			salesPrice: 18,
			currency: 'GBP',
		});
	});

	it('prefers the scheduled termination date and names add-on parents', () => {
		const simple = simplifySubscription(
			rawSubscription({
				ScheduledTerminationDate: '2026-12-31T00:00:00',
				DependencyAccountId: 4000,
			}),
		);
		expect(simple.endDate).toBe('2026-12-31T00:00:00.000Z');
		expect(simple.parentSubscriptionId).toBe('4000');
	});

	it('names the field that cannot be read', () => {
		expect(() => simplifySubscription(rawSubscription({ ContractEndDate: 'next year' }))).toThrow(
			RecordShapeError,
		);
		try {
			simplifySubscription(rawSubscription({ AccountId: null }));
		} catch (error) {
			expect((error as RecordShapeError).field).toBe('AccountId');
		}
		expect(() =>
			simplifySubscription(rawSubscription({ Fields: [{ Name: 'Quantity', Value: 'x' }] })),
		).toThrow(/"Quantity"/);
	});

	it('simplifies a customer', () => {
		expect(
			simplifyCustomer({
				AccountId: 1001,
				CompanyName: ' Contoso Ltd ',
				AccountState: 'Active',
				VatId: 'GB123',
				Domain: ['contoso.example'],
				Email: 'it@contoso.example',
				Address: '1 High Street',
				City: 'Reading',
				Zip: 'RG1 1AA',
				Country: 'United Kingdom',
				Currency: 'GBP',
			}),
		).toEqual({
			westcoastId: '1001',
			name: 'Contoso Ltd',
			state: 'Active',
			vatId: 'GB123',
			domains: ['contoso.example'],
			email: 'it@contoso.example',
			address: {
				street: '1 High Street',
				city: 'Reading',
				postcode: 'RG1 1AA',
				country: 'United Kingdom',
			},
			currency: 'GBP',
			salesman: null,
		});
	});
});
