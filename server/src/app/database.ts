import pg from 'pg';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';

export interface DatabaseTarget {
  url: string;
  embedded: EmbeddedDatabase | null;
}

const EMBEDDED_DB = 'insyn';

/** DATABASE_URL when set; otherwise an embedded PostgreSQL with its data under INSYN_DATA_DIR. */
export async function resolveDatabase(config: Config, log: Logger): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.INSYN_EMBEDDED_PG_PORT, log });
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DB);
  return { url: embedded.urlFor(EMBEDDED_DB), embedded };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}
