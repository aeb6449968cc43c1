import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { recordAudit } from '../../common/audit.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badField, conflict, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { lockForUpdate } from '../../common/versioned.js';
import { parseInput } from '../../common/zod-input.js';
import { annualFigures, neutralityFigures, reviveAnnual, reviveNeutrality, unfitAnnualFigure, unfitNeutralityFigure } from './figures.js';
import {
  type AnnualReport,
  type AnnualReportFigures,
  AnnualReportSectionKey,
  AnnualReportStatus,
  type NeutralityFigures,
  type NeutralityReport,
  SECTION_KEYS,
} from './types.js';

/** Who reads the figures and drafts: the region's reading roles. Who adopts and edits: ADMIN and REVIEWER. */
const REGION_READERS = ['ADMIN', 'REVIEWER', 'AUDITOR'] as const;
const KEEPERS = ['ADMIN', 'REVIEWER'] as const;

const year = z.number().int('A year between 2000 and 2100').min(2000, 'A year between 2000 and 2100').max(2100, 'A year between 2000 and 2100');
const decisionReference = z.string().trim().min(1, 'Enter the decision reference').max(100, 'The decision reference is too long');
const adoptedOn = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Not a date');
const expectedVersion = z.number().int().min(0, 'The version cannot be negative');
const SECTION_MAX = 20000;
const sections = z
  .array(
    z.object({
      key: z.enum(SECTION_KEYS as [string, ...string[]], { message: 'Not a section of the report' }),
      text: z.string().max(SECTION_MAX, `At most ${SECTION_MAX} characters`),
    }),
  )
  .max(SECTION_KEYS.length, 'Too many sections')
  .superRefine((list, zctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s.key)) zctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'This section comes twice' });
      seen.add(s.key);
    });
  });

const CONSTRAINTS: Record<string, [string, string]> = {
  annual_report_year_key: ['year', 'There is already an annual report for this year'],
  annual_report_frozen: ['id', 'An adopted annual report cannot be changed'],
  annual_report_status_forward: ['id', 'An annual report does not go back to an earlier status'],
};

interface NeutralityRow {
  id: string;
  year: number;
  version: number;
  figures: NeutralityFigures;
  decision_reference: string;
  adopted_on: string;
  created_at: Date;
}
const NEUTRALITY_COLUMNS = 'id, year, version, figures, decision_reference, adopted_on::text AS adopted_on, created_at';

function toNeutrality(r: NeutralityRow): NeutralityReport {
  return {
    id: r.id,
    year: r.year,
    version: r.version,
    decisionReference: r.decision_reference,
    adoptedOn: r.adopted_on,
    createdAt: r.created_at,
    figures: reviveNeutrality(r.figures),
  };
}

interface AnnualRow {
  id: string;
  year: number;
  status: AnnualReportStatus;
  version: number;
  sections: { key: string; text: string }[];
  figures: AnnualReportFigures | null;
  decision_reference: string | null;
  adopted_on: string | null;
  published_at: Date | null;
  updated_at: Date;
}
const ANNUAL_COLUMNS = 'id, year, status, version, sections, figures, decision_reference, adopted_on::text AS adopted_on, published_at, updated_at';

function toAnnual(r: AnnualRow): AnnualReport {
  const texts = new Map(r.sections.map((s) => [s.key, s.text]));
  return {
    id: r.id,
    year: r.year,
    status: r.status,
    version: r.version,
    sections: SECTION_KEYS.map((key) => ({ key, text: texts.get(key) ?? '' })),
    decisionReference: r.decision_reference,
    adoptedOn: r.adopted_on,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    figuresFrozen: r.figures !== null,
    frozenFigures: r.figures,
    liveFigures: true,
  };
}

function checkYear(value: number, path = 'year'): number {
  return parseInput(year, value, path);
}

async function latestNeutrality(em: EntityManager, y: number): Promise<NeutralityRow | null> {
  const [row]: NeutralityRow[] = await em.query(`SELECT ${NEUTRALITY_COLUMNS} FROM neutrality_report WHERE year = $1 ORDER BY version DESC LIMIT 1`, [y]);
  return row ?? null;
}

async function findAnnual(em: EntityManager, id: string): Promise<AnnualRow> {
  const [row]: AnnualRow[] = isId(id) ? await em.query(`SELECT ${ANNUAL_COLUMNS} FROM annual_report WHERE id = $1`, [id]) : [];
  if (!row) throw notFound('Annual report');
  return row;
}

/** Locks a report at the version the editor saw, in the state the step needs. */
async function lockAnnual(em: EntityManager, id: string, version: number, status: AnnualReportStatus, action: string): Promise<AnnualRow> {
  const row = await lockForUpdate<AnnualRow>(em, 'annual_report', id, version, 'Annual report');
  if (row.status !== status) throw badField('id', `Only a report that is ${status} can be ${action}; this one is ${row.status}`);
  return row;
}

export const followUpService = {
  // --- Neutrality report ---------------------------------------------------------------------

  async neutralityFigures(ctx: Context, y: number): Promise<NeutralityFigures> {
    await access.require(ctx, [...REGION_READERS]);
    return neutralityFigures(ctx, checkYear(y));
  },

  /** Public: the latest adopted version of a year, or null. */
  async neutralityReport(ctx: Context, y: number): Promise<NeutralityReport | null> {
    const row = await latestNeutrality(ctx.em, checkYear(y));
    return row ? toNeutrality(row) : null;
  },

  /** Public: the report in force of every year with an adopted one, newest year first (at most one per year 2000–2100). */
  async neutralityReports(ctx: Context): Promise<NeutralityReport[]> {
    const rows: NeutralityRow[] = await ctx.em.query(
      `SELECT DISTINCT ON (year) ${NEUTRALITY_COLUMNS} FROM neutrality_report ORDER BY year DESC, version DESC`,
    );
    return rows.map(toNeutrality);
  },

  /**
   * ADMIN, REVIEWER: freezes the year's figures as they are now in a new adopted version.
   * `expectedVersion` is the version in force the user saw (0 for none): a newer adoption since is a
   * CONFLICT. The figures are computed and checked before anything is stored.
   */
  async adoptNeutralityReport(
    ctx: Context,
    raw: { year: number; decisionReference: string; adoptedOn: string; expectedVersion: number },
  ): Promise<NeutralityReport> {
    const viewer = await access.requireWriter(ctx, [...KEEPERS]);
    const input = parseInput(z.object({ year, decisionReference, adoptedOn, expectedVersion }), raw, '');
    const id = await ctx.em.transaction(async (em) => {
      // One adoption of a year at a time: the second waits here and then sees the first.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`neutrality_report:${input.year}`]);
      const [{ current }] = await em.query('SELECT coalesce(max(version), 0)::int AS current FROM neutrality_report WHERE year = $1', [input.year]);
      if (input.expectedVersion !== current) {
        throw conflict(current, 'Another version of this year\'s neutrality report has been adopted since you started');
      }
      const figures = await neutralityFigures({ ...ctx, em } as Context, input.year);
      const unfit = unfitNeutralityFigure(figures);
      if (unfit) throw badField('year', `The figures of ${input.year} are too large to report (${unfit}): check the year's economics and compensation`);
      const version = current + 1;
      const [row] = await em.query(
        `INSERT INTO neutrality_report (year, version, figures, decision_reference, adopted_on, adopted_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.year, version, JSON.stringify(figures), input.decisionReference, input.adoptedOn, viewer.userId ?? null],
      );
      await recordAudit(em, ctx, {
        action: 'NEUTRALITY_REPORT_ADOPTED',
        entityType: 'NeutralityReport',
        entityId: row.id,
        before: current ? { version: current } : null,
        after: { year: input.year, version, decisionReference: input.decisionReference, adoptedOn: input.adoptedOn, figures },
      });
      return row.id as string;
    });
    const [row]: NeutralityRow[] = await ctx.em.query(`SELECT ${NEUTRALITY_COLUMNS} FROM neutrality_report WHERE id = $1`, [id]);
    return toNeutrality(row);
  },

  // --- Annual report -------------------------------------------------------------------------

  /** Public: the published report of a year, or null (drafts and unpublished adoptions never). */
  async publishedAnnualReport(ctx: Context, y: number): Promise<AnnualReport | null> {
    const [row]: AnnualRow[] = await ctx.em.query(`SELECT ${ANNUAL_COLUMNS} FROM annual_report WHERE year = $1 AND status = 'PUBLISHED'`, [checkYear(y)]);
    return row ? toAnnual(row) : null;
  },

  /** Public: every published report, newest year first (at most one per year). */
  async publishedAnnualReports(ctx: Context): Promise<AnnualReport[]> {
    const rows: AnnualRow[] = await ctx.em.query(`SELECT ${ANNUAL_COLUMNS} FROM annual_report WHERE status = 'PUBLISHED' ORDER BY year DESC`);
    return rows.map(toAnnual);
  },

  /**
   * The region: every report in any status, newest year first. The list computes no live figures:
   * a draft's are empty here (regionAnnualReport(id) has them); adopted ones keep their frozen figures.
   */
  async regionAnnualReports(ctx: Context): Promise<AnnualReport[]> {
    await access.require(ctx, [...REGION_READERS]);
    const rows: AnnualRow[] = await ctx.em.query(`SELECT ${ANNUAL_COLUMNS} FROM annual_report ORDER BY year DESC`);
    return rows.map((r) => ({ ...toAnnual(r), liveFigures: false }));
  },

  async regionAnnualReport(ctx: Context, id: string): Promise<AnnualReport> {
    await access.require(ctx, [...REGION_READERS]);
    return toAnnual(await findAnnual(ctx.em, id));
  },

  /**
   * Frozen figures of an adopted report; live ones (with the adopted neutrality report of the year,
   * if any) of a draft read alone, none of a draft in a list.
   */
  async figuresOf(ctx: Context, report: AnnualReport): Promise<AnnualReportFigures | null> {
    if (report.frozenFigures) return reviveAnnual(report.frozenFigures);
    if (!report.liveFigures) return null;
    return liveAnnualFigures(ctx, report.year);
  },

  async create(ctx: Context, y: number): Promise<AnnualReport> {
    const viewer = await access.requireWriter(ctx, [...KEEPERS]);
    const input = checkYear(y);
    const id = await ctx.em
      .transaction(async (em) => {
        const [row] = await em.query(`INSERT INTO annual_report (year, created_by) VALUES ($1, $2) RETURNING id`, [input, viewer.userId ?? null]);
        await recordAudit(em, ctx, { action: 'ANNUAL_REPORT_CREATED', entityType: 'AnnualReport', entityId: row.id, after: { year: input, status: 'DRAFT' } });
        return row.id as string;
      })
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return toAnnual(await findAnnual(ctx.em, id));
  },

  /** Saves the texts of a draft: the sections given replace theirs, the others stay. */
  async save(ctx: Context, id: string, version: number, raw: { key: string; text: string }[]): Promise<AnnualReport> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(id)) throw notFound('Annual report');
    const given = parseInput(sections, raw, 'sections');
    await ctx.em
      .transaction(async (em) => {
        const row = await lockAnnual(em, id, version, AnnualReportStatus.DRAFT, 'edited');
        const before = new Map(row.sections.map((s) => [s.key, s.text]));
        const after = new Map(before);
        for (const s of given) after.set(s.key, s.text.replace(/\r\n/g, '\n'));
        const changedBefore: Record<string, string> = {};
        const changedAfter: Record<string, string> = {};
        for (const key of SECTION_KEYS) {
          if ((before.get(key) ?? '') !== (after.get(key) ?? '')) {
            changedBefore[key] = before.get(key) ?? '';
            changedAfter[key] = after.get(key) ?? '';
          }
        }
        if (!Object.keys(changedAfter).length) return;
        const stored = SECTION_KEYS.filter((k) => (after.get(k) ?? '') !== '').map((key) => ({ key, text: after.get(key)! }));
        await em.query(`UPDATE annual_report SET sections = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`, [
          id,
          version,
          JSON.stringify(stored),
        ]);
        await recordAudit(em, ctx, { action: 'ANNUAL_REPORT_UPDATED', entityType: 'AnnualReport', entityId: id, before: changedBefore, after: changedAfter });
      })
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return toAnnual(await findAnnual(ctx.em, id));
  },

  /** Adopts a draft: freezes its texts and its figures as they are now, with the board's decision. */
  async adopt(ctx: Context, id: string, version: number, raw: { decisionReference: string; adoptedOn: string }): Promise<AnnualReport> {
    const viewer = await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(id)) throw notFound('Annual report');
    const input = parseInput(z.object({ decisionReference, adoptedOn }), raw, '');
    await ctx.em
      .transaction(async (em) => {
        const row = await lockAnnual(em, id, version, AnnualReportStatus.DRAFT, 'adopted');
        const figures = await liveAnnualFigures({ ...ctx, em } as Context, row.year);
        const unfit = unfitAnnualFigure(figures);
        if (unfit) throw badField('id', `The figures of ${row.year} are too large to report (${unfit}): check the year's economics and compensation`);
        await em.query(
          `UPDATE annual_report SET status = 'ADOPTED', figures = $3, decision_reference = $4, adopted_on = $5, adopted_by = $6,
                  version = version + 1, updated_at = now()
            WHERE id = $1 AND version = $2`,
          [id, version, JSON.stringify(figures), input.decisionReference, input.adoptedOn, viewer.userId ?? null],
        );
        await recordAudit(em, ctx, {
          action: 'ANNUAL_REPORT_ADOPTED',
          entityType: 'AnnualReport',
          entityId: id,
          before: { status: row.status },
          after: { status: 'ADOPTED', decisionReference: input.decisionReference, adoptedOn: input.adoptedOn, figures },
        });
      })
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return toAnnual(await findAnnual(ctx.em, id));
  },

  /** Publishes an adopted report: from now on anyone may read it. */
  async publish(ctx: Context, id: string, version: number): Promise<AnnualReport> {
    await access.requireWriter(ctx, [...KEEPERS]);
    if (!isId(id)) throw notFound('Annual report');
    await ctx.em
      .transaction(async (em) => {
        const row = await lockAnnual(em, id, version, AnnualReportStatus.ADOPTED, 'published');
        const [updated]: [{ published_at: Date }[], number] = await em.query(
          `UPDATE annual_report SET status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now()
            WHERE id = $1 AND version = $2 RETURNING published_at`,
          [id, version],
        );
        await recordAudit(em, ctx, {
          action: 'ANNUAL_REPORT_PUBLISHED',
          entityType: 'AnnualReport',
          entityId: id,
          before: { status: row.status },
          after: { status: 'PUBLISHED', publishedAt: updated[0]?.published_at ?? null },
        });
      })
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return toAnnual(await findAnnual(ctx.em, id));
  },
};

async function liveAnnualFigures(ctx: Context, y: number): Promise<AnnualReportFigures> {
  const adopted = await latestNeutrality(ctx.em, y);
  return annualFigures(
    ctx,
    y,
    adopted ? { version: adopted.version, decisionReference: adopted.decision_reference, adoptedOn: adopted.adopted_on, figures: adopted.figures } : null,
  );
}

export { AnnualReportSectionKey };
