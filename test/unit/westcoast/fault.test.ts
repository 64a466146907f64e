import { decodeXmlText, parseFault } from '../../../core/westcoast/fault';

const fault = (
	message: string,
	expired = false,
	reason = message,
) => `<Fault xmlns="http://schemas.microsoft.com/ws/2005/05/envelope/none">
  <Code><Value>Sender</Value></Code>
  <Reason><Text xml:lang="en-US">${reason}</Text></Reason>
  <Detail>
    <ServiceException xmlns="http://schemas.datacontract.org/2004/07/Nervogrid.Platform.API"
                      xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
      <IsSessionExpired>${expired}</IsSessionExpired>
      <IssueToken i:nil="true"/>
      <Message>${message}</Message>
    </ServiceException>
  </Detail>
</Fault>`;

describe('WCF fault reader', () => {
	it('reads the documented fault', () => {
		expect(parseFault(fault('Invalid login!'))).toEqual({
			message: 'Invalid login!',
			reason: 'Invalid login!',
			code: 'Sender',
			isSessionExpired: false,
		});
	});

	it('reads IsSessionExpired', () => {
		expect(parseFault(fault('Session expired', true))?.isSessionExpired).toBe(true);
	});

	it('decodes entities in the message', () => {
		expect(
			parseFault(fault('Name &lt;Acme &amp; Co&gt; &quot;x&quot; &#233;&#x2019;'))?.message,
		).toBe('Name <Acme & Co> "x" é’');
	});

	it('falls back to the reason when the detail has no message', () => {
		const body =
			'<s:Fault xmlns:s="x"><s:Code><s:Value>Receiver</s:Value></s:Code><s:Reason><s:Text>Boom</s:Text></s:Reason></s:Fault>';
		expect(parseFault(body)).toMatchObject({
			message: 'Boom',
			code: 'Receiver',
			isSessionExpired: false,
		});
	});

	it('reads CDATA and an empty detail', () => {
		expect(
			parseFault('<Fault><Reason><Text><![CDATA[a < b]]></Text></Reason><Detail/></Fault>')
				?.message,
		).toBe('a < b');
	});

	it('returns null for what is not a fault', () => {
		expect(parseFault('<html><body>Service Unavailable</body></html>')).toBeNull();
		expect(parseFault('"token"')).toBeNull();
		expect(parseFault('')).toBeNull();
	});

	it('leaves unknown entities alone', () => {
		expect(decodeXmlText('&nbsp;&amp;')).toBe('&nbsp;&');
	});
});
