import { isMunicipalityCode } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { insertAudited, updateAudited } from '../../common/admin-save.js';
import { recordAudit } from '../../common/audit.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badField, badUserInput, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { keysetPage, type Connection } from '../../common/pagination.js';
import { parseInput } from '../../common/zod-input.js';
import { Municipality, Unit } from '../masterdata/entities.js';
import { Ownership } from '../masterdata/enums.js';
import { LISTING_CSV_MAX_BYTES, parseListingCsv, type ListingRow } from './csv.js';
import {
  LastResortObligation,
  type ChoiceSystemCoverage,
  type CoverageUnit,
  type ListingImportResult,
  type MunicipalityCoverage,
  type UnitListing,
} from './entities.js';
import type { LastResortObligationFilter, LastResortObligationInput } from './inputs.js';

/** Who keeps the register: ADMIN and REVIEWER. Who reads coverage: the region's reading roles. */
const KEEPERS = ['ADMIN', 'REVIEWER'] as const;
const REGION_READERS = ['ADMIN', 'REVIEWER', 'AUDITOR'] as const;

const text = (label: string, max = 2000) => z.string().trim().min(1, `Enter ${label}`).max(max, `${label} is too long`);
const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, 'Too long')
    .transform((v) => (v === '' ? null : v))
    .nullish();
const id = z.string().refine(isId, 'Not a valid id');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

const obligationFields = {
  municipalityCode: z.string().refine(isMunicipalityCode, 'Choose a municipality'),
  choiceSystemId: id,
  unitId: id,
  minimumService: text('the minimum service'),
  openingDaysPerWeek: z.number().int().min(1, 'Between 1 and 7 days').max(7, 'Between 1 and 7 days').nullish(),
  staffing: optionalText(),
  services: optionalText(),
  decisionReference: text('a decision reference', 100),
  validFrom: date,
  validTo: date.nullish(),
};

const CONSTRAINTS: Record<string, [string, string]> = {
  last_resort_obligation_holder_fkey: ['input.unitId', 'Choose a unit in the municipality'],
  last_resort_obligation_municipality_code_fkey: ['input.municipalityCode', 'No such municipality'],
  last_resort_obligation_choice_system_id_fkey: ['input.choiceSystemId', 'No such choice system'],
  last_resort_obligation_valid_to_check: ['input.validTo', 'The end date must not be before the start date'],
  last_resort_obligation_no_overlap: ['input.validFrom', 'Another obligation for this municipality and choice system is valid then'],
  last_resort_obligation_opening_days_per_week_check: ['input.openingDaysPerWeek', 'Between 1 and 7 days'],
};

type ObligationRecord = {
  unitId: string;
  minimumService: string;
  openingDaysPerWeek: number | null;
  staffing: string | null;
  services: string | null;
  decisionReference: string;
  validFrom: string;
  validTo: string | null;
};
const EDITABLE: (keyof ObligationRecord)[] = [
  'unitId',
  'minimumService',
  'openingDaysPerWeek',
  'staffing',
  'services',
  'decisionReference',
  'validFrom',
  'validTo',
];

function checkDates(r: { validFrom: string; validTo: string | null }): void {
  if (r.validTo && r.validTo < r.validFrom) throw badField('input.validTo', 'The end date must not be before the start date');
}

/**
 * Compensation is decided per obligation and year (a year the obligation is valid on some day of),
 * with the holder of the time. A change of dates may not leave a year with compensation decisions,
 * or a compensation method version starting after the obligation ends, outside its validity; and
 * the holder does not change once compensation is decided for a year the obligation covers (the
 * decisions name that holder: end the obligation and start a new one).
 */
async function checkCompensation(
  em: EntityManager,
  obligationId: string,
  merged: ObligationRecord,
  before: ObligationRecord,
  paths: { validFrom: string; validTo: string; unitId: string },
): Promise<void> {
  const datesChanged = merged.validFrom !== before.validFrom || merged.validTo !== before.validTo;
  const holderChanged = merged.unitId !== before.unitId;
  if (!datesChanged && !holderChanged) return;
  const from = Number(String(merged.validFrom).slice(0, 4));
  const to = merged.validTo ? Number(String(merged.validTo).slice(0, 4)) : null;
  const [r] = await em.query(
    `SELECT (SELECT min(year) FROM compensation_decision WHERE obligation_id = $1) AS first_decided,
            (SELECT max(year) FROM compensation_decision WHERE obligation_id = $1) AS last_decided,
            (SELECT max(valid_from_year) FROM compensation_method WHERE obligation_id = $1) AS last_method,
            EXISTS (SELECT 1 FROM compensation_decision WHERE obligation_id = $1 AND year >= $2 AND ($3::int IS NULL OR year <= $3)) AS decided_within`,
    [obligationId, from, to],
  );
  if (datesChanged) {
    if (r.first_decided !== null && r.first_decided < from) {
      throw badField(paths.validFrom, `Compensation is decided for ${r.first_decided}; the obligation must stay valid that year`);
    }
    if (to !== null && r.last_decided !== null && r.last_decided > to) {
      throw badField(paths.validTo, `Compensation is decided for ${r.last_decided}; the obligation must stay valid that year`);
    }
    if (to !== null && r.last_method !== null && r.last_method > to) {
      throw badField(paths.validTo, `A compensation method applies from ${r.last_method}; the obligation must stay valid that year`);
    }
  }
  if (holderChanged && r.decided_within) throw badField(paths.unitId, 'The holder has compensation decided; end this obligation and start a new one');
}

async function findObligation(em: EntityManager, obligationId: string): Promise<LastResortObligation> {
  const found = await em.getRepository(LastResortObligation).findOneBy({ id: obligationId });
  if (!found) throw notFound('Obligation');
  return found;
}

/** The units of a municipality's coverage that are in a choice system that year. */
export function membersOf(units: readonly CoverageUnit[], choiceSystemCode: string): CoverageUnit[] {
  return units.filter((u) => u.choiceSystemCodes.includes(choiceSystemCode));
}

/** Sole provider: the holder of the obligation is the only unit of its choice system in the municipality. */
export function holdsAlone(members: readonly CoverageUnit[], obligation: { unitId: string } | null): boolean {
  return obligation !== null && members.length === 1 && members[0].unit.id === obligation.unitId;
}

/**
 * Listed persons of each unit in a year (the SQL parameter `yearParam`): the yearly figure, else
 * the latest month. One row per unit with data (`unit_id`, `listed_persons`); used as a CTE.
 */
export function listedPersonsOfYear(yearParam: string): string {
  return `SELECT DISTINCT ON (unit_id) unit_id, listed_persons
            FROM unit_listing WHERE year = ${yearParam}
           ORDER BY unit_id, (month IS NULL) DESC, month DESC`;
}

/**
 * The choice system of each unit in a year (the SQL parameter `yearParam`), by an agreement valid
 * on some day of it: `unit_id`, `choice_system_code`, `choice_system_name`. A unit in several
 * counts in the first by code. Used as a CTE.
 */
export function choiceSystemOfUnitsInYear(yearParam: string): string {
  return `SELECT DISTINCT ON (au.unit_id) au.unit_id, cs.code AS choice_system_code, cs.name AS choice_system_name
            FROM agreement_unit au
            JOIN agreement a ON a.id = au.agreement_id
            JOIN choice_system cs ON cs.id = a.choice_system_id
           WHERE daterange(a.valid_from, a.valid_to, '[]') && daterange(make_date(${yearParam}, 1, 1), make_date(${yearParam}, 12, 31), '[]')
           ORDER BY au.unit_id, cs.code`;
}

const OWNERSHIP_ORDER = [Ownership.IN_HOUSE, Ownership.PRIVATE, Ownership.PUBLIC_COMPANY, Ownership.NON_PROFIT];

export const lastResortService = {
  /** The register is public information (who holds the responsibility, and what it must keep). */
  async obligations(
    ctx: Context,
    filter: LastResortObligationFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<LastResortObligation>> {
    const qb = ctx.em.getRepository(LastResortObligation).createQueryBuilder('o');
    if (filter?.municipalityCode) qb.andWhere('o.municipality_code = :m', { m: filter.municipalityCode });
    if (filter?.choiceSystemCode) {
      qb.andWhere('o.choice_system_id IN (SELECT id FROM choice_system WHERE code = :c)', { c: filter.choiceSystemCode });
    }
    if (filter?.year != null) {
      qb.andWhere(`daterange(o.valid_from, o.valid_to, '[]') && daterange(make_date(:y, 1, 1), make_date(:y, 12, 31), '[]')`, { y: filter.year });
    }
    return keysetPage(qb, {
      first,
      after,
      keys: ['o.municipality_code', 'o.valid_from', 'o.id'],
      keyOf: (o) => [o.municipalityCode, o.validFrom, o.id],
    });
  },

  async obligation(ctx: Context, obligationId: string): Promise<LastResortObligation> {
    if (!isId(obligationId)) throw notFound('Obligation');
    return findObligation(ctx.em, obligationId);
  },

  async create(ctx: Context, input: LastResortObligationInput): Promise<LastResortObligation> {
    await access.requireWriter(ctx, [...KEEPERS]);
    const data = parseInput(z.object(obligationFields), input);
    const record = { ...data, openingDaysPerWeek: data.openingDaysPerWeek ?? null, staffing: data.staffing ?? null, services: data.services ?? null, validTo: data.validTo ?? null };
    checkDates(record);
    const newId = await ctx.em
      .transaction(async (em) => {
        const [holder] = await em.query('SELECT municipality_code FROM unit WHERE id = $1', [record.unitId]);
        if (holder?.municipality_code !== record.municipalityCode) throw badField('input.unitId', 'Choose a unit in the municipality');
        return insertAudited(em, ctx, 'last_resort_obligation', 'LastResortObligation', record);
      })
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return findObligation(ctx.em, newId);
  },

  async update(ctx: Context, obligationId: string, expectedVersion: number, input: LastResortObligationInput): Promise<LastResortObligation> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(obligationId)) throw notFound('Obligation');
    if (input.municipalityCode != null) throw badField('input.municipalityCode', 'An obligation does not move to another municipality');
    if (input.choiceSystemId != null) throw badField('input.choiceSystemId', 'An obligation does not move to another choice system');
    const { municipalityCode: _m, choiceSystemId: _c, ...editable } = obligationFields;
    const patch = parseInput(z.object(editable).partial(), input);
    await ctx.em
      .transaction((em) =>
        updateAudited<ObligationRecord>(em, ctx, {
          table: 'last_resort_obligation',
          entityType: 'LastResortObligation',
          id: obligationId,
          expectedVersion,
          keys: EDITABLE,
          patch: patch as Partial<ObligationRecord>,
          check: async (merged, before) => {
            checkDates(merged);
            await checkCompensation(em, obligationId, merged, before, { validFrom: 'input.validFrom', validTo: 'input.validTo', unitId: 'input.unitId' });
          },
        }),
      )
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return findObligation(ctx.em, obligationId);
  },

  /** Ends an obligation on a day (its last day of validity). */
  async end(ctx: Context, obligationId: string, expectedVersion: number, validTo: string): Promise<LastResortObligation> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(obligationId)) throw notFound('Obligation');
    const day = parseInput(date, validTo, 'validTo');
    await ctx.em
      .transaction((em) =>
        updateAudited<ObligationRecord>(em, ctx, {
          table: 'last_resort_obligation',
          entityType: 'LastResortObligation',
          id: obligationId,
          expectedVersion,
          keys: EDITABLE,
          patch: { validTo: day },
          check: async (merged, before) => {
            if (merged.validTo && merged.validTo < merged.validFrom) throw badField('validTo', 'The end date must not be before the start date');
            await checkCompensation(em, obligationId, merged, before, { validFrom: 'validTo', validTo: 'validTo', unitId: 'validTo' });
          },
          action: () => 'LAST_RESORT_OBLIGATION_ENDED',
        }),
      )
      .catch((e) => mapConstraintError(e, { ...CONSTRAINTS, last_resort_obligation_valid_to_check: ['validTo', 'The end date must not be before the start date'] }));
    return findObligation(ctx.em, obligationId);
  },

  async listings(ctx: Context, unitId: string, year: number | null | undefined): Promise<UnitListing[]> {
    await access.require(ctx, [...REGION_READERS]);
    if (!isId(unitId)) throw notFound('Unit');
    const rows: Record<string, unknown>[] = await ctx.em.query(
      `SELECT unit_id, year, month, listed_persons, source FROM unit_listing
        WHERE unit_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year, month NULLS FIRST`,
      [unitId, year ?? null],
    );
    return rows.map((r) => ({
      unitId: r.unit_id as string,
      year: r.year as number,
      month: (r.month as number | null) ?? null,
      listedPersons: r.listed_persons as number,
      source: r.source as string,
    }));
  },

  /** Hand entry of listed persons for a unit's year (month empty) or month. */
  async setListedPersons(
    ctx: Context,
    unitId: string,
    year: number,
    month: number | null | undefined,
    listedPersons: number,
  ): Promise<UnitListing> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(unitId)) throw notFound('Unit');
    const fields = [];
    if (!Number.isInteger(year) || year < 2000 || year > 2100) fields.push({ path: 'year', message: 'A year between 2000 and 2100' });
    if (month != null && (!Number.isInteger(month) || month < 1 || month > 12)) fields.push({ path: 'month', message: 'A month 1–12, or none for the whole year' });
    if (!Number.isInteger(listedPersons) || listedPersons < 0) fields.push({ path: 'listedPersons', message: 'A whole number, 0 or more' });
    if (fields.length) throw badUserInput(fields, fields[0].message);
    await ctx.em.transaction(async (em) => {
      const [unit] = await em.query('SELECT id FROM unit WHERE id = $1', [unitId]);
      if (!unit) throw notFound('Unit');
      const [before] = await em.query(
        'SELECT listed_persons FROM unit_listing WHERE unit_id = $1 AND year = $2 AND month IS NOT DISTINCT FROM $3 FOR UPDATE',
        [unitId, year, month ?? null],
      );
      await upsertListings(em, [{ unitId, year, month: month ?? null, listedPersons }], 'MANUAL');
      await recordAudit(em, ctx, {
        action: 'UNIT_LISTING_SET',
        entityType: 'Unit',
        entityId: unitId,
        before: before ? { year, month: month ?? null, listedPersons: before.listed_persons } : null,
        after: { year, month: month ?? null, listedPersons },
      });
    });
    return { unitId, year, month: month ?? null, listedPersons, source: 'MANUAL' };
  },

  /**
   * Imports a listing file: every row is checked first; with any bad row nothing is stored and
   * every bad row is reported (`fields`: path `csv.<line>.<column>`). A good file is stored in
   * one transaction with one audit event.
   */
  async importListings(ctx: Context, csv: string): Promise<ListingImportResult> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (Buffer.byteLength(csv, 'utf8') > LISTING_CSV_MAX_BYTES) {
      throw badField('csv', `The file is larger than ${Math.floor(LISTING_CSV_MAX_BYTES / 1024)} kB; split it`);
    }
    const { rows, problems } = parseListingCsv(csv);
    const toFields = (list: { line: number; column: string; message: string }[]) =>
      list.slice(0, 500).map((p) => ({ path: `csv.${p.line}.${p.column}`, message: p.message }));
    if (problems.length) throw badUserInput(toFields(problems), `${problems.length} rows have errors; nothing was stored`);
    return ctx.em.transaction(async (em) => {
      const resolved = await resolveUnits(em, rows);
      if (resolved.problems.length) {
        throw badUserInput(toFields(resolved.problems), `${resolved.problems.length} rows have errors; nothing was stored`);
      }
      await upsertListings(em, resolved.rows, 'IMPORT');
      const units = new Set(resolved.rows.map((r) => r.unitId)).size;
      const years = [...new Set(resolved.rows.map((r) => r.year))].sort();
      await recordAudit(em, ctx, {
        action: 'UNIT_LISTINGS_IMPORTED',
        entityType: 'UnitListing',
        entityId: null,
        after: { rows: resolved.rows.length, units, years, listedPersons: resolved.rows.reduce((s, r) => s + r.listedPersons, 0) },
      });
      return { rows: resolved.rows.length, units, years };
    });
  },

  /** Coverage of every municipality in a year, in three SQL statements whatever the size. */
  async coverage(ctx: Context, year: number): Promise<MunicipalityCoverage[]> {
    await access.require(ctx, [...REGION_READERS]);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badField('year', 'A year between 2000 and 2100');
    const municipalities = await ctx.em.getRepository(Municipality).find({ order: { name: 'ASC' } });
    // Units in a choice system that year (by an agreement valid on some day of it), with
    // ownership and listed persons (the yearly figure, else the latest month).
    const unitRows: Record<string, unknown>[] = await ctx.em.query(
      `WITH span AS (SELECT daterange(make_date($1, 1, 1), make_date($1, 12, 31), '[]') AS r),
            member AS (
              SELECT au.unit_id, array_agg(DISTINCT cs.code ORDER BY cs.code) AS codes
                FROM agreement_unit au
                JOIN agreement a ON a.id = au.agreement_id
                JOIN choice_system cs ON cs.id = a.choice_system_id
                JOIN span ON daterange(a.valid_from, a.valid_to, '[]') && span.r
               GROUP BY au.unit_id),
            listing AS (${listedPersonsOfYear('$1')})
       SELECT u.*, p.ownership, m.codes, l.listed_persons AS listed
         FROM unit u
         JOIN provider p ON p.id = u.provider_id
         JOIN member m ON m.unit_id = u.id
         LEFT JOIN listing l ON l.unit_id = u.id
        ORDER BY u.municipality_code, u.name, u.id`,
      [year],
    );
    const obligations: LastResortObligation[] = await ctx.em
      .getRepository(LastResortObligation)
      .createQueryBuilder('o')
      .where(`daterange(o.valid_from, o.valid_to, '[]') && daterange(make_date(:y, 1, 1), make_date(:y, 12, 31), '[]')`, { y: year })
      .orderBy('o.municipality_code')
      .addOrderBy('o.valid_from')
      .addOrderBy('o.id')
      .getMany();
    const choiceSystems: { id: string; code: string; name: string }[] = await ctx.em.query(
      'SELECT id, code, name FROM choice_system ORDER BY code',
    );
    const units = unitRows.map((r) => {
      const unit = Object.assign(new Unit(), {
        id: r.id,
        providerId: r.provider_id,
        municipalityCode: r.municipality_code,
        name: r.name,
        kind: r.kind,
        hsaId: r.hsa_id,
        streetAddress: r.street_address,
        postalCode: r.postal_code,
        city: r.city,
        version: r.version,
      }) as Unit;
      return {
        unit,
        ownership: r.ownership as Ownership,
        choiceSystemCodes: r.codes as string[],
        listedPersons: (r.listed as number | null) ?? null,
      } satisfies CoverageUnit;
    });
    return municipalities.map((municipality) => {
      const here = units.filter((u) => u.unit.municipalityCode === municipality.code);
      const ownObligations = obligations.filter((o) => o.municipalityCode === municipality.code);
      const perSystem: ChoiceSystemCoverage[] = choiceSystems
        .map((cs) => {
          const members = membersOf(here, cs.code);
          const obligation = ownObligations.filter((o) => o.choiceSystemId === cs.id).at(-1) ?? null;
          return {
            choiceSystemCode: cs.code,
            choiceSystemName: cs.name,
            unitCount: members.length,
            obligation,
            soleProvider: holdsAlone(members, obligation),
            singlePointOfFailure: members.length === 1 ? members[0].unit : null,
          };
        })
        .filter((c) => c.unitCount > 0 || c.obligation !== null);
      const withData = here.filter((u) => u.listedPersons !== null);
      const spof = perSystem.map((c) => c.singlePointOfFailure).filter((u): u is Unit => u !== null);
      return {
        municipality,
        units: here.map((u) => u.unit),
        unitCoverage: here,
        obligations: ownObligations,
        soleProvider: perSystem.some((c) => c.soleProvider),
        listedPersons: withData.length ? withData.reduce((s, u) => s + (u.listedPersons ?? 0), 0) : null,
        listedByOwnership: OWNERSHIP_ORDER.map((ownership) => {
          const of = here.filter((u) => u.ownership === ownership);
          return { ownership, units: of.length, listedPersons: of.reduce((s, u) => s + (u.listedPersons ?? 0), 0) };
        }).filter((o) => o.units > 0),
        choiceSystems: perSystem,
        singlePointsOfFailure: [...new Map(spof.map((u) => [u.id, u])).values()],
      };
    });
  },
};

async function resolveUnits(
  em: EntityManager,
  rows: ListingRow[],
): Promise<{ rows: { unitId: string; year: number; month: number | null; listedPersons: number }[]; problems: { line: number; column: string; message: string }[] }> {
  const ids = [...new Set(rows.map((r) => r.unitId).filter((v): v is string => v !== null).map((v) => v.toLowerCase()))];
  const hsa = [...new Set(rows.map((r) => r.hsaId).filter((v): v is string => v !== null))];
  const found: { id: string; hsa_id: string | null }[] = await em.query('SELECT id, hsa_id FROM unit WHERE id = ANY($1::uuid[]) OR hsa_id = ANY($2)', [ids, hsa]);
  const byId = new Set(found.map((u) => u.id));
  const byHsa = new Map(found.filter((u) => u.hsa_id).map((u) => [u.hsa_id!, u.id]));
  const problems: { line: number; column: string; message: string }[] = [];
  const out: { unitId: string; year: number; month: number | null; listedPersons: number }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const unitId = r.unitId ? (byId.has(r.unitId.toLowerCase()) ? r.unitId.toLowerCase() : null) : (byHsa.get(r.hsaId!) ?? null);
    if (!unitId) {
      problems.push({ line: r.line, column: r.unitId ? 'unit_id' : 'hsa_id', message: 'No such unit' });
      continue;
    }
    const key = `${unitId}|${r.year}|${r.month ?? ''}`;
    if (seen.has(key)) {
      problems.push({ line: r.line, column: r.unitId ? 'unit_id' : 'hsa_id', message: `Same unit and period as line ${seen.get(key)}` });
      continue;
    }
    seen.set(key, r.line);
    out.push({ unitId, year: r.year, month: r.month, listedPersons: r.listedPersons });
  }
  return { rows: out, problems };
}

/** Upserts listing rows in batches of one statement each. */
async function upsertListings(
  em: EntityManager,
  rows: { unitId: string; year: number; month: number | null; listedPersons: number }[],
  source: 'MANUAL' | 'IMPORT' | 'SEED',
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows.slice(i, i + 2000);
    await em.query(
      `INSERT INTO unit_listing (unit_id, year, month, listed_persons, source)
       SELECT * , $5::text FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[])
       ON CONFLICT (unit_id, year, month)
       DO UPDATE SET listed_persons = EXCLUDED.listed_persons, source = EXCLUDED.source, updated_at = now()`,
      [batch.map((r) => r.unitId), batch.map((r) => r.year), batch.map((r) => r.month), batch.map((r) => r.listedPersons), source],
    );
  }
}

export { upsertListings };
