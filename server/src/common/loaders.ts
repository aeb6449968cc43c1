import DataLoader from 'dataloader';
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** One row per key, by a unique column; a missing row loads as null. */
export function byKey<E extends ObjectLiteral, K extends string>(
  em: EntityManager,
  entity: EntityTarget<E>,
  column: keyof E & string,
): DataLoader<K, E | null> {
  return new DataLoader<K, E | null>(async (keys) => {
    const rows = await em.getRepository(entity).find({ where: { [column]: In([...keys]) } as never });
    const map = new Map<unknown, E>(rows.map((r) => [r[column], r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** All rows per key, by a foreign-key column, in the given order. */
export function groupedBy<E extends ObjectLiteral, K extends string>(
  em: EntityManager,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: Partial<Record<keyof E & string, 'ASC' | 'DESC'>>,
): DataLoader<K, E[]> {
  return new DataLoader<K, E[]>(async (keys) => {
    const rows = await em
      .getRepository(entity)
      .find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const map = new Map<unknown, E[]>();
    for (const row of rows) {
      const list = map.get(row[column]);
      if (list) list.push(row);
      else map.set(row[column], [row]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}
