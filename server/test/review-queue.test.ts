import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { auditRowsOf, loginActors, orgNumber, requestIdOf, type Actors } from './support/actors.js';
import { badFields } from './support/reporting.js';
import { GQL, ok, reviewTemplate, type ReviewTemplate } from './support/review.js';

/**
 * The reviewer's queue: reports filtered by status, round, provider, ownership, municipality,
 * choice system, overdue and assignment; bulk assignment with an audit row per report that
 * changed; and SQL statements that do not grow with the number of reports in the queue.
 */
let app: TestApp;
let actors: Actors;
let reviewer: Client;
let admin: Client;
let t: ReviewTemplate;
const x = {} as Record<'privat' | 'egen' | 'halsoval' | 'tandvard' | 'r1' | 'r2' | 'reviewerId' | 'adminId', string>;
/** Report ids by name: round and agreement, e.g. r1.lov. */
const r = {} as Record<string, string>;

async function provider(name: string, ownership: string, n: number): Promise<string> {
  return (await app.one('INSERT INTO provider (name, org_number, ownership) VALUES ($1, $2, $3) RETURNING id', [name, orgNumber(n), ownership])).id;
}
async function agreement(providerId: string, reference: string, form: string, choiceSystemId: string | null, municipality: string): Promise<string> {
  const unit = await app.one(`INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, $2, $3, 'HEALTH_CENTRE') RETURNING id`, [
    providerId,
    municipality,
    `Enhet ${reference}`,
  ]);
  const a = await app.one(
    `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope) VALUES ($1, $2, $3, $4, '2024-01-01', true) RETURNING id`,
    [providerId, choiceSystemId, form, reference],
  );
  await app.ds.query('INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)', [a.id, unit.id, providerId]);
  return a.id;
}
async function round(name: string): Promise<string> {
  return (
    await app.one(
      `INSERT INTO follow_up_round (name, period, template_id, opens_at, due_at, status, opened_at)
       VALUES ($1, '2025', $2, now() - interval '60 days', now() + interval '30 days', 'OPEN', now()) RETURNING id`,
      [name, t.id],
    )
  ).id;
}
/** A report in a state, due some days from now (negative: past due), assigned to someone or nobody. */
async function report(roundId: string, agreementReference: string, status: string, dueInDays: number, assignedTo: string | null = null): Promise<string> {
  return (
    await app.one(
      `INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, due_at, status, submitted_at, assigned_to)
       SELECT 'KÖ-' || lpad(nextval('report_reference_seq')::text, 5, '0'), $1, a.id, a.provider_id, $2, now() + make_interval(days => $3), $4,
              CASE WHEN $4 IN ('NOT_STARTED', 'DRAFT') THEN NULL ELSE now() - interval '1 day' END, $5
       FROM agreement a WHERE a.reference = $6 RETURNING id`,
      [roundId, t.id, dueInDays, status, assignedTo, agreementReference],
    )
  ).id;
}

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  reviewer = actors.clients.REVIEWER;
  admin = actors.clients.ADMIN;
  x.reviewerId = actors.userIds.REVIEWER!;
  x.adminId = actors.userIds.ADMIN!;
  t = await reviewTemplate(app.ds, 'Kömall');
  x.halsoval = (await app.one(`SELECT id FROM choice_system WHERE code = 'HALSOVAL'`)).id;
  x.tandvard = (await app.one(`SELECT id FROM choice_system WHERE code = 'TANDVARD_BUV'`)).id;
  x.privat = await provider('Köfilter Privat AB', 'PRIVATE', 801);
  x.egen = await provider('Köfilter Egen Regi', 'IN_HOUSE', 802);
  await agreement(x.privat, 'KÖ-LOV-1', 'LOV', x.halsoval, '2380'); // Östersund
  await agreement(x.privat, 'KÖ-LOU-2', 'LOU', null, '2321'); // Åre
  await agreement(x.egen, 'KÖ-UB-3', 'IN_HOUSE', x.tandvard, '2380');
  x.r1 = await round('Köomgång 1');
  x.r2 = await round('Köomgång 2');
  r['r1.lov'] = await report(x.r1, 'KÖ-LOV-1', 'SUBMITTED', -3, x.reviewerId); // past due but submitted: not overdue
  r['r1.lou'] = await report(x.r1, 'KÖ-LOU-2', 'NOT_STARTED', -2); // overdue
  r['r1.ub'] = await report(x.r1, 'KÖ-UB-3', 'CHANGES_REQUESTED', 5, x.adminId);
  r['r2.lov'] = await report(x.r2, 'KÖ-LOV-1', 'DRAFT', -1); // overdue
  r['r2.lou'] = await report(x.r2, 'KÖ-LOU-2', 'APPROVED', 10, x.reviewerId);
  r['r2.ub'] = await report(x.r2, 'KÖ-UB-3', 'SUBMITTED', 20);
});
afterAll(() => app?.close());

const QUEUE = `query($filter: ReportFilter) { reports(filter: $filter, first: 500) { totalCount edges { node {
  id status overdue provider { id ownership } round { id } assignedTo { id }
  agreement { choiceSystem { id } units { municipality { code } } }
} } } }`;
const NAMES = () => new Map(Object.entries(r).map(([name, id]) => [id, name]));

/** Every report the filter returns (checked against `each`), and the names of this file's among them. */
async function queue(client: Client, filter: Record<string, unknown>, each?: (node: any) => boolean): Promise<string[]> {
  const res = await ok(client, QUEUE, { filter });
  const nodes = res.reports.edges.map((e: any) => e.node);
  expect(res.reports.totalCount).toBe(nodes.length);
  if (each) for (const node of nodes) expect(each(node), JSON.stringify(node)).toBe(true);
  const names = NAMES();
  return nodes
    .filter((n: any) => names.has(n.id))
    .map((n: any) => names.get(n.id)!)
    .sort();
}

describe('queue filters', () => {
  it('status, round, provider and ownership', async () => {
    expect(await queue(reviewer, { status: ['SUBMITTED'] }, (n) => n.status === 'SUBMITTED')).toEqual(['r1.lov', 'r2.ub']);
    expect(await queue(reviewer, { status: ['SUBMITTED', 'CHANGES_REQUESTED'] }, (n) => ['SUBMITTED', 'CHANGES_REQUESTED'].includes(n.status))).toEqual([
      'r1.lov',
      'r1.ub',
      'r2.ub',
    ]);
    expect(await queue(reviewer, { roundId: x.r1 }, (n) => n.round.id === x.r1)).toEqual(['r1.lou', 'r1.lov', 'r1.ub']);
    expect(await queue(reviewer, { providerId: x.privat }, (n) => n.provider.id === x.privat)).toEqual(['r1.lou', 'r1.lov', 'r2.lou', 'r2.lov']);
    expect(await queue(reviewer, { roundId: x.r2, ownership: ['IN_HOUSE'] }, (n) => n.provider.ownership === 'IN_HOUSE')).toEqual(['r2.ub']);
    expect(await queue(reviewer, { roundId: x.r2, ownership: ['PRIVATE', 'NON_PROFIT'] })).toEqual(['r2.lou', 'r2.lov']);
  });

  it('municipalityCode: reports with a unit in the municipality', async () => {
    const inMunicipality = (code: string) => (n: any) => n.agreement.units.some((u: any) => u.municipality.code === code);
    expect(await queue(reviewer, { municipalityCode: '2321' }, inMunicipality('2321'))).toEqual(['r1.lou', 'r2.lou']);
    expect(await queue(reviewer, { municipalityCode: '2380', roundId: x.r1 }, inMunicipality('2380'))).toEqual(['r1.lov', 'r1.ub']);
    expect(await queue(reviewer, { municipalityCode: '2326', roundId: x.r1 })).toEqual([]);
  });

  it('choiceSystemId', async () => {
    expect(await queue(reviewer, { choiceSystemId: x.tandvard }, (n) => n.agreement.choiceSystem?.id === x.tandvard)).toEqual(['r1.ub', 'r2.ub']);
    expect(await queue(reviewer, { choiceSystemId: x.halsoval, roundId: x.r2 }, (n) => n.agreement.choiceSystem?.id === x.halsoval)).toEqual(['r2.lov']);
  });

  it('overdue: past due and not submitted (or returned for changes)', async () => {
    expect(await queue(reviewer, { overdue: true }, (n) => n.overdue)).toEqual(['r1.lou', 'r2.lov']);
    expect(await queue(reviewer, { overdue: false }, (n) => !n.overdue)).toEqual(['r1.lov', 'r1.ub', 'r2.lou', 'r2.ub']);
  });

  it('assignedToMe: true is mine, false is nobody\'s', async () => {
    expect(await queue(reviewer, { assignedToMe: true }, (n) => n.assignedTo?.id === x.reviewerId)).toEqual(['r1.lov', 'r2.lou']);
    expect(await queue(admin, { assignedToMe: true }, (n) => n.assignedTo?.id === x.adminId)).toEqual(['r1.ub']);
    expect(await queue(reviewer, { assignedToMe: false }, (n) => n.assignedTo === null)).toEqual(['r1.lou', 'r2.lov', 'r2.ub']);
    // Filters combine: submitted and waiting for someone to take them.
    expect(await queue(reviewer, { assignedToMe: false, status: ['SUBMITTED'] })).toEqual(['r2.ub']);
    expect(await queue(reviewer, { assignedToMe: true, overdue: false, municipalityCode: '2321' })).toEqual(['r2.lou']);
  });

  it('refuses a municipality code that is not four digits and an id that is not an id, naming the field', async () => {
    expect(badFields(await reviewer.gql(QUEUE, { filter: { municipalityCode: '23' } }))).toEqual([
      { path: 'filter.municipalityCode', message: expect.any(String) },
    ]);
    expect(badFields(await reviewer.gql(QUEUE, { filter: { choiceSystemId: 'HALSOVAL' } }))).toEqual([{ path: 'filter.choiceSystemId', message: 'Not a valid id' }]);
  });
});

describe('assignReports', () => {
  const assignedTo = async (name: string) => (await app.one('SELECT assigned_to FROM report WHERE id = $1', [r[name]])).assigned_to;
  const state = () => app.one(`SELECT (SELECT json_agg(json_build_array(id, assigned_to, version) ORDER BY id) FROM report) AS reports, (SELECT count(*) FROM audit_event) AS audit`);

  it('assigns in bulk, with an audit row for each report that changed', async () => {
    const ids = [r['r1.lov'], r['r1.lou'], r['r2.ub']];
    const res = (await ok(reviewer, GQL.assign, { ids, to: x.reviewerId })).assignReports;
    expect(res.map((n: any) => n.assignedTo)).toEqual([{ id: x.reviewerId, name: 'Rasmus Granskare' }, { id: x.reviewerId, name: 'Rasmus Granskare' }, { id: x.reviewerId, name: 'Rasmus Granskare' }]);
    expect(new Set(res.map((n: any) => n.id))).toEqual(new Set(ids));
    const rows = await auditRowsOf(app, requestIdOf(reviewer));
    // r1.lov was already the reviewer's: no change, no row.
    expect(rows.map((row) => [row.action, row.entity_id, row.before, row.after, row.actor_user_id]).sort()).toEqual(
      [
        ['REPORT_ASSIGNED', r['r1.lou'], { assignedTo: null }, { assignedTo: x.reviewerId }, x.reviewerId],
        ['REPORT_ASSIGNED', r['r2.ub'], { assignedTo: null }, { assignedTo: x.reviewerId }, x.reviewerId],
      ].sort(),
    );
    expect(await queue(reviewer, { assignedToMe: true })).toEqual(['r1.lou', 'r1.lov', 'r2.lou', 'r2.ub']);
  });

  it('hands reports to an administrator and back to nobody', async () => {
    await ok(admin, GQL.assign, { ids: [r['r2.ub']], to: x.adminId });
    expect(await assignedTo('r2.ub')).toBe(x.adminId);
    expect((await auditRowsOf(app, requestIdOf(admin))).map((row) => [row.before, row.after])).toEqual([[{ assignedTo: x.reviewerId }, { assignedTo: x.adminId }]]);
    const cleared = (await ok(reviewer, GQL.assign, { ids: [r['r2.ub'], r['r1.lou']], to: null })).assignReports;
    expect(cleared.map((n: any) => n.assignedTo)).toEqual([null, null]);
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toHaveLength(2);
    expect(await queue(reviewer, { assignedToMe: false, roundId: x.r2 })).toEqual(['r2.lov', 'r2.ub']);
  });

  it('refuses a reviewerId that is not an active reviewer or administrator, and stores nothing', async () => {
    const [inactive] = await app.ds.query(
      `INSERT INTO app_user (email, name, roles, active) VALUES ('f.d.granskare@insyn.example', 'Före detta Granskare', '{REVIEWER}', false) RETURNING id`,
    );
    const before = await state();
    for (const to of [actors.userIds.AUDITOR, actors.userIds.PROVIDER, actors.userIds.ANALYST, inactive.id, '00000000-0000-4000-8000-000000000000', 'inte-ett-id']) {
      const res = await reviewer.gql(GQL.assign, { ids: [r['r1.ub']], to });
      expect(badFields(res), String(to)).toEqual([{ path: 'reviewerId', message: 'Choose an active reviewer' }]);
      expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([]);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses an empty list, more than 500 reports, and an unknown report among known ones: all or nothing', async () => {
    const before = await state();
    expect(badFields(await reviewer.gql(GQL.assign, { ids: [], to: x.reviewerId })).map((f) => f.path)).toEqual(['reportIds']);
    const many = Array.from({ length: 501 }, () => r['r1.ub']);
    expect(badFields(await reviewer.gql(GQL.assign, { ids: many, to: x.reviewerId })).map((f) => f.path)).toEqual(['reportIds']);
    const unknown = await reviewer.gql(GQL.assign, { ids: [r['r1.ub'], '00000000-0000-4000-8000-000000000000'], to: x.reviewerId });
    expect(unknown.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(await state()).toEqual(before);
  });

  it('is the region\'s: a provider user gets FORBIDDEN for their own report, NOT_FOUND for another\'s', async () => {
    const [own] = await app.ds.query(
      `SELECT r.id FROM report r JOIN agreement a ON a.id = r.agreement_id WHERE a.reference = 'LOV-HV-2012-004' LIMIT 1`,
    );
    const before = await state();
    const mine = await actors.clients.PROVIDER.gql(GQL.assign, { ids: [own.id], to: x.reviewerId });
    expect(mine.errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const theirs = await actors.clients.PROVIDER.gql(GQL.assign, { ids: [own.id, r['r1.ub']], to: x.reviewerId });
    expect(theirs.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect((await actors.clients.AUDITOR.gql(GQL.assign, { ids: [own.id], to: x.reviewerId })).errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await state()).toEqual(before);
  });
});

describe('SQL statements of the queue do not grow with the number of reports', () => {
  const QUEUE_PAGE = `query($p: ID!) { reports(filter: { providerId: $p }, first: 500) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id reference status dueAt overdue submittedAt viewerCanReview openThreadCount
      provider { id name ownership }
      round { id name period dueAt }
      assignedTo { id name }
      agreement { reference choiceSystem { code } units { name municipality { code } } }
      progress { answered total required requiredAnswered }
    } }
  } }`;

  it('1 report and 30 reports in 30 rounds, with threads, answers and three different assignees', async () => {
    const p = await provider('Kömätning AB', 'PRIVATE', 803);
    await agreement(p, 'KÖ-MÄT-1', 'LOV', x.halsoval, '2313');
    const thread = async (reportId: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const [th] = await app.ds.query(
          `INSERT INTO comment_thread (report_id, template_id, question_id, created_by, resolved_at, resolved_by)
           VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END, CASE WHEN $5 THEN $4::uuid END) RETURNING id`,
          [reportId, t.id, i % 2 ? t.q.A : null, x.reviewerId, i % 3 === 2],
        );
        await app.ds.query(`INSERT INTO comment (thread_id, author_id, author_role, body) VALUES ($1, $2, 'REVIEWER', 'Fråga')`, [th.id, x.reviewerId]);
      }
    };
    const count = async () => {
      let res: any;
      const statements = await app.countSql(async () => {
        res = await reviewer.gql(QUEUE_PAGE, { p });
      });
      expect(res.errors).toBeUndefined();
      return { statements, reports: res.data.reports };
    };

    const first = await report(await round('Mätomgång 0'), 'KÖ-MÄT-1', 'SUBMITTED', 3, x.reviewerId);
    await thread(first, 1);
    const few = await count();
    expect(few.reports.totalCount).toBe(1);
    expect(few.reports.edges[0].node).toMatchObject({ openThreadCount: 1, assignedTo: { name: 'Rasmus Granskare' } });

    const assignees = [x.reviewerId, x.adminId, null];
    const statuses = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'];
    for (let i = 1; i < 30; i++) {
      const id = await report(await round(`Mätomgång ${i}`), 'KÖ-MÄT-1', statuses[i % 5], i % 4 === 0 ? -1 : i, assignees[i % 3]);
      await thread(id, i % 4);
      if (i % 2) {
        await app.ds.query(`INSERT INTO answer (report_id, question_id, template_id, value) VALUES ($1, $2, $3, 'true'), ($1, $4, $3, '3')`, [id, t.q.A, t.id, t.q.B]);
      }
    }
    const many = await count();
    expect(many.reports.totalCount).toBe(30);
    const nodes = many.reports.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.round.id)).size).toBe(30);
    expect(new Set(nodes.map((n: any) => n.assignedTo?.name ?? null))).toEqual(new Set(['Rasmus Granskare', 'Anna Administratör', null]));
    expect(nodes.reduce((sum: number, n: any) => sum + n.openThreadCount, 0)).toBeGreaterThan(10);
    expect(nodes.some((n: any) => n.progress.answered === 2)).toBe(true);
    expect(nodes.some((n: any) => n.overdue)).toBe(true);

    expect(few.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(few.statements);
  });
});

describe('queue order', () => {
  it('sorts by submission time (longest waiting first), paging without gaps or repeats', async () => {
    const reviewer = await app.login('reviewer@insyn.example');
    const seen: { reference: string; submittedAt: string | null }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res: any = await reviewer.gql(
        `query($after: String) { reports(first: 7, after: $after, orderBy: SUBMITTED_AT) { totalCount pageInfo { hasNextPage endCursor } edges { node { reference submittedAt } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.reports.edges.map((e: any) => e.node));
      if (!res.data.reports.pageInfo.hasNextPage) break;
      after = res.data.reports.pageInfo.endCursor;
    }
    const [{ n }] = await app.ds.query('SELECT count(*)::int AS n FROM report');
    expect(seen).toHaveLength(n);
    expect(new Set(seen.map((r) => r.reference)).size).toBe(n);
    const submitted = seen.filter((r) => r.submittedAt).map((r) => r.submittedAt!);
    expect(submitted).toEqual([...submitted].sort());
    // Never submitted come last.
    const firstUnsubmitted = seen.findIndex((r) => !r.submittedAt);
    expect(seen.slice(firstUnsubmitted).every((r) => !r.submittedAt)).toBe(true);
  });
});
