import DataLoader from 'dataloader';
import { ErrorCode } from '@insyn/shared';
import { GraphQLError } from 'graphql';
import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { createLoaders as createRequestLoaders, type Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { diff, recordAudit } from '../../common/audit.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badField, badUserInput, conflict, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { decodeCursor, keysetPage, pageSize, toConnection, type Connection } from '../../common/pagination.js';
import { parseInput } from '../../common/zod-input.js';
import { LastResortObligation } from '../last-resort/entities.js';
import { holdsAlone, lastResortService, membersOf } from '../last-resort/service.js';
import { AMOUNT_COLUMNS, ECONOMICS_CSV_MAX_BYTES, KRONOR_MESSAGES, MAX_KRONOR, parseEconomicsCsv, type AmountColumn, type EconomicsRow } from './csv.js';
import {
  CompensationDecision,
  CompensationMethod,
  CompensationMethodKind,
  UnitEconomics,
  type CompensationProposal,
  type EconomicsImportResult,
} from './entities.js';
import type { CompensationMethodInput, DecideCompensationInput, UnitEconomicsFilter, UnitEconomicsInput } from './inputs.js';
import { computeProposal } from './proposal.js';

/** Who keeps compensation data: ADMIN and REVIEWER. Who reads it: the region's reading roles. */
const KEEPERS = ['ADMIN', 'REVIEWER'] as const;
const REGION_READERS = ['ADMIN', 'REVIEWER', 'AUDITOR'] as const;

/** Money is whole kronor (SEK); the API's Int already refuses öre, this names the field. */
const amount = z
  .number({ message: 'Enter an amount in whole kronor' })
  .int(KRONOR_MESSAGES.ore)
  .min(0, 'The amount cannot be negative')
  .max(MAX_KRONOR, KRONOR_MESSAGES.tooLarge);
const text = (label: string, max: number) => z.string().trim().min(1, `Enter ${label}`).max(max, `${label[0].toUpperCase()}${label.slice(1)} is too long`);
const year = z.number().int('A year between 2000 and 2100').min(2000, 'A year between 2000 and 2100').max(2100, 'A year between 2000 and 2100');

function checkYear(y: number, path = 'year'): void {
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw badField(path, 'A year between 2000 and 2100');
}

const economicsSchema = z.object({
  capitation: amount.nullish(),
  visitFees: amount.nullish(),
  goalRelated: amount.nullish(),
  vatCompensation: amount.nullish(),
  other: amount.nullish(),
  fullCost: amount.nullish(),
});

const methodSchema = z
  .object({
    validFromYear: year,
    method: z.enum(['FIXED_AMOUNT', 'SOLE_PROVIDER_DEFICIT'], { message: 'Choose a method' }),
    fixedAmount: amount.nullish(),
    sharePercent: z
      .number()
      .finite()
      .gt(0, 'A share over 0 and at most 100 percent')
      .max(100, 'A share over 0 and at most 100 percent')
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'At most two decimals')
      .nullish(),
    capAmount: amount.nullish(),
    decisionReference: text('a decision reference', 100),
    note: z
      .string()
      .trim()
      .max(2000, 'The note is too long')
      .transform((v) => (v === '' ? null : v))
      .nullish(),
  })
  .superRefine((m, zctx) => {
    if (m.method === 'FIXED_AMOUNT') {
      if (m.fixedAmount == null) zctx.addIssue({ code: 'custom', path: ['fixedAmount'], message: 'Enter the fixed amount' });
      if (m.sharePercent != null) zctx.addIssue({ code: 'custom', path: ['sharePercent'], message: 'Only for the deficit method' });
      if (m.capAmount != null) zctx.addIssue({ code: 'custom', path: ['capAmount'], message: 'Only for the deficit method' });
    } else if (m.fixedAmount != null) {
      zctx.addIssue({ code: 'custom', path: ['fixedAmount'], message: 'Only for a fixed amount' });
    }
  });

const decisionSchema = z.object({
  obligationId: z.string(),
  year,
  amount,
  basis: text('the basis of the decision', 5000),
  decisionReference: text('a decision reference', 100),
  decidedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD'),
  replacesId: z.string().refine(isId, 'Not a decision id').nullish(),
  fingerprint: z.string().min(1, 'Open the proposal first').max(100, 'Not a proposal fingerprint'),
});

const ECONOMICS_CONSTRAINTS: Record<string, [string, string]> = {
  unit_economics_vat_not_in_house: ['input.vatCompensation', 'In-house units get no VAT compensation'],
  unit_economics_full_cost_in_house: ['input.fullCost', 'Full cost is kept for in-house units only'],
};

type EconomicsRecord = { capitation: number; visitFees: number; goalRelated: number; vatCompensation: number; other: number; fullCost: number | null };

/** A raw unit_economics row as an entity (bigint columns to numbers of whole kronor). */
function economicsFromRow(r: Record<string, unknown>): UnitEconomics {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return Object.assign(new UnitEconomics(), {
    id: r.id as string,
    unitId: r.unit_id as string,
    year: r.year as number,
    capitation: n(r.capitation)!,
    visitFees: n(r.visit_fees)!,
    goalRelated: n(r.goal_related)!,
    vatCompensation: n(r.vat_compensation)!,
    other: n(r.other)!,
    fullCost: n(r.full_cost),
    source: r.source as string,
    version: r.version as number,
    updatedAt: r.updated_at as Date,
  });
}

const recordOf = (e: UnitEconomics): EconomicsRecord => ({
  capitation: e.capitation,
  visitFees: e.visitFees,
  goalRelated: e.goalRelated,
  vatCompensation: e.vatCompensation,
  other: e.other,
  fullCost: e.fullCost,
});

/** The proposal recomputed for a decision is not the one its decider saw. */
function proposalChanged(current: string): GraphQLError {
  return new GraphQLError('The proposal has changed since you opened it', { extensions: { code: ErrorCode.CONFLICT, currentFingerprint: current } });
}

function decisionConflict(message: string, current: { id: string; count: number }): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, currentVersion: current.count, currentDecisionId: current.id } });
}

/** Batched reads of this module, one set per request. */
const perRequest = new WeakMap<Context, ReturnType<typeof createLoaders>>();
function createLoaders(ctx: Context) {
  return {
    obligationById: new DataLoader<string, LastResortObligation | null>(async (ids) => {
      const rows = await ctx.em.getRepository(LastResortObligation).find({ where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    methodsByObligation: new DataLoader<string, CompensationMethod[]>(async (ids) => {
      const rows = await ctx.em.getRepository(CompensationMethod).find({ where: { obligationId: In([...ids]) }, order: { version: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.obligationId === id));
    }),
    methodById: new DataLoader<string, CompensationMethod | null>(async (ids) => {
      const rows = await ctx.em.getRepository(CompensationMethod).find({ where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    decisionById: new DataLoader<string, CompensationDecision | null>(async (ids) => {
      const rows = await ctx.em.getRepository(CompensationDecision).find({ where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    /** The decision that replaces each decision, if any. */
    replacementOf: new DataLoader<string, CompensationDecision | null>(async (ids) => {
      const rows = await ctx.em.getRepository(CompensationDecision).find({ where: { replacesId: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.replacesId === id) ?? null);
    }),
  };
}
export function compensationLoaders(ctx: Context) {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}

/** The method in force in a year: the highest version with valid_from_year <= year. */
export function methodInForce(versions: readonly CompensationMethod[], y: number): CompensationMethod | null {
  return versions.filter((m) => m.validFromYear <= y).sort((a, b) => b.version - a.version)[0] ?? null;
}

/** The decision in force of one obligation and year: the one no other replaces. */
function inForce(decisions: readonly CompensationDecision[]): CompensationDecision | null {
  const replaced = new Set(decisions.map((d) => d.replacesId).filter(Boolean));
  return decisions.find((d) => !replaced.has(d.id)) ?? null;
}

/** The record key of each amount column of the import file (and of unit_economics). */
const KEY_OF_COLUMN: Record<AmountColumn, keyof EconomicsRecord> = {
  capitation: 'capitation',
  visit_fees: 'visitFees',
  goal_related: 'goalRelated',
  vat_compensation: 'vatCompensation',
  other: 'other',
  full_cost: 'fullCost',
};

/** Advisory lock class of the economics of a year (the second key is the year). */
const ECONOMICS_LOCK = 0x45434f4e;

/**
 * Holds the economics of the given years until the transaction ends: writers of economics take it
 * before they write, a compensation decision before it recomputes its proposal, so a decision
 * never stands on figures that change (or appear) while it is made. Years in order: no deadlock.
 */
export async function lockEconomicsYears(em: EntityManager, years: Iterable<number>): Promise<void> {
  for (const y of [...new Set(years)].sort((a, b) => a - b)) await em.query('SELECT pg_advisory_xact_lock($1, $2)', [ECONOMICS_LOCK, y]);
}

/**
 * Inserts or updates economics of units and years. A new row gets every figure given; a stored
 * row gets only `columns` (the amount columns the source had), keeping the rest. A stored row
 * whose figures the source repeats unchanged keeps its version and source: a decision made on it
 * still holds.
 */
async function upsertEconomics(
  em: EntityManager,
  rows: (EconomicsRecord & { unitId: string; year: number })[],
  source: 'IMPORT' | 'SEED',
  columns: readonly AmountColumn[] = AMOUNT_COLUMNS,
): Promise<void> {
  await lockEconomicsYears(em, rows.map((r) => r.year));
  const set = columns.map((c) => `${c} = EXCLUDED.${c}`);
  for (let i = 0; i < rows.length; i += 2000) {
    const b = rows.slice(i, i + 2000);
    await em.query(
      `INSERT INTO unit_economics (unit_id, year, capitation, visit_fees, goal_related, vat_compensation, other, full_cost, source)
       SELECT *, $9::text FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
       ON CONFLICT (unit_id, year) DO UPDATE SET ${[...set, 'source = EXCLUDED.source'].join(', ')}, version = unit_economics.version + 1, updated_at = now()
       WHERE (${columns.map((c) => `unit_economics.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `EXCLUDED.${c}`).join(', ')})`,
      [
        b.map((r) => r.unitId),
        b.map((r) => r.year),
        b.map((r) => r.capitation),
        b.map((r) => r.visitFees),
        b.map((r) => r.goalRelated),
        b.map((r) => r.vatCompensation),
        b.map((r) => r.other),
        b.map((r) => r.fullCost),
        source,
      ],
    );
  }
}
export { upsertEconomics };

export const compensationService = {
  /** Economics of the units in a year, by unit name. */
  async economics(
    ctx: Context,
    y: number,
    filter: UnitEconomicsFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<UnitEconomics>> {
    await access.require(ctx, [...REGION_READERS]);
    checkYear(y);
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (filter?.unitId && !isId(filter.unitId)) return toConnection([], size, 0, () => []);
    const where = `e.year = $1 AND ($2::text IS NULL OR u.municipality_code = $2) AND ($3::uuid IS NULL OR e.unit_id = $3)`;
    const params = [y, filter?.municipalityCode ?? null, filter?.unitId ?? null];
    const [{ n }] = await ctx.em.query(`SELECT count(*)::int AS n FROM unit_economics e JOIN unit u ON u.id = e.unit_id WHERE ${where}`, params);
    const rows: Record<string, unknown>[] = await ctx.em.query(
      `SELECT e.*, u.name AS unit_name FROM unit_economics e JOIN unit u ON u.id = e.unit_id
        WHERE ${where} AND ($4::text IS NULL OR (u.name, e.id) > ($4::text, $5::uuid))
        ORDER BY u.name, e.id LIMIT $6`,
      [...params, cursor ? String(cursor[0]) : null, cursor ? String(cursor[1]) : null, size + 1],
    );
    const names = new Map(rows.map((r) => [r.id as string, r.unit_name as string]));
    return toConnection(rows.map(economicsFromRow), size, n, (e) => [names.get(e.id)!, e.id]);
  },

  /**
   * Hand entry of a unit's economics for a year; replaces every figure (CONFLICT on a stale
   * version). The same figures again change nothing.
   */
  async setEconomics(ctx: Context, unitId: string, y: number, expectedVersion: number | null | undefined, input: UnitEconomicsInput): Promise<UnitEconomics> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(unitId)) throw notFound('Unit');
    checkYear(y);
    const data = parseInput(economicsSchema, input);
    const record: EconomicsRecord = {
      capitation: data.capitation ?? 0,
      visitFees: data.visitFees ?? 0,
      goalRelated: data.goalRelated ?? 0,
      vatCompensation: data.vatCompensation ?? 0,
      other: data.other ?? 0,
      fullCost: data.fullCost ?? null,
    };
    const id = await ctx.em
      .transaction(async (em) => {
        const [unit] = await em.query('SELECT p.ownership FROM unit u JOIN provider p ON p.id = u.provider_id WHERE u.id = $1', [unitId]);
        if (!unit) throw notFound('Unit');
        const fields = [];
        if (unit.ownership === 'IN_HOUSE' && record.vatCompensation !== 0) fields.push({ path: 'input.vatCompensation', message: 'In-house units get no VAT compensation' });
        if (unit.ownership !== 'IN_HOUSE' && record.fullCost !== null) fields.push({ path: 'input.fullCost', message: 'Full cost is kept for in-house units only' });
        if (fields.length) throw badUserInput(fields, fields[0].message);
        await lockEconomicsYears(em, [y]);
        const [row] = await em.query('SELECT * FROM unit_economics WHERE unit_id = $1 AND year = $2 FOR UPDATE', [unitId, y]);
        if (!row) {
          if (expectedVersion != null) throw conflict(0, 'The economics you edited are not stored; reload');
          const [created] = await em.query(
            `INSERT INTO unit_economics (unit_id, year, capitation, visit_fees, goal_related, vat_compensation, other, full_cost, source)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'MANUAL') RETURNING id`,
            [unitId, y, record.capitation, record.visitFees, record.goalRelated, record.vatCompensation, record.other, record.fullCost],
          );
          await recordAudit(em, ctx, { action: 'UNIT_ECONOMICS_CREATED', entityType: 'UnitEconomics', entityId: created.id, after: { unitId, year: y, ...record } });
          return created.id as string;
        }
        if (expectedVersion == null || row.version !== expectedVersion) throw conflict(row.version);
        const before = recordOf(economicsFromRow(row));
        const changes = diff(before, record);
        // Saving the figures as they are stores nothing: no new version, no audit event, and a
        // proposal made on them stays the same.
        if (!changes) return row.id as string;
        await em.query(
          `UPDATE unit_economics SET capitation = $3, visit_fees = $4, goal_related = $5, vat_compensation = $6, other = $7, full_cost = $8,
             source = 'MANUAL', version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
          [row.id, expectedVersion, record.capitation, record.visitFees, record.goalRelated, record.vatCompensation, record.other, record.fullCost],
        );
        await recordAudit(em, ctx, {
          action: 'UNIT_ECONOMICS_UPDATED',
          entityType: 'UnitEconomics',
          entityId: row.id,
          before: { unitId, year: y, ...(changes?.before ?? {}) },
          after: { unitId, year: y, ...(changes?.after ?? {}) },
        });
        return row.id as string;
      })
      .catch((e) => {
        const pg = e?.driverError ?? e;
        if (pg?.constraint === 'unit_economics_unit_year_key') throw conflict(1, 'Someone stored these economics just now; reload');
        return mapConstraintError(e, ECONOMICS_CONSTRAINTS);
      });
    const [row] = await ctx.em.query('SELECT * FROM unit_economics WHERE id = $1', [id]);
    return economicsFromRow(row);
  },

  /**
   * Imports an economics file: every row is checked first; with any bad row nothing is stored
   * and every bad row is reported (`fields`: path `csv.<line>.<column>`). A good file is stored
   * in one transaction with one audit event, which lists every row it created or changed with
   * the figures before and after. A stored row gets only the amount columns the file has.
   */
  async importEconomics(ctx: Context, csv: string): Promise<EconomicsImportResult> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (Buffer.byteLength(csv, 'utf8') > ECONOMICS_CSV_MAX_BYTES) {
      throw badField('csv', `The file is larger than ${Math.floor(ECONOMICS_CSV_MAX_BYTES / 1024)} kB; split it`);
    }
    const { rows, columns, problems } = parseEconomicsCsv(csv);
    const toFields = (list: { line: number; column: string; message: string }[]) =>
      list.slice(0, 500).map((p) => ({ path: `csv.${p.line}.${p.column}`, message: p.message }));
    if (problems.length) throw badUserInput(toFields(problems), `${problems.length} rows have errors; nothing was stored`);
    return ctx.em.transaction(async (em) => {
      const resolved = await resolveEconomicsUnits(em, rows);
      if (resolved.problems.length) {
        throw badUserInput(toFields(resolved.problems), `${resolved.problems.length} rows have errors; nothing was stored`);
      }
      // The file's years first, then its rows (the order every writer of economics keeps).
      await lockEconomicsYears(em, resolved.rows.map((r) => r.year));
      // What each row was and becomes: only the file's columns change a stored row.
      const stored: Record<string, unknown>[] = await em.query(
        `SELECT e.* FROM unit_economics e JOIN unnest($1::uuid[], $2::int[]) AS f(unit_id, year) ON f.unit_id = e.unit_id AND f.year = e.year
          ORDER BY e.unit_id, e.year FOR UPDATE OF e`,
        [resolved.rows.map((r) => r.unitId), resolved.rows.map((r) => r.year)],
      );
      const storedOf = new Map(stored.map((r) => { const e = economicsFromRow(r); return [`${e.unitId}|${e.year}`, recordOf(e)]; }));
      const changes: { unitId: string; year: number; before: Partial<EconomicsRecord> | null; after: Partial<EconomicsRecord> }[] = [];
      for (const r of resolved.rows) {
        const { unitId, year: y, ...given } = r;
        const before = storedOf.get(`${unitId}|${y}`);
        if (!before) {
          changes.push({ unitId, year: y, before: null, after: given });
          continue;
        }
        const after = { ...before };
        for (const c of columns) (after as Record<string, unknown>)[KEY_OF_COLUMN[c]] = given[KEY_OF_COLUMN[c]];
        const changed = diff(before, after);
        if (changed) changes.push({ unitId, year: y, before: changed.before as Partial<EconomicsRecord>, after: changed.after as Partial<EconomicsRecord> });
      }
      await upsertEconomics(em, resolved.rows, 'IMPORT', columns);
      const units = new Set(resolved.rows.map((r) => r.unitId)).size;
      const years = [...new Set(resolved.rows.map((r) => r.year))].sort();
      await recordAudit(em, ctx, {
        action: 'UNIT_ECONOMICS_IMPORTED',
        entityType: 'UnitEconomics',
        entityId: null,
        after: { rows: resolved.rows.length, units, years, columns: columns.map((c) => KEY_OF_COLUMN[c]), changes },
      });
      return { rows: resolved.rows.length, units, years };
    });
  },

  async methods(ctx: Context, obligationId: string): Promise<CompensationMethod[]> {
    await access.require(ctx, [...REGION_READERS]);
    if (!isId(obligationId) || !(await compensationLoaders(ctx).obligationById.load(obligationId))) throw notFound('Obligation');
    return compensationLoaders(ctx).methodsByObligation.load(obligationId);
  },

  /**
   * A new version of an obligation's compensation method (versions are never changed).
   * `expectedVersion` is the latest version the editor saw (0 when none): CONFLICT when another
   * version has been added since, so a concurrent editor never silently sets the method in force.
   */
  async setMethod(ctx: Context, obligationId: string, expectedVersion: number, input: CompensationMethodInput): Promise<CompensationMethod> {
    const viewer = await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(obligationId)) throw notFound('Obligation');
    const m = parseInput(methodSchema, input);
    const id = await ctx.em
      .transaction(async (em) => {
        const [obligation] = await em.query('SELECT id, valid_to FROM last_resort_obligation WHERE id = $1 FOR UPDATE', [obligationId]);
        if (!obligation) throw notFound('Obligation');
        if (obligation.valid_to && Number(String(obligation.valid_to).slice(0, 4)) < m.validFromYear) {
          throw badField('input.validFromYear', 'The obligation ends before that year');
        }
        const [{ latest }] = await em.query('SELECT coalesce(max(version), 0) AS latest FROM compensation_method WHERE obligation_id = $1', [obligationId]);
        if (latest !== expectedVersion) throw conflict(latest, 'Someone set a new method version since you opened it; reload');
        const next = latest + 1;
        const record = {
          obligationId,
          version: next,
          validFromYear: m.validFromYear,
          method: m.method,
          fixedAmount: m.fixedAmount ?? null,
          sharePercent: m.sharePercent ?? null,
          capAmount: m.capAmount ?? null,
          decisionReference: m.decisionReference,
          note: m.note ?? null,
        };
        const [row] = await em.query(
          `INSERT INTO compensation_method (obligation_id, version, valid_from_year, method, fixed_amount, share_percent, cap_amount, decision_reference, note, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [obligationId, record.version, record.validFromYear, record.method, record.fixedAmount, record.sharePercent, record.capAmount, record.decisionReference, record.note, viewer.userId ?? null],
        );
        await recordAudit(em, ctx, { action: 'COMPENSATION_METHOD_CREATED', entityType: 'CompensationMethod', entityId: row.id, after: record });
        return row.id as string;
      })
      .catch((e) => {
        const pg = e?.driverError ?? e;
        if (pg?.constraint === 'compensation_method_obligation_version_key') throw conflict(0, 'Someone set a method version just now; reload');
        return mapConstraintError(e, {
          compensation_method_shape_check: ['input.method', 'The amounts do not fit the method'],
          compensation_method_share_percent_check: ['input.sharePercent', 'A share over 0 and at most 100 percent'],
        });
      });
    return (await ctx.em.getRepository(CompensationMethod).findOneBy({ id }))!;
  },

  /** One proposal per obligation valid on some day of the year, by municipality. */
  async proposals(ctx: Context, y: number): Promise<CompensationProposal[]> {
    await access.require(ctx, [...REGION_READERS]);
    checkYear(y);
    const coverage = await lastResortService.coverage(ctx, y);
    const obligations = coverage.flatMap((c) => c.obligations.map((o) => ({ o, c })));
    if (!obligations.length) return [];
    const ids = obligations.map(({ o }) => o.id);
    const holderIds = [...new Set(obligations.map(({ o }) => o.unitId))];
    // One statement each, in turn (the request may run on one connection).
    const systems = await ctx.loaders.choiceSystemById.loadMany([...new Set(obligations.map(({ o }) => o.choiceSystemId))]);
    const holders = await ctx.loaders.unitById.loadMany(holderIds);
    const methods = await ctx.em.getRepository(CompensationMethod).find({ where: { obligationId: In(ids) }, order: { version: 'ASC' } });
    const economics: Record<string, unknown>[] = await ctx.em.query('SELECT * FROM unit_economics WHERE year = $1 AND unit_id = ANY($2::uuid[])', [y, holderIds]);
    const decisions = await ctx.em.getRepository(CompensationDecision).find({ where: { obligationId: In(ids), year: y }, order: { createdAt: 'ASC', id: 'ASC' } });
    const systemById = new Map<string, { code: string; name: string }>();
    for (const s of systems) if (s && !(s instanceof Error)) systemById.set(s.id, s);
    const unitName = new Map<string, string>();
    for (const u of holders) if (u && !(u instanceof Error)) unitName.set(u.id, u.name);
    const economicsByUnit = new Map(economics.map((r) => [r.unit_id as string, economicsFromRow(r)]));
    const loaders = compensationLoaders(ctx);
    for (const d of decisions) loaders.decisionById.prime(d.id, d);
    return obligations.map(({ o, c }) => {
      const system = systemById.get(o.choiceSystemId);
      const members = system ? membersOf(c.unitCoverage, system.code) : [];
      const soleProvider = holdsAlone(members, o);
      const method = methodInForce(
        methods.filter((m) => m.obligationId === o.id),
        y,
      );
      const result = computeProposal({
        year: y,
        method,
        soleProvider,
        unitCount: members.length,
        coverageDetail: `${c.municipality.name}, ${system?.name ?? ''} ${y}`,
        holderName: unitName.get(o.unitId) ?? '',
        economics: economicsByUnit.get(o.unitId) ?? null,
      });
      const own = decisions.filter((d) => d.obligationId === o.id);
      return { obligation: o, year: y, method, soleProvider, unitCount: members.length, ...result, decisionInForce: inForce(own), decisions: own };
    });
  },

  async proposal(ctx: Context, obligationId: string, y: number): Promise<CompensationProposal> {
    await access.require(ctx, [...REGION_READERS]);
    if (!isId(obligationId)) throw notFound('Obligation');
    checkYear(y);
    const found = (await compensationService.proposals(ctx, y)).find((p) => p.obligation.id === obligationId);
    if (!found) {
      if (!(await compensationLoaders(ctx).obligationById.load(obligationId))) throw notFound('Obligation');
      throw badField('year', 'The obligation is not valid that year');
    }
    return found;
  },

  /**
   * A compensation decision on the proposal its decider saw (`fingerprint`). The proposal is
   * recomputed inside the decision's transaction, after locking what it reads (the economics of
   * the year, also rows not stored yet, and the obligation, which also holds back new method
   * versions); when it
   * is not the one seen, CONFLICT and nothing is stored. The decision keeps that proposal's inputs
   * and method version. When a decision is in force for the obligation and year, the new one must
   * replace it.
   */
  async decide(ctx: Context, input: DecideCompensationInput): Promise<CompensationDecision> {
    const viewer = await access.requireWriter(ctx, [...KEEPERS]);
    const d = parseInput(decisionSchema, input);
    if (!isId(d.obligationId)) throw notFound('Obligation');
    const id = await ctx.em
      .transaction(async (em) => {
        // The year's economics (also rows not yet stored), then the obligation, which also holds
        // back new method versions.
        await lockEconomicsYears(em, [d.year]);
        const [obligation] = await em.query('SELECT id, unit_id FROM last_resort_obligation WHERE id = $1 FOR UPDATE', [d.obligationId]);
        if (!obligation) throw notFound('Obligation');
        // The proposal as it is now, read in this transaction.
        const inTransaction: Context = { ...ctx, em, loaders: createRequestLoaders(em) };
        const proposal = (await compensationService.proposals(inTransaction, d.year)).find((p) => p.obligation.id === d.obligationId);
        if (!proposal) throw badField('input.year', 'The obligation is not valid that year');
        const existing: { id: string; replaces_id: string | null }[] = await em.query(
          'SELECT id, replaces_id FROM compensation_decision WHERE obligation_id = $1 AND year = $2',
          [d.obligationId, d.year],
        );
        const replaced = new Set(existing.map((r) => r.replaces_id));
        const current = existing.find((r) => !replaced.has(r.id)) ?? null;
        if (current && !d.replacesId) {
          throw badField('input.replacesId', 'A decision is in force for this obligation and year; the new decision must replace it');
        }
        if (d.replacesId && d.replacesId !== current?.id) {
          if (current && existing.some((r) => r.id === d.replacesId)) {
            throw decisionConflict('That decision has been replaced already; reload to see the decision in force', { id: current.id, count: existing.length });
          }
          throw badField('input.replacesId', 'No such decision for this obligation and year');
        }
        if (proposal.fingerprint !== d.fingerprint) throw proposalChanged(proposal.fingerprint);
        const record = {
          obligationId: d.obligationId,
          year: d.year,
          unitId: obligation.unit_id as string,
          amount: d.amount,
          basis: d.basis,
          decisionReference: d.decisionReference,
          decidedOn: d.decidedOn,
          methodId: proposal.method?.id ?? null,
          replacesId: d.replacesId ?? null,
        };
        const [row] = await em.query(
          `INSERT INTO compensation_decision (obligation_id, year, unit_id, amount, basis, decision_reference, decided_on, method_id, inputs, replaces_id, decided_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            record.obligationId,
            record.year,
            record.unitId,
            record.amount,
            record.basis,
            record.decisionReference,
            record.decidedOn,
            record.methodId,
            JSON.stringify(proposal.inputs),
            record.replacesId,
            viewer.userId ?? null,
          ],
        );
        await recordAudit(em, ctx, {
          action: record.replacesId ? 'COMPENSATION_DECISION_REPLACED' : 'COMPENSATION_DECISION_CREATED',
          entityType: 'CompensationDecision',
          entityId: row.id,
          after: { ...record, proposedAmount: proposal.amount },
        });
        return row.id as string;
      })
      .catch((e) => {
        const pg = e?.driverError ?? e;
        if (pg?.constraint === 'compensation_decision_original_key' || pg?.constraint === 'compensation_decision_replaces_key') {
          throw decisionConflict('Someone decided on this obligation and year just now; reload', { id: '', count: 0 });
        }
        return mapConstraintError(e, {
          compensation_decision_replaces_fkey: ['input.replacesId', 'No such decision for this obligation and year'],
        });
      });
    return (await ctx.em.getRepository(CompensationDecision).findOneBy({ id }))!;
  },

  /** Decisions of a year (replaced ones too), by decision date; optionally one obligation's. */
  async decisions(
    ctx: Context,
    y: number,
    obligationId: string | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<CompensationDecision>> {
    await access.require(ctx, [...REGION_READERS]);
    checkYear(y);
    const qb = ctx.em.getRepository(CompensationDecision).createQueryBuilder('d').where('d.year = :y', { y });
    if (obligationId != null) {
      if (!isId(obligationId)) throw notFound('Obligation');
      qb.andWhere('d.obligation_id = :o', { o: obligationId });
    }
    return keysetPage(qb, { first, after, keys: ['d.decided_on', 'd.id'], keyOf: (d) => [d.decidedOn, d.id] });
  },
};

async function resolveEconomicsUnits(
  em: EntityManager,
  rows: EconomicsRow[],
): Promise<{ rows: (EconomicsRecord & { unitId: string; year: number })[]; problems: { line: number; column: string; message: string }[] }> {
  const ids = [...new Set(rows.map((r) => r.unitId).filter((v): v is string => v !== null))];
  const hsa = [...new Set(rows.map((r) => r.hsaId).filter((v): v is string => v !== null))];
  const found: { id: string; hsa_id: string | null; ownership: string }[] = await em.query(
    'SELECT u.id, u.hsa_id, p.ownership FROM unit u JOIN provider p ON p.id = u.provider_id WHERE u.id = ANY($1::uuid[]) OR u.hsa_id = ANY($2)',
    [ids, hsa],
  );
  const byId = new Map(found.map((u) => [u.id, u]));
  const byHsa = new Map(found.filter((u) => u.hsa_id).map((u) => [u.hsa_id!, u]));
  const problems: { line: number; column: string; message: string }[] = [];
  const out: (EconomicsRecord & { unitId: string; year: number })[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const unitColumn = r.unitId ? 'unit_id' : 'hsa_id';
    const unit = r.unitId ? byId.get(r.unitId) : byHsa.get(r.hsaId!);
    if (!unit) {
      problems.push({ line: r.line, column: unitColumn, message: 'No such unit' });
      continue;
    }
    const before = problems.length;
    if (unit.ownership === 'IN_HOUSE' && r.vatCompensation !== 0) problems.push({ line: r.line, column: 'vat_compensation', message: 'In-house units get no VAT compensation' });
    if (unit.ownership !== 'IN_HOUSE' && r.fullCost !== null) problems.push({ line: r.line, column: 'full_cost', message: 'Full cost is kept for in-house units only' });
    if (problems.length > before) continue;
    const key = `${unit.id}|${r.year}`;
    if (seen.has(key)) {
      problems.push({ line: r.line, column: unitColumn, message: `Same unit and year as line ${seen.get(key)}` });
      continue;
    }
    seen.set(key, r.line);
    out.push({ unitId: unit.id, year: r.year, capitation: r.capitation, visitFees: r.visitFees, goalRelated: r.goalRelated, vatCompensation: r.vatCompensation, other: r.other, fullCost: r.fullCost });
  }
  return { rows: out, problems };
}

export { CompensationMethodKind };
