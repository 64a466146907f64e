import { alertMessage, reviewDigest } from '../../../core/report';
import type { ReviewEntry } from '../../../core/mapping/types';

const failed = (node: { name: string; type: string }, message: string, description = '') => ({
	workflow: { id: 'wcHaloDailySync', name: 'Westcoast to HaloPSA: daily sync' },
	execution: {
		id: '42',
		url: 'http://localhost:5678/workflow/wcHaloDailySync/executions/42',
		lastNodeExecuted: node.name,
		mode: 'trigger',
		error: { message, description, node },
	},
});

describe('alertMessage', () => {
	test('a refusal names the workflow and node, says in plain words that nothing was written, and what to do', () => {
		const message = alertMessage(
			failed(
				{ name: 'Licence Sync', type: 'n8n-nodes-westcoast-cloud.licenceSync' },
				'The plan would deactivate or zero 9 of 10 live linked licences (90%), more than "Max Deactivations (%)" (20%). This often means an incomplete read, so nothing was planned.',
			),
		);
		expect(message.subject).toBe('Westcoast to HaloPSA: daily sync failed at "Licence Sync"');
		expect(message.text).toContain(
			'The workflow "Westcoast to HaloPSA: daily sync" failed at the node "Licence Sync".',
		);
		expect(message.reason).toMatch(/refused the plan.*Nothing was written/);
		expect(message.action).toContain('Max Deactivations (%)');
		expect(message.text).toContain('http://localhost:5678/workflow/wcHaloDailySync/executions/42');
		// Plain words: no camelCase code of the package in the sentences it adds.
		expect(`${message.reason} ${message.action}`).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
	});

	test('a service that cannot be reached is told apart from a login the service refused', () => {
		const down = alertMessage(
			failed(
				{ name: 'Halo: Read Clients', type: 'n8n-nodes-base.httpRequest' },
				'The service refused the connection - perhaps it is offline',
				'connect ECONNREFUSED 127.0.0.1:9',
			),
		);
		expect(down.reason).toBe('A service could not be reached or answered with a server error.');
		const login = alertMessage(
			failed(
				{ name: 'Westcoast: Customers', type: 'n8n-nodes-westcoast-cloud.westcoastCloud' },
				'Authorization failed - please check your credentials',
				'HTTP 401',
			),
		);
		expect(login.reason).toContain('refused the login');
		expect(login.node).toBe('Westcoast: Customers');
	});

	test('secrets in the error text never reach the message', () => {
		const message = alertMessage(
			failed(
				{ name: 'Halo: Read Clients', type: 'n8n-nodes-base.httpRequest' },
				'Bad request',
				'{"client_secret":"s3cr3t-value","access_token":"tok-123"} Authorization: Bearer abc.def',
			),
		);
		const all = JSON.stringify(message);
		for (const secret of ['s3cr3t-value', 'tok-123', 'abc.def']) expect(all).not.toContain(secret);
	});

	test('an unknown failure still names the node (from the last node run) and gives a next step', () => {
		const message = alertMessage({
			workflow: { name: 'W' },
			execution: { lastNodeExecuted: 'Some Node', error: { message: 'odd' } },
		});
		expect(message.node).toBe('Some Node');
		expect(message.action).toMatch(/Open the execution/);
	});
});

describe('reviewDigest', () => {
	const entry = (id: string, candidates: number[] = []): ReviewEntry => ({
		subject: 'westcoastCustomer',
		reason: 'noMatch' as never,
		message: `No Halo client matches ${id}.`,
		source: {},
		westcoastId: id,
		westcoastName: `Customer ${id}`,
		candidates: candidates.map((psaId) => ({
			source: { psa: psaId },
			psaId,
			psaName: `Client ${psaId}`,
			score: 0.5,
		})),
	});

	test('the same review list in another order has the same fingerprint; a new candidate changes it', () => {
		const a = reviewDigest('W', [entry('1'), entry('2', [5])]);
		expect(reviewDigest('W', [entry('2', [5]), entry('1')]).fingerprint).toBe(a.fingerprint);
		expect(reviewDigest('W', [entry('1'), entry('2', [5, 6])]).fingerprint).not.toBe(a.fingerprint);
		expect(reviewDigest('W', [entry('1')]).fingerprint).not.toBe(a.fingerprint);
	});

	test('lists each customer with its candidates and says what to do', () => {
		const digest = reviewDigest('W', [entry('1', [5])]);
		expect(digest.count).toBe(1);
		expect(digest.text).toContain(
			'- Customer 1: No Halo client matches 1. Possible Halo clients: Client 5 (5).',
		);
		expect(digest.text).toContain('What to do: add a manual mapping');
	});
});
