/** WCF fault bodies, shaped exactly like the marketplace's (see the reference example). */

export const FAULT_CONTENT_TYPE = 'application/xml; charset=utf-8';

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

export interface FaultOptions {
	message: string;
	/** `Sender` for the caller's mistakes (4xx), `Receiver` for the service's (5xx). */
	code?: 'Sender' | 'Receiver';
	isSessionExpired?: boolean;
	/** `soap12` wraps the fault in a SOAP 1.2 envelope (the namespace some answers use). */
	envelope?: 'none' | 'soap12';
}

export function faultXml({
	message,
	code = 'Sender',
	isSessionExpired = false,
	envelope = 'none',
}: FaultOptions): string {
	const text = escapeXml(message);
	if (envelope === 'soap12') {
		return [
			'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">',
			'<s:Body><s:Fault>',
			`<s:Code><s:Value>s:${code}</s:Value></s:Code>`,
			`<s:Reason><s:Text xml:lang="en-US">${text}</s:Text></s:Reason>`,
			'<s:Detail>',
			'<ServiceException xmlns="http://schemas.datacontract.org/2004/07/Nervogrid.Platform.API" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">',
			`<IsSessionExpired>${isSessionExpired}</IsSessionExpired>`,
			`<Message>${text}</Message>`,
			'</ServiceException>',
			'</s:Detail>',
			'</s:Fault></s:Body>',
			'</s:Envelope>',
		].join('');
	}
	return [
		'<Fault xmlns="http://schemas.microsoft.com/ws/2005/05/envelope/none">',
		`<Code><Value>${code}</Value></Code>`,
		`<Reason><Text xml:lang="en-US">${text}</Text></Reason>`,
		'<Detail>',
		'<ServiceException xmlns="http://schemas.datacontract.org/2004/07/Nervogrid.Platform.API" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">',
		`<IsSessionExpired>${isSessionExpired}</IsSessionExpired>`,
		'<IssueToken i:nil="true"/>',
		`<Message>${text}</Message>`,
		'</ServiceException>',
		'</Detail>',
		'</Fault>',
	].join('');
}

/** Thrown by a call handler; the server turns it into a fault body with this status. */
export class ApiFault extends Error {
	constructor(
		message: string,
		readonly status = 400,
		readonly isSessionExpired = false,
		readonly envelope: 'none' | 'soap12' = 'none',
	) {
		super(message);
		this.name = 'ApiFault';
	}

	toXml(): string {
		return faultXml({
			message: this.message,
			code: this.status >= 500 ? 'Receiver' : 'Sender',
			isSessionExpired: this.isSessionExpired,
			envelope: this.envelope,
		});
	}
}
