/**
 * Layers only point down (ARCHITECTURE.md): each top-level folder imports
 * only the folders listed for it, and core/ imports no n8n package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** What each folder may import besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
	core: [],
	credentials: ['core'],
	nodes: ['core'],
	workflows: ['core'],
	sandbox: ['core'],
	harness: ['core', 'credentials', 'nodes', 'workflows', 'sandbox'],
	scripts: ['core', 'workflows', 'sandbox', 'harness'],
	bench: ['core', 'workflows', 'sandbox', 'harness'],
	test: ['core', 'credentials', 'nodes', 'workflows', 'sandbox', 'harness', 'scripts', 'bench'],
};

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = path.join(folder, name);
		if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
		return /\.(ts|js|mjs)$/.test(name) ? [full] : [];
	});
}

/** Every module a file names: `import ... from`, `import '...'`, `export ... from`, `import()` and `require()`. */
function specifiers(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const found = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g);
	return [...found].map((match) => match[1]);
}

const topFolder = (file: string) => path.relative(ROOT, file).split(path.sep)[0];

const imports = Object.keys(MAY_IMPORT).flatMap((folder) =>
	sourceFiles(path.join(ROOT, folder)).flatMap((file) =>
		specifiers(file).map((specifier) => ({
			file: path.relative(ROOT, file),
			specifier,
			target: specifier.startsWith('.')
				? topFolder(path.resolve(path.dirname(file), specifier))
				: null,
		})),
	),
);

it.each(Object.entries(MAY_IMPORT))('%s imports only the layers below it', (folder, allowed) => {
	const wrong = imports
		.filter(({ file }) => topFolder(path.join(ROOT, file)) === folder)
		.filter(({ target }) => target !== null && target !== folder && !allowed.includes(target))
		.map(({ file, specifier }) => `${file}: ${specifier}`);
	expect(wrong).toEqual([]);
});

it('core imports no n8n package', () => {
	const n8n = imports
		.filter(({ file }) => file.startsWith(`core${path.sep}`))
		.filter(({ specifier }) => /^(n8n-|@n8n\/)/.test(specifier))
		.map(({ file, specifier }) => `${file}: ${specifier}`);
	expect(n8n).toEqual([]);
});

it('the checks see the imports (nodes import core)', () => {
	expect(imports.some(({ file, target }) => file.startsWith('nodes') && target === 'core')).toBe(
		true,
	);
});
