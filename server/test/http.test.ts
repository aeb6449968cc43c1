import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

describe('HTTP', () => {
  it('reports health with the database', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/healthz', '/graphql?query=%7Bmunicipalities%7Bcode%7D%7D', '/', '/program', '/nope.txt']) {
      const res = await fetch(`${app.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-request-id'), path).toBeTruthy();
    }
  });

  it('answers GraphQL over GET for queries', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ municipalities { code } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.municipalities).toHaveLength(8);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ municipalities { code } }')}`);
    expect(res.status).toBe(400);
  });

  it('refuses a body over 1 MB before any GraphQL runs', async () => {
    const query = `{ municipalities { code } } # ${'x'.repeat(2 * 1024 * 1024)}`;
    let sql = 0;
    let res!: Response;
    sql = await app.countSql(async () => {
      res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(sql).toBe(0);
  });

  it('maps syntax and validation errors to BAD_USER_INPUT', async () => {
    const syntax = await app.gql('{ municipalities { ');
    expect(syntax.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await app.gql('{ municipalities { nope } }');
    expect(unknown.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('hides SQL and stack traces from clients when something breaks inside', async () => {
    await app.ds.query('ALTER TABLE target RENAME TO target_moved');
    try {
      const res = await app.gql('{ indicators { code targets { year } } }');
      expect(res.errors![0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors![0].message).toBe('Internal server error');
      expect(res.errors![0].extensions.requestId).toBeTruthy();
      const text = JSON.stringify(res);
      expect(text).not.toMatch(/target_moved|relation|SELECT|stacktrace|at .*\.ts/i);
    } finally {
      await app.ds.query('ALTER TABLE target_moved RENAME TO target');
    }
  });

  it('serves the SPA for client routes and the bundled GraphiQL', async () => {
    const spa = await fetch(`${app.url}/utforare?ownership=PRIVATE`, { headers: { accept: 'text/html' } });
    const graphiql = await fetch(`${app.url}/graphiql`);
    // Both are built by web/; the suite runs after the build.
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<div id="root">');
    expect(graphiql.status).toBe(200);
    const html = await graphiql.text();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // nothing from a CDN
  });
});
