import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { entityRows } from '../src/common/rows.js';
import { User } from '../src/modules/identity/entities.js';
import { createTestApp, type TestApp } from './support/app.js';

/**
 * The loaders and the report queries read entities from plain SQL (common/rows.ts). What they read
 * must be what TypeORM's own loading gives, for every entity and every column type Insyn has
 * (dates, timestamps, jsonb, arrays, numerics, bigints, booleans), also from rows as JSON,, and never a column TypeORM
 * keeps out of reach (`select: false`: password and token hashes).
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

describe('entities read from plain SQL', () => {
  it('equal what TypeORM loads, for every entity of the demo region', async () => {
    let compared = 0;
    for (const metadata of app.ds.entityMetadatas) {
      const rows = entityRows(app.ds.manager, metadata.target);
      const order = metadata.primaryColumns.map((c) => c.databaseName);
      const viaTypeOrm = await app.ds.getRepository(metadata.target).find({
        order: Object.fromEntries(metadata.primaryColumns.map((c) => [c.propertyName, 'ASC'])),
        take: 30,
      });
      const raw: Record<string, unknown>[] = await app.ds.query(
        `SELECT ${rows.plainColumns} FROM ${rows.table} ORDER BY ${order.map((c) => `"${c}"`).join(', ')} LIMIT 30`,
      );
      expect(raw.map((r) => rows.read(r)), metadata.name).toStrictEqual(viaTypeOrm);
      // Also from rows as JSON (a statement that loads a report with its agreement's units).
      const [{ json }] = await app.ds.query(
        `SELECT coalesce(json_agg(row_to_json(t)), '[]'::json) AS json FROM (SELECT * FROM ${rows.table} ORDER BY ${order.map((c) => `"${c}"`).join(', ')} LIMIT 30) t`,
      );
      expect((json as Record<string, unknown>[]).map((r) => rows.read(r)), `${metadata.name} from JSON`).toStrictEqual(viaTypeOrm);
      compared += viaTypeOrm.length;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('read a row of joined entities by their prefixes, and null for an outer join that found nothing', async () => {
    const users = entityRows(app.ds.manager, User);
    const [row] = await app.ds.query(`SELECT ${users.columns('u')}, NULL AS "x_id" FROM app_user u WHERE u.email = 'admin@insyn.example'`);
    const admin = users.read(row, 'u') as unknown as Record<string, unknown>;
    expect(admin.email).toBe('admin@insyn.example');
    expect(Object.keys(admin)).not.toContain('passwordHash');
    expect(JSON.stringify(row)).not.toContain('$argon2');
    expect(users.read(row, 'x')).toBeNull();
  });
});
