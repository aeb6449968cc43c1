import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

/** The database itself refuses what the domain forbids, whatever the code does. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoRegion(db.ds);
});
afterAll(() => db?.drop());

async function idOf(sql: string): Promise<string> {
  const [row] = await db.ds.query(sql);
  return row.id;
}

describe('database constraints', () => {
  it('keeps LOF agreements out of the program, with a reason', async () => {
    const provider = await idOf(`SELECT id FROM provider WHERE name = 'Fysiokliniken Östersund AB'`);
    await expect(
      db.ds.query(`INSERT INTO agreement (provider_id, form, reference, valid_from, in_program_scope) VALUES ($1, 'LOF', 'X-1', '2025-01-01', true)`, [provider]),
    ).rejects.toThrow(/agreement_lof_out_of_scope/);
    await expect(
      db.ds.query(`INSERT INTO agreement (provider_id, form, reference, valid_from, in_program_scope) VALUES ($1, 'LOF', 'X-2', '2025-01-01', false)`, [provider]),
    ).rejects.toThrow(/agreement_scope_reason/);
  });

  it('refuses an agreement covering another provider\'s unit', async () => {
    const agreement = await idOf(`SELECT id FROM agreement WHERE reference = 'LOV-HV-2017-011'`);
    const [other] = await db.ds.query(`SELECT u.id, u.provider_id FROM unit u WHERE u.name = 'Storsjöhälsan'`);
    await expect(
      db.ds.query(`INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)`, [agreement, other.id, other.provider_id]),
    ).rejects.toThrow(/foreign key/);
  });

  it('refuses malformed or duplicate organisationsnummer for non-in-house providers', async () => {
    await expect(db.ds.query(`INSERT INTO provider (name, org_number, ownership) VALUES ('X', '5566', 'PRIVATE')`)).rejects.toThrow(/check/);
    await expect(
      db.ds.query(`INSERT INTO provider (name, org_number, ownership) VALUES ('Y', '556812-7343', 'PRIVATE')`),
    ).rejects.toThrow(/provider_org_number_unique/);
  });

  it('refuses a second adopted program for the same term and terms that end before they start', async () => {
    await expect(
      db.ds.query(`INSERT INTO program (title, term_start, term_end, decision_reference, decided_by, decided_at, status)
                   VALUES ('Kopia', 2024, 2026, 'RS/1/2024', 'Regionfullmäktige', '2024-01-01', 'ADOPTED')`),
    ).rejects.toThrow(/program_one_adopted_per_term/);
    await expect(
      db.ds.query(`INSERT INTO program (title, term_start, term_end, decision_reference) VALUES ('Fel', 2026, 2024, 'RS/2/2024')`),
    ).rejects.toThrow(/program_term/);
  });

  it('keeps the audit trail append-only', async () => {
    await expect(db.ds.query(`UPDATE audit_event SET action = 'CHANGED'`)).rejects.toThrow(/append-only/);
    await expect(db.ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(db.ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    const [{ n }] = await db.ds.query(`SELECT count(*) AS n FROM audit_event WHERE action LIKE 'DEMO_%'`);
    expect(n).toBe(8); // the demo region, users, reporting, published history, the conditions, the last-resort register, compensation and the follow-up reports
  });

  it('keeps one target per indicator and year', async () => {
    const indicator = await idOf(`SELECT id FROM indicator WHERE code = 'FIXED-GP'`);
    await expect(
      db.ds.query(`INSERT INTO target (indicator_id, year, value, amber_threshold) VALUES ($1, 2025, 50, 40)`, [indicator]),
    ).rejects.toThrow(/duplicate key/);
  });
});
