import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@insyn/shared';
import { badField } from './errors.js';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `XConnection` and `XEdge` object types for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, on all pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return PAGE_SIZE_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE_MAX) {
    throw badField('first', `first must be between 1 and ${PAGE_SIZE_MAX}`);
  }
  return first;
}

/** Cursors are opaque: base64url of the keyset values of the row they point at. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number)[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return parsed as (string | number)[];
    }
  } catch {
    /* fall through */
  }
  throw badField('after', 'after is not a cursor from this list');
}

/** Turns `first + 1` fetched rows into a connection. */
export function toConnection<T>(
  rows: T[],
  first: number,
  totalCount: number,
  keyOf: (row: T) => (string | number)[],
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
  };
}

/**
 * One page of a keyset-paginated list: checks `first` and `after`, counts the whole filtered
 * list, and fetches `first + 1` rows after the cursor in a stable order (the last key is unique).
 */
export async function keysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  options: {
    first: number | null | undefined;
    after: string | null | undefined;
    /** SQL expressions of the sort key, e.g. ['p.name', 'p.id']. */
    keys: string[];
    direction?: 'ASC' | 'DESC';
    keyOf: (row: T) => (string | number)[];
    /** Joins for the page's rows only (related rows to load with them), not for the count. */
    joinPage?: (page: SelectQueryBuilder<T>) => void;
    /** Reads a row of the page from its raw columns (`alias_column`) instead of TypeORM's entity loading. */
    read?: (row: Record<string, unknown>) => T;
  },
): Promise<Connection<T>> {
  const size = pageSize(options.first);
  const cursor = decodeCursor(options.after, options.keys.length);
  const direction = options.direction ?? 'ASC';
  const count = qb.clone();
  options.joinPage?.(qb);
  if (cursor) {
    const params = Object.fromEntries(cursor.map((v, i) => [`keyset${i}`, v]));
    const placeholders = cursor.map((_, i) => `:keyset${i}`).join(', ');
    qb.andWhere(`(${options.keys.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${placeholders})`, params);
  }
  options.keys.forEach((key, i) => (i === 0 ? qb.orderBy(key, direction) : qb.addOrderBy(key, direction)));
  // The count and the page are independent: two statements at once, not one after the other.
  const page = qb.limit(size + 1);
  const read = options.read;
  const [totalCount, rows] = await Promise.all([count.getCount(), read ? page.getRawMany<Record<string, unknown>>().then((raw) => raw.map(read)) : page.getMany()]);
  return toConnection(rows, size, totalCount, options.keyOf);
}
