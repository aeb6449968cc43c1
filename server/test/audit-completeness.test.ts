import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import type { Client, GraphQLResult } from './support/app.js';
import { createTestApp, type TestApp } from './support/app.js';
import { auditRowsOf, loginActors, orgNumber, requestIdOf, type Actors, type AuditRow } from './support/actors.js';
import { openReport, pdfBytes, publishedTemplate, upload } from './support/reporting.js';
import { GQL, assessAll, reportIn, reviewTemplate } from './support/review.js';

/**
 * What an auditor relies on: each change leaves exactly its audit row(s), naming who did what
 * to which object, with only the changed fields before and after, under the request id the
 * client was given; a refused change leaves no row and no change; rows are never altered.
 */
let app: TestApp;
let actors: Actors;
let admin: Client;
let adminId: string;
const auditCount = async (): Promise<number> => (await app.one('SELECT count(*)::int AS n FROM audit_event')).n;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  admin = actors.clients.ADMIN;
  adminId = actors.userIds.ADMIN!;
});
afterAll(() => app?.close());

/**
 * Runs one operation and returns its result and the audit rows of its request id (the
 * `x-request-id` header of the response), checking that no other row was written meanwhile.
 */
async function run(client: Client, document: string, variables?: Record<string, unknown>): Promise<{ res: GraphQLResult<any>; rows: AuditRow[]; requestId: string }> {
  const before = await auditCount();
  const res = await client.gql(document, variables);
  const requestId = requestIdOf(client);
  const rows = await auditRowsOf(app, requestId);
  expect(await auditCount(), 'rows written under another request id').toBe(before + rows.length);
  return { res, rows, requestId };
}

/** The row an admin's change leaves. */
const byAdmin = (row: Partial<AuditRow>) => ({
  actor_user_id: adminId,
  actor_token_id: null,
  actor_label: 'admin@insyn.example',
  before: null,
  after: null,
  ...row,
});
const strip = (rows: AuditRow[]) => rows.map(({ request_id: _r, ...rest }) => rest);

describe('master data changes', () => {
  let providerId: string;

  it('createProvider: PROVIDER_CREATED with what was stored', async () => {
    const { res, rows, requestId } = await run(admin, 'mutation($input: ProviderInput!) { createProvider(input: $input) { id orgNumber } }', {
      input: { name: 'Revisionsvård AB', orgNumber: orgNumber(1).replace('-', ''), ownership: 'PRIVATE', contactEmail: ' Info@Revisionsvard.example ' },
    });
    expect(res.errors).toBeUndefined();
    providerId = res.data!.createProvider.id;
    expect(rows.map((r) => r.request_id)).toEqual([requestId]);
    expect(strip(rows)).toEqual([
      byAdmin({
        action: 'PROVIDER_CREATED',
        entity_type: 'Provider',
        entity_id: providerId,
        after: { name: 'Revisionsvård AB', orgNumber: orgNumber(1), ownership: 'PRIVATE', contactEmail: 'info@revisionsvard.example' },
      }),
    ]);
  });

  it('updateProvider: only the changed fields, before and after; an unchanged save leaves no row', async () => {
    const { res, rows } = await run(admin, 'mutation($id: ID!, $input: ProviderInput!) { updateProvider(id: $id, expectedVersion: 1, input: $input) { version } }', {
      id: providerId,
      input: { name: 'Revisionsvård AB', ownership: 'PRIVATE', contactPhone: '063-12 34 56' },
    });
    expect(res.data!.updateProvider.version).toBe(2);
    expect(strip(rows)).toEqual([
      byAdmin({ action: 'PROVIDER_UPDATED', entity_type: 'Provider', entity_id: providerId, before: { contactPhone: null }, after: { contactPhone: '063-12 34 56' } }),
    ]);

    const same = await run(admin, 'mutation($id: ID!) { updateProvider(id: $id, expectedVersion: 2, input: { contactPhone: "063-12 34 56" }) { version } }', {
      id: providerId,
    });
    expect(same.res.data!.updateProvider.version).toBe(2);
    expect(same.rows).toEqual([]);
  });

  it('createUnit and updateUnit', async () => {
    const created = await run(admin, 'mutation($input: UnitInput!) { createUnit(input: $input) { id } }', {
      input: { providerId, municipalityCode: '2380', name: 'Revisionskliniken', kind: 'HEALTH_CENTRE', postalCode: '831 30' },
    });
    const unitId = created.res.data!.createUnit.id;
    expect(strip(created.rows)).toEqual([
      byAdmin({
        action: 'UNIT_CREATED',
        entity_type: 'Unit',
        entity_id: unitId,
        after: { providerId, municipalityCode: '2380', name: 'Revisionskliniken', kind: 'HEALTH_CENTRE', postalCode: '831 30' },
      }),
    ]);
    const updated = await run(admin, 'mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 1, input: { name: "Revisionskliniken", city: "Östersund" }) { id } }', {
      id: unitId,
    });
    expect(strip(updated.rows)).toEqual([byAdmin({ action: 'UNIT_UPDATED', entity_type: 'Unit', entity_id: unitId, before: { city: null }, after: { city: 'Östersund' } })]);
  });

  it('createChoiceSystem and updateChoiceSystem', async () => {
    const created = await run(admin, 'mutation { createChoiceSystem(input: { code: "REVISION", name: "Revisionsval" }) { id } }');
    const id = created.res.data!.createChoiceSystem.id;
    expect(strip(created.rows)).toEqual([
      byAdmin({ action: 'CHOICE_SYSTEM_CREATED', entity_type: 'ChoiceSystem', entity_id: id, after: { code: 'REVISION', name: 'Revisionsval' } }),
    ]);
    const updated = await run(admin, 'mutation($id: ID!) { updateChoiceSystem(id: $id, expectedVersion: 1, input: { startedOn: "2027-01-01" }) { id } }', { id });
    expect(strip(updated.rows)).toEqual([
      byAdmin({ action: 'CHOICE_SYSTEM_UPDATED', entity_type: 'ChoiceSystem', entity_id: id, before: { startedOn: null }, after: { startedOn: '2027-01-01' } }),
    ]);
  });

  it('createAgreement and updateAgreement (fields and covered units are separate rows)', async () => {
    const [unit] = await app.ds.query('SELECT id FROM unit WHERE provider_id = $1', [providerId]);
    const created = await run(admin, 'mutation($input: AgreementInput!) { createAgreement(input: $input) { id } }', {
      input: { providerId, form: 'LOU', reference: 'REV-2026-1', validFrom: '2026-01-01', unitIds: [] },
    });
    const id = created.res.data!.createAgreement.id;
    expect(strip(created.rows)).toEqual([
      byAdmin({
        action: 'AGREEMENT_CREATED',
        entity_type: 'Agreement',
        entity_id: id,
        after: { providerId, choiceSystemId: null, form: 'LOU', reference: 'REV-2026-1', validFrom: '2026-01-01', validTo: null, inProgramScope: true, outOfScopeReason: null, unitIds: [] },
      }),
    ]);
    const updated = await run(admin, 'mutation($id: ID!, $u: [ID!]) { updateAgreement(id: $id, expectedVersion: 1, input: { validTo: "2027-12-31", unitIds: $u }) { version } }', {
      id,
      u: [unit.id],
    });
    expect(updated.res.data!.updateAgreement.version).toBe(2);
    expect(strip(updated.rows)).toEqual([
      byAdmin({ action: 'AGREEMENT_UPDATED', entity_type: 'Agreement', entity_id: id, before: { validTo: null }, after: { validTo: '2027-12-31' } }),
      byAdmin({ action: 'AGREEMENT_UNITS_CHANGED', entity_type: 'Agreement', entity_id: id, before: { unitIds: [] }, after: { unitIds: [unit.id] } }),
    ]);
  });
});

describe('program and indicator changes', () => {
  const draft = (title: string) => ({
    title,
    termStart: 2040,
    termEnd: 2042,
    decisionReference: 'RS/REV/2039',
    goals: [{ code: 'M1', title: 'Tillgänglighet', category: 'ACCESSIBILITY' }],
    guidelines: [{ code: 'R1', text: 'Svara samma dag.', obligation: 'SHALL', goalCode: 'M1' }],
  });
  const content = {
    goals: [{ code: 'M1', title: 'Tillgänglighet', description: '', category: 'ACCESSIBILITY' }],
    guidelines: [{ code: 'R1', text: 'Svara samma dag.', obligation: 'SHALL', goalCode: 'M1' }],
  };

  it('createProgram, saveProgramDraft (only what changed), adoptProgram (and what it supersedes), createProgramVersion', async () => {
    const created = await run(admin, 'mutation($input: ProgramDraftInput!) { createProgram(input: $input) { id } }', { input: draft('Program A') });
    const a = created.res.data!.createProgram.id;
    expect(strip(created.rows)).toEqual([byAdmin({ action: 'PROGRAM_CREATED', entity_type: 'Program', entity_id: a, after: draft('Program A') })]);

    const saved = await run(admin, 'mutation($id: ID!, $input: ProgramDraftInput!) { saveProgramDraft(id: $id, expectedVersion: 1, input: $input) { version } }', {
      id: a,
      input: draft('Program A, reviderat'),
    });
    expect(saved.res.data!.saveProgramDraft.version).toBe(2);
    expect(strip(saved.rows)).toEqual([
      byAdmin({ action: 'PROGRAM_UPDATED', entity_type: 'Program', entity_id: a, before: { title: 'Program A' }, after: { title: 'Program A, reviderat' } }),
    ]);
    const unchanged = await run(admin, 'mutation($id: ID!, $input: ProgramDraftInput!) { saveProgramDraft(id: $id, expectedVersion: 2, input: $input) { version } }', {
      id: a,
      input: draft('Program A, reviderat'),
    });
    expect(unchanged.res.data!.saveProgramDraft.version).toBe(2);
    expect(unchanged.rows).toEqual([]);

    const adopt = (id: string, version: number) =>
      run(admin, 'mutation($id: ID!, $v: Int!) { adoptProgram(id: $id, expectedVersion: $v, input: { decidedBy: "Regionfullmäktige", decidedAt: "2039-06-15" }) { status } }', {
        id,
        v: version,
      });
    const adoptedA = await adopt(a, 2);
    expect(strip(adoptedA.rows)).toEqual([
      byAdmin({ action: 'PROGRAM_ADOPTED', entity_type: 'Program', entity_id: a, before: { status: 'DRAFT' }, after: { status: 'ADOPTED', decidedBy: 'Regionfullmäktige', decidedAt: '2039-06-15' } }),
    ]);

    const version = await run(admin, 'mutation($id: ID!) { createProgramVersion(id: $id) { id } }', { id: a });
    const b = version.res.data!.createProgramVersion.id;
    expect(strip(version.rows)).toEqual([byAdmin({ action: 'PROGRAM_VERSION_CREATED', entity_type: 'Program', entity_id: b, after: { from: a, ...content } })]);

    const adoptedB = await adopt(b, 1);
    expect(strip(adoptedB.rows)).toEqual([
      byAdmin({ action: 'PROGRAM_SUPERSEDED', entity_type: 'Program', entity_id: a, before: { status: 'ADOPTED' }, after: { status: 'SUPERSEDED', supersededBy: b } }),
      byAdmin({ action: 'PROGRAM_ADOPTED', entity_type: 'Program', entity_id: b, before: { status: 'DRAFT' }, after: { status: 'ADOPTED', decidedBy: 'Regionfullmäktige', decidedAt: '2039-06-15' } }),
    ]);
  });

  it('createIndicator, updateIndicator and setIndicatorTarget (a target is recorded on its indicator)', async () => {
    const input = { code: 'REV-1', name: 'Revisionsindikator', definition: 'Andel granskade.', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', serviceArea: 'ALL' };
    const created = await run(admin, 'mutation($input: IndicatorInput!) { createIndicator(input: $input) { id } }', { input });
    const id = created.res.data!.createIndicator.id;
    expect(strip(created.rows)).toEqual([byAdmin({ action: 'INDICATOR_CREATED', entity_type: 'Indicator', entity_id: id, after: input })]);

    const updated = await run(admin, 'mutation($id: ID!) { updateIndicator(id: $id, expectedVersion: 1, input: { source: "Egen mätning" }) { version } }', { id });
    expect(strip(updated.rows)).toEqual([
      byAdmin({ action: 'INDICATOR_UPDATED', entity_type: 'Indicator', entity_id: id, before: { source: null }, after: { source: 'Egen mätning' } }),
    ]);

    const target = (value: number, amberThreshold: number) =>
      run(admin, 'mutation($id: ID!, $input: TargetInput!) { setIndicatorTarget(indicatorId: $id, input: $input) { value } }', {
        id,
        input: { year: 2027, value, amberThreshold },
      });
    const set = await target(90, 80);
    expect(strip(set.rows)).toEqual([byAdmin({ action: 'TARGET_CREATED', entity_type: 'Indicator', entity_id: id, after: { year: 2027, value: 90, amberThreshold: 80 } })]);
    const changed = await target(95, 80);
    expect(strip(changed.rows)).toEqual([
      byAdmin({ action: 'TARGET_UPDATED', entity_type: 'Indicator', entity_id: id, before: { year: 2027, value: 90 }, after: { year: 2027, value: 95 } }),
    ]);
    const again = await target(95, 80);
    expect(again.res.errors).toBeUndefined();
    expect(again.rows).toEqual([]);
  });
});

describe('users, passwords and tokens', () => {
  it('createUser, updateUser, deactivation and resetPassword', async () => {
    const created = await run(admin, 'mutation { createUser(input: { email: "Revisor.Ny@insyn.example", name: "Ny Revisor", roles: [AUDITOR] }) { user { id } } }');
    const id = created.res.data!.createUser.user.id;
    expect(strip(created.rows)).toEqual([
      byAdmin({ action: 'USER_CREATED', entity_type: 'User', entity_id: id, after: { email: 'revisor.ny@insyn.example', name: 'Ny Revisor', roles: ['AUDITOR'], providerId: null } }),
    ]);
    // Passwords and temporary passwords never reach the audit trail.
    expect(JSON.stringify(created.rows)).not.toMatch(/password/i);

    const renamed = await run(admin, 'mutation($id: ID!) { updateUser(id: $id, expectedVersion: 1, input: { name: "Nya Revisorn", roles: [AUDITOR] }) { id } }', { id });
    expect(strip(renamed.rows)).toEqual([byAdmin({ action: 'USER_UPDATED', entity_type: 'User', entity_id: id, before: { name: 'Ny Revisor' }, after: { name: 'Nya Revisorn' } })]);

    const reset = await run(admin, 'mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword } }', { id });
    expect(strip(reset.rows)).toEqual([byAdmin({ action: 'PASSWORD_RESET', entity_type: 'User', entity_id: id })]);
    expect(JSON.stringify(reset.rows)).not.toContain(reset.res.data!.resetPassword.temporaryPassword);

    const version = (await app.one('SELECT version FROM app_user WHERE id = $1', [id])).version;
    const deactivated = await run(admin, 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, expectedVersion: $v, input: { active: false }) { id } }', { id, v: version });
    expect(strip(deactivated.rows)).toEqual([byAdmin({ action: 'USER_DEACTIVATED', entity_type: 'User', entity_id: id, before: { active: true }, after: { active: false } })]);
  });

  it('changePassword, in the name of the person', async () => {
    const auditor = await app.login('auditor@insyn.example');
    const { res, rows } = await run(auditor, 'mutation { changePassword(currentPassword: "insyn-demo", newPassword: "revisorns-nya-lösenord") }');
    expect(res.data!.changePassword).toBe(true);
    expect(strip(rows)).toEqual([
      { action: 'PASSWORD_CHANGED', entity_type: 'User', entity_id: actors.userIds.AUDITOR, actor_user_id: actors.userIds.AUDITOR, actor_token_id: null, actor_label: 'auditor@insyn.example', before: null, after: null },
    ]);
    expect(JSON.stringify(rows)).not.toContain('revisorns-nya-lösenord');
  });

  it('createApiToken and revokeApiToken, with the token named when a token acts', async () => {
    const analystId = actors.userIds.ANALYST;
    const created = await run(actors.clients.ANALYST, 'mutation { createApiToken(name: "Revision BI") { token apiToken { id } } }');
    const { token, apiToken } = created.res.data!.createApiToken;
    expect(strip(created.rows)).toEqual([
      {
        action: 'API_TOKEN_CREATED',
        entity_type: 'ApiToken',
        entity_id: apiToken.id,
        actor_user_id: analystId,
        actor_token_id: null,
        actor_label: 'analyst@insyn.example',
        before: null,
        after: { name: 'Revision BI', ownerId: analystId, roles: ['ANALYST'], expiresAt: null },
      },
    ]);
    expect(JSON.stringify(created.rows)).not.toContain(token);

    // The BI tool revokes its own token.
    const bi = app.client({ token });
    const revoked = await run(bi, 'mutation($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id });
    expect(strip(revoked.rows)).toEqual([
      { action: 'API_TOKEN_REVOKED', entity_type: 'ApiToken', entity_id: apiToken.id, actor_user_id: analystId, actor_token_id: apiToken.id, actor_label: 'token:analyst@insyn.example', before: null, after: null },
    ]);
    // Revoking again changes nothing and records nothing.
    const again = await run(actors.clients.ANALYST, 'mutation($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id });
    expect(again.res.data!.revokeApiToken).toBe(true);
    expect(again.rows).toEqual([]);
  });
});

describe('follow-up reporting changes', () => {
  const TEMPLATE_INPUT = {
    name: 'Revisionsmall',
    sections: [{ title: 'Avsnitt', questions: [{ code: '1.1', text: 'Finns en plan?', type: 'BOOLEAN', required: true }] }],
  };
  const content = [{ id: null, title: 'Avsnitt', titleEn: null, questions: [expect.objectContaining({ id: null, code: '1.1', text: 'Finns en plan?', type: 'BOOLEAN', required: true })] }];

  it('createReportTemplate, saveReportTemplateDraft (content before and after), publishReportTemplate, createReportTemplateVersion', async () => {
    const created = await run(admin, 'mutation($input: ReportTemplateInput!) { createReportTemplate(input: $input) { id } }', { input: TEMPLATE_INPUT });
    const id = created.res.data!.createReportTemplate.id;
    expect(strip(created.rows)).toEqual([
      byAdmin({ action: 'TEMPLATE_CREATED', entity_type: 'ReportTemplate', entity_id: id, after: expect.objectContaining({ name: 'Revisionsmall', sections: [expect.objectContaining({ title: 'Avsnitt' })] }) }),
    ]);

    const renamed = { ...TEMPLATE_INPUT, name: 'Revisionsmall 2' };
    const saved = await run(admin, 'mutation($id: ID!, $input: ReportTemplateInput!) { saveReportTemplateDraft(id: $id, expectedVersion: 1, input: $input) { id } }', { id, input: renamed });
    expect(strip(saved.rows)).toEqual([
      byAdmin({
        action: 'TEMPLATE_UPDATED',
        entity_type: 'ReportTemplate',
        entity_id: id,
        before: { name: 'Revisionsmall', nameEn: null, sections: content },
        after: { name: 'Revisionsmall 2', nameEn: null, sections: content },
      }),
    ]);

    const published = await run(admin, 'mutation($id: ID!) { publishReportTemplate(id: $id, expectedVersion: 2) { id } }', { id });
    expect(strip(published.rows)).toEqual([
      byAdmin({ action: 'TEMPLATE_PUBLISHED', entity_type: 'ReportTemplate', entity_id: id, before: { status: 'DRAFT' }, after: { status: 'PUBLISHED' } }),
    ]);
    const refused = await run(admin, 'mutation($id: ID!) { publishReportTemplate(id: $id, expectedVersion: 3) { id } }', { id });
    expect(refused.res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.rows).toEqual([]);

    const version = await run(admin, 'mutation($id: ID!) { createReportTemplateVersion(id: $id) { id } }', { id });
    const v2 = version.res.data!.createReportTemplateVersion.id;
    expect(strip(version.rows)).toEqual([byAdmin({ action: 'TEMPLATE_VERSION_CREATED', entity_type: 'ReportTemplate', entity_id: v2, after: { from: id } })]);
  });

  it('createFollowUpRound and openFollowUpRound (opening again records nothing), in the reviewer\'s name', async () => {
    const reviewer = actors.clients.REVIEWER;
    const [template] = await app.ds.query(`SELECT id FROM report_template WHERE name = 'Självdeklaration Hälsoval 2025'`);
    const [dental] = await app.ds.query(`SELECT id FROM choice_system WHERE code = 'TANDVARD_BUV'`);
    const input = { name: 'Revisionsomgång', period: '2026-H1', templateId: template.id, choiceSystemId: dental.id, opensAt: '2026-01-15T07:00:00.000Z', dueAt: '2026-03-15T22:00:00.000Z' };
    const created = await run(reviewer, 'mutation($input: CreateFollowUpRoundInput!) { createFollowUpRound(input: $input) { id } }', { input });
    const id = created.res.data!.createFollowUpRound.id;
    const byReviewer = { actor_user_id: actors.userIds.REVIEWER, actor_token_id: null, actor_label: 'reviewer@insyn.example', before: null };
    expect(strip(created.rows)).toEqual([{ ...byReviewer, action: 'ROUND_CREATED', entity_type: 'FollowUpRound', entity_id: id, after: input }]);

    const opened = await run(reviewer, 'mutation($id: ID!) { openFollowUpRound(id: $id) { id } }', { id });
    expect(strip(opened.rows)).toEqual([
      { ...byReviewer, action: 'ROUND_OPENED', entity_type: 'FollowUpRound', entity_id: id, before: { status: 'PLANNED' }, after: { status: 'OPEN', reportsCreated: 2 } },
    ]);
    const again = await run(reviewer, 'mutation($id: ID!) { openFollowUpRound(id: $id) { id } }', { id });
    expect(again.res.errors).toBeUndefined();
    expect(again.rows).toEqual([]);
  });

  it('saveAnswers (only the answers that changed), uploads and removals of files, submitReport (a retry records nothing), in the provider\'s name', async () => {
    const provider = actors.clients.PROVIDER;
    const byProvider = { actor_user_id: actors.userIds.PROVIDER, actor_token_id: null, actor_label: 'provider.private@insyn.example' };
    const t = await publishedTemplate(app.ds, 'Revisionsrapport', [
      { code: 'PLAN', type: 'BOOLEAN', required: true },
      { code: 'ANTAL', type: 'INTEGER' },
      { code: 'FIL', type: 'ATTACHMENT' },
    ]);
    const { reportId } = await openReport(app.ds, t.id, 'LOV-HV-2012-004');
    const SAVE = 'mutation($id: ID!, $v: Int!, $a: [AnswerInput!]!) { saveAnswers(reportId: $id, expectedVersion: $v, answers: $a) { version } }';
    const blank = { value: null, note: null, confidentialityRequested: false, confidentialityReason: null };

    const first = await run(provider, SAVE, { id: reportId, v: 1, a: [{ questionId: t.q.PLAN, value: true }, { questionId: t.q.ANTAL, value: 3, note: 'Uppskattat' }] });
    expect(strip(first.rows)).toEqual([
      {
        ...byProvider,
        action: 'ANSWERS_SAVED',
        entity_type: 'Report',
        entity_id: reportId,
        before: { status: 'NOT_STARTED', answers: { PLAN: blank, ANTAL: blank } },
        after: { status: 'DRAFT', answers: { PLAN: { ...blank, value: true }, ANTAL: { ...blank, value: 3, note: 'Uppskattat' } } },
      },
    ]);
    const second = await run(provider, SAVE, { id: reportId, v: 2, a: [{ questionId: t.q.PLAN, value: true }, { questionId: t.q.ANTAL, value: 4, note: 'Uppskattat' }] });
    expect(strip(second.rows)).toEqual([
      {
        ...byProvider,
        action: 'ANSWERS_SAVED',
        entity_type: 'Report',
        entity_id: reportId,
        before: { status: 'DRAFT', answers: { ANTAL: { ...blank, value: 3, note: 'Uppskattat' } } },
        after: { status: 'DRAFT', answers: { ANTAL: { ...blank, value: 4, note: 'Uppskattat' } } },
      },
    ]);
    // Refused saves record nothing: a stale version, a wrong shape.
    expect((await run(provider, SAVE, { id: reportId, v: 2, a: [{ questionId: t.q.ANTAL, value: 5 }] })).rows).toEqual([]);
    expect((await run(provider, SAVE, { id: reportId, v: 3, a: [{ questionId: t.q.ANTAL, value: 'fem' }] })).rows).toEqual([]);

    const before = await auditCount();
    const pdf = pdfBytes();
    const uploaded = await upload(app, provider, { reportId, questionId: t.q.FIL }, { name: 'plan.pdf', bytes: pdf });
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body.id;
    expect(await auditCount()).toBe(before + 1);
    expect(strip(await auditRowsOf(app, uploaded.requestId))).toEqual([
      {
        ...byProvider,
        action: 'ATTACHMENT_UPLOADED',
        entity_type: 'Report',
        entity_id: reportId,
        before: null,
        after: { attachmentId: fileId, questionId: t.q.FIL, fileName: 'plan.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: uploaded.body.sha256 },
      },
    ]);
    const refusedUpload = await upload(app, provider, { reportId, questionId: t.q.FIL }, { name: 'plan.pdf', bytes: pdf }, {});
    expect(refusedUpload.status).toBe(400);
    expect(await auditCount()).toBe(before + 1);

    const removed = await run(provider, 'mutation($id: ID!) { deleteAttachment(id: $id) }', { id: fileId });
    expect(strip(removed.rows)).toEqual([
      { ...byProvider, action: 'ATTACHMENT_REMOVED', entity_type: 'Report', entity_id: reportId, before: { attachmentId: fileId, fileName: 'plan.pdf' }, after: null },
    ]);

    const version = (await app.one('SELECT version FROM report WHERE id = $1', [reportId])).version;
    const SUBMIT = 'mutation($id: ID!, $v: Int!) { submitReport(reportId: $id, expectedVersion: $v) { id reference } }';
    const submitted = await run(provider, SUBMIT, { id: reportId, v: version });
    const { id: submissionId, reference } = submitted.res.data!.submitReport;
    expect(strip(submitted.rows)).toEqual([
      { ...byProvider, action: 'REPORT_SUBMITTED', entity_type: 'Report', entity_id: reportId, before: { status: 'DRAFT' }, after: { status: 'SUBMITTED', submission: reference, submissionId } },
    ]);
    const retry = await run(provider, SUBMIT, { id: reportId, v: version });
    expect(retry.res.data!.submitReport.id).toBe(submissionId);
    expect(retry.rows).toEqual([]);
    // A refused submit records nothing either (a reviewer's).
    const byReviewer = await run(actors.clients.REVIEWER, SUBMIT, { id: reportId, v: version });
    expect(byReviewer.res.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(byReviewer.rows).toEqual([]);
  });
});

describe('review changes', () => {
  const by = (actor: 'REVIEWER' | 'PROVIDER' | 'ADMIN') => ({
    actor_user_id: actors.userIds[actor],
    actor_token_id: null,
    actor_label: { REVIEWER: 'reviewer@insyn.example', PROVIDER: 'provider.private@insyn.example', ADMIN: 'admin@insyn.example' }[actor],
  });

  it('requestChanges, approveReport and reopenQuestion: one row each, with the reason, the assessments, the question; refused ones none', async () => {
    const reviewer = actors.clients.REVIEWER;
    const t = await reviewTemplate(app.ds, 'Revisionsgranskning');
    const flow = { provider: actors.clients.PROVIDER, reviewer };
    const reportId = await reportIn(app, flow, t, 'SUBMITTED');

    const refusedApproval = await run(reviewer, GQL.approve, { id: reportId, assessments: assessAll(t).slice(1) });
    expect(refusedApproval.res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refusedApproval.rows).toEqual([]);
    const refusedReopen = await run(reviewer, GQL.reopen, { id: reportId, q: t.q.B, reason: 'Fel läge' });
    expect(refusedReopen.res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refusedReopen.rows).toEqual([]);
    const byProvider = await run(actors.clients.PROVIDER, GQL.requestChanges, { id: reportId, reason: 'Själv' });
    expect(byProvider.res.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(byProvider.rows).toEqual([]);

    const returned = await run(reviewer, GQL.requestChanges, { id: reportId, reason: 'Komplettera B.' });
    expect(strip(returned.rows)).toEqual([
      { ...by('REVIEWER'), action: 'CHANGES_REQUESTED', entity_type: 'Report', entity_id: reportId, before: { status: 'SUBMITTED' }, after: { status: 'CHANGES_REQUESTED', reason: 'Komplettera B.' } },
    ]);
    const again = await run(reviewer, GQL.requestChanges, { id: reportId, reason: 'Igen' });
    expect(again.res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(again.rows).toEqual([]);

    const save = await run(actors.clients.PROVIDER, GQL.save, { id: reportId, v: 4, a: [{ questionId: t.q.B, value: 5 }] });
    expect(save.rows.map((r) => [r.action, r.before!.status, r.after!.status])).toEqual([['ANSWERS_SAVED', 'CHANGES_REQUESTED', 'DRAFT']]);
    const submitted = await run(actors.clients.PROVIDER, GQL.submit, { id: reportId, v: 5 });
    expect(submitted.rows.map((r) => [r.action, r.before!.status])).toEqual([['REPORT_SUBMITTED', 'DRAFT']]);

    const approved = await run(actors.clients.ADMIN, GQL.approve, {
      id: reportId,
      assessments: [
        { goalId: t.goals.M1, rating: 'MET', motivation: 'Uppfyllt.' },
        { goalId: t.goals.M2, rating: 'NOT_ASSESSED' },
      ],
    });
    expect(strip(approved.rows)).toEqual([
      {
        ...by('ADMIN'),
        action: 'REPORT_APPROVED',
        entity_type: 'Report',
        entity_id: reportId,
        before: { status: 'SUBMITTED' },
        after: { status: 'APPROVED', assessments: { M1: { rating: 'MET', motivation: 'Uppfyllt.' }, M2: { rating: 'NOT_ASSESSED', motivation: null } } },
      },
    ]);

    const reopened = await run(reviewer, GQL.reopen, { id: reportId, q: t.q.C, reason: 'Rätta C.' });
    expect(strip(reopened.rows)).toEqual([
      { ...by('REVIEWER'), action: 'QUESTION_REOPENED', entity_type: 'Report', entity_id: reportId, before: { status: 'APPROVED' }, after: { status: 'CHANGES_REQUESTED', question: 'C', reason: 'Rätta C.' } },
    ]);
  });

  it('addComment: THREAD_STARTED for a new thread, COMMENT_ADDED for a reply; resolveThread and reopenThread one row each, a no-op none', async () => {
    const reviewer = actors.clients.REVIEWER;
    const t = await reviewTemplate(app.ds, 'Revisionstrådar');
    const reportId = await reportIn(app, { provider: actors.clients.PROVIDER, reviewer }, t, 'SUBMITTED');

    const started = await run(reviewer, GQL.comment, { input: { reportId, questionId: t.q.A, body: 'Varför?' } });
    const commentId = started.res.data!.addComment.id;
    const [{ thread_id: threadId }] = await app.ds.query('SELECT thread_id FROM comment WHERE id = $1', [commentId]);
    expect(strip(started.rows)).toEqual([
      { ...by('REVIEWER'), action: 'THREAD_STARTED', entity_type: 'Report', entity_id: reportId, before: null, after: { threadId, commentId, questionId: t.q.A, body: 'Varför?' } },
    ]);
    const refusedStart = await run(actors.clients.PROVIDER, GQL.comment, { input: { reportId, body: 'Egen tråd' } });
    expect(refusedStart.res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refusedStart.rows).toEqual([]);

    const replied = await run(actors.clients.PROVIDER, GQL.comment, { input: { reportId, threadId, body: 'Därför.' } });
    expect(strip(replied.rows)).toEqual([
      {
        ...by('PROVIDER'),
        action: 'COMMENT_ADDED',
        entity_type: 'Report',
        entity_id: reportId,
        before: null,
        after: { threadId, commentId: replied.res.data!.addComment.id, questionId: null, body: 'Därför.' },
      },
    ]);

    const refusedResolve = await run(actors.clients.PROVIDER, GQL.resolve, { id: threadId });
    expect(refusedResolve.res.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(refusedResolve.rows).toEqual([]);
    const resolved = await run(reviewer, GQL.resolve, { id: threadId });
    expect(strip(resolved.rows)).toEqual([
      { ...by('REVIEWER'), action: 'THREAD_RESOLVED', entity_type: 'Report', entity_id: reportId, before: { threadId, resolved: false }, after: { threadId, resolved: true } },
    ]);
    expect((await run(reviewer, GQL.resolve, { id: threadId })).rows).toEqual([]);
    const reopened = await run(actors.clients.ADMIN, GQL.reopenThread, { id: threadId });
    expect(strip(reopened.rows)).toEqual([
      { ...by('ADMIN'), action: 'THREAD_REOPENED', entity_type: 'Report', entity_id: reportId, before: { threadId, resolved: true }, after: { threadId, resolved: false } },
    ]);
    expect((await run(actors.clients.ADMIN, GQL.reopenThread, { id: threadId })).rows).toEqual([]);
  });

  it('assignReports: one row per report whose assignee changed, none for the rest or for a refused call', async () => {
    const reviewer = actors.clients.REVIEWER;
    const t = await reviewTemplate(app.ds, 'Revisionstilldelning');
    const a = (await openReport(app.ds, t.id, 'LOV-HV-2012-004')).reportId;
    const b = (await openReport(app.ds, t.id, 'LOV-HV-2012-004')).reportId;
    const reviewerId = actors.userIds.REVIEWER;
    const first = await run(reviewer, GQL.assign, { ids: [a], to: reviewerId });
    expect(strip(first.rows)).toEqual([
      { ...by('REVIEWER'), action: 'REPORT_ASSIGNED', entity_type: 'Report', entity_id: a, before: { assignedTo: null }, after: { assignedTo: reviewerId } },
    ]);
    const both = await run(reviewer, GQL.assign, { ids: [a, b], to: reviewerId });
    expect(strip(both.rows)).toEqual([
      { ...by('REVIEWER'), action: 'REPORT_ASSIGNED', entity_type: 'Report', entity_id: b, before: { assignedTo: null }, after: { assignedTo: reviewerId } },
    ]);
    const refused = await run(reviewer, GQL.assign, { ids: [a, b], to: actors.userIds.AUDITOR });
    expect(refused.res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.rows).toEqual([]);
    const cleared = await run(actors.clients.ADMIN, GQL.assign, { ids: [a, b], to: null });
    expect(strip(cleared.rows).sort((x, y) => String(x.entity_id).localeCompare(String(y.entity_id)))).toEqual(
      [a, b].sort().map((id) => ({ ...by('ADMIN'), action: 'REPORT_ASSIGNED', entity_type: 'Report', entity_id: id, before: { assignedTo: reviewerId }, after: { assignedTo: null } })),
    );
  });
});

describe('logins', () => {
  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';

  it('LOGIN, LOGIN_FAILED (known and unknown address) and LOGOUT', async () => {
    const browser = app.client();
    const ok = await run(browser, LOGIN, { e: 'Reviewer@Insyn.example', p: 'insyn-demo' });
    const reviewerId = actors.userIds.REVIEWER;
    expect(ok.res.data!.login.id).toBe(reviewerId);
    expect(strip(ok.rows)).toEqual([
      { action: 'LOGIN', entity_type: 'User', entity_id: reviewerId, actor_user_id: reviewerId, actor_token_id: null, actor_label: 'reviewer@insyn.example', before: null, after: { ip: expect.any(String) } },
    ]);

    const session = browser.cookie;
    const out = await run(browser, 'mutation { logout }');
    expect(out.res.data!.logout).toBe(true);
    expect(strip(out.rows)).toEqual([
      { action: 'LOGOUT', entity_type: 'User', entity_id: reviewerId, actor_user_id: reviewerId, actor_token_id: null, actor_label: 'reviewer@insyn.example', before: null, after: null },
    ]);
    // Logging out again: nobody is logged in, nothing is recorded.
    const twice = await run(browser, 'mutation { logout }');
    expect(twice.res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(twice.rows).toEqual([]);
    // A browser still holding the ended session's cookie is told so, and the cookie is cleared.
    const stale = app.client();
    stale.cookie = session;
    const late = await run(stale, 'mutation { logout }');
    expect(late.res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(late.rows).toEqual([]);
    expect(stale.last!.headers.getSetCookie()).toEqual([expect.stringMatching(/^insyn_session=;.*Max-Age=0/)]);
    expect(stale.cookie).toBeNull();

    const wrong = await run(app.client(), LOGIN, { e: 'reviewer@insyn.example', p: 'fel-lösenord' });
    expect(wrong.res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(strip(wrong.rows)).toEqual([
      { action: 'LOGIN_FAILED', entity_type: 'User', entity_id: reviewerId, actor_user_id: null, actor_token_id: null, actor_label: 'reviewer@insyn.example', before: null, after: { email: 'reviewer@insyn.example', ip: expect.any(String) } },
    ]);
    expect(JSON.stringify(wrong.rows)).not.toContain('fel-lösenord');

    const unknown = await run(app.client(), LOGIN, { e: 'okand@insyn.example', p: 'insyn-demo' });
    expect(strip(unknown.rows)).toEqual([
      { action: 'LOGIN_FAILED', entity_type: 'User', entity_id: null, actor_user_id: null, actor_token_id: null, actor_label: 'okand@insyn.example', before: null, after: { email: 'okand@insyn.example', ip: expect.any(String) } },
    ]);
  });
});

describe('refused changes leave no row and no change', () => {
  /** Everything a refused admin change could have touched. */
  const snapshot = () =>
    app.one(`SELECT
      (SELECT count(*) FROM audit_event) AS audit,
      (SELECT json_agg(p ORDER BY id) FROM provider p) AS provider,
      (SELECT json_agg(u ORDER BY id) FROM unit u) AS unit,
      (SELECT json_agg(a ORDER BY id) FROM agreement a) AS agreement,
      (SELECT json_agg(a ORDER BY agreement_id, unit_id) FROM agreement_unit a) AS agreement_unit,
      (SELECT json_agg(p ORDER BY id) FROM program p) AS program,
      (SELECT json_agg(g ORDER BY id) FROM goal g) AS goal,
      (SELECT json_agg(g ORDER BY id) FROM guideline g) AS guideline,
      (SELECT json_agg(t ORDER BY id) FROM target t) AS target,
      (SELECT json_agg(u.* ORDER BY id) FROM (SELECT id, email, name, roles, provider_id, active, version, password_hash FROM app_user) u) AS app_user`);

  const cases: [string, () => Promise<{ client: Client; document: string; variables?: Record<string, unknown> }>, string, string?][] = [
    [
      'bad input: an organisationsnummer with a wrong check digit',
      async () => ({ client: admin, document: 'mutation { createProvider(input: { name: "Fel AB", orgNumber: "556677-8890", ownership: PRIVATE }) { id } }' }),
      'BAD_USER_INPUT',
      'input.orgNumber',
    ],
    [
      'bad input found inside the transaction: a unit of another provider (after the agreement row was written)',
      async () => {
        const [own] = await app.ds.query(`SELECT id FROM provider WHERE name = 'Hede Läkarhus AB'`);
        const [foreign] = await app.ds.query(`SELECT u.id FROM unit u JOIN provider p ON p.id = u.provider_id WHERE p.name = 'Storsjöklinikerna AB' LIMIT 1`);
        return {
          client: admin,
          document: 'mutation($input: AgreementInput!) { createAgreement(input: $input) { id } }',
          variables: { input: { providerId: own.id, form: 'LOU', reference: 'FEL-1', validFrom: '2026-01-01', unitIds: [foreign.id] } },
        };
      },
      'BAD_USER_INPUT',
      'input.unitIds',
    ],
    [
      'bad input found inside the transaction: removing a goal that indicators measure',
      async () => {
        const [d] = await app.ds.query(`INSERT INTO program (title, term_start, term_end, decision_reference, status) VALUES ('Utkast', 2050, 2051, 'RS/FEL/2049', 'DRAFT') RETURNING id`);
        await app.ds.query(`INSERT INTO goal (program_id, code, title, category, position) VALUES ($1, 'M1', 'Mätt mål', 'QUALITY', 0)`, [d.id]);
        await app.ds.query(`UPDATE indicator SET goal_id = (SELECT id FROM goal WHERE program_id = $1) WHERE code = 'CARIES-FREE-6'`, [d.id]);
        return {
          client: admin,
          document: 'mutation($id: ID!) { saveProgramDraft(id: $id, expectedVersion: 1, input: { title: "Utan mål", termStart: 2050, termEnd: 2051, decisionReference: "RS/FEL/2049", goals: [], guidelines: [] }) { id } }',
          variables: { id: d.id },
        };
      },
      'BAD_USER_INPUT',
      'input.goals',
    ],
    [
      'conflict: a stale version',
      async () => {
        const [p] = await app.ds.query(`SELECT id, version FROM provider WHERE name = 'Hede Läkarhus AB'`);
        await app.ds.query('UPDATE provider SET version = version + 1 WHERE id = $1', [p.id]);
        return { client: admin, document: 'mutation($id: ID!, $v: Int!) { updateProvider(id: $id, expectedVersion: $v, input: { name: "Hede Nytt" }) { id } }', variables: { id: p.id, v: p.version } };
      },
      'CONFLICT',
    ],
    [
      'forbidden: an auditor changes a provider',
      async () => {
        const [p] = await app.ds.query(`SELECT id, version FROM provider WHERE name = 'Hede Läkarhus AB'`);
        // A fresh auditor: the demo auditor's other sessions ended when its password changed above.
        const created = await admin.gql(
          'mutation { createUser(input: { email: "revisor2@insyn.example", name: "Andra Revisorn", roles: [AUDITOR], password: "revisor-lösenord" }) { user { id } } }',
        );
        expect(created.errors).toBeUndefined();
        const auditor = await app.login('revisor2@insyn.example', 'revisor-lösenord');
        return { client: auditor, document: 'mutation($id: ID!, $v: Int!) { updateProvider(id: $id, expectedVersion: $v, input: { name: "Hede Nytt" }) { id } }', variables: { id: p.id, v: p.version } };
      },
      'FORBIDDEN',
    ],
    [
      'forbidden: an administrator removes their own administrator rights',
      async () => {
        const [u] = await app.ds.query(`SELECT version FROM app_user WHERE id = $1`, [adminId]);
        return { client: admin, document: 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, expectedVersion: $v, input: { roles: [AUDITOR] }) { id } }', variables: { id: adminId, v: u.version } };
      },
      'BAD_USER_INPUT',
      'input.roles',
    ],
  ];

  for (const [what, prepare, code, field] of cases) {
    it(what, async () => {
      const { client, document, variables } = await prepare();
      const before = await snapshot();
      const res = await client.gql(document, variables);
      expect(res.errors!.map((e) => e.extensions.code)).toEqual([code]);
      if (field) expect((res.errors![0].extensions.fields as { path: string }[]).map((f) => f.path)).toEqual([field]);
      expect(await auditRowsOf(app, requestIdOf(client))).toEqual([]);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('the change and its audit row commit together: when the audit row cannot be written, nothing is stored', async () => {
    // Make the audit trail refuse rows about one provider name, as a full disk or a bug would.
    await app.ds.query(`
      CREATE FUNCTION refuse_test_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.after->>'name' = 'Oskrivbar AB' OR NEW.after->>'city' = 'Oskrivbar' THEN RAISE EXCEPTION 'audit write failed'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_test_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_test_audit();`);
    try {
      const [unit] = await app.ds.query(`SELECT id, version FROM unit ORDER BY name LIMIT 1`);
      const before = await snapshot();
      const created = await admin.gql('mutation($o: String!) { createProvider(input: { name: "Oskrivbar AB", orgNumber: $o, ownership: PRIVATE }) { id } }', { o: orgNumber(2) });
      expect(created.errors![0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const updated = await admin.gql('mutation($id: ID!, $v: Int!) { updateUnit(id: $id, expectedVersion: $v, input: { city: "Oskrivbar" }) { id } }', { id: unit.id, v: unit.version });
      expect(updated.errors![0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await snapshot()).toEqual(before);
    } finally {
      await app.ds.query('DROP TRIGGER refuse_test_audit ON audit_event; DROP FUNCTION refuse_test_audit()');
    }
  });
});

describe('the audit trail is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const [row] = await app.ds.query(`SELECT id, action FROM audit_event ORDER BY id DESC LIMIT 1`);
    await expect(app.ds.query(`UPDATE audit_event SET action = 'TAMPERED' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(app.ds.query('DELETE FROM audit_event WHERE id = $1', [row.id])).rejects.toThrow(/append-only/);
    await expect(app.ds.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    const [after] = await app.ds.query('SELECT action FROM audit_event WHERE id = $1', [row.id]);
    expect(after.action).toBe(row.action);
  });
});
