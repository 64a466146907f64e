/** The API users of the sandbox marketplace; each exists to exercise one login outcome. */

export interface Credentials {
	username: string;
	password: string;
}

export type UserKind = 'admin' | 'mfa' | 'noRole' | 'apiDisabled' | 'ipRestricted';

interface SandboxUser extends Credentials {
	kind: UserKind;
	resellerAdmin: boolean;
	mfa: boolean;
	/** The distributor has not enabled this user for the API (ALSO whitelists each API user). */
	apiDisabled?: boolean;
	/** Logins come from an address outside the user's IP allow-list (Intcomex requires one). */
	ipRestricted?: boolean;
}

const USERS: readonly SandboxUser[] = [
	{
		kind: 'admin',
		username: 'api.user@reseller.example',
		password: 'Sandbox-Admin-Pass-1',
		resellerAdmin: true,
		mfa: false,
	},
	{
		kind: 'mfa',
		username: 'mfa.user@reseller.example',
		password: 'Sandbox-Mfa-Pass-1',
		resellerAdmin: true,
		mfa: true,
	},
	{
		kind: 'noRole',
		username: 'sales.user@reseller.example',
		password: 'Sandbox-NoRole-Pass-1',
		resellerAdmin: false,
		mfa: false,
	},
	{
		kind: 'apiDisabled',
		username: 'portal.only@reseller.example',
		password: 'Sandbox-Portal-Pass-1',
		resellerAdmin: true,
		mfa: false,
		apiDisabled: true,
	},
	{
		kind: 'ipRestricted',
		username: 'office.only@reseller.example',
		password: 'Sandbox-Office-Pass-1',
		resellerAdmin: true,
		mfa: false,
		ipRestricted: true,
	},
];

export const SANDBOX_USERS: Record<UserKind, Credentials> = Object.fromEntries(
	USERS.map(({ kind, username, password }) => [kind, { username, password }]),
) as Record<UserKind, Credentials>;

/** User names are e-mail addresses, so they match case-insensitively; passwords exactly. */
export function findUser(username: unknown, password: unknown): SandboxUser | undefined {
	if (typeof username !== 'string' || typeof password !== 'string') return undefined;
	const user = USERS.find(
		(candidate) => candidate.username.toLowerCase() === username.trim().toLowerCase(),
	);
	return user && user.password === password ? user : undefined;
}
