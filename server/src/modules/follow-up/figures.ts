import type { Context } from '../../app/context.js';
import { choiceSystemOfUnitsInYear, listedPersonsOfYear } from '../last-resort/service.js';
import { Ownership } from '../masterdata/enums.js';
import { resultsService } from '../results/service.js';
import {
  type AnnualReportFigures,
  type CompensationRow,
  type GoalOwnershipRow,
  type InsightFigures,
  type NeutralityFigures,
  type NeutralityKeyFigures,
  type OwnershipTimelinessRow,
  ProviderGroup,
  type ReimbursementRow,
  type ReviewParityRow,
  type RoundTimelinessRow,
} from './types.js';

/**
 * The figures of the follow-up reports, each part in one SQL statement whatever the size of the
 * region (a neutrality report is five statements, an annual report four more).
 */

const OWNERSHIP_ORDER = [Ownership.IN_HOUSE, Ownership.PRIVATE, Ownership.PUBLIC_COMPANY, Ownership.NON_PROFIT];
const byOwnership = (a: { ownership: Ownership }, b: { ownership: Ownership }) => OWNERSHIP_ORDER.indexOf(a.ownership) - OWNERSHIP_ORDER.indexOf(b.ownership);

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}
/** Rounded for reports: shares to 4 decimals, days and SEK to 2. */
const round = (v: number | null, decimals = 2): number | null => (v === null ? null : Math.round(v * 10 ** decimals) / 10 ** decimals);
const ratio = (a: number, b: number, decimals = 4): number | null => (b > 0 ? round(a / b, decimals) : null);

/** The reports of a year's follow-up rounds (by period: "2025", "2025-T2", …). */
const YEAR_REPORTS = `
  SELECT r.id, r.round_id, r.due_at, p.ownership,
         CASE WHEN p.ownership = 'IN_HOUSE' THEN 'IN_HOUSE' ELSE 'PRIVATE' END AS grp,
         (SELECT min(s.received_at) FROM submission s WHERE s.report_id = r.id) AS first_submitted_at
    FROM report r
    JOIN follow_up_round f ON f.id = r.round_id
    JOIN provider p ON p.id = r.provider_id
   WHERE left(f.period, 4)::int = $1`;

export async function reimbursement(ctx: Context, year: number): Promise<ReimbursementRow[]> {
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `WITH listing AS (${listedPersonsOfYear('$1')}),
          member AS (${choiceSystemOfUnitsInYear('$1')}),
          econ AS (
            SELECT e.unit_id, (e.capitation + e.visit_fees + e.goal_related + e.vat_compensation + e.other) AS amount
              FROM unit_economics e WHERE e.year = $1)
     SELECT cs.choice_system_code, cs.choice_system_name, u.municipality_code, m.name AS municipality_name, p.ownership,
            count(*)::int AS units, count(l.unit_id)::int AS units_with_listing,
            coalesce(sum(l.listed_persons), 0)::bigint AS listed,
            sum(e.amount) AS amount,
            coalesce(sum(e.amount) FILTER (WHERE l.unit_id IS NOT NULL), 0) AS amount_listed
       FROM econ e
       JOIN unit u ON u.id = e.unit_id
       JOIN provider p ON p.id = u.provider_id
       JOIN municipality m ON m.code = u.municipality_code
       LEFT JOIN member cs ON cs.unit_id = e.unit_id
       LEFT JOIN listing l ON l.unit_id = e.unit_id
      GROUP BY GROUPING SETS ((cs.choice_system_code, cs.choice_system_name, p.ownership),
                              (cs.choice_system_code, cs.choice_system_name, u.municipality_code, m.name, p.ownership))`,
    [year],
  );
  return rows
    .map((r) => {
      const listed = Number(r.listed);
      const amountListed = num(r.amount_listed) ?? 0;
      return {
        choiceSystemCode: (r.choice_system_code as string | null) ?? null,
        choiceSystemName: (r.choice_system_name as string | null) ?? null,
        municipalityCode: (r.municipality_code as string | null)?.trim() ?? null,
        municipalityName: (r.municipality_name as string | null) ?? null,
        ownership: r.ownership as Ownership,
        units: r.units as number,
        unitsWithListing: r.units_with_listing as number,
        listedPersons: listed,
        reimbursement: Math.round(num(r.amount) ?? 0),
        reimbursementOfListedUnits: Math.round(amountListed),
        perListedPerson: listed > 0 ? Math.round(amountListed / listed) : null,
      };
    })
    .sort((a, b) => {
      // By choice system (units in none last), the county first, then by municipality and ownership.
      if (a.choiceSystemCode !== b.choiceSystemCode) {
        if (a.choiceSystemCode === null || b.choiceSystemCode === null) return a.choiceSystemCode === null ? 1 : -1;
        return a.choiceSystemCode.localeCompare(b.choiceSystemCode);
      }
      if ((a.municipalityCode === null) !== (b.municipalityCode === null)) return a.municipalityCode === null ? -1 : 1;
      return (a.municipalityName ?? '').localeCompare(b.municipalityName ?? '', 'sv') || byOwnership(a, b);
    });
}

/** The decisions in force for the year: those no other decision replaces. */
export async function compensation(ctx: Context, year: number): Promise<CompensationRow[]> {
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `SELECT d.obligation_id, d.amount, d.decision_reference, d.decided_on::text AS decided_on,
            o.municipality_code, m.name AS municipality_name, cs.code AS choice_system_code, cs.name AS choice_system_name,
            u.id AS unit_id, u.name AS unit_name, p.name AS provider_name, p.ownership
       FROM compensation_decision d
       JOIN last_resort_obligation o ON o.id = d.obligation_id
       JOIN municipality m ON m.code = o.municipality_code
       JOIN choice_system cs ON cs.id = o.choice_system_id
       JOIN unit u ON u.id = d.unit_id
       JOIN provider p ON p.id = u.provider_id
      WHERE d.year = $1
        AND NOT EXISTS (SELECT 1 FROM compensation_decision n WHERE n.replaces_id = d.id)
      ORDER BY m.name, cs.code, d.obligation_id`,
    [year],
  );
  return rows.map((r) => ({
    obligationId: r.obligation_id as string,
    municipalityCode: (r.municipality_code as string).trim(),
    municipalityName: r.municipality_name as string,
    choiceSystemCode: r.choice_system_code as string,
    choiceSystemName: r.choice_system_name as string,
    unitId: r.unit_id as string,
    unitName: r.unit_name as string,
    providerName: r.provider_name as string,
    ownership: r.ownership as Ownership,
    amount: Math.round(num(r.amount) ?? 0),
    decisionReference: r.decision_reference as string,
    decidedOn: (r.decided_on as string | null) ?? null,
  }));
}

/**
 * Review parity, in-house against private, over the reports of the year's rounds: decisions
 * (approval or return) timed from the latest submission before them; reminders counted once per
 * reminder (its key without the recipient), not once per recipient.
 */
export async function reviewParity(ctx: Context, year: number): Promise<{ rounds: number; rows: ReviewParityRow[] }> {
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `WITH rep AS (${YEAR_REPORTS}),
          dec AS (
            SELECT rep.grp, d.report_id, d.kind,
                   extract(epoch FROM d.decided_at - (SELECT max(s.received_at) FROM submission s
                                                       WHERE s.report_id = d.report_id AND s.received_at <= d.decided_at)) / 86400 AS days
              FROM report_decision d JOIN rep ON rep.id = d.report_id
             WHERE d.kind IN ('APPROVED', 'CHANGES_REQUESTED')),
          per_group AS (
            SELECT grp, count(*)::int AS reports,
                   count(*) FILTER (WHERE first_submitted_at > due_at OR (first_submitted_at IS NULL AND due_at < now()))::int AS overdue
              FROM rep GROUP BY grp),
          decided AS (
            SELECT grp, count(DISTINCT report_id)::int AS reviewed,
                   count(DISTINCT report_id) FILTER (WHERE kind = 'CHANGES_REQUESTED')::int AS returned,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days
              FROM dec GROUP BY grp),
          threads AS (
            SELECT rep.grp, count(*)::int AS threads FROM comment_thread t JOIN rep ON rep.id = t.report_id GROUP BY rep.grp),
          reminders AS (
            SELECT rep.grp, count(DISTINCT (n.report_id, n.kind, coalesce(regexp_replace(n.dedupe_key, ':[^:]*$', ''), n.id::text)))::int AS reminders
              FROM notification n JOIN rep ON rep.id = n.report_id
             WHERE n.kind IN ('DUE_SOON', 'DUE_TODAY', 'OVERDUE') GROUP BY rep.grp)
     SELECT g.grp, coalesce(p.reports, 0) AS reports, coalesce(p.overdue, 0) AS overdue,
            coalesce(d.reviewed, 0) AS reviewed, coalesce(d.returned, 0) AS returned, d.median_days,
            coalesce(t.threads, 0) AS threads, coalesce(r.reminders, 0) AS reminders,
            (SELECT count(*)::int FROM follow_up_round f WHERE left(f.period, 4)::int = $1) AS rounds
       FROM (VALUES ('IN_HOUSE'), ('PRIVATE')) AS g(grp)
       LEFT JOIN per_group p ON p.grp = g.grp
       LEFT JOIN decided d ON d.grp = g.grp
       LEFT JOIN threads t ON t.grp = g.grp
       LEFT JOIN reminders r ON r.grp = g.grp
      ORDER BY g.grp`,
    [year],
  );
  return {
    rounds: (rows[0]?.rounds as number) ?? 0,
    rows: rows.map((r) => {
      const reports = r.reports as number;
      const reviewed = r.reviewed as number;
      return {
        group: r.grp as ProviderGroup,
        reports,
        reviewed,
        medianDaysToDecision: round(num(r.median_days), 1),
        returnedShare: ratio(r.returned as number, reviewed),
        threadsPerReport: ratio(r.threads as number, reports, 2),
        remindersPerReport: ratio(r.reminders as number, reports, 2),
        overdueShare: ratio(r.overdue as number, reports),
      };
    }),
  };
}

// The statements of a report run one after another: inside a transaction they share one
// connection, and a pg client runs one query at a time.
export async function neutralityFigures(ctx: Context, year: number): Promise<NeutralityFigures> {
  const reimb = await reimbursement(ctx, year);
  const comp = await compensation(ctx, year);
  const indicators = await resultsService.ownershipAggregatesOfYear(ctx, year);
  const review = await reviewParity(ctx, year);
  return {
    year,
    computedAt: new Date(),
    reimbursement: reimb,
    compensation: comp,
    compensationTotal: comp.reduce((s, c) => s + c.amount, 0),
    indicators: indicators.map((i) => ({ ...i, mean: round(i.mean), median: round(i.median) })),
    rounds: review.rounds,
    review: review.rows,
  };
}

/** The key figures of a neutrality report, for the annual report. */
export function keyFigures(figures: NeutralityFigures, adopted: { version: number; decisionReference: string; adoptedOn: string } | null): NeutralityKeyFigures {
  const county = figures.reimbursement.filter((r) => r.municipalityCode === null);
  const perListed = (rows: ReimbursementRow[]) => {
    const listed = rows.reduce((s, r) => s + r.listedPersons, 0);
    return listed > 0 ? Math.round(rows.reduce((s, r) => s + r.reimbursementOfListedUnits, 0) / listed) : null;
  };
  const group = (g: ProviderGroup) => figures.review.find((r) => r.group === g);
  return {
    version: adopted?.version ?? null,
    decisionReference: adopted?.decisionReference ?? null,
    adoptedOn: adopted?.adoptedOn ?? null,
    perListedPerson: [...new Map(county.filter((r) => r.choiceSystemCode !== null).map((r) => [r.choiceSystemCode!, r.choiceSystemName!])).entries()].map(
      ([code, name]) => {
        const rows = county.filter((r) => r.choiceSystemCode === code);
        return {
          choiceSystemCode: code,
          choiceSystemName: name,
          inHouse: perListed(rows.filter((r) => r.ownership === Ownership.IN_HOUSE)),
          private: perListed(rows.filter((r) => r.ownership !== Ownership.IN_HOUSE)),
        };
      },
    ),
    compensationTotal: figures.compensationTotal,
    medianReviewDaysInHouse: group(ProviderGroup.IN_HOUSE)?.medianDaysToDecision ?? null,
    medianReviewDaysPrivate: group(ProviderGroup.PRIVATE)?.medianDaysToDecision ?? null,
    overdueShareInHouse: group(ProviderGroup.IN_HOUSE)?.overdueShare ?? null,
    overdueSharePrivate: group(ProviderGroup.PRIVATE)?.overdueShare ?? null,
  };
}

/** Goal assessments of the latest approval of each report of the year, per goal and ownership. */
async function goals(ctx: Context, year: number): Promise<GoalOwnershipRow[]> {
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `WITH rep AS (${YEAR_REPORTS}),
          latest AS (
            SELECT DISTINCT ON (d.report_id) d.id, d.report_id
              FROM report_decision d JOIN rep ON rep.id = d.report_id
             WHERE d.kind = 'APPROVED'
             ORDER BY d.report_id, d.decided_at DESC, d.id)
     SELECT g.code, g.title, min(g.position) AS position, rep.ownership,
            count(*) FILTER (WHERE ga.rating = 'MET')::int AS met,
            count(*) FILTER (WHERE ga.rating = 'PARTLY_MET')::int AS partly_met,
            count(*) FILTER (WHERE ga.rating = 'NOT_MET')::int AS not_met,
            count(*) FILTER (WHERE ga.rating = 'NOT_ASSESSED')::int AS not_assessed
       FROM latest
       JOIN goal_assessment ga ON ga.decision_id = latest.id
       JOIN goal g ON g.id = ga.goal_id
       JOIN rep ON rep.id = latest.report_id
      GROUP BY g.code, g.title, rep.ownership
      ORDER BY position, g.code`,
    [year],
  );
  return rows
    .map((r) => ({
      goalCode: r.code as string,
      goalTitle: r.title as string,
      ownership: r.ownership as Ownership,
      met: r.met as number,
      partlyMet: r.partly_met as number,
      notMet: r.not_met as number,
      notAssessed: r.not_assessed as number,
      position: Number(r.position),
    }))
    .sort((a, b) => a.position - b.position || a.goalCode.localeCompare(b.goalCode) || byOwnership(a, b))
    .map(({ position: _p, ...row }) => row);
}

/** The year's rounds and how their reports came in: per round, and per ownership over all of them. */
async function timeliness(ctx: Context, year: number): Promise<{ rounds: RoundTimelinessRow[]; byOwnership: OwnershipTimelinessRow[] }> {
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `WITH rep AS (${YEAR_REPORTS})
     SELECT f.id AS round_id, f.name, f.period, f.due_at, rep.ownership,
            count(rep.id)::int AS reports,
            count(rep.first_submitted_at)::int AS submitted,
            count(*) FILTER (WHERE rep.first_submitted_at <= rep.due_at)::int AS on_time
       FROM follow_up_round f
       LEFT JOIN rep ON rep.round_id = f.id
      WHERE left(f.period, 4)::int = $1
      GROUP BY GROUPING SETS ((f.id, f.name, f.period, f.due_at), (rep.ownership))
      ORDER BY f.due_at, f.name`,
    [year],
  );
  const rounds = rows
    .filter((r) => r.round_id !== null)
    .map((r) => ({
      name: r.name as string,
      period: r.period as string,
      dueAt: r.due_at as Date,
      reports: r.reports as number,
      submitted: r.submitted as number,
      submittedOnTime: r.on_time as number,
      onTimeShare: ratio(r.on_time as number, r.reports as number),
    }));
  const owned = rows
    .filter((r) => r.round_id === null && r.ownership !== null)
    .map((r) => ({
      ownership: r.ownership as Ownership,
      reports: r.reports as number,
      submitted: r.submitted as number,
      submittedOnTime: r.on_time as number,
      onTimeShare: ratio(r.on_time as number, r.reports as number),
    }))
    .sort(byOwnership);
  return { rounds, byOwnership: owned };
}

/** Insight requests received in the year (by when they came in). */
async function insight(ctx: Context, year: number): Promise<InsightFigures> {
  const [r]: Record<string, unknown>[] = await ctx.em.query(
    `SELECT count(*)::int AS received, count(decided_at)::int AS decided,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) / 86400)
              FILTER (WHERE decided_at IS NOT NULL) AS median_days,
            count(*) FILTER (WHERE decision = 'DISCLOSED')::int AS disclosed,
            count(*) FILTER (WHERE decision = 'PARTLY_DISCLOSED')::int AS partly,
            count(*) FILTER (WHERE decision = 'REFUSED')::int AS refused
       FROM insight_request
      WHERE created_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Stockholm')
        AND created_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')`,
    [year],
  );
  return {
    received: r.received as number,
    decided: r.decided as number,
    medianDaysToDecision: round(num(r.median_days), 1),
    disclosed: r.disclosed as number,
    partlyDisclosed: r.partly as number,
    refused: r.refused as number,
  };
}

export async function annualFigures(
  ctx: Context,
  year: number,
  adoptedNeutrality: { version: number; decisionReference: string; adoptedOn: string; figures: NeutralityFigures } | null,
): Promise<AnnualReportFigures> {
  const goalRows = await goals(ctx, year);
  const indicators = await resultsService.ownershipAggregatesOfYear(ctx, year);
  const rounds = await timeliness(ctx, year);
  const insightFigures = await insight(ctx, year);
  const neutrality = adoptedNeutrality ? adoptedNeutrality.figures : await neutralityFigures(ctx, year);
  return {
    year,
    computedAt: new Date(),
    goals: goalRows,
    indicators: indicators.map((i) => ({ ...i, mean: round(i.mean), median: round(i.median) })),
    rounds: rounds.rounds,
    timeliness: rounds.byOwnership,
    insight: insightFigures,
    neutrality: keyFigures(neutrality, adoptedNeutrality),
  };
}

/** Frozen figures come back from jsonb with their times as strings. */
export function reviveNeutrality(figures: NeutralityFigures): NeutralityFigures {
  return { ...figures, computedAt: new Date(figures.computedAt) };
}
export function reviveAnnual(figures: AnnualReportFigures): AnnualReportFigures {
  return { ...figures, computedAt: new Date(figures.computedAt), rounds: figures.rounds.map((r) => ({ ...r, dueAt: new Date(r.dueAt) })) };
}

const INT_MAX = 2 ** 31 - 1;
/** Whole numbers the GraphQL Int of a field holds (32 bits), or its SafeInt (53 bits); empty ones pass. */
const fitsInt = (v: number | null) => v === null || (Number.isInteger(v) && Math.abs(v) <= INT_MAX);
const fitsSafeInt = (v: number | null) => v === null || Number.isSafeInteger(v);

/**
 * Whether every figure fits its GraphQL type, so that a report adopted with them can always be
 * shown. Returns the first that does not ("reimbursement.2.perListedPerson"), or null.
 */
export function unfitNeutralityFigure(f: NeutralityFigures): string | null {
  const checks: [string, number | null, (v: number | null) => boolean][] = [
    ['compensationTotal', f.compensationTotal, fitsSafeInt],
    ['rounds', f.rounds, fitsInt],
  ];
  f.reimbursement.forEach((r, i) => {
    checks.push([`reimbursement.${i}.reimbursement`, r.reimbursement, fitsSafeInt], [`reimbursement.${i}.reimbursementOfListedUnits`, r.reimbursementOfListedUnits, fitsSafeInt]);
    for (const k of ['units', 'unitsWithListing', 'listedPersons', 'perListedPerson'] as const) checks.push([`reimbursement.${i}.${k}`, r[k], fitsInt]);
  });
  f.compensation.forEach((c, i) => checks.push([`compensation.${i}.amount`, c.amount, fitsInt]));
  f.indicators.forEach((r, i) => checks.push([`indicators.${i}.count`, r.count, fitsInt], [`indicators.${i}.meetingTarget`, r.meetingTarget, fitsInt]));
  f.review.forEach((r, i) => checks.push([`review.${i}.reports`, r.reports, fitsInt], [`review.${i}.reviewed`, r.reviewed, fitsInt]));
  const bad = checks.find(([, v, fits]) => !fits(v));
  return bad ? bad[0] : null;
}

export function unfitAnnualFigure(f: AnnualReportFigures): string | null {
  const n = f.neutrality;
  if (!fitsSafeInt(n.compensationTotal)) return 'neutrality.compensationTotal';
  for (const [i, p] of n.perListedPerson.entries()) {
    if (!fitsInt(p.inHouse)) return `neutrality.perListedPerson.${i}.inHouse`;
    if (!fitsInt(p.private)) return `neutrality.perListedPerson.${i}.private`;
  }
  return null;
}
