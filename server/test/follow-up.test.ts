import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Context } from '../src/app/context.js';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { annualFigures, neutralityFigures } from '../src/modules/follow-up/figures.js';
import { resultsService } from '../src/modules/results/service.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { orgNumber } from './support/actors.js';
import { insightRequestIn } from './support/insight.js';
import { publish, reportWith, resultsFixture } from './support/published.js';

/**
 * The neutrality report and the annual report to the board, on a small hand-made region in its own
 * municipality and years (2091 for review parity, money and insight; 2092 for indicators), next to
 * the demo region: every figure is checked against a computation by hand in the comments.
 */
let app: TestApp;
let admin: Client;
let reviewer: Client;
let auditor: Client;
let provider: Client;
let anonymous: Client;

const Y = 2091;
const YI = 2092;
const MUNI = '2499';
const u = {} as Record<'A' | 'B' | 'C' | 'D', string>;
const agreements = {} as Record<'A' | 'B' | 'C' | 'D', string>;
const reports = {} as Record<'r1' | 'r2' | 'r3' | 'r4', string>;
let users: { admin: string; reviewer: string; provider: string; other: string };
let halsoval: string;
let goalM1: string;

async function unit(key: 'A' | 'B' | 'C' | 'D', providerId: string, form: 'IN_HOUSE' | 'LOV'): Promise<void> {
  const [row] = await app.ds.query(`INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, $2, $3, 'HEALTH_CENTRE') RETURNING id`, [
    providerId,
    MUNI,
    `Provenhet ${key}`,
  ]);
  u[key] = row.id;
  agreements[key] = `PROV-FU-${key}`;
  const [a] = await app.ds.query(
    `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope) VALUES ($1, $2, $3, $4, '2080-01-01', true) RETURNING id`,
    [providerId, halsoval, form, agreements[key]],
  );
  await app.ds.query(`INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)`, [a.id, row.id, providerId]);
}

const newProvider = async (name: string, org: string, ownership: string): Promise<string> =>
  (await app.one(`INSERT INTO provider (name, org_number, ownership) VALUES ($1, $2, $3) RETURNING id`, [name, org, ownership])).id;

let submissionNo = 0;
/** A submission of the report received at a time (the report's own version numbers them). */
async function submit(reportId: string, at: string): Promise<void> {
  submissionNo++;
  await app.ds.query(
    `INSERT INTO submission (report_id, reference, received_at, report_version, submitted_by, answers) VALUES ($1, $2, $3, $4, $5, '[]')`,
    [reportId, `UPP-2091-${String(900000 + submissionNo)}`, at, submissionNo, users.provider],
  );
}
async function decide(reportId: string, kind: 'APPROVED' | 'CHANGES_REQUESTED', at: string, rating?: string): Promise<void> {
  const d = await app.one(
    `INSERT INTO report_decision (report_id, template_id, kind, reason, decided_by, decided_at)
     SELECT id, template_id, $2, CASE WHEN $2 = 'CHANGES_REQUESTED' THEN 'Komplettera' END, $3, $4 FROM report WHERE id = $1 RETURNING id`,
    [reportId, kind, users.reviewer, at],
  );
  if (rating) await app.ds.query(`INSERT INTO goal_assessment (decision_id, report_id, goal_id, rating) VALUES ($1, $2, $3, $4)`, [d.id, reportId, goalM1, rating]);
}
async function threads(reportId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await app.ds.query(`INSERT INTO comment_thread (report_id, template_id, created_by) SELECT id, template_id, $2 FROM report WHERE id = $1`, [reportId, users.reviewer]);
  }
}
/** One reminder to several users: the same key but for the user, as the reminder job writes them. */
async function reminder(reportId: string, kind: string, key: string, to: string[]): Promise<void> {
  for (const user of to) {
    await app.ds.query(`INSERT INTO notification (user_id, kind, report_id, title, body, link, dedupe_key) VALUES ($1, $2, $3, 'P', 'P', '/', $4)`, [
      user,
      kind,
      reportId,
      `${key}:${user}`,
    ]);
  }
}

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  admin = await app.login('admin@insyn.example');
  reviewer = await app.login('reviewer@insyn.example');
  auditor = await app.login('auditor@insyn.example');
  provider = await app.login('provider.private@insyn.example');
  anonymous = app.client();
  const ids = await app.ds.query(`SELECT email, id FROM app_user`);
  const idOf = (email: string) => ids.find((r: { email: string }) => r.email === email).id as string;
  users = {
    admin: idOf('admin@insyn.example'),
    reviewer: idOf('reviewer@insyn.example'),
    provider: idOf('provider.private@insyn.example'),
    other: idOf('provider.inhouse@insyn.example'),
  };
  halsoval = (await app.one(`SELECT id FROM choice_system WHERE code = 'HALSOVAL'`)).id;
  await app.ds.query(`INSERT INTO municipality (code, name, county_code, county_name) VALUES ('${MUNI}', 'Provlanda', '24', 'Testlän')`);

  const region = await newProvider('Provregionen', orgNumber(8101), 'IN_HOUSE');
  const company = await newProvider('Provvård AB', orgNumber(8102), 'PRIVATE');
  const nonProfit = await newProvider('Idéburna Prov', orgNumber(8103), 'NON_PROFIT');
  await unit('A', region, 'IN_HOUSE');
  await unit('B', region, 'IN_HOUSE');
  await unit('C', company, 'LOV');
  await unit('D', nonProfit, 'LOV');

  // Money of 2091: A 1 260 000 (yearly listing 2 000 wins over its December figure), B 600 000 (latest
  // month: 1 000), C 770 000 (1 100 listed), D 300 000 without any listing.
  await app.ds.query(
    `INSERT INTO unit_economics (unit_id, year, capitation, visit_fees, goal_related, vat_compensation, other, source) VALUES
      ($1, ${Y}, 1000000, 200000, 50000, 0, 10000, 'MANUAL'),
      ($2, ${Y}, 600000, 0, 0, 0, 0, 'MANUAL'),
      ($3, ${Y}, 700000, 0, 0, 70000, 0, 'MANUAL'),
      ($4, ${Y}, 300000, 0, 0, 0, 0, 'MANUAL')`,
    [u.A, u.B, u.C, u.D],
  );
  await app.ds.query(
    `INSERT INTO unit_listing (unit_id, year, month, listed_persons, source) VALUES
      ($1, ${Y}, NULL, 2000, 'MANUAL'), ($1, ${Y}, 12, 2100, 'MANUAL'),
      ($2, ${Y}, 3, 900, 'MANUAL'), ($2, ${Y}, 11, 1000, 'MANUAL'),
      ($3, ${Y}, NULL, 1100, 'MANUAL')`,
    [u.A, u.B, u.C],
  );

  // Last resort: A holds the obligation; a decision of 500 000, replaced by one of 650 000.
  const obligation = await app.one(
    `INSERT INTO last_resort_obligation (municipality_code, choice_system_id, unit_id, minimum_service, decision_reference, valid_from)
     VALUES ($1, $2, $3, 'Öppet fem dagar', 'RS/PROV/2080', '2080-01-01') RETURNING id`,
    [MUNI, halsoval, u.A],
  );
  const first = await app.one(
    `INSERT INTO compensation_decision (obligation_id, year, amount, basis, decision_reference, decided_on, decided_by)
     VALUES ($1, ${Y}, 500000, 'Fast belopp', 'RS/PROV/1', '2091-02-01', $2) RETURNING id`,
    [obligation.id, users.admin],
  );
  await app.ds.query(
    `INSERT INTO compensation_decision (obligation_id, year, amount, basis, decision_reference, decided_on, decided_by, replaces_id)
     VALUES ($1, ${Y}, 650000, 'Rättat belopp', 'RS/PROV/2', '2091-03-01', $2, $3)`,
    [obligation.id, users.admin, first.id],
  );

  // Review of the round of 2091 (due 31 March 2024, long past):
  //   r1 in-house  submitted 20/3, approved 25/3 (5 days); 1 thread; one DUE_SOON to two users.
  //   r2 in-house  submitted 5/4 (late), returned 8/4 (3 days), again 10/4, approved 20/4 (10 days);
  //                2 threads; an OVERDUE and a DUE_TODAY.
  //   r3 private   submitted 30/3, approved 6/4 (7 days).
  //   r4 non-profit never submitted (overdue); one OVERDUE to two users.
  const goal = await app.one(`SELECT g.id FROM goal g JOIN program p ON p.id = g.program_id WHERE p.status = 'ADOPTED' ORDER BY g.position LIMIT 1`);
  goalM1 = goal.id;
  const template = await app.one(`SELECT id FROM report_template WHERE status = 'PUBLISHED' ORDER BY created_at LIMIT 1`);
  const round = await app.one(
    `INSERT INTO follow_up_round (name, period, template_id, opens_at, due_at, status, opened_at)
     VALUES ('Provomgång 2091', '${Y}', $1, '2024-01-01T00:00:00Z', '2024-03-31T21:59:00Z', 'CLOSED', '2024-01-01T00:00:00Z') RETURNING id`,
    [template.id],
  );
  const report = async (key: 'A' | 'B' | 'C' | 'D', status: string, submittedAt: string | null) =>
    (
      await app.one(
        `INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, status, due_at, submitted_at)
         SELECT 'RAP-FU-' || lpad(nextval('report_reference_seq')::text, 6, '0'), $1, a.id, a.provider_id, $2, $3, '2024-03-31T21:59:00Z', $4
           FROM agreement a WHERE a.reference = $5 RETURNING id`,
        [round.id, template.id, status, submittedAt, agreements[key]],
      )
    ).id as string;
  reports.r1 = await report('A', 'APPROVED', '2024-03-20T10:00:00Z');
  reports.r2 = await report('B', 'APPROVED', '2024-04-10T10:00:00Z');
  reports.r3 = await report('C', 'APPROVED', '2024-03-30T10:00:00Z');
  reports.r4 = await report('D', 'NOT_STARTED', null);
  await submit(reports.r1, '2024-03-20T10:00:00Z');
  await decide(reports.r1, 'APPROVED', '2024-03-25T10:00:00Z', 'MET');
  await submit(reports.r2, '2024-04-05T10:00:00Z');
  await decide(reports.r2, 'CHANGES_REQUESTED', '2024-04-08T10:00:00Z');
  await submit(reports.r2, '2024-04-10T10:00:00Z');
  await decide(reports.r2, 'APPROVED', '2024-04-20T10:00:00Z', 'PARTLY_MET');
  await submit(reports.r3, '2024-03-30T10:00:00Z');
  await decide(reports.r3, 'APPROVED', '2024-04-06T10:00:00Z', 'NOT_MET');
  await threads(reports.r1, 1);
  await threads(reports.r2, 2);
  await reminder(reports.r1, 'DUE_SOON', `due:${reports.r1}:3`, [users.provider, users.other]);
  await reminder(reports.r2, 'OVERDUE', `overdue:${reports.r2}:x`, [users.provider]);
  await reminder(reports.r2, 'DUE_TODAY', `due:${reports.r2}:0`, [users.provider]);
  await reminder(reports.r4, 'OVERDUE', `overdue:${reports.r4}:x`, [users.provider, users.reviewer]);

  // Insight requests received in 2091: two decided (after 10 and 20 days, disclosed), one answered.
  for (const [state, decidedDays] of [['DECIDED', 10], ['DECIDED', 20], ['ANSWERED', null]] as const) {
    const { id } = await insightRequestIn(app.ds, state, { providerId: company, reviewerId: users.reviewer });
    await app.ds.query(
      `UPDATE insight_request SET created_at = '2091-02-01T10:00:00Z',
              decided_at = CASE WHEN decided_at IS NOT NULL THEN '2091-02-01T10:00:00Z'::timestamptz + make_interval(days => $2) END WHERE id = $1`,
      [id, decidedDays ?? 0],
    );
  }

  // Indicators of 2092 (target 80, higher is better): A 80 %, B 90 %, C 60 %, D 3 of 50 (suppressed).
  const f = await resultsFixture(app.ds, '-FU');
  await app.ds.query(`INSERT INTO target (indicator_id, year, value, amber_threshold) VALUES ($1, ${YI}, 80, 70)`, [f.indicators.PCT]);
  for (const [key, numerator] of [['A', 40], ['B', 45], ['C', 30], ['D', 3]] as const) {
    const id = await reportWith(app.ds, f, agreements[key], String(YI), 'APPROVED', { P: { numerator, denominator: 50 } });
    await publish(app.ds, f, id);
  }
});
afterAll(() => app?.close());

const FIGURES = `query($y: Int!) { neutralityFigures(year: $y) {
  year rounds compensationTotal
  reimbursement { choiceSystemCode municipalityCode municipalityName ownership units unitsWithListing listedPersons reimbursement reimbursementOfListedUnits perListedPerson }
  compensation { municipalityCode choiceSystemCode unitName providerName ownership amount decisionReference decidedOn }
  indicators { indicatorCode ownership count mean median target meetingTarget }
  review { group reports reviewed medianDaysToDecision returnedShare threadsPerReport remindersPerReport overdueShare } } }`;
const ADOPT_NEUTRALITY = `mutation($y: Int!, $ref: String!, $on: LocalDate!, $v: Int!) {
  adoptNeutralityReport(year: $y, decisionReference: $ref, adoptedOn: $on, expectedVersion: $v) { id year version decisionReference adoptedOn
    figures { compensationTotal reimbursement { municipalityCode ownership perListedPerson } } } }`;
const PUBLIC_NEUTRALITY = `query($y: Int!) { neutralityReport(year: $y) { year version decisionReference adoptedOn figures { compensationTotal review { group overdueShare } } } }`;
const ANNUAL_FIELDS = `id year status version decisionReference adoptedOn publishedAt figuresFrozen sections { key text }
  figures { year goals { goalCode ownership met partlyMet notMet notAssessed }
    indicators { indicatorCode ownership count mean meetingTarget target }
    rounds { name period reports submitted submittedOnTime onTimeShare }
    timeliness { ownership reports submitted submittedOnTime onTimeShare }
    insight { received decided medianDaysToDecision disclosed partlyDisclosed refused }
    neutrality { version decisionReference perListedPerson { choiceSystemCode inHouse private } compensationTotal medianReviewDaysInHouse medianReviewDaysPrivate overdueShareInHouse overdueSharePrivate } }`;
const fieldsOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) => {
  expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  return res.errors![0].extensions.fields as { path: string; message: string }[];
};
const codeOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) => res.errors?.map((e) => e.extensions.code);

describe('neutrality figures', () => {
  it('reimbursement per listed person by ownership, for the county and the municipality, by hand', async () => {
    const res = await auditor.gql(FIGURES, { y: Y });
    expect(res.errors).toBeUndefined();
    const figures = res.data!.neutralityFigures;
    const inHouse = { choiceSystemCode: 'HALSOVAL', ownership: 'IN_HOUSE', units: 2, unitsWithListing: 2, listedPersons: 3000, reimbursement: 1860000, reimbursementOfListedUnits: 1860000, perListedPerson: 620 };
    const priv = { choiceSystemCode: 'HALSOVAL', ownership: 'PRIVATE', units: 1, unitsWithListing: 1, listedPersons: 1100, reimbursement: 770000, reimbursementOfListedUnits: 770000, perListedPerson: 700 };
    const nonProfit = { choiceSystemCode: 'HALSOVAL', ownership: 'NON_PROFIT', units: 1, unitsWithListing: 0, listedPersons: 0, reimbursement: 300000, reimbursementOfListedUnits: 0, perListedPerson: null };
    // Only the hand-made units have economics for 2091: the county rows are theirs.
    expect(figures.reimbursement).toEqual([
      { municipalityCode: null, municipalityName: null, ...inHouse },
      { municipalityCode: null, municipalityName: null, ...priv },
      { municipalityCode: null, municipalityName: null, ...nonProfit },
      { municipalityCode: MUNI, municipalityName: 'Provlanda', ...inHouse },
      { municipalityCode: MUNI, municipalityName: 'Provlanda', ...priv },
      { municipalityCode: MUNI, municipalityName: 'Provlanda', ...nonProfit },
    ]);
  });

  it('gives each choice system its own figures: a dental clinic does not pull down a health centre', async () => {
    // 2094: health centre A 1 000 000 for 2 000 listed; an in-house dental clinic 300 000 for 3 000 listed.
    const YD = 2094;
    const region = (await app.one(`SELECT provider_id FROM unit WHERE id = $1`, [u.A])).provider_id as string;
    const clinic = (await app.one(`INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, $2, 'Provtandvård', 'DENTAL_CLINIC') RETURNING id`, [region, MUNI])).id as string;
    const dental = (await app.one(`SELECT id FROM choice_system WHERE code = 'TANDVARD_BUV'`)).id as string;
    const agreement = (
      await app.one(
        `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope) VALUES ($1, $2, 'IN_HOUSE', 'PROV-FU-TAND', '2080-01-01', true) RETURNING id`,
        [region, dental],
      )
    ).id as string;
    await app.ds.query(`INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)`, [agreement, clinic, region]);
    await app.ds.query(
      `INSERT INTO unit_economics (unit_id, year, capitation, source) VALUES ($1, ${YD}, 1000000, 'MANUAL'), ($2, ${YD}, 300000, 'MANUAL')`,
      [u.A, clinic],
    );
    await app.ds.query(`INSERT INTO unit_listing (unit_id, year, listed_persons, source) VALUES ($1, ${YD}, 2000, 'MANUAL'), ($2, ${YD}, 3000, 'MANUAL')`, [u.A, clinic]);
    const rows = (await auditor.gql(FIGURES, { y: YD })).data!.neutralityFigures.reimbursement.filter((r: any) => r.municipalityCode === null);
    expect(rows.map((r: any) => [r.choiceSystemCode, r.ownership, r.perListedPerson])).toEqual([
      ['HALSOVAL', 'IN_HOUSE', 500],
      ['TANDVARD_BUV', 'IN_HOUSE', 100],
    ]);
  });

  it('compensation: only the decision in force, with its obligation and holder', async () => {
    const figures = (await reviewer.gql(FIGURES, { y: Y })).data!.neutralityFigures;
    expect(figures.compensation).toEqual([
      {
        municipalityCode: MUNI,
        choiceSystemCode: 'HALSOVAL',
        unitName: 'Provenhet A',
        providerName: 'Provregionen',
        ownership: 'IN_HOUSE',
        amount: 650000,
        decisionReference: 'RS/PROV/2',
        decidedOn: '2091-03-01',
      },
    ]);
    expect(figures.compensationTotal).toBe(650000);
  });

  it('review parity in-house against private, by hand', async () => {
    const figures = (await admin.gql(FIGURES, { y: Y })).data!.neutralityFigures;
    expect(figures.rounds).toBe(1);
    expect(figures.review).toEqual([
      // Decisions 5, 3 and 10 days → median 5; one of two returned; 3 threads and 3 reminders on 2 reports; r2 late.
      { group: 'IN_HOUSE', reports: 2, reviewed: 2, medianDaysToDecision: 5, returnedShare: 0.5, threadsPerReport: 1.5, remindersPerReport: 1.5, overdueShare: 0.5 },
      // r3 decided after 7 days; r4 (non-profit counts as private) never submitted and has one reminder (to two users).
      { group: 'PRIVATE', reports: 2, reviewed: 1, medianDaysToDecision: 7, returnedShare: 0, threadsPerReport: 0, remindersPerReport: 0.5, overdueShare: 0.5 },
    ]);
  });

  it('indicator results by ownership: count, mean and median of the published values of the year', async () => {
    const figures = (await admin.gql(FIGURES, { y: YI })).data!.neutralityFigures;
    expect(figures.indicators.filter((i: { indicatorCode: string }) => i.indicatorCode === 'RES-PCT-FU')).toEqual([
      { indicatorCode: 'RES-PCT-FU', ownership: 'IN_HOUSE', count: 2, mean: 85, median: 85, target: 80, meetingTarget: 2 },
      { indicatorCode: 'RES-PCT-FU', ownership: 'PRIVATE', count: 1, mean: 60, median: 60, target: 80, meetingTarget: 0 },
      // The suppressed value counts for nothing.
      { indicatorCode: 'RES-PCT-FU', ownership: 'NON_PROFIT', count: 0, mean: null, median: null, target: 80, meetingTarget: 0 },
    ]);
    // A target changed after publication does not judge the values again: each keeps the target it was published with.
    await app.ds.query(`UPDATE target SET value = 95 WHERE year = ${YI} AND indicator_id = (SELECT id FROM indicator WHERE code = 'RES-PCT-FU')`);
    try {
      const again = (await admin.gql(FIGURES, { y: YI })).data!.neutralityFigures.indicators;
      expect(again.find((i: { ownership: string; indicatorCode: string }) => i.indicatorCode === 'RES-PCT-FU' && i.ownership === 'IN_HOUSE')).toMatchObject({ target: 80, meetingTarget: 2 });
    } finally {
      await app.ds.query(`UPDATE target SET value = 80 WHERE year = ${YI} AND indicator_id = (SELECT id FROM indicator WHERE code = 'RES-PCT-FU')`);
    }
  });

  it('is for the region: providers are refused, anonymous callers must log in; a bad year names the field', async () => {
    expect(codeOf(await provider.gql(FIGURES, { y: Y }))).toEqual(['FORBIDDEN']);
    expect(codeOf(await anonymous.gql(FIGURES, { y: Y }))).toEqual(['UNAUTHENTICATED']);
    expect(fieldsOf(await admin.gql(FIGURES, { y: 1999 }))).toEqual([{ path: 'year', message: 'A year between 2000 and 2100' }]);
  });

  it('runs a bounded number of SQL statements, whatever the number of units', async () => {
    const run = () => app.countSql(async () => expect((await auditor.gql(FIGURES, { y: Y })).errors).toBeUndefined());
    const before = await run();
    const company = await newProvider('Många enheter AB', orgNumber(8104), 'PRIVATE');
    for (let i = 0; i < 30; i++) {
      const [row] = await app.ds.query(`INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, $2, $3, 'HEALTH_CENTRE') RETURNING id`, [company, '2380', `Mängd ${i}`]);
      await app.ds.query(`INSERT INTO unit_economics (unit_id, year, capitation, source) VALUES ($1, 2093, 1000, 'MANUAL')`, [row.id]);
      await app.ds.query(`INSERT INTO unit_listing (unit_id, year, listed_persons, source) VALUES ($1, 2093, 10, 'MANUAL')`, [row.id]);
    }
    const many = await app.countSql(async () => {
      const res = await auditor.gql(FIGURES, { y: 2093 });
      expect(res.data!.neutralityFigures.reimbursement[0]).toMatchObject({ units: 30, listedPersons: 300, perListedPerson: 100 });
    });
    expect(many).toBe(before);
    expect(before).toBeLessThanOrEqual(8);
  });
});

describe('adopting the neutrality report', () => {
  it('is public only once adopted, with its figures frozen at adoption', async () => {
    expect((await anonymous.gql(PUBLIC_NEUTRALITY, { y: Y })).data!.neutralityReport).toBeNull();
    const list = async () => (await anonymous.gql('{ neutralityReports { year version } }')).data!.neutralityReports as { year: number }[];
    expect((await list()).map((r) => r.year)).not.toContain(Y);

    const res = await reviewer.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'RS/PROV/2092', on: '2092-03-15', v: 0 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.adoptNeutralityReport).toMatchObject({ year: Y, version: 1, decisionReference: 'RS/PROV/2092', adoptedOn: '2092-03-15' });
    const audit = await app.ds.query(`SELECT action, entity_id, after->>'version' AS version FROM audit_event WHERE entity_type = 'NeutralityReport'`);
    expect(audit).toEqual([{ action: 'NEUTRALITY_REPORT_ADOPTED', entity_id: res.data!.adoptNeutralityReport.id, version: '1' }]);

    const shown = (await anonymous.gql(PUBLIC_NEUTRALITY, { y: Y })).data!.neutralityReport;
    expect(shown).toMatchObject({ year: Y, version: 1, figures: { compensationTotal: 650000, review: [{ group: 'IN_HOUSE', overdueShare: 0.5 }, { group: 'PRIVATE', overdueShare: 0.5 }] } });
    expect((await list()).find((r) => r.year === Y)).toEqual({ year: Y, version: 1 });

    // The figures move on; the adopted report does not.
    await app.ds.query(`UPDATE unit_economics SET capitation = capitation + 300000 WHERE unit_id = $1 AND year = $2`, [u.C, Y]);
    const live = (await admin.gql(FIGURES, { y: Y })).data!.neutralityFigures.reimbursement[1];
    expect(live).toMatchObject({ ownership: 'PRIVATE', perListedPerson: 973 });
    const frozen = (await anonymous.gql(`query($y: Int!) { neutralityReport(year: $y) { figures { reimbursement { ownership perListedPerson } } } }`, { y: Y })).data!
      .neutralityReport.figures.reimbursement[1];
    expect(frozen).toEqual({ ownership: 'PRIVATE', perListedPerson: 700 });
  });

  it('a new adoption is a new version; a stale expected version is a CONFLICT and changes nothing', async () => {
    const stale = await admin.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'RS/PROV/2092b', on: '2092-04-01', v: 0 });
    expect(codeOf(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions.currentVersion).toBe(1);
    const next = await admin.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'RS/PROV/2092b', on: '2092-04-01', v: 1 });
    expect(next.data!.adoptNeutralityReport).toMatchObject({ version: 2, figures: { reimbursement: [{}, { ownership: 'PRIVATE', perListedPerson: 973 }, {}, {}, {}, {}] } });
    expect((await anonymous.gql(PUBLIC_NEUTRALITY, { y: Y })).data!.neutralityReport).toMatchObject({ version: 2, decisionReference: 'RS/PROV/2092b' });
    expect((await app.one(`SELECT count(*)::int AS n FROM neutrality_report WHERE year = $1`, [Y])).n).toBe(2);
  });

  it('requires the version seen: an adoption without it is refused and makes no new version', async () => {
    const blind = await admin.gql(`mutation($y: Int!) { adoptNeutralityReport(year: $y, decisionReference: "RS/PROV/blind", adoptedOn: "2092-04-02") { version } }`, { y: Y });
    expect(blind.errors).toHaveLength(1);
    expect(blind.data?.adoptNeutralityReport ?? null).toBeNull();
    expect(codeOf(await admin.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'RS/PROV/null', on: '2092-04-02', v: null }))).toHaveLength(1);
    expect((await app.one(`SELECT count(*)::int AS n, max(version) AS v FROM neutrality_report WHERE year = $1`, [Y]))).toEqual({ n: 2, v: 2 });
  });

  it('names the bad fields, and is for ADMIN and REVIEWER only', async () => {
    const bad = await admin.gql(ADOPT_NEUTRALITY, { y: Y, ref: '  ', on: '2092-02-28', v: 2 });
    expect(fieldsOf(bad)).toEqual([{ path: 'decisionReference', message: 'Enter the decision reference' }]);
    // A day that does not exist never reaches the service: the LocalDate scalar refuses it.
    expect(codeOf(await admin.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'RS/1', on: '2092-02-30', v: 2 }))).toEqual(['BAD_USER_INPUT']);
    expect(codeOf(await auditor.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'X', on: '2092-01-01', v: 2 }))).toEqual(['FORBIDDEN']);
    expect(codeOf(await provider.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'X', on: '2092-01-01', v: 2 }))).toEqual(['FORBIDDEN']);
    expect(codeOf(await anonymous.gql(ADOPT_NEUTRALITY, { y: Y, ref: 'X', on: '2092-01-01', v: 2 }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.one(`SELECT count(*)::int AS n FROM neutrality_report WHERE year = $1`, [Y])).n).toBe(2);
  });

  it('the database refuses changing, deleting and truncating adopted versions', async () => {
    await expect(app.ds.query(`UPDATE neutrality_report SET decision_reference = 'X' WHERE year = $1`, [Y])).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`DELETE FROM neutrality_report WHERE year = $1`, [Y])).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`TRUNCATE neutrality_report`)).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`INSERT INTO neutrality_report (year, version, figures, decision_reference, adopted_on) VALUES ($1, 2, '{}', 'X', '2092-01-01')`, [Y])).rejects.toThrow(
      /neutrality_report_year_version_key/,
    );
  });
});

describe('the annual report to the board', () => {
  let id: string;
  let version: number;

  it('is created as a draft, once per year, with live figures computed by hand', async () => {
    const res = await reviewer.gql(`mutation($y: Int!) { createAnnualReport(year: $y) { ${ANNUAL_FIELDS} } }`, { y: Y });
    expect(res.errors).toBeUndefined();
    const report = res.data!.createAnnualReport;
    ({ id, version } = report);
    expect(report).toMatchObject({ year: Y, status: 'DRAFT', version: 1, figuresFrozen: false, decisionReference: null, publishedAt: null });
    expect(report.sections.map((s: { key: string }) => s.key)).toEqual(['SUMMARY', 'GOALS', 'INDICATORS', 'ROUNDS', 'INSIGHT', 'NEUTRALITY', 'CONCLUSIONS']);
    const figures = report.figures;
    const code = (await app.one(`SELECT code FROM goal WHERE id = $1`, [goalM1])).code;
    // The latest approval of each report: r1 MET (in-house), r2 PARTLY_MET (in-house), r3 NOT_MET (private).
    expect(figures.goals).toEqual([
      { goalCode: code, ownership: 'IN_HOUSE', met: 1, partlyMet: 1, notMet: 0, notAssessed: 0 },
      { goalCode: code, ownership: 'PRIVATE', met: 0, partlyMet: 0, notMet: 1, notAssessed: 0 },
    ]);
    // Submitted: r1, r2, r3; on time: r1 and r3.
    expect(figures.rounds).toEqual([{ name: 'Provomgång 2091', period: String(Y), reports: 4, submitted: 3, submittedOnTime: 2, onTimeShare: 0.5 }]);
    expect(figures.timeliness).toEqual([
      { ownership: 'IN_HOUSE', reports: 2, submitted: 2, submittedOnTime: 1, onTimeShare: 0.5 },
      { ownership: 'PRIVATE', reports: 1, submitted: 1, submittedOnTime: 1, onTimeShare: 1 },
      { ownership: 'NON_PROFIT', reports: 1, submitted: 0, submittedOnTime: 0, onTimeShare: 0 },
    ]);
    expect(figures.insight).toEqual({ received: 3, decided: 2, medianDaysToDecision: 15, disclosed: 2, partlyDisclosed: 0, refused: 0 });
    // From the adopted neutrality report in force (version 2): in-house 1 860 000 / 3 000; private 1 070 000 / 1 100.
    expect(figures.neutrality).toEqual({
      version: 2,
      decisionReference: 'RS/PROV/2092b',
      perListedPerson: [{ choiceSystemCode: 'HALSOVAL', inHouse: 620, private: 973 }],
      compensationTotal: 650000,
      medianReviewDaysInHouse: 5,
      medianReviewDaysPrivate: 7,
      overdueShareInHouse: 0.5,
      overdueSharePrivate: 0.5,
    });
    const again = await admin.gql(`mutation($y: Int!) { createAnnualReport(year: $y) { id } }`, { y: Y });
    expect(fieldsOf(again)).toEqual([{ path: 'year', message: 'There is already an annual report for this year' }]);
  });

  it('anonymous callers see nothing of a draft', async () => {
    expect((await anonymous.gql(`query($y: Int!) { annualReport(year: $y) { id } }`, { y: Y })).data!.annualReport).toBeNull();
    expect((await anonymous.gql(`{ annualReports { year } }`)).data!.annualReports.map((r: { year: number }) => r.year)).not.toContain(Y);
    expect(codeOf(await anonymous.gql(`query($id: ID!) { regionAnnualReport(id: $id) { id } }`, { id }))).toEqual(['UNAUTHENTICATED']);
    expect(codeOf(await provider.gql(`query($id: ID!) { regionAnnualReport(id: $id) { id } }`, { id }))).toEqual(['FORBIDDEN']);
    expect(codeOf(await provider.gql(`{ regionAnnualReports { id } }`))).toEqual(['FORBIDDEN']);
    expect((await auditor.gql(`{ regionAnnualReports { year status } }`)).data!.regionAnnualReports).toContainEqual({ year: Y, status: 'DRAFT' });
  });

  const SAVE = `mutation($id: ID!, $v: Int!, $s: [AnnualReportSectionInput!]!) { saveAnnualReport(id: $id, expectedVersion: $v, sections: $s) { version sections { key text } } }`;
  it('saves texts with the version seen: a stale one is a CONFLICT; every change is audited', async () => {
    const res = await reviewer.gql(SAVE, { id, v: version, s: [{ key: 'SUMMARY', text: 'Året i korthet.' }, { key: 'CONCLUSIONS', text: 'Slutsatser.' }] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.saveAnnualReport.version).toBe(version + 1);
    expect(res.data!.saveAnnualReport.sections[0]).toEqual({ key: 'SUMMARY', text: 'Året i korthet.' });
    const stale = await admin.gql(SAVE, { id, v: version, s: [{ key: 'SUMMARY', text: 'Skriver över.' }] });
    expect(codeOf(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions.currentVersion).toBe(version + 1);
    version += 1;
    const audit = await app.ds.query(`SELECT action, before, after FROM audit_event WHERE entity_type = 'AnnualReport' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['ANNUAL_REPORT_CREATED', 'ANNUAL_REPORT_UPDATED']);
    expect(audit[1].after).toEqual({ SUMMARY: 'Året i korthet.', CONCLUSIONS: 'Slutsatser.' });
    const dup = await admin.gql(SAVE, { id, v: version, s: [{ key: 'SUMMARY', text: 'a' }, { key: 'SUMMARY', text: 'b' }] });
    expect(fieldsOf(dup)).toEqual([{ path: 'sections.1.key', message: 'This section comes twice' }]);
    const long = await admin.gql(SAVE, { id, v: version, s: [{ key: 'GOALS', text: 'x'.repeat(20001) }] });
    expect(fieldsOf(long)).toEqual([{ path: 'sections.0.text', message: 'At most 20000 characters' }]);
    expect(codeOf(await auditor.gql(SAVE, { id, v: version, s: [] }))).toEqual(['FORBIDDEN']);
  });

  it('adopts (figures frozen), then publishes; only then is it public', async () => {
    const ADOPT = `mutation($id: ID!, $v: Int!, $ref: String!, $on: LocalDate!) { adoptAnnualReport(id: $id, expectedVersion: $v, decisionReference: $ref, adoptedOn: $on) { ${ANNUAL_FIELDS} } }`;
    const PUBLISH = `mutation($id: ID!, $v: Int!) { publishAnnualReport(id: $id, expectedVersion: $v) { status version publishedAt } }`;
    expect(codeOf(await admin.gql(PUBLISH, { id, v: version }))).toEqual(['BAD_USER_INPUT']);
    expect(codeOf(await admin.gql(ADOPT, { id, v: version - 1, ref: 'RS/PROV/ÅR', on: '2092-05-01' }))).toEqual(['CONFLICT']);
    const adopted = await admin.gql(ADOPT, { id, v: version, ref: 'RS/PROV/ÅR', on: '2092-05-01' });
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data!.adoptAnnualReport).toMatchObject({ status: 'ADOPTED', figuresFrozen: true, decisionReference: 'RS/PROV/ÅR', adoptedOn: '2092-05-01' });
    version = adopted.data!.adoptAnnualReport.version;
    // Adopted but not published: still nothing for the public.
    expect((await anonymous.gql(`query($y: Int!) { annualReport(year: $y) { id } }`, { y: Y })).data!.annualReport).toBeNull();
    // Texts are frozen.
    expect(fieldsOf(await admin.gql(SAVE, { id, v: version, s: [{ key: 'SUMMARY', text: 'Ändrad' }] }))[0].path).toBe('id');
    // Figures are frozen: a new late submission changes the live figures, not the adopted ones.
    await app.ds.query(`UPDATE report SET status = 'SUBMITTED', submitted_at = '2024-05-01T00:00:00Z' WHERE id = $1`, [reports.r4]);
    await submit(reports.r4, '2024-05-01T00:00:00Z');
    const figuresNow = (await admin.gql(`query($id: ID!) { regionAnnualReport(id: $id) { figures { rounds { submitted } } } }`, { id })).data!.regionAnnualReport;
    expect(figuresNow.figures.rounds[0].submitted).toBe(3);

    const published = await reviewer.gql(PUBLISH, { id, v: version });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishAnnualReport).toMatchObject({ status: 'PUBLISHED', version: version + 1 });
    const shown = (await anonymous.gql(`query($y: Int!) { annualReport(year: $y) { status decisionReference sections { key text } figures { rounds { submitted } neutrality { version } } } }`, { y: Y }))
      .data!.annualReport;
    expect(shown).toMatchObject({ status: 'PUBLISHED', decisionReference: 'RS/PROV/ÅR', figures: { rounds: [{ submitted: 3 }], neutrality: { version: 2 } } });
    expect(shown.sections[0]).toEqual({ key: 'SUMMARY', text: 'Året i korthet.' });
    expect((await anonymous.gql(`{ annualReports { year } }`)).data!.annualReports.map((r: { year: number }) => r.year)).toContain(Y);
    expect(codeOf(await admin.gql(PUBLISH, { id, v: version + 1 }))).toEqual(['BAD_USER_INPUT']);
    const actions = await app.ds.query(`SELECT action FROM audit_event WHERE entity_type = 'AnnualReport' AND entity_id = $1 ORDER BY id`, [id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['ANNUAL_REPORT_CREATED', 'ANNUAL_REPORT_UPDATED', 'ANNUAL_REPORT_ADOPTED', 'ANNUAL_REPORT_PUBLISHED']);
  });

  it('the database refuses changes after adoption, going back in status, deleting and mismatched fields', async () => {
    await expect(app.ds.query(`UPDATE annual_report SET sections = '[]' WHERE id = $1`, [id])).rejects.toThrow(/frozen/);
    await expect(app.ds.query(`UPDATE annual_report SET figures = '{}' WHERE id = $1`, [id])).rejects.toThrow(/frozen/);
    await expect(app.ds.query(`UPDATE annual_report SET status = 'ADOPTED', published_at = NULL WHERE id = $1`, [id])).rejects.toThrow(/does not go back/);
    await expect(app.ds.query(`DELETE FROM annual_report WHERE id = $1`, [id])).rejects.toThrow(/never deleted/);
    await expect(app.ds.query(`TRUNCATE annual_report`)).rejects.toThrow(/append-only/);
    const draft = await app.one(`INSERT INTO annual_report (year) VALUES (2094) RETURNING id`);
    await expect(app.ds.query(`UPDATE annual_report SET status = 'ADOPTED' WHERE id = $1`, [draft.id])).rejects.toThrow(/annual_report_adoption_fields/);
    const adoption = `figures = '{}', decision_reference = 'X', adopted_on = '2094-01-01'`;
    // Adopted by someone: the database knows who.
    await expect(app.ds.query(`UPDATE annual_report SET status = 'ADOPTED', ${adoption} WHERE id = $1`, [draft.id])).rejects.toThrow(/annual_report_adoption_fields/);
    // Never straight from a draft to published, not even with every field set.
    await expect(
      app.ds.query(`UPDATE annual_report SET status = 'PUBLISHED', ${adoption}, adopted_by = $2, published_at = now() WHERE id = $1`, [draft.id, users.admin]),
    ).rejects.toThrow(/only through ADOPTED/);
    // Nor born adopted or published.
    for (const status of ['ADOPTED', 'PUBLISHED']) {
      await expect(
        app.ds.query(
          `INSERT INTO annual_report (year, status, figures, decision_reference, adopted_on, adopted_by, published_at)
           VALUES (2095, $1, '{}', 'X', '2095-01-01', $2, CASE WHEN $1 = 'PUBLISHED' THEN now() END)`,
          [status, users.admin],
        ),
      ).rejects.toThrow(/starts as a draft/);
    }
    await expect(app.ds.query(`UPDATE annual_report SET status = 'ADOPTED', ${adoption}, adopted_by = $2, published_at = now() WHERE id = $1`, [draft.id, users.admin])).rejects.toThrow(
      /annual_report_published_fields/,
    );
    await expect(app.ds.query(`INSERT INTO annual_report (year, sections) VALUES (2095, '{}')`)).rejects.toThrow(/check/);
  });

  it('an unknown id is NOT_FOUND for the region', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(await admin.gql(`query($id: ID!) { regionAnnualReport(id: $id) { id } }`, { id: missing }))).toEqual(['NOT_FOUND']);
    expect(codeOf(await admin.gql(`mutation($id: ID!) { publishAnnualReport(id: $id, expectedVersion: 1) { id } }`, { id: missing }))).toEqual(['NOT_FOUND']);
  });
});

describe('sums of money beyond a 32-bit Int', () => {
  const YB = 2096;
  const BIG = 400_000_000;
  it('reimbursement and compensation totals of many units are exact SafeInts, in the live figures and the adopted report', async () => {
    const big = await newProvider('Stora enheter AB', orgNumber(8105), 'PRIVATE');
    const units: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [row] = await app.ds.query(`INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, $2, $3, 'HEALTH_CENTRE') RETURNING id`, [big, MUNI, `Stor ${i}`]);
      units.push(row.id);
      await app.ds.query(
        `INSERT INTO unit_economics (unit_id, year, capitation, visit_fees, goal_related, vat_compensation, other, source) VALUES ($1, ${YB}, $2, $2, $2, $2, $2, 'MANUAL')`,
        [row.id, BIG],
      );
      await app.ds.query(`INSERT INTO unit_listing (unit_id, year, listed_persons, source) VALUES ($1, ${YB}, 100000, 'MANUAL')`, [row.id]);
    }
    // 3 units × 5 components × 400 000 000 = 6 000 000 000 kr for 300 000 listed persons: 20 000 each.
    const expected = { ownership: 'PRIVATE', units: 3, listedPersons: 300000, reimbursement: 6_000_000_000, reimbursementOfListedUnits: 6_000_000_000, perListedPerson: 20000 };
    const live = await admin.gql(FIGURES, { y: YB });
    expect(live.errors).toBeUndefined();
    expect(live.data!.neutralityFigures.reimbursement[0]).toMatchObject({ municipalityCode: null, ...expected });

    const adopted = await admin.gql(ADOPT_NEUTRALITY, { y: YB, ref: 'RS/STOR/1', on: '2097-03-01', v: 0 });
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data!.adoptNeutralityReport).toMatchObject({ version: 1 });
    const shown = await anonymous.gql(`query($y: Int!) { neutralityReport(year: $y) { version figures { reimbursement { ownership reimbursement } } } }`, { y: YB });
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.neutralityReport.figures.reimbursement[0]).toEqual({ ownership: 'PRIVATE', reimbursement: 6_000_000_000 });
    const all = await anonymous.gql(`{ neutralityReports { year figures { compensationTotal reimbursement { reimbursement reimbursementOfListedUnits } } } }`);
    expect(all.errors).toBeUndefined();
    expect(all.data!.neutralityReports.map((r: { year: number }) => r.year)).toContain(YB);
  });

  it('an adoption whose figures do not fit the report is refused before anything is stored', async () => {
    // The database keeps each amount within 400 000 000 kr, so no real year gets here: a count
    // beyond a 32-bit Int stands in for any figure that does not fit its GraphQL type.
    const YX = 2089;
    const auditsBefore = (await app.one(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'NeutralityReport'`)).n;
    const spy = vi.spyOn(resultsService, 'ownershipAggregatesOfYear').mockResolvedValueOnce([
      { indicatorCode: 'X', indicatorName: 'X', unit: 'COUNT', direction: 'HIGHER_IS_BETTER', ownership: 'PRIVATE', count: 2 ** 31, mean: null, median: null, target: null, meetingTarget: 0 },
    ] as never);
    try {
      const refused = await admin.gql(ADOPT_NEUTRALITY, { y: YX, ref: 'RS/PROV/X', on: '2090-01-01', v: 0 });
      expect(fieldsOf(refused)[0]).toMatchObject({ path: 'year' });
      expect(fieldsOf(refused)[0].message).toMatch(/indicators\.0\.count/);
    } finally {
      spy.mockRestore();
    }
    expect((await app.one(`SELECT count(*)::int AS n FROM neutrality_report WHERE year = ${YX}`)).n).toBe(0);
    expect((await app.one(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'NeutralityReport'`)).n).toBe(auditsBefore);
    // The public pages stay whole.
    expect((await anonymous.gql(`{ neutralityReports { year figures { compensationTotal } } }`)).errors).toBeUndefined();
  });
});

describe('the statements of the figures', () => {
  /** An entity manager that counts the statements running at once on it. */
  function watched() {
    let running = 0;
    let most = 0;
    const em = {
      query: async (sql: string, params?: unknown[]) => {
        running++;
        most = Math.max(most, running);
        try {
          return await app.ds.query(sql, params);
        } finally {
          running--;
        }
      },
    };
    return { ctx: { em } as unknown as Context, most: () => most };
  }

  it('run one after another (a transaction has one connection, which runs one query at a time)', async () => {
    const neutrality = watched();
    await neutralityFigures(neutrality.ctx, Y);
    expect(neutrality.most()).toBe(1);
    const annual = watched();
    await annualFigures(annual.ctx, Y, null);
    expect(annual.most()).toBe(1);
  });

  it('the list of annual reports computes no live figures: the same statements for one draft or five', async () => {
    const LIST = `{ regionAnnualReports { year status figures { year neutrality { compensationTotal } } } }`;
    const run = () =>
      app.countSql(async () => {
        const res = await auditor.gql(LIST);
        expect(res.errors).toBeUndefined();
        for (const r of res.data!.regionAnnualReports as { status: string; figures: unknown }[]) {
          if (r.status === 'DRAFT') expect(r.figures).toBeNull();
          else expect(r.figures).not.toBeNull();
        }
      });
    const before = await run();
    for (const year of [2081, 2082, 2083, 2084]) await app.ds.query(`INSERT INTO annual_report (year) VALUES ($1)`, [year]);
    const drafts = (await app.one(`SELECT count(*)::int AS n FROM annual_report WHERE status = 'DRAFT'`)).n;
    expect(drafts).toBeGreaterThanOrEqual(5);
    expect(await run()).toBe(before);
    expect(before).toBeLessThanOrEqual(3);
    // One draft read alone has its live figures.
    const one2081 = await app.one(`SELECT id FROM annual_report WHERE year = 2081`);
    const alone = await auditor.gql(`query($id: ID!) { regionAnnualReport(id: $id) { figures { year } } }`, { id: one2081.id });
    expect(alone.data!.regionAnnualReport.figures).toEqual({ year: 2081 });
  });
});
