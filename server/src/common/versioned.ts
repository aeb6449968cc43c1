import type { EntityManager } from 'typeorm';
import { conflict, notFound } from './errors.js';

/**
 * Locks one row for a versioned save: NOT_FOUND when it does not exist, CONFLICT (with the
 * current version) when someone saved since the editor loaded it.
 */
export async function lockForUpdate<T extends { version: number }>(
  em: EntityManager,
  table: string,
  id: string,
  expectedVersion: number,
  what: string,
): Promise<T> {
  const rows: T[] = await em.query(`SELECT * FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows.length) throw notFound(what);
  if (rows[0].version !== expectedVersion) throw conflict(rows[0].version);
  return rows[0];
}

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2`, checking that exactly
 * one row changed. Columns are snake_case names.
 */
export async function updateVersioned(
  em: EntityManager,
  table: string,
  id: string,
  expectedVersion: number,
  columns: Record<string, unknown>,
): Promise<void> {
  const names = Object.keys(columns);
  const sets = names.map((c, i) => `${c} = $${i + 3}`);
  const result: [unknown[], number] = await em.query(
    `UPDATE ${table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, expectedVersion, ...names.map((c) => columns[c])],
  );
  const affected = Array.isArray(result[0]) ? result[0].length : 0;
  if (affected !== 1) {
    const [row] = await em.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    if (!row) throw notFound();
    throw conflict(row.version);
  }
}
