/**
 * n8n's "flatted" run data (how it stores an execution's data) back into
 * objects: one JSON array whose first element is the root, and in which every
 * string inside an object or array is the index of the element it stands for.
 */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const value = table[index];
		if (typeof value !== 'object' || value === null) return value;
		const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		revived.set(index, copy);
		for (const [key, inner] of Object.entries(value))
			(copy as Record<string, unknown>)[key] =
				typeof inner === 'string' ? revive(Number(inner)) : inner;
		return copy;
	};
	return revive(0);
}
