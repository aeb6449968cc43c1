import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * Reading entities from plain SQL: the column list of an entity for a SELECT, and the entity from a
 * result row, with the same values TypeORM's own loading gives (its driver prepares every column),
 * without building a query or transforming results per request. For the statements a request runs
 * most (the loaders, a report with what it refers to): TypeORM's query builder costs more CPU per
 * statement than the statement itself on a small server.
 */
export interface EntityRows<E> {
  /** The table, quoted. */
  table: string;
  /** `alias."column" AS "prefix_column", …` for every column TypeORM selects (not `select: false` ones). */
  columns(alias: string, prefix?: string): string;
  /** `"column", …`: the same columns, unaliased. */
  plainColumns: string;
  /** The entity in `row` (columns named `prefix_column`), or null when the row has none (an outer join found nothing). */
  read(row: Record<string, unknown>, prefix?: string): E | null;
  /** The quoted column of a property. */
  column(property: keyof E & string): string;
}

const TIMESTAMPS = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone', Date]);

const cache = new WeakMap<object, EntityRows<unknown>>();

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function entityRows<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>): EntityRows<E> {
  const metadata = em.connection.getMetadata(entity);
  const known = cache.get(metadata);
  if (known) return known as EntityRows<E>;
  const driver = em.connection.driver;
  // As TypeORM's find: secrets marked `select: false` (password and token hashes) are not read.
  const columns: ColumnMetadata[] = metadata.columns.filter((c) => !c.isVirtual && c.isSelect !== false);
  const primary = metadata.primaryColumns[0]!;
  const byProperty = new Map(columns.map((c) => [c.propertyName, c]));
  const lists = new Map<string, string>();
  const rows: EntityRows<E> = {
    table: metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName),
    plainColumns: columns.map((c) => quote(c.databaseName)).join(', '),
    columns(alias, prefix = alias) {
      const key = `${alias} ${prefix}`;
      let list = lists.get(key);
      if (list === undefined) {
        list = columns.map((c) => `${alias}.${quote(c.databaseName)} AS ${quote(`${prefix}_${c.databaseName}`)}`).join(', ');
        lists.set(key, list);
      }
      return list;
    },
    read(row, prefix) {
      const key = (c: ColumnMetadata) => (prefix === undefined ? c.databaseName : `${prefix}_${c.databaseName}`);
      if (row[key(primary)] === null || row[key(primary)] === undefined) return null;
      const e = metadata.create() as E;
      for (const c of columns) {
        const value = row[key(c)];
        if (value === undefined) continue;
        // A timestamp in a JSON row is text; the driver gives a Date for it (pg's own parser).
        const prepared = typeof value === 'string' && TIMESTAMPS.has(c.type) ? new Date(value) : value;
        (e as Record<string, unknown>)[c.propertyName] = driver.prepareHydratedValue(prepared, c);
      }
      return e;
    },
    column(property) {
      const c = byProperty.get(property);
      if (!c) throw new Error(`${metadata.name} has no column ${property}`);
      return quote(c.databaseName);
    },
  };
  cache.set(metadata, rows as EntityRows<unknown>);
  return rows;
}
