import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config.js';
import { startInsyn } from '../src/app/insyn.js';
import { createTestDatabase, testLog, type TestDatabase } from './support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.ds.destroy();
});
afterAll(() => db?.drop());

describe('start with DATABASE_URL', () => {
  it('migrates, loads the demo only with INSYN_DEMO=1, serves, and stops', async () => {
    const base = { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: db.url } as const;
    const plain = await startInsyn(loadConfig({ ...base }), testLog);
    try {
      expect(plain.demoLoaded).toBe(false);
      const [{ n }] = await plain.ds.query('SELECT count(*) AS n FROM provider');
      expect(n).toBe(0);
      const health = await fetch(`http://127.0.0.1:${plain.port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await plain.stop();
    }

    const demo = await startInsyn(loadConfig({ ...base, INSYN_DEMO: '1' }), testLog);
    try {
      expect(demo.demoLoaded).toBe(true);
      const [{ n }] = await demo.ds.query('SELECT count(*) AS n FROM provider');
      expect(n).toBeGreaterThan(5);
    } finally {
      await demo.stop();
    }
    await expect(fetch(`http://127.0.0.1:${demo.port}/healthz`)).rejects.toThrow();
  });
});

describe('migrations', () => {
  it('revert cleanly and apply again', async () => {
    const other = await createTestDatabase();
    try {
      for (let i = 0; i < other.ds.migrations.length; i++) await other.ds.undoLastMigration({ transaction: 'each' });
      const [{ n }] = await other.ds.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration'`);
      expect(n).toBe(0);
      const applied = await other.ds.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
    } finally {
      await other.drop();
    }
  });
});
