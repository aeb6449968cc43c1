import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';

/**
 * The number of SQL statements of a list query must not grow with the list: every relation
 * goes through a per-request DataLoader.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await app.ds.query(`
    INSERT INTO municipality (code, name, county_code, county_name) VALUES ('2380', 'Östersund', '23', 'Jämtlands län');
    INSERT INTO choice_system (code, name) VALUES ('HALSOVAL', 'Hälsoval');
  `);
});
afterAll(() => app?.close());

async function addProviders(count: number, offset: number): Promise<void> {
  for (let i = offset; i < offset + count; i++) {
    const [p] = await app.ds.query(
      `INSERT INTO provider (name, org_number, ownership) VALUES ($1, $2, 'PRIVATE') RETURNING id`,
      [`Utförare ${String(i).padStart(3, '0')}`, `55${String(i).padStart(4, '0')}-0000`],
    );
    const [u1] = await app.ds.query(
      `INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, '2380', $2, 'HEALTH_CENTRE') RETURNING id`,
      [p.id, `Enhet ${i} A`],
    );
    await app.ds.query(`INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, '2380', $2, 'BRANCH')`, [
      p.id,
      `Enhet ${i} B`,
    ]);
    const [a] = await app.ds.query(
      `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope)
       SELECT $1, id, 'LOV', $2, '2024-01-01', true FROM choice_system WHERE code = 'HALSOVAL' RETURNING id`,
      [p.id, `LOV-${i}`],
    );
    await app.ds.query(`INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)`, [a.id, u1.id, p.id]);
  }
}

const QUERY = /* GraphQL */ `
  {
    providers(first: 500) {
      totalCount
      edges { node { id name ownership
        units { id name kind municipality { code name } provider { name } }
        agreements { reference choiceSystem { code } provider { id } units { name } }
      } }
    }
  }
`;

describe('providers list', () => {
  it('runs the same number of SQL statements for 1 and for 100 providers', async () => {
    await addProviders(1, 0);
    let one: any;
    const withOne = await app.countSql(async () => {
      one = await app.gql(QUERY);
    });
    expect(one.errors).toBeUndefined();
    expect(one.data.providers.totalCount).toBe(1);

    await addProviders(99, 1);
    let hundred: any;
    const withHundred = await app.countSql(async () => {
      hundred = await app.gql(QUERY);
    });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.providers.totalCount).toBe(100);
    expect(hundred.data.providers.edges[99].node.units).toHaveLength(2);
    expect(hundred.data.providers.edges[99].node.agreements[0].units).toHaveLength(1);

    expect(withOne).toBeGreaterThan(0);
    expect(withHundred).toBe(withOne);
  });
});
