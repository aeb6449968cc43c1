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
  },
): Promise<Connection<T>> {
  const size = pageSize(options.first);
  const cursor = decodeCursor(options.after, options.keys.length);
  const direction = options.direction ?? 'ASC';
  const count = qb.clone();
  if (cursor) {
    const params = Object.fromEntries(cursor.map((v, i) => [`keyset${i}`, v]));
    const placeholders = cursor.map((_, i) => `:keyset${i}`).join(', ');
    qb.andWhere(`(${options.keys.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${placeholders})`, params);
  }
  options.keys.forEach((key, i) => (i === 0 ? qb.orderBy(key, direction) : qb.addOrderBy(key, direction)));
  // The count and the page are independent: two statements at once, not one after the other.
  const [totalCount, rows] = await Promise.all([count.getCount(), qb.limit(size + 1).getMany()]);
  return toConnection(rows, size, totalCount, options.keyOf);
}

/** SQL conditions with their parameters, numbered as they are added ($1, $2, …). */
export class SqlWhere {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** A parameter's placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a condition; `build` gets `param` to place its values. */
  and(build: (param: (value: unknown) => string) => string): this {
    this.conditions.push(build((value) => this.param(value)));
    return this;
  }

  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/**
 * keysetPage for a statement written in SQL: counts `FROM table WHERE …` and fetches `first + 1`
 * rows of `SELECT select FROM table joins WHERE … ORDER BY keys`, at the same time.
 */
export async function sqlKeysetPage<T>(
  em: { query(sql: string, params: unknown[]): Promise<unknown> },
  options: {
    first: number | null | undefined;
    after: string | null | undefined;
    /** The table with its alias, e.g. `report r`. */
    table: string;
    /** Joins for the page's columns only (not for the count). */
    joins?: string;
    select: string;
    where: SqlWhere;
    /** SQL expressions of the sort key; the last one unique. */
    keys: string[];
    keyOf: (row: T) => (string | number)[];
    read: (row: Record<string, unknown>) => T;
  },
): Promise<Connection<T>> {
  const size = pageSize(options.first);
  const cursor = decodeCursor(options.after, options.keys.length);
  const where = options.where;
  const count = `SELECT count(*)::int AS n FROM ${options.table} ${where.sql}`;
  const countParams = [...where.params];
  if (cursor) where.and((param) => `(${options.keys.join(', ')}) > (${cursor.map((v) => param(v)).join(', ')})`);
  const page = `SELECT ${options.select} FROM ${options.table} ${options.joins ?? ''} ${where.sql}
    ORDER BY ${options.keys.join(', ')} LIMIT ${where.param(size + 1)}`;
  const [counted, rows] = (await Promise.all([em.query(count, countParams), em.query(page, where.params)])) as [{ n: number }[], Record<string, unknown>[]];
  return toConnection(rows.map(options.read), size, counted[0]!.n, options.keyOf);
}
