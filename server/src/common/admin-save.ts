import type { EntityManager } from 'typeorm';
import type { Context } from '../app/context.js';
import { diff, recordAudit } from './audit.js';
import { lockForUpdate, updateVersioned } from './versioned.js';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function toColumns(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [snake(k), v]));
}

function fromRow<T extends Record<string, unknown>>(row: Record<string, unknown>, keys: (keyof T & string)[]): T {
  return Object.fromEntries(keys.map((k) => [k, row[snake(k)] ?? null])) as T;
}

/** Inserts one row and its audit event in one transaction; returns the new id. */
export async function insertAudited(
  em: EntityManager,
  ctx: Context,
  table: string,
  entityType: string,
  record: Record<string, unknown>,
  auditExtra: Record<string, unknown> = {},
): Promise<string> {
  const columns = toColumns(record);
  const names = Object.keys(columns);
  const [row] = await em.query(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    names.map((n) => columns[n]),
  );
  await recordAudit(em, ctx, { action: `${snake(entityType).replace(/^_/, '').toUpperCase()}_CREATED`, entityType, entityId: row.id, after: { ...record, ...auditExtra } });
  return row.id;
}

/**
 * A versioned save: locks the row (NOT_FOUND / CONFLICT), merges the patch, lets `check`
 * refuse the result, writes only when something changed, and audits the changed fields.
 */
export async function updateAudited<T extends Record<string, unknown>>(
  em: EntityManager,
  ctx: Context,
  options: {
    table: string;
    entityType: string;
    id: string;
    expectedVersion: number;
    keys: (keyof T & string)[];
    patch: Partial<T>;
    check?: (merged: T, before: T) => void | Promise<void>;
    action?: (merged: T, before: T) => string;
  },
): Promise<boolean> {
  const row = await lockForUpdate<{ version: number } & Record<string, unknown>>(
    em,
    options.table,
    options.id,
    options.expectedVersion,
    options.entityType,
  );
  const before = fromRow<T>(row, options.keys);
  const defined = Object.fromEntries(Object.entries(options.patch).filter(([, v]) => v !== undefined)) as Partial<T>;
  const merged = { ...before, ...defined } as T;
  await options.check?.(merged, before);
  const changes = diff(before, merged);
  if (!changes) return false;
  await updateVersioned(em, options.table, options.id, options.expectedVersion, toColumns(changes.after));
  await recordAudit(em, ctx, {
    action: options.action?.(merged, before) ?? `${snake(options.entityType).replace(/^_/, '').toUpperCase()}_UPDATED`,
    entityType: options.entityType,
    entityId: options.id,
    ...changes,
  });
  return true;
}
