/** Groups items under every key `keysOf` gives them (none, one or several), keeping input order. */
export function groupBy<K, V>(items: Iterable<V>, keysOf: (item: V) => readonly K[]): Map<K, V[]> {
	const groups = new Map<K, V[]>();
	for (const item of items) {
		for (const key of keysOf(item)) {
			const group = groups.get(key);
			if (group) group.push(item);
			else groups.set(key, [item]);
		}
	}
	return groups;
}
