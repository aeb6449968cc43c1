import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { orgNumber } from './support/actors.js';
import { openReport } from './support/reporting.js';

/**
 * No N+1 in reporting (QUALITY.md): the SQL statements of the provider's dashboard (reports with
 * round, provider, agreement, progress, due date, overdue) and of one report (template sections
 * and questions, answers, submissions, attachments, progress) are the same for few and for many
 * reports, answers, submissions and files.
 */
let app: TestApp;
let provider: Client;
let providerId: string;
let templateId: string;
const agreements: string[] = [];

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  templateId = (await app.one(`SELECT id FROM report_template WHERE name = 'Självdeklaration Hälsoval 2025'`)).id;
  // A provider of its own, so that "few" really is few.
  providerId = (await app.one(`INSERT INTO provider (name, org_number, ownership) VALUES ('Mätvård AB', $1, 'PRIVATE') RETURNING id`, [orgNumber(901)])).id;
  for (let i = 0; i < 4; i++) {
    const unit = await app.one(`INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, $2, $3, 'HEALTH_CENTRE') RETURNING id`, [
      providerId,
      ['2380', '2321', '2309', '2313'][i],
      `Mätvårdcentralen ${i + 1}`,
    ]);
    const agreement = await app.one(
      `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope)
       SELECT $1, id, 'LOV', $2, '2024-01-01', true FROM choice_system WHERE code = 'HALSOVAL' RETURNING id`,
      [providerId, `LOV-MAT-${i + 1}`],
    );
    await app.ds.query('INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)', [agreement.id, unit.id, providerId]);
    agreements.push(`LOV-MAT-${i + 1}`);
  }
  const [hash] = await app.ds.query(`SELECT password_hash FROM app_user WHERE email = 'admin@insyn.example'`);
  await app.ds.query(`INSERT INTO app_user (email, name, roles, provider_id, password_hash) VALUES ('matvard@insyn.example', 'Mät Vård', '{PROVIDER}', $1, $2)`, [
    providerId,
    hash.password_hash,
  ]);
  provider = await app.login('matvard@insyn.example');
});
afterAll(() => app?.close());

/** Answers to the first `n` questions of the template (values do not matter for counting). */
async function answer(reportId: string, n: number): Promise<void> {
  await app.ds.query(
    `INSERT INTO answer (report_id, question_id, template_id, value)
     SELECT $1, q.id, q.template_id, to_jsonb(q.code) FROM question q JOIN template_section s ON s.id = q.section_id
     WHERE q.template_id = $2 ORDER BY s.position, q.position LIMIT $3`,
    [reportId, templateId, n],
  );
  await app.ds.query(`UPDATE report SET status = 'DRAFT', version = version + 1 WHERE id = $1`, [reportId]);
}

async function submissions(reportId: string, n: number): Promise<void> {
  const [user] = await app.ds.query(`SELECT id FROM app_user WHERE email = 'matvard@insyn.example'`);
  for (let i = 0; i < n; i++) {
    await app.ds.query(
      `INSERT INTO submission (report_id, reference, report_version, submitted_by, answers)
       SELECT $1, 'UPP-2025-' || lpad(nextval('submission_reference_seq')::text, 6, '0'), 100 + $2, $3,
              coalesce(jsonb_agg(jsonb_build_object('questionId', a.question_id, 'code', q.code, 'value', a.value, 'note', null,
                                                   'confidentialityRequested', false, 'confidentialityReason', null)), '[]'::jsonb)
       FROM answer a JOIN question q ON q.id = a.question_id WHERE a.report_id = $1`,
      [reportId, i, user.id],
    );
  }
}

async function attachments(reportId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await app.ds.query(
      `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by)
       SELECT $1, q.id, 'fil-' || $2 || '.pdf', 'application/pdf', 100, repeat('b', 64), gen_random_uuid()::text, u.id
       FROM question q, app_user u WHERE q.template_id = $3 AND q.type = 'ATTACHMENT' AND u.email = 'matvard@insyn.example'`,
      [reportId, i, templateId],
    );
  }
}

async function count(query: string, variables?: Record<string, unknown>): Promise<{ statements: number; data: any }> {
  let res: any;
  const statements = await app.countSql(async () => {
    res = await provider.gql(query, variables);
  });
  expect(res.errors).toBeUndefined();
  return { statements, data: res.data };
}

const DASHBOARD = /* GraphQL */ `
  {
    reports(first: 500) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id reference status version dueAt overdue submittedAt viewerCanEdit viewerCanReview
        round { id name period dueAt status template { id name version } }
        provider { id name ownership }
        agreement { id reference form choiceSystem { code } units { name municipality { name } } }
        progress { answered total required requiredAnswered }
      } }
    }
  }
`;

const REPORT = /* GraphQL */ `
  query($id: ID!) {
    report(id: $id) {
      id reference status version dueAt overdue viewerCanEdit viewerCanReview
      round { name template { name } }
      provider { name }
      agreement { reference units { name } }
      template { id name version sections { id title questions { id code text type required options { key label } min max unitLabel
        goal { code title } guideline { code text } indicator { code name } } } }
      answers { question { id code type } value note confidentialityRequested }
      submissions { id reference receivedAt answers { question { code } value } }
      attachments { id fileName mediaType size sha256 questionId }
      progress { answered total required requiredAnswered }
    }
  }
`;

describe('SQL statements per request do not grow with the data', () => {
  it('the provider dashboard: the same for 1 report as for 40 reports in 40 rounds over 4 agreements', async () => {
    const first = await openReport(app.ds, templateId, agreements[0]);
    await answer(first.reportId, 3);
    const few = await count(DASHBOARD);
    expect(few.data.reports.totalCount).toBe(1);
    expect(few.data.reports.edges[0].node.progress).toMatchObject({ answered: 3, total: 25 });

    for (let i = 1; i < 40; i++) {
      const { reportId } = await openReport(app.ds, templateId, agreements[i % 4], { dueInDays: i % 3 === 0 ? -2 : 10 + i });
      if (i % 2) await answer(reportId, 1 + (i % 25));
    }
    const many = await count(DASHBOARD);
    expect(many.data.reports.totalCount).toBe(40);
    const nodes = many.data.reports.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.round.id)).size).toBe(40);
    expect(new Set(nodes.map((n: any) => n.agreement.reference))).toEqual(new Set(agreements));
    expect(nodes.filter((n: any) => n.overdue).length).toBeGreaterThan(5);
    expect(nodes.every((n: any) => n.agreement.units.length === 1 && n.provider.name === 'Mätvård AB')).toBe(true);

    expect(few.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(few.statements);
  });

  it('one report: the same with 1 answer, submission and file as with 25 answers, 3 submissions and 4 files', async () => {
    const small = await openReport(app.ds, templateId, agreements[0]);
    await answer(small.reportId, 1);
    await submissions(small.reportId, 1);
    await attachments(small.reportId, 1);
    const large = await openReport(app.ds, templateId, agreements[1]);
    await answer(large.reportId, 25);
    await submissions(large.reportId, 3);
    await attachments(large.reportId, 4);

    const few = await count(REPORT, { id: small.reportId });
    const many = await count(REPORT, { id: large.reportId });
    expect(few.data.report.answers).toHaveLength(1);
    expect(many.data.report.answers).toHaveLength(25);
    expect(many.data.report.submissions).toHaveLength(3);
    expect(many.data.report.submissions[2].answers).toHaveLength(25);
    expect(many.data.report.attachments).toHaveLength(4);
    expect(many.data.report.template.sections.flatMap((s: any) => s.questions)).toHaveLength(25);
    expect(many.data.report.progress).toMatchObject({ answered: 25, total: 25 });

    expect(few.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(few.statements);
  });
});

describe('a report and a page of reports load what they refer to with them', () => {
  // The operations of the throughput bench (docs/performance.md): the cost of GraphQL over the
  // SQL behind it is mostly its statements, so their number is fixed here.
  const ONE = /* GraphQL */ `
    query($id: ID!) {
      report(id: $id) {
        id reference status dueAt submittedAt version
        round { id name period }
        provider { id name ownership }
        agreement { id reference units { id name } }
        answers { question { id code } value note }
      }
    }
  `;
  const PAGE = /* GraphQL */ `
    fragment Refs on Report { round { id name } ...More }
    fragment More on Report { provider { id name } agreement { id reference units { id name } } }
    {
      reports(first: 20) {
        totalCount
        pageInfo { hasNextPage }
        edges { node { id reference status ...Refs } }
      }
    }
  `;

  it('one report: the session, the report joined with its round, provider, agreement and the agreement\'s units, its answers with their questions', async () => {
    const { reportId } = await openReport(app.ds, templateId, agreements[2]);
    await answer(reportId, 25);
    const { statements, data } = await count(ONE, { id: reportId });
    expect(data.report.round.name).toBeTruthy();
    expect(data.report.provider.name).toBe('Mätvård AB');
    expect(data.report.agreement.reference).toBe(agreements[2]);
    expect(data.report.agreement.units.map((u: any) => u.name)).toEqual(['Mätvårdcentralen 3']);
    expect(data.report.answers).toHaveLength(25);
    expect(data.report.answers.every((a: any) => a.question.code === a.value)).toBe(true);
    expect(statements).toBe(3);
  });

  it('a page of reports: the session, the count, the page joined with rounds, providers, agreements and their units (also through fragments)', async () => {
    const { statements, data } = await count(PAGE);
    const nodes = data.reports.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.every((n: any) => n.round.name && n.provider.name === 'Mätvård AB' && n.agreement.units.length === 1)).toBe(true);
    expect(statements).toBe(3);
  });

  it('a page without related fields reads no rounds, providers or agreements', async () => {
    const sql = await app.captureSql(async () => {
      const res = await provider.gql('{ reports(first: 5) { totalCount edges { node { id status } } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.reports.edges.length).toBeGreaterThan(0);
    });
    expect(sql.some((s) => /\bFROM "?report"?\b/i.test(s))).toBe(true);
    // No table of them (their ids are columns of the report: provider_id, agreement_id, round_id).
    expect(sql.filter((s) => /\b(follow_up_round|agreement|provider|unit)\b(?!_)/.test(s))).toEqual([]);
  });
});
