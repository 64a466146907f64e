/** The Westcoast Cloud API credential as n8n names it: nodes, workflows and tests refer to it by this type. */
export const WESTCOAST_CREDENTIAL_TYPE = 'westcoastCloudApi';
export const WESTCOAST_CREDENTIAL_DISPLAY_NAME = 'Westcoast Cloud API';
