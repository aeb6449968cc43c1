import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { primaryCareTemplate } from '../src/db/seed/demo-templates.js';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { auditRowsOf, requestIdOf } from './support/actors.js';
import { badFields } from './support/reporting.js';

/**
 * Templates are drafted, published and then frozen (the database refuses changes too); a new
 * version copies the content. A round opens one report per agreement in scope, in-house and
 * private alike, with the same template and due date; opening again creates nothing; LOF is
 * never in scope; a draft template is refused. The round counts its reports by status and
 * ownership, and a template shows which goals and guidelines its questions cover.
 */
let app: TestApp;
let admin: Client;
let reviewer: Client;
const ids = {} as Record<'goalM1' | 'guidelineR1' | 'indicator' | 'halsoval' | 'primaryTemplate' | 'dentalTemplate' | 'halsovalRound' | 'dentalRound', string>;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  admin = await app.login('admin@insyn.example');
  reviewer = await app.login('reviewer@insyn.example');
  ids.goalM1 = (await app.one(`SELECT g.id FROM goal g JOIN program p ON p.id = g.program_id WHERE p.status = 'ADOPTED' AND g.code = 'M1'`)).id;
  ids.guidelineR1 = (await app.one(`SELECT r.id FROM guideline r JOIN program p ON p.id = r.program_id WHERE p.status = 'ADOPTED' AND r.code = 'R1'`)).id;
  ids.indicator = (await app.one(`SELECT id FROM indicator WHERE code = 'TEL-SAMEDAY'`)).id;
  ids.halsoval = (await app.one(`SELECT id FROM choice_system WHERE code = 'HALSOVAL'`)).id;
  ids.primaryTemplate = (await app.one(`SELECT id FROM report_template WHERE name = 'Självdeklaration Hälsoval 2025'`)).id;
  ids.dentalTemplate = (await app.one(`SELECT id FROM report_template WHERE service_area = 'DENTAL_CARE'`)).id;
  ids.halsovalRound = (await app.one('SELECT id FROM follow_up_round WHERE template_id = $1', [ids.primaryTemplate])).id;
  ids.dentalRound = (await app.one('SELECT id FROM follow_up_round WHERE template_id = $1', [ids.dentalTemplate])).id;
});
afterAll(() => app?.close());

const TEMPLATE = `id familyId name version editVersion status publishedAt serviceArea
  sections { id title questions { id code text help type required options { key label } min max unitLabel goal { code } guideline { code } indicator { code } } }`;
const CREATE = `mutation($input: ReportTemplateInput!) { createReportTemplate(input: $input) { ${TEMPLATE} } }`;
const SAVE = `mutation($id: ID!, $v: Int!, $input: ReportTemplateInput!) { saveReportTemplateDraft(id: $id, expectedVersion: $v, input: $input) { ${TEMPLATE} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishReportTemplate(id: $id, expectedVersion: $v) { ${TEMPLATE} } }`;
const NEW_VERSION = `mutation($id: ID!) { createReportTemplateVersion(id: $id) { ${TEMPLATE} } }`;

/** The content of a template without its ids: what a new version must copy. */
const content = (t: any) =>
  t.sections.map((s: any) => ({ title: s.title, questions: s.questions.map(({ id: _id, ...q }: any) => q) }));

describe('report templates', () => {
  const draft = () => ({
    name: 'Egenkontroll vårdcentral',
    serviceArea: 'PRIMARY_CARE',
    sections: [
      {
        title: 'Tillgänglighet',
        questions: [
          { code: '1.1', text: 'Samtal besvarade samma dag', type: 'INDICATOR_VALUE', required: true, indicatorId: ids.indicator, goalId: ids.goalM1, guidelineId: ids.guidelineR1 },
          { code: '1.2', text: 'Telefontid per vecka', type: 'DECIMAL', required: true, min: 0, max: 80, unitLabel: 'timmar' },
        ],
      },
      {
        title: 'Övrigt',
        questions: [
          { code: '2.1', text: 'Hur ofta fanns tolk?', help: 'Välj ett svar.', type: 'SINGLE_CHOICE', options: [{ key: 'alltid', label: 'Alltid' }, { key: 'ibland', label: 'Ibland' }] },
        ],
      },
    ],
  });
  let created: any;
  let published: any;

  it('creates a draft (version 1) with its sections and questions in order, linked to goal, guideline and indicator', async () => {
    const res = await admin.gql(CREATE, { input: draft() });
    expect(res.errors).toBeUndefined();
    created = res.data!.createReportTemplate;
    expect(created).toMatchObject({ name: 'Egenkontroll vårdcentral', version: 1, editVersion: 1, status: 'DRAFT', publishedAt: null, serviceArea: 'PRIMARY_CARE' });
    expect(content(created)).toEqual([
      {
        title: 'Tillgänglighet',
        questions: [
          { code: '1.1', text: 'Samtal besvarade samma dag', help: null, type: 'INDICATOR_VALUE', required: true, options: null, min: null, max: null, unitLabel: null, goal: { code: 'M1' }, guideline: { code: 'R1' }, indicator: { code: 'TEL-SAMEDAY' } },
          { code: '1.2', text: 'Telefontid per vecka', help: null, type: 'DECIMAL', required: true, options: null, min: 0, max: 80, unitLabel: 'timmar', goal: null, guideline: null, indicator: null },
        ],
      },
      {
        title: 'Övrigt',
        questions: [
          {
            code: '2.1', text: 'Hur ofta fanns tolk?', help: 'Välj ett svar.', type: 'SINGLE_CHOICE', required: false,
            options: [{ key: 'alltid', label: 'Alltid' }, { key: 'ibland', label: 'Ibland' }], min: null, max: null, unitLabel: null, goal: null, guideline: null, indicator: null,
          },
        ],
      },
    ]);
  });

  it('saves the draft, keeping the questions it names by id; a stale version is a CONFLICT', async () => {
    const input = draft();
    input.name = 'Egenkontroll vårdcentral 2026';
    input.sections[0].questions[1] = { ...input.sections[0].questions[1], max: 60 } as never;
    (input.sections[0].questions[0] as Record<string, unknown>).id = created.sections[0].questions[0].id;
    input.sections[1].questions.push({ code: '2.2', text: 'Övriga kommentarer', type: 'TEXT' } as never);
    const res = await admin.gql(SAVE, { id: created.id, v: 1, input });
    expect(res.errors).toBeUndefined();
    const saved = res.data!.saveReportTemplateDraft;
    expect(saved).toMatchObject({ name: 'Egenkontroll vårdcentral 2026', editVersion: 2, status: 'DRAFT' });
    expect(saved.sections[0].questions[0].id).toBe(created.sections[0].questions[0].id);
    expect(saved.sections[0].questions[1].max).toBe(60);
    expect(saved.sections[1].questions.map((q: any) => q.code)).toEqual(['2.1', '2.2']);

    const stale = await admin.gql(SAVE, { id: created.id, v: 1, input: draft() });
    expect(stale.errors!.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', currentVersion: 2 }]);
    const now = await admin.gql(`query($id: ID!) { reportTemplate(id: $id) { ${TEMPLATE} } }`, { id: created.id });
    expect(now.data!.reportTemplate).toEqual(saved);
    created = saved;
  });

  it('refuses ids that are not questions or sections of the draft itself, changing nothing', async () => {
    const [published] = await app.ds.query(`SELECT q.id AS question, q.section_id AS section FROM question q WHERE q.template_id = $1 LIMIT 1`, [ids.primaryTemplate]);
    const before = await admin.gql(`query($id: ID!) { reportTemplate(id: $id) { ${TEMPLATE} } }`, { id: created.id });
    const input = draft();
    (input.sections[0] as Record<string, unknown>).id = published.section;
    (input.sections[0].questions[0] as Record<string, unknown>).id = published.question;
    (input.sections[0].questions[1] as Record<string, unknown>).id = '00000000-0000-4000-8000-000000000000';
    const res = await admin.gql(SAVE, { id: created.id, v: 2, input });
    expect(badFields(res).map((f) => f.path)).toEqual(['input.sections.0.id', 'input.sections.0.questions.0.id', 'input.sections.0.questions.1.id']);
    // The same id twice would be one question in two places.
    const twice = draft();
    (twice.sections[0].questions[0] as Record<string, unknown>).id = created.sections[0].questions[0].id;
    (twice.sections[1].questions[0] as Record<string, unknown>).id = created.sections[0].questions[0].id;
    const res2 = await admin.gql(SAVE, { id: created.id, v: 2, input: twice });
    expect(badFields(res2).map((f) => f.path)).toEqual(['input.sections.1.questions.0.id']);
    // A new template has nothing to keep.
    const res3 = await admin.gql(CREATE, { input });
    expect(badFields(res3).map((f) => f.path)).toEqual(['input.sections.0.id', 'input.sections.0.questions.0.id', 'input.sections.0.questions.1.id']);
    const after = await admin.gql(`query($id: ID!) { reportTemplate(id: $id) { ${TEMPLATE} } }`, { id: created.id });
    expect(after.data).toEqual(before.data);
  });

  it('publishes the draft; from then on it is frozen: saving it is refused at id, and so is publishing it again', async () => {
    const res = await admin.gql(PUBLISH, { id: created.id, v: 2 });
    expect(res.errors).toBeUndefined();
    published = res.data!.publishReportTemplate;
    expect(published).toMatchObject({ status: 'PUBLISHED', editVersion: 3, version: 1 });
    expect(published.publishedAt).toEqual(expect.any(String));
    expect(content(published)).toEqual(content(created));

    const auditBefore = await app.count('audit_event');
    const save = await admin.gql(SAVE, { id: created.id, v: 3, input: draft() });
    expect(badFields(save)).toEqual([{ path: 'id', message: expect.stringMatching(/frozen/) }]);
    const again = await admin.gql(PUBLISH, { id: created.id, v: 3 });
    expect(badFields(again).map((f) => f.path)).toEqual(['id']);
    expect(await app.count('audit_event')).toBe(auditBefore);
    const now = await admin.gql(`query($id: ID!) { reportTemplate(id: $id) { ${TEMPLATE} } }`, { id: created.id });
    expect(now.data!.reportTemplate).toEqual(published);
  });

  it('refuses to publish a draft without questions', async () => {
    const empty = await admin.gql(CREATE, { input: { name: 'Tom mall', sections: [{ title: 'Inget än', questions: [] }] } });
    expect(empty.errors).toBeUndefined();
    const res = await admin.gql(PUBLISH, { id: empty.data!.createReportTemplate.id, v: 1 });
    expect(badFields(res)).toEqual([{ path: 'id', message: expect.stringMatching(/questions/) }]);
  });

  it('makes a new version: a draft in the same family with a copy of the content; one draft at a time', async () => {
    const res = await admin.gql(NEW_VERSION, { id: created.id });
    expect(res.errors).toBeUndefined();
    const v2 = res.data!.createReportTemplateVersion;
    expect(v2).toMatchObject({ familyId: published.familyId, name: published.name, version: 2, editVersion: 1, status: 'DRAFT', publishedAt: null });
    expect(v2.id).not.toBe(published.id);
    expect(content(v2)).toEqual(content(published));
    const newIds = v2.sections.flatMap((s: any) => [s.id, ...s.questions.map((q: any) => q.id)]);
    const oldIds = published.sections.flatMap((s: any) => [s.id, ...s.questions.map((q: any) => q.id)]);
    expect(newIds.filter((id: string) => oldIds.includes(id))).toEqual([]);

    // The new draft is editable; the published version is not touched by it.
    const input = { name: published.name, serviceArea: 'PRIMARY_CARE', sections: [{ title: 'Bara ett avsnitt', questions: [{ code: '9.1', text: 'Ny fråga', type: 'BOOLEAN' }] }] };
    const saved = await admin.gql(SAVE, { id: v2.id, v: 1, input });
    expect(saved.errors).toBeUndefined();
    const old = await admin.gql(`query($id: ID!) { reportTemplate(id: $id) { ${TEMPLATE} } }`, { id: published.id });
    expect(old.data!.reportTemplate).toEqual(published);

    const second = await admin.gql(NEW_VERSION, { id: created.id });
    expect(second.errors!.map((e) => e.extensions.code)).toEqual(['CONFLICT']);
    const list = await admin.gql('{ reportTemplates { familyId version status } }');
    expect(list.data!.reportTemplates.filter((t: any) => t.familyId === published.familyId)).toEqual([
      { familyId: published.familyId, version: 2, status: 'DRAFT' },
      { familyId: published.familyId, version: 1, status: 'PUBLISHED' },
    ]);
    const onlyPublished = await admin.gql('{ reportTemplates(status: [PUBLISHED]) { status } }');
    expect(new Set(onlyPublished.data!.reportTemplates.map((t: any) => t.status))).toEqual(new Set(['PUBLISHED']));
  });

  it('has the database refuse any change of a published template, whatever the code does', async () => {
    const tid = published.id;
    const qid = published.sections[0].questions[0].id;
    const sid = published.sections[0].id;
    await expect(app.ds.query(`UPDATE question SET text = 'Ändrad i smyg' WHERE id = $1`, [qid])).rejects.toThrow(/cannot be changed/);
    await expect(app.ds.query('DELETE FROM question WHERE id = $1', [qid])).rejects.toThrow(/cannot be changed/);
    await expect(
      app.ds.query(`INSERT INTO question (template_id, section_id, position, code, text, type) VALUES ($1, $2, 99, '9.9', 'Insmugen', 'BOOLEAN')`, [tid, sid]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(app.ds.query(`UPDATE template_section SET title = 'Ändrad' WHERE id = $1`, [sid])).rejects.toThrow(/cannot be changed/);
    await expect(app.ds.query(`UPDATE report_template SET name = 'Nytt namn' WHERE id = $1`, [tid])).rejects.toThrow(/frozen/);
    await expect(app.ds.query(`UPDATE report_template SET status = 'DRAFT' WHERE id = $1`, [tid])).rejects.toThrow(/frozen/);
    await expect(app.ds.query('DELETE FROM report_template WHERE id = $1', [tid])).rejects.toThrow(/never deleted/);
    // The same statement on a draft goes through: it is the status that freezes.
    const [draftQuestion] = await app.ds.query(`SELECT q.id FROM question q JOIN report_template t ON t.id = q.template_id WHERE t.status = 'DRAFT' LIMIT 1`);
    await app.ds.query(`UPDATE question SET text = 'Ändrad i utkastet' WHERE id = $1`, [draftQuestion.id]);
    const now = await admin.gql(`query($id: ID!) { reportTemplate(id: $id) { ${TEMPLATE} } }`, { id: tid });
    expect(now.data!.reportTemplate).toEqual(published);
  });
});

const CREATE_ROUND = 'mutation($input: CreateFollowUpRoundInput!) { createFollowUpRound(input: $input) { id name period status openedAt agreementForms choiceSystem { code } template { id } } }';
const OPEN_ROUND = 'mutation($id: ID!) { openFollowUpRound(id: $id) { id status openedAt version } }';
const ROUND_REPORTS = `query($round: ID!) { reports(filter: { roundId: $round }, first: 500) { totalCount edges { node {
  status version dueAt reference agreement { reference form inProgramScope } provider { name ownership } template { id } round { id } } } } }`;

describe('follow-up rounds', () => {
  const round = (input: Record<string, unknown>) => ({
    name: 'Uppföljning Hälsoval 2026',
    period: '2026',
    templateId: ids.primaryTemplate,
    opensAt: '2026-02-01T07:00:00Z',
    dueAt: '2026-04-30T21:59:59Z',
    ...input,
  });
  const reportsOf = async (roundId: string): Promise<any[]> => {
    const res = await reviewer.gql(ROUND_REPORTS, { round: roundId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reports.totalCount).toBe(res.data!.reports.edges.length);
    return res.data!.reports.edges.map((e: any) => e.node);
  };

  it('opens one report per Hälsoval agreement in scope, in-house and private alike, with the same template and due date', async () => {
    // An agreement that ended before the round opens is not followed up in it.
    const [hede] = await app.ds.query(`SELECT id FROM provider WHERE name = 'Hede Läkarhus AB'`);
    await app.ds.query(
      `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, valid_to, in_program_scope) VALUES ($1, $2, 'LOV', 'LOV-HV-2008-001', '2008-01-01', '2025-12-31', true)`,
      [hede.id, ids.halsoval],
    );
    const created = await reviewer.gql(CREATE_ROUND, { input: round({ choiceSystemId: ids.halsoval }) });
    expect(created.errors).toBeUndefined();
    const r = created.data!.createFollowUpRound;
    expect(r).toMatchObject({ status: 'PLANNED', openedAt: null, agreementForms: ['LOV', 'LOU', 'IN_HOUSE'], choiceSystem: { code: 'HALSOVAL' }, template: { id: ids.primaryTemplate } });
    expect(await reportsOf(r.id)).toEqual([]);

    const opened = await reviewer.gql(OPEN_ROUND, { id: r.id });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openFollowUpRound).toMatchObject({ status: 'OPEN', openedAt: expect.any(String) });
    const reports = await reportsOf(r.id);
    const expected: { reference: string }[] = await app.ds.query(
      `SELECT reference FROM agreement WHERE choice_system_id = $1 AND in_program_scope AND (valid_to IS NULL OR valid_to >= '2026-02-01') ORDER BY reference`,
      [ids.halsoval],
    );
    expect(reports.map((x) => x.agreement.reference).sort()).toEqual(expected.map((e) => e.reference));
    expect(reports.map((x) => x.agreement.reference)).not.toContain('LOV-HV-2008-001');
    expect(reports.filter((x) => x.provider.ownership === 'IN_HOUSE')).toHaveLength(18);
    expect(reports.filter((x) => x.provider.ownership !== 'IN_HOUSE').length).toBeGreaterThanOrEqual(6);
    // Storsjöklinikerna has two Hälsoval agreements: two reports.
    expect(reports.filter((x) => x.provider.name === 'Storsjöklinikerna AB')).toHaveLength(2);
    for (const x of reports) {
      expect(x).toMatchObject({ status: 'NOT_STARTED', version: 1, dueAt: '2026-04-30T21:59:59.000Z', template: { id: ids.primaryTemplate }, round: { id: r.id } });
      expect(x.agreement.inProgramScope).toBe(true);
      expect(x.reference).toMatch(/^RAP-2026-\d{5}$/);
    }
    expect(new Set(reports.map((x) => x.reference)).size).toBe(reports.length);
  });

  it('opening again creates nothing, records nothing and keeps the round open', async () => {
    const [r] = await app.ds.query(`SELECT id, version, opened_at FROM follow_up_round WHERE name = 'Uppföljning Hälsoval 2026'`);
    const before = await app.count('report WHERE round_id = $1', [r.id]);
    const again = await reviewer.gql(OPEN_ROUND, { id: r.id });
    expect(again.errors).toBeUndefined();
    expect(again.data!.openFollowUpRound).toMatchObject({ status: 'OPEN', version: r.version, openedAt: r.opened_at.toISOString() });
    expect(await app.count('report WHERE round_id = $1', [r.id])).toBe(before);
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([]);
    // Both at once: still one report per agreement.
    const [a, b] = await Promise.all([reviewer.gql(OPEN_ROUND, { id: r.id }), admin.gql(OPEN_ROUND, { id: r.id })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(await app.count('report WHERE round_id = $1', [r.id])).toBe(before);
  });

  it('never takes in LOF agreements: not by default, and not when asked for', async () => {
    const created = await admin.gql(CREATE_ROUND, { input: round({ name: 'Alla avtal 2026' }) });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createFollowUpRound.id;
    expect((await admin.gql(OPEN_ROUND, { id })).errors).toBeUndefined();
    const reports = await reportsOf(id);
    const inScope: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM agreement WHERE form <> 'LOF' AND (valid_to IS NULL OR valid_to >= '2026-02-01')`,
    );
    expect(reports).toHaveLength(inScope[0].n);
    expect(reports.some((x) => x.agreement.form === 'LOF')).toBe(false);
    expect(reports.map((x) => x.agreement.reference)).not.toContain('LOF-2018-014');
    expect(new Set(reports.map((x) => x.agreement.form))).toEqual(new Set(['LOV', 'IN_HOUSE']));

    const rounds = await app.count('follow_up_round');
    const lof = await admin.gql(CREATE_ROUND, { input: round({ name: 'LOF 2026', agreementForms: ['LOF'] }) });
    expect(badFields(lof)).toEqual([{ path: 'input.agreementForms.0', message: expect.stringMatching(/LOF/) }]);
    const mixed = await admin.gql(CREATE_ROUND, { input: round({ name: 'LOF 2026', agreementForms: ['LOV', 'LOF'] }) });
    expect(badFields(mixed).map((f) => f.path)).toEqual(['input.agreementForms.1']);
    expect(await app.count('follow_up_round')).toBe(rounds);
    // The database refuses it as well.
    await expect(
      app.ds.query(`INSERT INTO follow_up_round (name, period, template_id, agreement_forms, opens_at, due_at) VALUES ('LOF', '2026', $1, '{LOF}', now(), now() + interval '1 day')`, [ids.primaryTemplate]),
    ).rejects.toThrow(/check constraint/);
  });

  it('takes only the agreement forms asked for', async () => {
    const created = await admin.gql(CREATE_ROUND, { input: round({ name: 'Egen regi 2026', agreementForms: ['IN_HOUSE'], choiceSystemId: ids.halsoval }) });
    const id = created.data!.createFollowUpRound.id;
    await admin.gql(OPEN_ROUND, { id });
    const reports = await reportsOf(id);
    expect(reports).toHaveLength(18);
    expect(new Set(reports.map((x) => x.provider.ownership))).toEqual(new Set(['IN_HOUSE']));
  });

  it('refuses a round with a draft template at input.templateId, and other bad input at its field, storing nothing', async () => {
    const [draft] = await app.ds.query(`SELECT id FROM report_template WHERE status = 'DRAFT' LIMIT 1`);
    const rounds = await app.count('follow_up_round');
    const audit = await app.count('audit_event');
    const res = await reviewer.gql(CREATE_ROUND, { input: round({ templateId: draft.id }) });
    expect(badFields(res)).toEqual([{ path: 'input.templateId', message: expect.stringMatching(/published/) }]);
    const missing = await reviewer.gql(CREATE_ROUND, { input: round({ templateId: '00000000-0000-4000-8000-000000000000' }) });
    expect(badFields(missing).map((f) => f.path)).toEqual(['input.templateId']);
    const dates = await reviewer.gql(CREATE_ROUND, { input: round({ period: '2026-X', dueAt: '2026-01-01T00:00:00Z' }) });
    expect(badFields(dates).map((f) => f.path).sort()).toEqual(['input.dueAt', 'input.period']);
    const choice = await reviewer.gql(CREATE_ROUND, { input: round({ choiceSystemId: '00000000-0000-4000-8000-000000000000' }) });
    expect(badFields(choice).map((f) => f.path)).toEqual(['input.choiceSystemId']);
    expect(await app.count('follow_up_round')).toBe(rounds);
    expect(await app.count('audit_event')).toBe(audit);
  });

  it('counts the reports of a round by status and ownership, within what the viewer may read', async () => {
    const Q = `query($id: ID!) { followUpRound(id: $id) { statusCounts { status ownership count overdue } } }`;
    const counts = (await reviewer.gql(Q, { id: ids.halsovalRound })).data!.followUpRound.statusCounts;
    const byOwnership = (ownership: string) =>
      Object.fromEntries(counts.filter((c: any) => c.ownership === ownership).map((c: any) => [c.status, c.count]));
    // The demo round (demo-reporting.ts): 18 in-house reports, private ones, and one non-profit.
    expect(byOwnership('IN_HOUSE')).toEqual({ NOT_STARTED: 11, DRAFT: 1, SUBMITTED: 1, CHANGES_REQUESTED: 1, APPROVED: 2, PUBLISHED: 2 });
    expect(byOwnership('PRIVATE')).toEqual({ NOT_STARTED: 1, DRAFT: 1, SUBMITTED: 1, CHANGES_REQUESTED: 1, PUBLISHED: 1 });
    expect(byOwnership('NON_PROFIT')).toEqual({ APPROVED: 1 });
    expect(counts.every((c: any) => c.overdue === 0)).toBe(true); // due in three weeks
    const total = counts.reduce((sum: number, c: any) => sum + c.count, 0);
    expect(total).toBe(await app.count('report WHERE round_id = $1', [ids.halsovalRound]));

    // The dental round is past due, and nobody has started.
    const dental = (await reviewer.gql(Q, { id: ids.dentalRound })).data!.followUpRound.statusCounts;
    expect(dental).toEqual([
      { status: 'NOT_STARTED', ownership: 'IN_HOUSE', count: 1, overdue: 1 },
      { status: 'NOT_STARTED', ownership: 'PRIVATE', count: 1, overdue: 1 },
    ]);

    // A provider user counts their own reports only; the analyst reads no reports at all.
    const inhouse = await app.login('provider.inhouse@insyn.example');
    const own = (await inhouse.gql(Q, { id: ids.halsovalRound })).data!.followUpRound.statusCounts;
    expect(own).toEqual(counts.filter((c: any) => c.ownership === 'IN_HOUSE'));
    const analyst = await app.login('analyst@insyn.example');
    expect((await analyst.gql(Q, { id: ids.halsovalRound })).data!.followUpRound.statusCounts).toEqual([]);
  });

  it('shows which goals and guidelines of the adopted program the questions of a template cover, in template order', async () => {
    const res = await reviewer.gql(`query($id: ID!) { reportTemplate(id: $id) { coverage {
      program { status } goals { goal { code } questions { code } } guidelines { guideline { code } questions { code } } } } }`, { id: ids.primaryTemplate });
    expect(res.errors).toBeUndefined();
    const coverage = res.data!.reportTemplate.coverage;
    expect(coverage.program).toEqual({ status: 'ADOPTED' });
    const questions = primaryCareTemplate.sections.flatMap((s) => s.questions);
    const goals: { code: string }[] = await app.ds.query(`SELECT g.code FROM goal g JOIN program p ON p.id = g.program_id WHERE p.status = 'ADOPTED' ORDER BY g.position`);
    const guidelines: { code: string }[] = await app.ds.query(`SELECT r.code FROM guideline r JOIN program p ON p.id = r.program_id WHERE p.status = 'ADOPTED' ORDER BY r.position`);
    expect(coverage.goals).toEqual(
      goals.map(({ code }) => ({ goal: { code }, questions: questions.filter((q) => q.goal === code).map((q) => ({ code: q.code })) })),
    );
    expect(coverage.guidelines).toEqual(
      guidelines.map(({ code }) => ({ guideline: { code }, questions: questions.filter((q) => q.guideline === code).map((q) => ({ code: q.code })) })),
    );
    // Every goal of the program has evidence in the demo template; 5.5 serves none.
    expect(coverage.goals.every((g: any) => g.questions.length > 0)).toBe(true);
    expect(coverage.goals.flatMap((g: any) => g.questions.map((q: any) => q.code))).not.toContain('5.5');
  });
});
