import { testConnection, type SendCall } from '../../../core/westcoast/connection-test';
import type { RawHttpResponse } from '../../../core/westcoast/response';

const json = (value: unknown): RawHttpResponse => ({
	statusCode: 200,
	headers: {},
	body: JSON.stringify(value),
});
const fault = (message: string): RawHttpResponse => ({
	statusCode: 400,
	headers: {},
	body: `<Fault><Reason><Text>${message}</Text></Reason><Detail><ServiceException><IsSessionExpired>false</IsSessionExpired><Message>${message}</Message></ServiceException></Detail></Fault>`,
});

/** A scripted marketplace: answers per call name. */
const scripted =
	(answers: Record<string, RawHttpResponse | Error>): SendCall =>
	async (_base, call) => {
		const answer = answers[call];
		if (answer instanceof Error) throw answer;
		if (!answer) throw new Error(`unexpected call ${call}`);
		return answer;
	};

const credentials = {
	marketplaceUrl: 'https://marketplace.example',
	username: 'api@reseller.example',
	password: 's3cret!',
};
const healthy = {
	GetSessionToken: json('token-1'),
	GetCompany: json({ AccountId: 42, CompanyName: 'Reseller Ltd' }),
	GetCompanies: json([{ AccountId: 1 }, { AccountId: 2 }]),
};

describe('connection test diagnosis', () => {
	it('succeeds and says who and what it reached', async () => {
		expect(await testConnection(credentials, scripted(healthy))).toMatchObject({
			ok: true,
			company: 'Reseller Ltd',
			accountId: '42',
			customersReadable: 2,
			resellerAdminRole: true,
			case: 'success',
			message:
				'Connected to Reseller Ltd (account 42) as api@reseller.example; 2 customer(s) readable.',
		});
	});

	it.each([
		[
			'invalidLogin',
			{ ...healthy, GetSessionToken: fault('Invalid login!') },
			/^Wrong username or password/,
		],
		[
			'mfa',
			{ ...healthy, GetSessionToken: fault('MFA users are not supported') },
			/MFA\/2FA.*Ask Westcoast support to disable 2FA/,
		],
		[
			'missingRole',
			{ ...healthy, GetCompanies: fault('Access denied: the Reseller Admin role is required.') },
			/lacks the Reseller Admin role/,
		],
		[
			'notMarketplace',
			{
				...healthy,
				GetSessionToken: { statusCode: 200, headers: {}, body: '<html><body>Shop</body></html>' },
			},
			/not a Westcoast Cloud marketplace/,
		],
		[
			'unreachable',
			{
				...healthy,
				GetSessionToken: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
			},
			/^Cannot reach marketplace\.example: the connection was refused/,
		],
		[
			'error',
			{ ...healthy, GetCompanies: fault('Something odd') },
			/refused the connection test: Something odd/,
		],
	])('says %s in plain words', async (expectedCase, answers, message) => {
		const result = await testConnection(
			credentials,
			scripted(answers as Record<string, RawHttpResponse | Error>),
		);
		expect(result.case).toBe(expectedCase);
		expect(result.message).toMatch(message);
		expect(result.message).not.toContain(credentials.password);
	});

	it('rejects a bad URL before sending anything', async () => {
		const result = await testConnection(
			{ ...credentials, marketplaceUrl: 'http://marketplace.example' },
			scripted({}),
		);
		expect(result).toMatchObject({ case: 'invalidUrl' });
	});

	it('names a reseller account ID that cannot be read', async () => {
		const result = await testConnection(
			{ ...credentials, resellerAccountId: '999' },
			scripted({ ...healthy, GetCompany: fault('Account 999 not found') }),
		);
		expect(result.case).toBe('accountNotFound');
		expect(result.message).toMatch(
			/Reseller Account ID 999 cannot be read \(Account 999 not found\)/,
		);
	});
});
