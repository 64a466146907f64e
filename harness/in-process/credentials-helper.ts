import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Stands in for n8n's credential store and helper in in-process runs. It
 * follows the server's rules that matter to this package: preAuthentication
 * runs when the expirable property is empty or expired and its result is
 * stored; generic `authenticate` expressions are resolved with `$credentials`.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();

	/** How often preAuthentication ran, per credential id (tests read it). */
	readonly logins = new Map<string, number>();

	constructor(private readonly types: Map<string, ICredentialType>) {
		super();
	}

	add(credential: StoredCredential): INodeCredentialsDetails {
		this.store.set(credential.id, structuredClone(credential));
		return { id: credential.id, name: credential.name };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	) {
		const output = await this.types.get(typeName)?.preAuthentication?.call(helpers, credentials);
		return output as ICredentialDataDecryptedObject | undefined;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types.get(typeName)?.authenticate;
		const request = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, request);
		if (!authenticate || authenticate.type !== 'generic') return request;
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		const headers = { ...(request.headers ?? {}) } as IDataObject;
		for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
			headers[name] = resolve(value) as IDataObject[string];
		}
		return { ...request, headers };
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		const expirable = type?.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!type?.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		const details = node.credentials?.[typeName];
		if (details?.id) {
			this.logins.set(details.id, (this.logins.get(details.id) ?? 0) + 1);
			const stored = this.store.get(details.id);
			if (stored) stored.data = { ...stored.data, ...output } as ICredentialDataDecryptedObject;
		}
		return Object.assign(credentials, output);
	}

	async updateCredentials(
		details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	) {
		const stored = this.store.get(details.id ?? '');
		if (stored) stored.data = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by this package');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
		_type: string,
		_mode: WorkflowExecuteMode,
		_executeData?: unknown,
		_raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(details.id ?? '');
		if (!stored) throw new Error(`No credential with id ${details.id}`);
		return structuredClone(stored.data) as ICredentialDataDecryptedObject;
	}

	getCredentialsProperties() {
		return [];
	}
}
