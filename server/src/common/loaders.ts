import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { entityRows } from './rows.js';

/** One row per key, by a unique column; a missing row loads as null. One statement per batch. */
export function byKey<E extends ObjectLiteral, K extends string>(
  em: EntityManager,
  entity: EntityTarget<E>,
  column: keyof E & string,
): DataLoader<K, E | null> {
  const rows = entityRows(em, entity);
  const sql = `SELECT ${rows.plainColumns} FROM ${rows.table} WHERE ${rows.column(column)} = ANY($1)`;
  return new DataLoader<K, E | null>(async (keys) => {
    const found = ((await em.query(sql, [[...keys]])) as Record<string, unknown>[]).map((r) => rows.read(r)!);
    const map = new Map<unknown, E>(found.map((r) => [r[column], r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** All rows per key, by a foreign-key column, in the given order. One statement per batch. */
export function groupedBy<E extends ObjectLiteral, K extends string>(
  em: EntityManager,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: Partial<Record<keyof E & string, 'ASC' | 'DESC'>>,
): DataLoader<K, E[]> {
  const rows = entityRows(em, entity);
  const orderBy = Object.entries(order).map(([property, direction]) => `${rows.column(property as keyof E & string)} ${direction}`);
  const sql = `SELECT ${rows.plainColumns} FROM ${rows.table} WHERE ${rows.column(column)} = ANY($1)${orderBy.length ? ` ORDER BY ${orderBy.join(', ')}` : ''}`;
  return new DataLoader<K, E[]>(async (keys) => {
    const found = ((await em.query(sql, [[...keys]])) as Record<string, unknown>[]).map((r) => rows.read(r)!);
    const map = new Map<unknown, E[]>();
    for (const row of found) {
      const list = map.get(row[column]);
      if (list) list.push(row);
      else map.set(row[column], [row]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}
