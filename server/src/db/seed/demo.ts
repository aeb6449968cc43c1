import os from 'node:os';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { LocalDiskStore, type AttachmentStore } from '../../modules/reporting/storage.js';
import { insertDemoHistory } from './demo-history.js';
import { insertDemoReporting } from './demo-reporting.js';
import { insertDemoInsight } from './demo-insight.js';
import { insertDemoLastResort } from './demo-last-resort.js';
import { insertDemoConditions } from './demo-conditions.js';
import { insertDemoCompensation } from './demo-compensation.js';
import { insertDemoFollowUp } from './demo-follow-up.js';
import { hashPassword } from '../../modules/identity/service.js';
import {
  COUNTY,
  DEMO_PASSWORD,
  demoUsers,
  ILLUSTRATIVE_NOTICE,
  choiceSystems,
  goals,
  governingDocuments,
  guidelines,
  indicators,
  municipalities,
  program,
  providers,
} from './demo-data.js';

/** Values planted in the demo that must never reach the public (see demo-history.ts). */
export { DEMO_CANARY } from './demo-history.js';

const LOCK_KEY = 4_711_2024;
const SEED_ACTION = 'DEMO_REGION_LOADED';
const USERS_ACTION = 'DEMO_USERS_LOADED';
const REPORTING_ACTION = 'DEMO_REPORTING_LOADED';
const PUBLISHED_ACTION = 'DEMO_PUBLISHED_LOADED';

/**
 * Loads the demo region in one transaction. Idempotent: a second call (or a second process
 * at the same time) finds the first load recorded in the audit trail and does nothing.
 */
export async function loadDemoRegion(
  ds: DataSource,
  store: AttachmentStore = new LocalDiskStore(path.join(os.tmpdir(), 'insyn-demo-attachments')),
): Promise<'loaded' | 'present'> {
  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const done = await em.query('SELECT action FROM audit_event WHERE action IN ($1, $2, $3, $4)', [
      SEED_ACTION,
      USERS_ACTION,
      REPORTING_ACTION,
      PUBLISHED_ACTION,
    ]);
    const has = (action: string) => done.some((r: { action: string }) => r.action === action);
    if (has(SEED_ACTION) && has(USERS_ACTION) && has(REPORTING_ACTION) && has(PUBLISHED_ACTION)) return 'present';
    if (!has(SEED_ACTION)) {
      const counts = await insertDemo(em);
      await em.query(
        `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
         VALUES ('system:demo-seed', $1, 'DemoRegion', 'jamtland-harjedalen', $2)`,
        [SEED_ACTION, JSON.stringify({ notice: ILLUSTRATIVE_NOTICE, ...counts })],
      );
    }
    if (!has(USERS_ACTION)) {
      await insertDemoUsers(em);
      await em.query(
        `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
         VALUES ('system:demo-seed', $1, 'DemoRegion', 'jamtland-harjedalen', $2)`,
        [USERS_ACTION, JSON.stringify({ users: demoUsers.map((u) => u.email) })],
      );
    }
    if (!has(REPORTING_ACTION)) {
      const counts = await insertDemoReporting(em, store);
      await em.query(
        `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
         VALUES ('system:demo-seed', $1, 'DemoRegion', 'jamtland-harjedalen', $2)`,
        [REPORTING_ACTION, JSON.stringify(counts)],
      );
    }
    if (!has(PUBLISHED_ACTION)) {
      // Half-year rounds 2023–2025, reviewed and published, so the public pages have a history.
      const counts = await insertDemoHistory(em, store);
      await em.query(
        `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
         VALUES ('system:demo-seed', $1, 'DemoRegion', 'jamtland-harjedalen', $2)`,
        [PUBLISHED_ACTION, JSON.stringify({ notice: ILLUSTRATIVE_NOTICE, ...counts })],
      );
    }
    // Insight requests in every state (loaded once).
    await insertDemoInsight(em);
    await insertDemoLastResort(em);
    await insertDemoConditions(em); // The equal-conditions rules in three versions (loaded once).
    await insertDemoCompensation(em); // Unit economics, compensation methods and decisions (loaded once).
    // Keep last: the follow-up reports freeze figures of the seeds above (compensation included).
    await insertDemoFollowUp(em);
    return has(SEED_ACTION) ? 'present' : 'loaded';
  });
}

async function insertDemo(em: EntityManager): Promise<Record<string, number>> {
  for (const m of municipalities) {
    await em.query(
      `INSERT INTO municipality (code, name, county_code, county_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING`,
      [m.code, m.name, COUNTY.code, COUNTY.name],
    );
  }
  const choiceSystemIds = new Map<string, string>();
  for (const c of choiceSystems) {
    const [row] = await em.query(
      `INSERT INTO choice_system (code, name, started_on) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
      [c.code, c.name, c.startedOn],
    );
    choiceSystemIds.set(c.code, row.id);
  }

  let unitCount = 0;
  let agreementCount = 0;
  for (const p of providers) {
    const [provider] = await em.query(
      `INSERT INTO provider (name, org_number, ownership, contact_email, contact_phone)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [p.name, p.orgNumber, p.ownership, p.contactEmail, p.contactPhone],
    );
    const unitIds = new Map<string, string>();
    for (const u of p.units) {
      const [unit] = await em.query(
        `INSERT INTO unit (provider_id, municipality_code, name, kind, street_address, postal_code, city)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [provider.id, u.municipality, u.name, u.kind, u.street, u.postalCode, u.city],
      );
      unitIds.set(u.name, unit.id);
      unitCount++;
    }
    for (const a of p.agreements) {
      const inScope = a.form !== 'LOF';
      const [agreement] = await em.query(
        `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, valid_to, in_program_scope, out_of_scope_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          provider.id,
          a.choiceSystem ? choiceSystemIds.get(a.choiceSystem) : null,
          a.form,
          a.reference,
          a.validFrom,
          a.validTo,
          inScope,
          inScope ? null : (a.outOfScopeReason ?? null),
        ],
      );
      agreementCount++;
      for (const name of a.units) {
        const unitId = unitIds.get(name);
        if (!unitId) throw new Error(`Demo data: agreement ${a.reference} names unknown unit ${name}`);
        await em.query('INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)', [
          agreement.id,
          unitId,
          provider.id,
        ]);
      }
    }
  }

  for (const d of governingDocuments) {
    await em.query(
      `INSERT INTO governing_document (kind, title, decision_reference, decided_by, decided_at, summary)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (decision_reference) DO NOTHING`,
      [d.kind, d.title, d.decisionReference, d.decidedBy, d.decidedAt, d.summary],
    );
  }

  const [prog] = await em.query(
    `INSERT INTO program (title, term_start, term_end, decision_reference, decided_by, decided_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [program.title, program.termStart, program.termEnd, program.decisionReference, program.decidedBy, program.decidedAt, program.status],
  );
  const goalIds = new Map<string, string>();
  for (const [i, g] of goals.entries()) {
    const [row] = await em.query(
      `INSERT INTO goal (program_id, code, title, description, category, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [prog.id, g.code, g.title, g.description, g.category, i],
    );
    goalIds.set(g.code, row.id);
  }
  for (const [i, r] of guidelines.entries()) {
    await em.query(
      `INSERT INTO guideline (program_id, goal_id, code, text, obligation, position) VALUES ($1, $2, $3, $4, $5, $6)`,
      [prog.id, goalIds.get(r.goal), r.code, r.text, r.obligation, i],
    );
  }
  for (const ind of indicators) {
    const [row] = await em.query(
      `INSERT INTO indicator (code, name, definition, unit, direction, service_area, source, goal_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [ind.code, ind.name, ind.definition, ind.unit, ind.direction, ind.serviceArea, ind.source, goalIds.get(ind.goal)],
    );
    for (const t of ind.targets) {
      await em.query('INSERT INTO target (indicator_id, year, value, amber_threshold) VALUES ($1, $2, $3, $4)', [
        row.id,
        t.year,
        t.value,
        t.amber,
      ]);
    }
  }
  return {
    municipalities: municipalities.length,
    providers: providers.length,
    units: unitCount,
    agreements: agreementCount,
    goals: goals.length,
    guidelines: guidelines.length,
    indicators: indicators.length,
  };
}

async function insertDemoUsers(em: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) {
    const provider = u.provider ? providers.find((p) => p.key === u.provider)! : null;
    await em.query(
      `INSERT INTO app_user (email, name, roles, provider_id, password_hash)
       VALUES ($1, $2, $3, (SELECT id FROM provider WHERE name = $4), $5)
       ON CONFLICT (email) DO NOTHING`,
      [u.email, u.name, u.roles, provider?.name ?? null, passwordHash],
    );
  }
}

/** Lines describing the demo logins, once users exist (printed at start). */
export async function demoLogins(ds: DataSource): Promise<string[]> {
  const [{ exists }] = await ds.query(`SELECT to_regclass('app_user') IS NOT NULL AS exists`);
  if (!exists) return [];
  const rows: { email: string; roles: string[] }[] = await ds.query(
    `SELECT email, roles FROM app_user WHERE email = ANY($1) AND active ORDER BY array_position($1, email)`,
    [demoUsers.map((u) => u.email)],
  );
  return rows.map((r) => `${r.email.padEnd(34)} ${r.roles.join(', ')}`);
}
