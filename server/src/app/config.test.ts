import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has defaults that start Insyn with an embedded database and the demo region', () => {
    const c = loadConfig({}, '/srv/insyn');
    expect(c.PORT).toBe(4000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.loadDemo).toBe(true);
    expect(c.dataDir).toBe('/srv/insyn/.data');
    expect(c.introspection).toBe(true);
  });

  it('loads demo data with DATABASE_URL only when asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).loadDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', INSYN_DEMO: '1' }).loadDemo).toBe(true);
  });

  it('turns introspection off by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('fails fast naming each wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', INSYN_DEMO: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });
});
