import type { INodeProperties } from 'n8n-workflow';

import { PSA_CREATE_CHECK_IO } from '../../core/node-io';
import { mainInputs, mainOutputs, nodeDescription } from '../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Planned Creates: the Create output of Mapping Resolver or Licence Sync. Found in PSA: every page of a Halo GET per create (HTTP Request): customers GET /api/ExternalLink?third_party_id={{ $json.westcoastId }}, licences GET /api/SoftwareLicence?client_id={{ $json.psaCustomerId }}&includeinactive=true. Create: still to create. Update: licences found that differ. Existing: found and nothing to write.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Records',
		name: 'recordType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Customers',
				value: 'customers',
				description:
					"Mapping Resolver's creates: a client already holding the Westcoast link is mapped, not created",
			},
			{
				name: 'Licences',
				value: 'licences',
				description:
					"Licence Sync's creates: a licence of the client already holding the subscription ID is updated (or left alone), not created",
			},
		],
		default: 'customers',
	},
	{
		displayName: 'Westcoast ID Field',
		name: 'westcoastLinkField',
		type: 'string',
		default: 'third_party_product',
		displayOptions: { show: { recordType: ['licences'] } },
		description:
			"The licence field that holds the Westcoast subscription ID (as in Licence Sync's Westcoast ID Field)",
	},
];

export const description = nodeDescription({
	displayName: 'PSA Create Check',
	name: 'psaCreateCheck',
	description:
		'Just before HaloPSA records are created, confirm from a fresh read that they do not exist yet; would-be duplicates become mapped customers or licence updates',
	inputs: mainInputs(PSA_CREATE_CHECK_IO.inputList),
	outputs: mainOutputs(PSA_CREATE_CHECK_IO.outputList),
	properties,
});
