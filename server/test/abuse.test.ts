import { Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';

/**
 * Hostile requests are refused before anything executes: no SQL runs (not even the session
 * lookup), and the answer comes at once, whether or not the sender is logged in.
 */
let app: TestApp;
let sessionCookie: string;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  sessionCookie = (await app.login('admin@insyn.example')).cookie!;
});
afterAll(() => app?.close());

interface Sent {
  status: number;
  body: any;
  ms: number;
  sql: number;
}

async function send(body: string, cookie: string | null): Promise<Sent> {
  let res!: Response;
  let text = '';
  const started = performance.now();
  const sql = await app.countSql(async () => {
    res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body,
    });
    text = await res.text();
  });
  return { status: res.status, body: JSON.parse(text), ms: performance.now() - started, sql };
}

const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
// provider → units → provider → … : 20 levels of fields.
const DEPTH_20 = `{ providers { edges { node { ${'units { provider { '.repeat(8)}id${' } }'.repeat(8)} } } } }`;
const BODY_2MB = JSON.stringify({ query: `{ municipalities { code } } # ${'x'.repeat(2 * 1024 * 1024)}` });

/** Depth as a server counts it: the longest chain of nested fields. */
function depth(query: string): number {
  const walk = (set: SelectionSetNode | undefined): number =>
    set ? Math.max(...set.selections.map((s) => 1 + (s.kind === Kind.FIELD ? walk(s.selectionSet) : 0))) : 0;
  return walk((parse(query).definitions[0] as OperationDefinitionNode).selectionSet);
}

// [what, body, HTTP status, message]: a client error (4xx), never a server failure (5xx).
const hostile: [string, string, number, RegExp][] = [
  ['a query with 1,000 aliases', JSON.stringify({ query: `{ ${aliases(1000, '__typename')} }` }), 400, /aliases limit of 30 exceeded, found 1000/i],
  // Each alias would end a session and write to the audit trail, were it to run.
  ['a mutation with 1,000 aliases', JSON.stringify({ query: `mutation { ${aliases(1000, 'logout')} }` }), 400, /aliases limit of 30 exceeded, found 1000/i],
  // 1,000 aliased lists are also more tokens than a query may have: the parser stops early.
  ['a query with 1,000 aliased lists', JSON.stringify({ query: `{ ${aliases(1000, 'municipalities { code }')} }` }), 400, /5000 tokens/i],
  ['a query 20 levels deep', JSON.stringify({ query: DEPTH_20 }), 400, /depth limit of 12 exceeded, found 20/i],
  ['a 2 MB body', BODY_2MB, 413, /too large/i],
];

describe('hostile requests', () => {
  it('sends what it says: 20 levels, more than 2 MB', () => {
    expect(depth(DEPTH_20)).toBe(20);
    expect(BODY_2MB.length).toBeGreaterThan(2 * 1024 * 1024);
  });

  for (const [what, body, status, message] of hostile) {
    for (const who of ['anonymous', 'logged in'] as const) {
      it(`refuses ${what} quickly, without running SQL (${who})`, async () => {
        const res = await send(body, who === 'anonymous' ? null : sessionCookie);
        expect(res.status).toBe(status);
        expect(res.body.data ?? null).toBeNull();
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(res.body.errors[0].message).toMatch(message);
        expect(res.sql).toBe(0);
        expect(res.ms).toBeLessThan(1000);
      });
    }
  }

  it('answers the same small query normally (the session works, and it runs SQL)', async () => {
    const res = await send(JSON.stringify({ query: '{ viewer { email } municipalities { code } }' }), sessionCookie);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.viewer.email).toBe('admin@insyn.example');
    expect(res.sql).toBeGreaterThan(0);
  });

  it('refuses a batched (array) request, running no SQL', async () => {
    const one = { query: '{ viewer { email } }' };
    for (const cookie of [null, sessionCookie]) {
      const res = await send(JSON.stringify([one, one]), cookie);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/batch/i);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.sql).toBe(0);
    }
  });
});

describe('page size', () => {
  it('refuses first: 501 with BAD_USER_INPUT at the field first, on every list', async () => {
    const admin = await app.login('admin@insyn.example');
    for (const list of ['providers', 'units', 'users', 'auditEvents']) {
      const res = await admin.gql(`query($first: Int) { ${list}(first: $first) { totalCount } }`, { first: 501 });
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first', message: expect.stringMatching(/500/) }] });
      const ok = await admin.gql(`query($first: Int) { ${list}(first: $first) { totalCount } }`, { first: 500 });
      expect(ok.errors).toBeUndefined();
    }
  });
});
