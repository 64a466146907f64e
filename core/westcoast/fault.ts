/**
 * Reads the fields this package needs from a WCF fault (the marketplace's error
 * body). No XML library (n8n community nodes may not have dependencies): the
 * fault has a fixed, flat shape, so a tolerant reader of named elements is enough.
 */

export interface MarketplaceFault {
	/** The human text: `ServiceException/Message`, else `Reason/Text`. */
	message: string;
	reason: string | null;
	code: string | null;
	isSessionExpired: boolean;
}

const ENTITIES: Record<string, string> = {
	lt: '<',
	gt: '>',
	amp: '&',
	quot: '"',
	apos: "'",
};

export function decodeXmlText(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
		const name = entity.toLowerCase();
		if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return ENTITIES[name] ?? whole;
	});
}

/** Text of the first element with this local name (any namespace prefix), or null. */
function elementText(xml: string, localName: string): string | null {
	const pattern = new RegExp(
		`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}\\s*>)`,
	);
	const match = pattern.exec(xml);
	if (!match) return null;
	if (match[1] === undefined) return '';
	const inner = match[1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
	return decodeXmlText(inner.replace(/<[^>]+>/g, '')).trim();
}

export function looksLikeFault(body: string): boolean {
	return /<(?:[\w.-]+:)?Fault[\s>]/.test(body);
}

/** Parses a fault body; null when the body is not a WCF fault. */
export function parseFault(body: string): MarketplaceFault | null {
	if (!looksLikeFault(body)) return null;
	const reasonElement = elementText(body, 'Reason');
	const reason = elementText(body, 'Text') ?? reasonElement;
	const message =
		elementText(body, 'Message') || reason || 'The marketplace returned an error without a message';
	return {
		message,
		reason: reason || null,
		code: elementText(body, 'Value'),
		isSessionExpired: (elementText(body, 'IsSessionExpired') ?? '').toLowerCase() === 'true',
	};
}
