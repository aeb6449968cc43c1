import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:insyn-gql/';
const RESOLVED = '\0' + PREFIX;

/**
 * Replaces every `graphql(`…`)` call with an import of that one document (what the client
 * preset's Babel/SWC plugin does, for Vite).
 *
 * Without it, `graphql()` looks documents up in one map of *all* documents of the app, and even
 * importing them from the generated `graphql.ts` puts every document in one shared chunk. Here
 * each document is a small module of its own, so a chunk carries only the documents it uses: the
 * public pages never load the administration's queries.
 */
export function graphqlDocuments(options: { gqlDir: string }): Plugin {
  const gqlFile = path.join(options.gqlDir, 'gql.ts');
  const graphqlFile = path.join(options.gqlDir, 'graphql.ts');
  /** Source text of a document → the name of its export in graphql.ts. */
  let documents = new Map<string, string>();
  /** Export name → the document's JSON. */
  let bodies = new Map<string, string>();

  function load(): void {
    documents = new Map();
    bodies = new Map();
    const map = fs.readFileSync(gqlFile, 'utf8');
    const start = map.indexOf('const documents');
    if (start < 0) throw new Error(`graphql-documents: no document map in ${gqlFile}; run codegen first`);
    const entry = /^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm;
    entry.lastIndex = start;
    for (let m = entry.exec(map); m; m = entry.exec(map)) documents.set(JSON.parse(m[1]!) as string, m[2]!);
    const types = fs.readFileSync(graphqlFile, 'utf8');
    const doc = /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm;
    for (let m = doc.exec(types); m; m = doc.exec(types)) bodies.set(m[1]!, m[2]!);
  }

  return {
    name: 'insyn-graphql-documents',
    enforce: 'pre',
    buildStart() {
      load();
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length);
      if (!bodies.has(name)) load();
      const body = bodies.get(name);
      if (!body) this.error(`graphql-documents: no document ${name} in ${graphqlFile}; run codegen`);
      return `export default ${body};\n`;
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/\.[cm]?tsx?$/.test(file) || file.includes('/src/gql/') || file.includes('/node_modules/')) return null;
      if (!code.includes('graphql(`')) return null;
      const used = new Map<string, string>();
      const replaced = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_match, doc: string) => {
        let name = documents.get(doc);
        if (!name) {
          load(); // codegen may have run since the build started (dev server)
          name = documents.get(doc);
        }
        if (!name) this.error(`graphql-documents: ${file} has a document codegen does not know; run codegen`);
        const local = `__gql_${name}`;
        used.set(name, local);
        return local;
      });
      if (!used.size) return null;
      // On the first line, so every other line keeps its number in the source map.
      const imports = [...used].map(([name, local]) => `import ${local} from ${JSON.stringify(PREFIX + name)};`).join(' ');
      return { code: `${imports} ${replaced}`, map: null };
    },
  };
}
