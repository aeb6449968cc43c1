import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import type { NextFunction, Request, Response } from 'express';
import pg from 'pg';
import { loadConfig } from '../app/config.js';
import { ensureDatabase } from '../app/database.js';
import { createHttpApp, type HttpApp } from '../app/http.js';
import { createLogger } from '../app/logger.js';
import { hashSecret } from '../common/auth.js';
import { createDataSource, migrate } from '../db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { loadDemoRegion } from '../db/seed/demo.js';
import { DEMO_PASSWORD } from '../db/seed/demo-data.js';
import { sessionToken } from '../modules/identity/authenticate.js';
import { attachmentStore } from '../modules/reporting/attachments.js';

/**
 * GraphQL against the SQL behind it (docs/performance.md): Insyn's HTTP app on a fresh database
 * with the demo region, and on the same app and port raw `pg` handlers that answer the same
 * JSON. Both are loaded with autocannon, one after the other, in alternating rounds.
 *
 * Environment: DATABASE_URL or TEST_DATABASE_URL (a server where CREATE DATABASE is allowed;
 * otherwise an embedded PostgreSQL in a temporary directory), BENCH_DURATION (seconds per
 * measurement, 10), BENCH_ROUNDS (2), BENCH_CONNECTIONS (10), BENCH_REPORT_ONLY=1 (never fail).
 */

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const REPORT_ONLY = ['1', 'true', 'yes'].includes((process.env.BENCH_REPORT_ONLY ?? '').toLowerCase());
const WARMUP_SECONDS = 2;
const TARGETS = { single: 0.6, list: 0.45, p99Ms: 25 };

const log = createLogger(process.env.LOG_LEVEL ?? 'warn');

// --- The two operations, and the same data by raw SQL ----------------------------------------

const REPORT_FIELDS = `
  id reference status dueAt submittedAt version
  round { id name period }
  provider { id name ownership }
  agreement { id reference units { id name } }`;

/** A reviewer opening one report: the report, its parties and every answer. */
const SINGLE_QUERY = `query BenchReport($id: ID!) {
  report(id: $id) {${REPORT_FIELDS}
    answers { question { id code } value note }
  }
}`;

/** The round's report list: 20 reports with their parties. */
const LIST_QUERY = `query BenchReports {
  reports(first: 20) {
    totalCount
    pageInfo { hasNextPage }
    edges { node {${REPORT_FIELDS}
    } }
  }
}`;

const REPORT_SQL = `
  SELECT r.id, r.reference, r.status, r.due_at, r.submitted_at, r.version,
         fr.id AS round_id, fr.name AS round_name, fr.period AS round_period,
         p.id AS provider_id, p.name AS provider_name, p.ownership AS provider_ownership,
         a.id AS agreement_id, a.reference AS agreement_reference,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id)
                   FROM agreement_unit au JOIN unit u ON u.id = au.unit_id WHERE au.agreement_id = a.id), '[]') AS units
  FROM report r
  JOIN follow_up_round fr ON fr.id = r.round_id
  JOIN provider p ON p.id = r.provider_id
  JOIN agreement a ON a.id = r.agreement_id`;

interface ReportRow {
  id: string;
  reference: string;
  status: string;
  due_at: Date;
  submitted_at: Date | null;
  version: number;
  round_id: string;
  round_name: string;
  round_period: string;
  provider_id: string;
  provider_name: string;
  provider_ownership: string;
  agreement_id: string;
  agreement_reference: string;
  units: { id: string; name: string }[];
}

function reportJson(r: ReportRow) {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    dueAt: r.due_at.toISOString(),
    submittedAt: r.submitted_at?.toISOString() ?? null,
    version: r.version,
    round: { id: r.round_id, name: r.round_name, period: r.round_period },
    provider: { id: r.provider_id, name: r.provider_name, ownership: r.provider_ownership },
    agreement: { id: r.agreement_id, reference: r.agreement_reference, units: r.units },
  };
}

/** The viewer, as Insyn finds it: a live session of an active user in a region role. */
async function viewerMayReadAll(pool: pg.Pool, req: Request, idleMinutes: number): Promise<boolean> {
  const token = sessionToken(req);
  if (!token) return false;
  const { rows } = await pool.query(
    `SELECT u.roles FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
       AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
    [hashSecret(token), idleMinutes],
  );
  const roles: string[] = rows[0]?.roles ?? [];
  return roles.some((r) => ['ADMIN', 'REVIEWER', 'AUDITOR'].includes(r));
}

function rawRoutes(pool: pg.Pool, idleMinutes: number) {
  const guard = async (req: Request, res: Response): Promise<boolean> => {
    if (await viewerMayReadAll(pool, req, idleMinutes)) return true;
    res.status(401).json({ errors: [{ message: 'Not logged in' }] });
    return false;
  };
  return {
    async single(req: Request, res: Response, next: NextFunction) {
      try {
        if (!(await guard(req, res))) return;
        const id = String(req.query.id ?? '');
        const [report, answers] = await Promise.all([
          pool.query<ReportRow>(`${REPORT_SQL} WHERE r.id = $1`, [id]),
          pool.query(
            `SELECT q.id AS question_id, q.code, an.value, an.note
             FROM answer an JOIN question q ON q.id = an.question_id
             WHERE an.report_id = $1 ORDER BY an.question_id`,
            [id],
          ),
        ]);
        const row = report.rows[0];
        res.json({
          data: {
            report: row
              ? {
                  ...reportJson(row),
                  answers: answers.rows.map((a) => ({ question: { id: a.question_id, code: a.code }, value: a.value, note: a.note })),
                }
              : null,
          },
        });
      } catch (error) {
        next(error);
      }
    },
    async list(req: Request, res: Response, next: NextFunction) {
      try {
        if (!(await guard(req, res))) return;
        const [count, page] = await Promise.all([
          pool.query<{ n: number }>('SELECT count(*)::int AS n FROM report'),
          pool.query<ReportRow>(`${REPORT_SQL} ORDER BY r.due_at, r.id LIMIT 21`),
        ]);
        res.json({
          data: {
            reports: {
              totalCount: count.rows[0].n,
              pageInfo: { hasNextPage: page.rows.length > 20 },
              edges: page.rows.slice(0, 20).map((r) => ({ node: reportJson(r) })),
            },
          },
        });
      } catch (error) {
        next(error);
      }
    },
  };
}

// --- Database and app ------------------------------------------------------------------------

interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database: on the given server, or in an embedded PostgreSQL that goes away afterwards. */
async function freshDatabase(): Promise<BenchDatabase> {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const name = `insyn_bench_${randomBytes(4).toString('hex')}`;
  let embedded: EmbeddedDatabase | null = null;
  let tmpDir: string | null = null;
  let adminUrl = external;
  if (!adminUrl) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-bench-pg-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    embedded = await startEmbeddedPostgres({ dataDir: tmpDir, port, log, persistent: false });
    adminUrl = embedded.adminUrl;
  }
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
      await embedded?.stop();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}

// --- Load ------------------------------------------------------------------------------------

interface Measurement {
  requests: number;
  seconds: number;
  p99: number[];
  p50: number[];
  failures: number;
}

async function load(url: string, opts: { method: 'GET' | 'POST'; body?: string; cookie: string }, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: opts.method,
    body: opts.body,
    headers: { 'content-type': 'application/json', cookie: opts.cookie },
    connections: CONNECTIONS,
    duration: seconds,
    // The load comes from a worker thread, not from the event loop that serves the requests.
    workers: 1,
  });
}

function record(m: Measurement, r: autocannon.Result): void {
  m.requests += r.requests.total;
  m.seconds += r.duration;
  m.p99.push(r.latency.p99);
  m.p50.push(r.latency.p50);
  m.failures += r.errors + r.timeouts + r.non2xx;
}

/** Waits (at most 5 s) until no client of the pools is checked out. */
async function settled(pools: (pg.Pool | undefined)[]): Promise<void> {
  const busy = () => pools.some((p) => p && p.totalCount - p.idleCount > 0);
  for (let waited = 0; busy() && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

const empty = (): Measurement => ({ requests: 0, seconds: 0, p99: [], p50: [], failures: 0 });
const rps = (m: Measurement) => m.requests / m.seconds;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const worst = (xs: number[]) => Math.max(...xs);

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-bench-data-'));
  const db = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: db.url,
    INSYN_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
  });
  const ds = createDataSource(db.url, log, config.DATABASE_POOL_SIZE);
  const pool = new pg.Pool({ connectionString: db.url, max: config.DATABASE_POOL_SIZE });
  let apollo: HttpApp['apollo'] | null = null;
  try {
    await ds.initialize();
    await migrate(ds);
    await loadDemoRegion(ds, attachmentStore(config));
    const http = await createHttpApp(config, ds, log);
    apollo = http.apollo;

    // The raw handlers go on the same app, behind the same middleware as /graphql (request id,
    // logging, security headers): next to /healthz, before the SPA fallback and the 404.
    const raw = rawRoutes(pool, config.SESSION_IDLE_MINUTES);
    const stack = http.app.router.stack;
    const at = stack.findIndex((layer) => layer.route?.path === '/healthz') + 1;
    if (at === 0) throw new Error('no /healthz route to put the raw handlers next to');
    const before = stack.length;
    http.app.get('/bench/raw/report', raw.single);
    http.app.get('/bench/raw/reports', raw.list);
    stack.splice(at, 0, ...stack.splice(before));

    await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;

    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }',
        variables: { e: 'reviewer@insyn.example', p: DEMO_PASSWORD },
      }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => !c.endsWith('='));
    if (!login.ok || !cookie) throw new Error(`login as the demo reviewer failed: ${login.status} ${await login.text()}`);

    // The report with the most answers: a reviewer's fullest page.
    const [{ report_id: reportId, answers }] = await ds.query(
      'SELECT report_id, count(*)::int AS answers FROM answer GROUP BY report_id ORDER BY 2 DESC, 1 LIMIT 1',
    );
    const [{ n: reportCount }] = await ds.query('SELECT count(*)::int AS n FROM report');

    const cases = [
      {
        key: 'single' as const,
        label: `report(id) with ${answers} answers`,
        gql: { url: `${base}/graphql`, method: 'POST' as const, body: JSON.stringify({ query: SINGLE_QUERY, variables: { id: reportId } }), cookie },
        raw: { url: `${base}/bench/raw/report?id=${reportId}`, method: 'GET' as const, cookie },
      },
      {
        key: 'list' as const,
        label: `reports(first: 20) of ${reportCount}`,
        gql: { url: `${base}/graphql`, method: 'POST' as const, body: JSON.stringify({ query: LIST_QUERY }), cookie },
        raw: { url: `${base}/bench/raw/reports`, method: 'GET' as const, cookie },
      },
    ];

    // Both sides answer the same data, or the comparison means nothing.
    for (const c of cases) {
      const g = (await (await fetch(c.gql.url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: c.gql.body })).json()) as { errors?: unknown };
      const r = await (await fetch(c.raw.url, { headers: { cookie } })).json();
      if (g.errors) throw new Error(`${c.label}: GraphQL errors ${JSON.stringify(g.errors)}`);
      if (!isDeepStrictEqual(g, r)) {
        throw new Error(`${c.label}: the raw handler answers other data than GraphQL\nGraphQL: ${JSON.stringify(g).slice(0, 2000)}\nraw:     ${JSON.stringify(r).slice(0, 2000)}`);
      }
      const bytes = (s: unknown) => Buffer.byteLength(JSON.stringify(s));
      console.log(`${c.label}: same data from both (${bytes(g)} bytes)`);
    }

    console.log(
      `\nLoad: ${CONNECTIONS} connections, ${ROUNDS} round(s) of ${DURATION} s per side and case (after ${WARMUP_SECONDS} s warm-up), ` +
        `${os.cpus().length} CPU(s), Node ${process.version}.`,
    );
    const results = { single: { gql: empty(), raw: empty() }, list: { gql: empty(), raw: empty() } };
    for (const c of cases) {
      await load(c.gql.url, c.gql, WARMUP_SECONDS);
      await load(c.raw.url, c.raw, WARMUP_SECONDS);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const c of cases) {
        // Alternating the order between rounds evens out drift in the machine's other load.
        const sides = round % 2 ? (['gql', 'raw'] as const) : (['raw', 'gql'] as const);
        for (const side of sides) {
          const r = await load(c[side].url, c[side], DURATION);
          record(results[c.key][side], r);
          process.stdout.write(`  round ${round} ${c.key} ${side}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms\n`);
        }
      }
    }

    const rows: string[][] = [['case', 'GraphQL req/s', 'raw req/s', 'ratio', 'target', 'GraphQL p50/p99 ms', 'raw p50/p99 ms', '']];
    const verdicts: boolean[] = [];
    for (const c of cases) {
      const { gql, raw: r } = results[c.key];
      if (gql.failures || r.failures) throw new Error(`${c.label}: ${gql.failures} GraphQL and ${r.failures} raw requests failed under load`);
      const ratio = rps(gql) / rps(r);
      const ok = ratio >= TARGETS[c.key];
      verdicts.push(ok);
      rows.push([
        c.label,
        rps(gql).toFixed(0),
        rps(r).toFixed(0),
        `${ratio.toFixed(2)}×`,
        `≥ ${TARGETS[c.key]}×`,
        `${median(gql.p50)} / ${worst(gql.p99)}`,
        `${median(r.p50)} / ${worst(r.p99)}`,
        ok ? 'PASS' : 'FAIL',
      ]);
    }
    const p99 = worst(results.single.gql.p99);
    const p99ok = p99 <= TARGETS.p99Ms;
    verdicts.push(p99ok);
    rows.push(['p99 of report(id) via GraphQL', '', '', `${p99} ms`, `≤ ${TARGETS.p99Ms} ms`, '', '', p99ok ? 'PASS' : 'FAIL']);

    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    console.log('');
    for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
    console.log('\np50: median over the rounds; p99: the worst round.');
    const failed = verdicts.filter((v) => !v).length;
    if (!failed) {
      console.log('All targets met.');
      return 0;
    }
    console.log(`${failed} target(s) missed${REPORT_ONLY ? ' (BENCH_REPORT_ONLY: not failing)' : ''}.`);
    return REPORT_ONLY ? 0 : 1;
  } finally {
    // autocannon hangs up at the end of a run with requests still being served: let them finish
    // their SQL before the pools close, then let Apollo's drain plugin close the server.
    await settled([pool, (ds.driver as unknown as { master?: pg.Pool }).master]);
    await apollo?.stop();
    await pool.end();
    if (ds.isInitialized) await ds.destroy();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Benchmark failed:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
