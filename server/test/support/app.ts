import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../src/app/config.js';
import { createHttpApp, type HttpApp } from '../../src/app/http.js';
import { sqlCounter } from '../../src/app/request-scope.js';
import { createTestDatabase, testLog, type TestDatabase } from './db.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }[];
}

export interface Client {
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** The raw response of the last call (headers, cookies). */
  last: Response | null;
  cookie: string | null;
}

export interface TestApp {
  db: TestDatabase;
  ds: DataSource;
  http: HttpApp;
  /** Base URL of the app, listening on a free port. */
  url: string;
  config: Config;
  /** Runs one GraphQL operation over HTTP, as a browser or BI tool would. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** A client with its own cookie jar (a browser) or a bearer token (a BI tool). */
  client(options?: { token?: string; headers?: Record<string, string> }): Client;
  /** A client logged in as the given user. */
  login(email: string, password?: string): Promise<Client>;
  /** The first row of a statement run directly on the database (undefined when none). */
  one(sql: string, params?: unknown[]): Promise<any>;
  /** `SELECT count(*) FROM <from>`: a table, or a table with its WHERE clause and parameters. */
  count(from: string, params?: unknown[]): Promise<number>;
  /** SQL statements run while `fn` ran. */
  countSql(fn: () => Promise<unknown>): Promise<number>;
  /** The SQL statements run while `fn` ran. */
  captureSql(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      INSYN_WEB_DIST: path.resolve(import.meta.dirname, '../../../web/dist'),
      INSYN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-test-data-')),
      ...env,
    },
    path.resolve(import.meta.dirname, '../../..'),
  );
  const http = await createHttpApp(config, db.ds, testLog);
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  const client = (options: { token?: string; headers?: Record<string, string> } = {}): Client => {
    const c: Client = {
      last: null,
      cookie: null,
      async gql(query, variables) {
        const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
        if (options.token) headers.authorization = `Bearer ${options.token}`;
        if (c.cookie) headers.cookie = c.cookie;
        const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
        c.last = res;
        for (const setCookie of res.headers.getSetCookie()) {
          const [pair] = setCookie.split(';');
          c.cookie = pair.endsWith('=') ? null : pair;
        }
        const body = (await res.json()) as GraphQLResult;
        return { status: res.status, data: body.data as never, errors: body.errors };
      },
    };
    return c;
  };
  return {
    client,
    async login(email, password = 'insyn-demo') {
      const c = client();
      const res = await c.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e: email, p: password });
      if (res.errors) throw new Error(`login ${email} failed: ${JSON.stringify(res.errors)}`);
      return c;
    },
    db,
    ds: db.ds,
    http,
    url,
    config,
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResult;
      return { status: res.status, data: body.data as never, errors: body.errors };
    },
    async one(sql, params = []) {
      return (await db.ds.query(sql, params))[0];
    },
    async count(from, params = []) {
      return (await db.ds.query(`SELECT count(*)::int AS n FROM ${from}`, params))[0].n as number;
    },
    async countSql(fn) {
      const before = sqlCounter.total;
      await fn();
      return sqlCounter.total - before;
    },
    async captureSql(fn) {
      const captured: string[] = [];
      sqlCounter.captured = captured;
      try {
        await fn();
      } finally {
        sqlCounter.captured = null;
      }
      return captured;
    },
    async close() {
      await http.apollo.stop();
      http.server.closeAllConnections();
      await db.drop();
    },
  };
}
