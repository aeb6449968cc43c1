import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { csvCell } from '../src/modules/bi/export.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { loginActors, type Actors } from './support/actors.js';
import { CANARY, scenario, type Scenario } from './support/published.js';

/**
 * GET /export/facts.csv (ANALYST token or the region's session) and the open data downloads:
 * the same facts as indicatorFacts, streamed from a cursor with flat memory.
 */

let app: TestApp;
let actors: Actors;
let s: Scenario;
const BULK = 200_000;

const FIELDS = [
  'id', 'indicatorCode', 'indicatorName', 'period', 'providerId', 'providerName', 'ownership', 'unitId', 'unitName', 'municipalityCode',
  'municipalityName', 'value', 'numerator', 'denominator', 'target', 'suppressed', 'status', 'publishedAt', 'updatedAt',
];
const FACTS = `query($filter: FactFilter, $first: Int, $after: String) { indicatorFacts(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS.join(' ')} } } } }`;

/** RFC 4180 rows of a CSV text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

async function graphqlFacts(client: Client, filter: Record<string, unknown>, maxPages = Infinity): Promise<{ total: number; facts: any[] }> {
  const facts: any[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < maxPages; page++) {
    const res: any = await client.gql(FACTS, { filter, first: 500, after });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    total = res.data.indicatorFacts.totalCount;
    facts.push(...res.data.indicatorFacts.edges.map((e: any) => e.node));
    if (!res.data.indicatorFacts.pageInfo.hasNextPage) break;
    after = res.data.indicatorFacts.pageInfo.endCursor;
  }
  return { total, facts };
}

/** A GraphQL fact as a CSV row (times compared as instants). */
const asRow = (fact: any) => FIELDS.map((f) => csvCell(typeof fact[f] === 'string' && /At$/.test(f) ? new Date(fact[f]) : fact[f]));

function get(path: string, auth: { token?: string; cookie?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  return fetch(`${app.url}${path}`, { headers });
}

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  s = await scenario(app.ds);
  const t0 = Date.now();
  const lap = (what: string) => process.env.EXPORT_TIMING && console.info(`${what}: ${Date.now() - t0} ms`);
  // 200,000 published facts of one indicator: one report of a template with as many questions.
  const [ind] = await app.ds.query(
    `INSERT INTO indicator (code, name, definition, unit, direction, service_area) VALUES ('BULK', 'Massindikator, "citat" och komma', 'Många värden.', 'PERCENT', 'HIGHER_IS_BETTER', 'ALL') RETURNING id`,
  );
  const [t] = await app.ds.query(`INSERT INTO report_template (family_id, name, service_area, template_version) VALUES (gen_random_uuid(), 'Massmall', 'ALL', 1) RETURNING id`);
  const [sec] = await app.ds.query(`INSERT INTO template_section (template_id, position, title) VALUES ($1, 0, 'Allt') RETURNING id`, [t.id]);
  await app.ds.query(
    `INSERT INTO question (template_id, section_id, position, code, text, type, indicator_id)
     SELECT $1, $2, g, 'B' || g, 'Massfråga', 'INDICATOR_VALUE', $3 FROM generate_series(1, ${BULK}) g`,
    [t.id, sec.id, ind.id],
  );
  lap('questions');
  // Fresh statistics, or the foreign-key checks of the next insert may plan a scan of the questions per row.
  await app.ds.query('ANALYZE question');
  await app.ds.query(`UPDATE report_template SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [t.id]);
  lap('template published');
  const [round] = await app.ds.query(
    `INSERT INTO follow_up_round (name, period, template_id, opens_at, due_at, status, opened_at) VALUES ('Mass', '2032', $1, now() - interval '9 days', now() - interval '1 day', 'CLOSED', now() - interval '9 days') RETURNING id`,
    [t.id],
  );
  const [report] = await app.ds.query(
    `INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, due_at, status, submitted_at, approved_at, published_at)
     SELECT 'RAP-MASS', $1, a.id, a.provider_id, $2, now(), 'PUBLISHED', now(), now(), now() FROM agreement a WHERE a.reference = 'LOV-HV-2017-011' RETURNING id, agreement_id, provider_id`,
    [round.id, t.id],
  );
  const [pub] = await app.ds.query(`INSERT INTO publication (report_id, kind, published_by) VALUES ($1, 'PUBLISHED', $2) RETURNING id`, [report.id, s.f.reviewerId]);
  await app.ds.query(
    `INSERT INTO published_value (publication_id, report_id, template_id, question_id, version, period, provider_id, ownership, agreement_id, unit_id,
       municipality_code, indicator_id, value, value_number, numerator, denominator, target, suppressed, suppression_reason)
     SELECT $1, $2, $3, q.id, 1, '2032', $4, 'PRIVATE', $5, (SELECT unit_id FROM agreement_unit WHERE agreement_id = $5), '2361', $6,
            CASE WHEN q.position % 10 = 0 THEN NULL ELSE jsonb_build_object('numerator', 5 + q.position % 95, 'denominator', 100) END,
            CASE WHEN q.position % 10 = 0 THEN NULL ELSE 5 + q.position % 95 END,
            CASE WHEN q.position % 10 = 0 THEN NULL ELSE 5 + q.position % 95 END,
            CASE WHEN q.position % 10 = 0 THEN NULL ELSE 100 END,
            80, q.position % 10 = 0, CASE WHEN q.position % 10 = 0 THEN 'SMALL_COUNT' END
     FROM question q WHERE q.template_id = $3`,
    [pub.id, report.id, t.id, report.provider_id, report.agreement_id, ind.id],
  );
  lap('values');
  await app.ds.query('ANALYZE');
}, 600_000);
afterAll(() => app?.close());

describe('GET /export/facts.csv', () => {
  it('streams the same facts as indicatorFacts: UTF-8, a header row, one row per fact', async () => {
    for (const publishedOnly of [true, false]) {
      const query = `indicatorCodes=RES-PCT,RES-CNT&publishedOnly=${publishedOnly}`;
      const res = await get(`/export/facts.csv?${query}`, { token: actors.analystToken });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="insyn-facts\.csv"/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await res.arrayBuffer());
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual(FIELDS);
      const { facts } = await graphqlFacts(actors.clients.ANALYST_TOKEN, { indicatorCodes: ['RES-PCT', 'RES-CNT'], publishedOnly });
      expect(rows).toEqual(facts.map(asRow).map((r) => r.map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c))));
      expect(text).toContain('Jämtvård Hälsocentraler AB');
      for (const canary of [CANARY.confidential, CANARY.small, CANARY.smallUnpublished]) expect(text).not.toContain(String(canary));
    }
  });

  it('gives the region\'s session the unsuppressed facts, and refuses others', async () => {
    const region = await get('/export/facts.csv?indicatorCodes=RES-PCT&publishedOnly=false', { cookie: actors.clients.AUDITOR.cookie });
    expect(region.status).toBe(200);
    expect(await region.text()).toContain(String(CANARY.small));
    const cases: [Response, number, string][] = [
      [await get('/export/facts.csv'), 401, 'UNAUTHENTICATED'],
      [await get('/export/facts.csv', { token: 'insyn_inte-en-riktig-nyckel' }), 401, 'UNAUTHENTICATED'],
      [await get('/export/facts.csv', { cookie: actors.clients.PROVIDER.cookie }), 403, 'FORBIDDEN'],
    ];
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe(code);
    }
    const analyst = await get('/export/facts.csv?indicatorCodes=RES-PCT', { cookie: actors.clients.ANALYST.cookie });
    expect(analyst.status).toBe(200);
    expect(await analyst.text()).not.toContain(String(CANARY.small));
  });

  it('refuses bad parameters with 400, naming the parameter', async () => {
    const cases: [string, string][] = [
      ['periods=2031-X1', 'periods'],
      ['municipalityCodes=23', 'municipalityCodes'],
      ['ownership=PRIVAT', 'ownership'],
      ['providerIds=abc', 'providerIds'],
      ['publishedOnly=kanske', 'publishedOnly'],
      ['updatedAfter=igår', 'updatedAfter'],
      ['period=2031', 'period'],
    ];
    for (const [query, param] of cases) {
      const res = await get(`/export/facts.csv?${query}`, { token: actors.analystToken });
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions.fields[0].path, query).toBe(param);
    }
  });

  it(`streams ${BULK.toLocaleString('en')} facts with flat memory to a slow reader, equal to the GraphQL facts`, async () => {
    const res = await get('/export/facts.csv?indicatorCodes=BULK', { token: actors.analystToken });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // Live memory is what a collection leaves: measure it after one (garbage is not growth).
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const base = process.memoryUsage();
    let peakRss = 0;
    let peakHeap = 0;
    let bytes = 0;
    let rows = 0;
    let head = '';
    let tail = '';
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
      if (head.length < 600_000) head += text;
      tail = (tail + text).slice(-200_000);
      // A slow reader: the server must wait for it, not buffer ahead.
      if (++chunks % 16 === 0) await new Promise((r) => setTimeout(r, 2));
      if (chunks % 64 === 0) {
        gc();
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss - base.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
      }
    }
    expect(rows).toBe(BULK + 1); // and the header
    // Buffering would hold the whole CSV text (and the rows behind it) at least once.
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.info(`CSV ${mb(bytes)} MB; peak growth: rss ${mb(peakRss)} MB, heap ${mb(peakHeap)} MB`);
    expect(bytes).toBeGreaterThan(40 * 1024 * 1024);
    expect(peakHeap).toBeLessThan(bytes / 8);
    expect(peakRss).toBeLessThan(bytes / 2);

    // The same facts as GraphQL: the count, the first pages and the last rows.
    const { total, facts } = await graphqlFacts(actors.clients.ANALYST_TOKEN, { indicatorCodes: ['BULK'] }, 2);
    expect(total).toBe(BULK);
    const [header, ...first] = parseCsv(head).slice(0, 1001);
    expect(header).toEqual(FIELDS);
    const unquote = (r: string[]) => r.map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
    expect(first).toEqual(facts.slice(0, 1000).map(asRow).map(unquote));
    expect(first.filter((r) => r[15] === 'true').length).toBeGreaterThan(50); // suppressed ones, without numbers
    for (const r of first.filter((x) => x[15] === 'true')) expect([r[11], r[12], r[13]]).toEqual(['', '', '']);
    const lastRows = parseCsv(tail.slice(tail.indexOf('\r\n') + 2));
    const lastIds = lastRows.map((r) => r[0]);
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM published_value_current v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'BULK'`);
    expect(n).toBe(BULK);
    expect(new Set(lastIds).size).toBe(lastIds.length);
  }, 180_000);
});

describe('open data', () => {
  it('serves the published facts as CSV with suppression, cacheable, with licence and column descriptions beside it', async () => {
    const res = await fetch(`${app.url}/open-data/facts.csv?indicatorCodes=RES-PCT`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('link')).toContain('creativecommons.org/publicdomain/zero/1.0');
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(FIELDS);
    const { facts } = await graphqlFacts(actors.clients.ANALYST_TOKEN, { indicatorCodes: ['RES-PCT'] });
    expect(rows.map((r) => r[0])).toEqual(facts.map((f) => f.id));
    for (const r of rows) expect(r[16]).toBe('PUBLISHED');
    const columns = (await (await fetch(`${app.url}/open-data/columns.json`)).json()) as any;
    expect(columns.licence.name).toMatch(/^CC0 1\.0/);
    expect(columns.columns.map((c: any) => c.name)).toEqual(FIELDS);
    for (const c of columns.columns) {
      expect(c.description.length).toBeGreaterThan(5);
      expect(c.beskrivning.length).toBeGreaterThan(5);
    }
  });

  it('serves the same facts as JSON with the licence and columns, and ignores any session', async () => {
    const res = await get('/open-data/facts.json?indicatorCodes=RES-PCT,RES-CNT', { cookie: actors.clients.REVIEWER.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const body = (await res.json()) as any;
    expect(body.licence.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(body.columns.map((c: any) => c.name)).toEqual(FIELDS);
    const { facts } = await graphqlFacts(actors.clients.ANALYST_TOKEN, { indicatorCodes: ['RES-PCT', 'RES-CNT'] });
    expect(body.facts).toEqual(facts);
    expect(JSON.stringify(body)).not.toContain(String(CANARY.small));
    const empty = (await (await fetch(`${app.url}/open-data/facts.json?periods=1999`)).json()) as any;
    expect(empty.facts).toEqual([]);
  });

  it('refuses parameters it does not have: publishedOnly is not one', async () => {
    const res = await fetch(`${app.url}/open-data/facts.csv?publishedOnly=false`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.fields[0].path).toBe('publishedOnly');
  });
});
