import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../app/schema.js';

/** Writes the sorted SDL to packages/schema/schema.graphql, or with --check fails when it differs. */
const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.resolve(here, '../../../packages/schema/schema.graphql');

const sdl = `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
if (process.argv.includes('--check')) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== sdl) {
    console.error(`${path.relative(process.cwd(), target)} differs from the schema the code builds.`);
    console.error('Run `npx -y pnpm@10 schema:emit` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code.');
} else {
  fs.writeFileSync(target, sdl);
  console.log(`wrote ${target}`);
}
