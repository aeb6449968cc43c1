import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src/app/logger.js';
import { createDataSource, migrate } from '../../src/db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server (CREATE DATABASE allowed). */
    pgAdminUrl: string;
    /** Database with all migrations applied; each test file clones it. */
    pgTemplate: string;
  }
}

/**
 * Gets a PostgreSQL server for the suite: TEST_DATABASE_URL or DATABASE_URL when set,
 * otherwise an embedded one in a temporary directory. Migrates a template database once.
 */
export default async function setup(project: TestProject) {
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | null = null;
  let tmpDir: string | null = null;
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-test-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    embedded = await startEmbeddedPostgres({ dataDir: tmpDir, port, log, persistent: false });
    adminUrl = embedded.adminUrl;
  }

  const template = `insyn_tmpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8'`);
  const ds = createDataSource(withDatabase(adminUrl, template), log, 2);
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    // Clones left behind by a crashed test file go with the template.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')`,
      [template],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
