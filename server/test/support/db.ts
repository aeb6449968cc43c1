import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { createDataSource } from '../../src/db/data-source.js';
import { withDatabase } from './global-setup.js';

export const testLog = createLogger(process.env.LOG_LEVEL ?? 'silent');

export interface TestDatabase {
  name: string;
  url: string;
  ds: DataSource;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const ds = createDataSource(url, testLog, 4);
  await ds.initialize();
  return {
    name,
    url,
    ds,
    async drop() {
      if (ds.isInitialized) await ds.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
