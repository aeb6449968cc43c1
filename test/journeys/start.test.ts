import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresProcessesFor, startInsyn } from '../support/insyn.js';

/** What a newcomer sees when running the start command twice on a bare machine, then Ctrl-C. */
describe('start on a bare machine', () => {
  let dataDir = '';
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function providerCount(url: string): Promise<number> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ providers { totalCount } }' }),
    });
    return ((await res.json()) as any).data.providers.totalCount;
  }

  it('starts embedded PostgreSQL, loads the demo once, keeps data between runs and stops cleanly', async () => {
    const first = await startInsyn();
    dataDir = first.dataDir;
    let count = 0;
    try {
      expect(first.output()).toContain('Insyn is running');
      expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);
      count = await providerCount(first.url);
      expect(count).toBeGreaterThan(5);
      const home = await fetch(`${first.url}/`);
      expect(home.status).toBe(200);
      const graphiql = await fetch(`${first.url}/graphiql`);
      expect(graphiql.status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    const second = await startInsyn({ dataDir });
    try {
      expect(second.output()).toContain('Insyn is running');
      // The demo region is not loaded a second time.
      expect(await providerCount(second.url)).toBe(count);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });
});
