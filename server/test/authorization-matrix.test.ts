import { randomBytes } from 'node:crypto';
import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../src/app/schema.js';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';
import { ACTORS, DEMO_EMAIL, auditRowsOf, loginActors, orgNumber, requestIdOf, type Actor, type Actors } from './support/actors.js';
import { openReport, publishedTemplate } from './support/reporting.js';
import { insightRequestIn, type InsightState } from './support/insight.js';
import { approvedPublicationReport, decide, publicationTemplate } from './support/publication.js';
import { publishReportValues } from '../src/modules/publication/derive.js';
import type { TestTemplate } from './support/reporting.js';

/**
 * Every Query and Mutation field of the schema × every kind of caller → allowed or refused.
 * An operation added to the schema without a row here fails the first test. Each row runs
 * against the demo region with a small operation whose input would succeed if allowed:
 * allowed callers must succeed (and a change must leave its audit row); refused callers get
 * the code of the row and change nothing.
 */

const OK = 'ok';
const AUTH = 'UNAUTHENTICATED'; // not logged in
const DENY = 'FORBIDDEN'; // wrong role
const NF = 'NOT_FOUND'; // the object is outside the caller's scope
type Outcome = typeof OK | typeof AUTH | typeof DENY | typeof NF;

/** One row of the matrix, in the order of ACTORS. */
function row(
  anonymous: Outcome,
  ADMIN: Outcome,
  REVIEWER: Outcome,
  PROVIDER: Outcome,
  OTHER_PROVIDER: Outcome,
  AUDITOR: Outcome,
  ANALYST: Outcome,
  ANALYST_TOKEN: Outcome,
): Record<Actor, Outcome> {
  return { anonymous, ADMIN, REVIEWER, PROVIDER, OTHER_PROVIDER, AUDITOR, ANALYST, ANALYST_TOKEN };
}

//                       anonymous ADMIN REVIEWER PROVIDER OTHER_PROVIDER AUDITOR ANALYST ANALYST_TOKEN
const PUBLIC = /*     */ row(OK,   OK,   OK,      OK,      OK,            OK,     OK,     OK);
const ADMIN_ONLY = /* */ row(AUTH, OK,   DENY,    DENY,    DENY,          DENY,   DENY,   DENY);
const PERSON = /*     */ row(AUTH, OK,   OK,      OK,      OK,            OK,     OK,     DENY); // a login, not a token
const LOGGED_IN = /*  */ row(AUTH, OK,   OK,      OK,      OK,            OK,     OK,     OK);
const PLANNERS = /*   */ row(AUTH, OK,   OK,      DENY,    DENY,          DENY,   DENY,   DENY); // ADMIN and REVIEWER
// The report's own provider (PROVIDER, Jämtvård) while it is editable; another provider cannot see it.
const OWN_PROVIDER = row(AUTH, DENY, DENY,    OK,      NF,            DENY,   DENY,   DENY);
// Review of Jämtvård's report: the region decides; its provider reads it but may not; another provider cannot see it.
const REVIEW = /*     */ row(AUTH, OK,   OK,      DENY,    NF,            DENY,   DENY,   DENY);
// The region's reading roles: ADMIN, REVIEWER and AUDITOR.
const REGION = /*     */ row(AUTH, OK,   OK,      DENY,    DENY,          OK,     DENY,   DENY);
// The region reads it about Jämtvård's report; Jämtvård may not; another provider cannot see the report.
const REGION_REPORT = row(AUTH, OK,  OK,      DENY,    NF,            OK,     DENY,   DENY);

type Vars = Record<string, unknown>;
interface Entry {
  document: string;
  matrix: Record<Actor, Outcome>;
  /** Variables for one call; called once per caller, so inputs stay unique. */
  variables?: (actor: Actor) => Vars | Promise<Vars>;
  /** Runs on a new session of the caller (login and logout would end the shared one). */
  fresh?: true;
  /** Checks the result of an allowed call (default: not null). */
  check?: (result: any, actor: Actor) => void;
  /** Who the audit row of an allowed change names (default: the caller). */
  auditActor?: (actor: Actor) => string | null;
  /** Undoes what an allowed call changed that later rows rely on. */
  after?: (actor: Actor) => Promise<void>;
  /** false: an allowed call of this mutation records no audit row (said why at the entry). */
  audit?: false;
}

let app: TestApp;
let actors: Actors;
let n = 0;
const next = () => ++n;
const f = {} as {
  hede: string;
  hedeUnit: string;
  colleague: string;
  target: string;
  choiceSystem: string;
  agreement: string;
  indicator: string;
  draft: string;
  program: string;
  conditionsDoc: string;
  demoPasswordHash: string;
  template: string;
  templateDraft: string;
  round: string;
  dentalChoiceSystem: string;
  report: string;
  textQuestion: string;
  attachmentQuestion: string;
  submitReport: string;
  reviewTemplate: string;
  reviewQuestion: string;
  goal: string;
  thread: string;
  jamtvard: string;
  publicationTemplate: TestTemplate;
  approvedReport: string;
  publishedReport: string;
};

const versionOf = async (table: string, id: string): Promise<number> => (await app.one(`SELECT version FROM ${table} WHERE id = $1`, [id])).version;

const table: Record<string, Entry> = {
  // --- Public: master data, program, indicators, and who is asking -------------------------
  municipalities: { document: '{ municipalities { code } }', matrix: PUBLIC, check: (r) => expect(r).toHaveLength(8) },
  choiceSystems: { document: '{ choiceSystems { code } }', matrix: PUBLIC, check: (r) => expect(r.length).toBeGreaterThan(0) },
  providers: { document: '{ providers(first: 5) { totalCount edges { node { name } } } }', matrix: PUBLIC, check: (r) => expect(r.edges).toHaveLength(5) },
  provider: { document: 'query($id: ID!) { provider(id: $id) { name } }', matrix: PUBLIC, variables: () => ({ id: f.hede }) },
  units: { document: '{ units(first: 5) { totalCount edges { node { name } } } }', matrix: PUBLIC, check: (r) => expect(r.edges).toHaveLength(5) },
  unit: { document: 'query($id: ID!) { unit(id: $id) { name } }', matrix: PUBLIC, variables: () => ({ id: f.hedeUnit }) },
  programs: { document: '{ programs { title } }', matrix: PUBLIC, check: (r) => expect(r.length).toBeGreaterThan(0) },
  program: { document: 'query($id: ID!) { program(id: $id) { title } }', matrix: PUBLIC, variables: () => ({ id: f.program }) },
  governingDocuments: { document: '{ governingDocuments { decisionReference } }', matrix: PUBLIC },
  governingDocument: {
    document: 'query($id: ID!) { governingDocument(id: $id) { currentVersion { version conditions { code } } } }',
    matrix: PUBLIC,
    variables: () => ({ id: f.conditionsDoc }),
    check: (r) => expect(r.currentVersion.conditions.length).toBeGreaterThan(0),
  },
  governingDocumentDiff: {
    document: 'query($id: ID!) { governingDocumentDiff(documentId: $id, fromVersion: 1, toVersion: 3) { conditions { code change } } }',
    matrix: PUBLIC,
    variables: () => ({ id: f.conditionsDoc }),
    check: (r) => expect(r.conditions.map((c: { change: string }) => c.change)).toContain('CHANGED'),
  },
  indicators: { document: '{ indicators { code } }', matrix: PUBLIC, check: (r) => expect(r.length).toBeGreaterThan(0) },
  indicator: { document: '{ indicator(code: "FIXED-GP") { name } }', matrix: PUBLIC },
  viewer: {
    document: '{ viewer { email } }',
    matrix: PUBLIC,
    check: (r, actor) => expect(r).toEqual(actor === 'anonymous' ? null : { email: DEMO_EMAIL[actor] }),
  },

  // --- Identity ------------------------------------------------------------------------------
  login: {
    document: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }',
    matrix: PUBLIC,
    fresh: true,
    variables: (actor) => ({ e: actor === 'anonymous' ? DEMO_EMAIL.REVIEWER : DEMO_EMAIL[actor], p: 'insyn-demo' }),
    auditActor: (actor) => actors.userIds[actor === 'anonymous' ? 'REVIEWER' : actor],
  },
  logout: { document: 'mutation { logout }', matrix: PERSON, fresh: true, check: (r) => expect(r).toBe(true) },
  changePassword: {
    document: 'mutation { changePassword(currentPassword: "insyn-demo", newPassword: "ett-helt-nytt-lösenord") }',
    matrix: PERSON,
    check: (r) => expect(r).toBe(true),
    after: async (actor) => {
      if (actor !== 'anonymous') await app.ds.query('UPDATE app_user SET password_hash = $1 WHERE id = $2', [f.demoPasswordHash, actors.userIds[actor]]);
    },
  },
  //             anonymous ADMIN REVIEWER PROVIDER OTHER_PROVIDER AUDITOR ANALYST ANALYST_TOKEN
  users: {
    document: '{ users(first: 100) { totalCount edges { node { email provider { name } } } } }',
    matrix: row(AUTH, OK, DENY, OK, OK, OK, DENY, DENY),
    check: (r, actor) => {
      const providers = new Set(r.edges.map((e: any) => e.node.provider?.name ?? null));
      if (actor === 'PROVIDER') expect([...providers]).toEqual(['Jämtvård Hälsocentraler AB']);
      else if (actor === 'OTHER_PROVIDER') expect([...providers]).toEqual(['Primärvården Region Jämtland Härjedalen']);
      else expect(providers.size).toBeGreaterThan(2);
    },
  },
  user: {
    // A colleague of the PROVIDER user: readable by their provider, admins and auditors only.
    document: 'query($id: ID!) { user(id: $id) { email } }',
    matrix: row(AUTH, OK, NF, OK, NF, OK, NF, NF),
    variables: () => ({ id: f.colleague }),
  },
  createUser: {
    document: 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { email } } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ input: { email: `matris.${next()}@insyn.example`, name: 'Matris Person', roles: ['AUDITOR'], password: 'matris-lösenord-1' } }),
  },
  updateUser: {
    document: 'mutation($id: ID!, $v: Int!, $input: UpdateUserInput!) { updateUser(id: $id, expectedVersion: $v, input: $input) { name } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: f.target, v: await versionOf('app_user', f.target), input: { name: `Matris Mål ${next()}` } }),
  },
  resetPassword: {
    document: 'mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ id: f.target }),
  },
  apiTokens: {
    document: '{ apiTokens { name owner { email } } }',
    matrix: row(AUTH, OK, DENY, DENY, DENY, OK, OK, OK),
    check: (r, actor) => {
      if (actor.startsWith('ANALYST')) for (const t of r) expect(t.owner.email).toBe(DEMO_EMAIL.ANALYST);
      expect(r.length).toBeGreaterThan(0);
    },
  },
  createApiToken: {
    document: 'mutation($name: String!) { createApiToken(name: $name) { token } }',
    matrix: row(AUTH, OK, DENY, DENY, DENY, DENY, OK, DENY),
    variables: () => ({ name: `Matris ${next()}` }),
  },
  revokeApiToken: {
    // A token of the analyst's (not the one the BI client is using).
    document: 'mutation($id: ID!) { revokeApiToken(id: $id) }',
    matrix: row(AUTH, OK, DENY, DENY, DENY, DENY, OK, OK),
    variables: async () => ({
      id: (
        await app.one(
          `INSERT INTO api_token (name, token_hash, owner_id, created_by) VALUES ($1, $2, $3, $3) RETURNING id`,
          [`Matris revoke ${next()}`, randomBytes(32).toString('hex'), actors.userIds.ANALYST],
        )
      ).id,
    }),
    check: (r) => expect(r).toBe(true),
  },
  auditEvents: {
    document: '{ auditEvents(first: 1) { totalCount edges { node { action } } } }',
    matrix: row(AUTH, OK, DENY, DENY, DENY, OK, DENY, DENY),
  },

  // --- Master data administration ------------------------------------------------------------
  createProvider: {
    document: 'mutation($input: ProviderInput!) { createProvider(input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ input: { name: `Matrisbolaget ${n + 1} AB`, orgNumber: orgNumber(next()), ownership: 'PRIVATE' } }),
  },
  updateProvider: {
    document: 'mutation($id: ID!, $v: Int!, $input: ProviderInput!) { updateProvider(id: $id, expectedVersion: $v, input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: f.hede, v: await versionOf('provider', f.hede), input: { contactPhone: `063-10 ${next()}` } }),
  },
  createUnit: {
    document: 'mutation($input: UnitInput!) { createUnit(input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ input: { providerId: f.hede, municipalityCode: '2361', name: `Matrisenheten ${next()}`, kind: 'HEALTH_CENTRE' } }),
  },
  updateUnit: {
    document: 'mutation($id: ID!, $v: Int!, $input: UnitInput!) { updateUnit(id: $id, expectedVersion: $v, input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: f.hedeUnit, v: await versionOf('unit', f.hedeUnit), input: { city: `Hede ${next()}` } }),
  },
  createAgreement: {
    document: 'mutation($input: AgreementInput!) { createAgreement(input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ input: { providerId: f.hede, form: 'LOU', reference: `MATRIS-NY-${next()}`, validFrom: '2026-01-01', unitIds: [f.hedeUnit] } }),
  },
  updateAgreement: {
    document: 'mutation($id: ID!, $v: Int!, $input: AgreementInput!) { updateAgreement(id: $id, expectedVersion: $v, input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: f.agreement, v: await versionOf('agreement', f.agreement), input: { reference: `MATRIS-AVTAL-${next()}` } }),
  },
  createChoiceSystem: {
    document: 'mutation($input: ChoiceSystemInput!) { createChoiceSystem(input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ input: { code: `MATRIS_${next()}`, name: 'Matrisval' } }),
  },
  updateChoiceSystem: {
    document: 'mutation($id: ID!, $v: Int!, $input: ChoiceSystemInput!) { updateChoiceSystem(id: $id, expectedVersion: $v, input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: f.choiceSystem, v: await versionOf('choice_system', f.choiceSystem), input: { name: `Matrisval ${next()}` } }),
  },

  // --- Program and indicators administration --------------------------------------------------
  createProgram: {
    document: 'mutation($input: ProgramDraftInput!) { createProgram(input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: () => ({
      input: {
        title: 'Matrisprogram',
        termStart: 2097,
        termEnd: 2098,
        decisionReference: `RS/MATRIS-NY-${next()}`,
        goals: [{ code: 'M1', title: 'Ett mål', category: 'QUALITY' }],
        guidelines: [{ code: 'R1', text: 'En riktlinje', obligation: 'SHALL', goalCode: 'M1' }],
      },
    }),
  },
  saveProgramDraft: {
    document: 'mutation($id: ID!, $v: Int!, $input: ProgramDraftInput!) { saveProgramDraft(id: $id, expectedVersion: $v, input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({
      id: f.draft,
      v: await versionOf('program', f.draft),
      input: { title: `Matrisutkast ${next()}`, termStart: 2095, termEnd: 2096, decisionReference: 'RS/MATRIS-UTKAST', goals: [], guidelines: [] },
    }),
  },
  adoptProgram: {
    document: 'mutation($id: ID!, $v: Int!, $input: AdoptProgramInput!) { adoptProgram(id: $id, expectedVersion: $v, input: $input) { status } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({
      id: (
        await app.one(`INSERT INTO program (title, term_start, term_end, decision_reference) VALUES ('Att anta', 2090, 2091, $1) RETURNING id`, [
          `RS/MATRIS-ANTA-${next()}`,
        ])
      ).id,
      v: 1,
      input: { decidedBy: 'Regionfullmäktige', decidedAt: '2089-11-20' },
    }),
    check: (r) => expect(r.status).toBe('ADOPTED'),
  },
  createProgramVersion: {
    document: 'mutation($id: ID!) { createProgramVersion(id: $id) { status } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({
      id: (
        await app.one(
          `INSERT INTO program (title, term_start, term_end, decision_reference, status, decided_by, decided_at)
           VALUES ('Att skriva om', 2085, 2086, $1, 'SUPERSEDED', 'Regionfullmäktige', '2084-11-20') RETURNING id`,
          [`RS/MATRIS-VERSION-${next()}`],
        )
      ).id,
    }),
    check: (r) => expect(r.status).toBe('DRAFT'),
  },
  createIndicator: {
    document: 'mutation($input: IndicatorInput!) { createIndicator(input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: () => ({
      input: { code: `MATRIS-${next()}`, name: 'Matrisindikator', definition: 'Andel av något.', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', serviceArea: 'ALL' },
    }),
  },
  updateIndicator: {
    document: 'mutation($id: ID!, $v: Int!, $input: IndicatorInput!) { updateIndicator(id: $id, expectedVersion: $v, input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: f.indicator, v: await versionOf('indicator', f.indicator), input: { name: `Matrisindikator ${next()}` } }),
  },
  setIndicatorTarget: {
    document: 'mutation($id: ID!, $input: TargetInput!) { setIndicatorTarget(indicatorId: $id, input: $input) { value } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ id: f.indicator, input: { year: 2030, value: 50 + next(), amberThreshold: 40 } }),
  },
  adoptGoverningDocumentVersion: {
    document: 'mutation($input: AdoptGoverningDocumentVersionInput!) { adoptGoverningDocumentVersion(input: $input) { version } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({
      input: {
        documentId: f.conditionsDoc,
        expectedVersion: (await app.one('SELECT max(version)::int AS v FROM governing_document_version WHERE document_id = $1', [f.conditionsDoc])).v,
        decisionReference: `RS/MATRIS/${next()}`,
        decidedBy: 'Regionstyrelsen',
        decidedAt: '2030-01-01',
        conditions: [{ code: 'V1', heading: 'Matris', text: 'Ett villkor.' }],
      },
    }),
  },

  // --- Follow-up: templates and rounds are read by anyone logged in --------------------------
  reportTemplates: { document: '{ reportTemplates { name } }', matrix: LOGGED_IN, check: (r) => expect(r.length).toBeGreaterThan(1) },
  reportTemplate: { document: 'query($id: ID!) { reportTemplate(id: $id) { name } }', matrix: LOGGED_IN, variables: () => ({ id: f.template }) },
  followUpRounds: { document: '{ followUpRounds { name } }', matrix: LOGGED_IN, check: (r) => expect(r.length).toBeGreaterThan(1) },
  reviewers: {
    document: '{ reviewers { id name } }',
    matrix: REGION,
    check: (r) => expect(r.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Anna Administratör', 'Rasmus Granskare'])),
  },
  followUpRound: { document: 'query($id: ID!) { followUpRound(id: $id) { name } }', matrix: LOGGED_IN, variables: () => ({ id: f.round }) },

  // --- Follow-up: template administration is ADMIN's --------------------------------------------
  createReportTemplate: {
    document: 'mutation($input: ReportTemplateInput!) { createReportTemplate(input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: () => ({ input: templateInput() }),
  },
  saveReportTemplateDraft: {
    document: 'mutation($id: ID!, $v: Int!, $input: ReportTemplateInput!) { saveReportTemplateDraft(id: $id, expectedVersion: $v, input: $input) { id } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: f.templateDraft, v: await versionOf('report_template', f.templateDraft), input: templateInput() }),
  },
  publishReportTemplate: {
    document: 'mutation($id: ID!) { publishReportTemplate(id: $id, expectedVersion: 1) { status } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: await smallTemplate('DRAFT') }),
    check: (r) => expect(r.status).toBe('PUBLISHED'),
  },
  createReportTemplateVersion: {
    document: 'mutation($id: ID!) { createReportTemplateVersion(id: $id) { status version } }',
    matrix: ADMIN_ONLY,
    variables: async () => ({ id: await smallTemplate('PUBLISHED') }),
    check: (r) => expect(r).toEqual({ status: 'DRAFT', version: 2 }),
  },

  // --- Follow-up: rounds are planned and opened by ADMIN and REVIEWER ----------------------------
  createFollowUpRound: {
    document: 'mutation($input: CreateFollowUpRoundInput!) { createFollowUpRound(input: $input) { status } }',
    matrix: PLANNERS,
    variables: () => ({
      input: { name: `Matrisomgång ${next()}`, period: '2026', templateId: f.template, opensAt: '2026-02-01T00:00:00Z', dueAt: '2026-03-31T21:59:59Z' },
    }),
    check: (r) => expect(r.status).toBe('PLANNED'),
  },
  openFollowUpRound: {
    // A new planned dental round each time (two agreements, so opening stays cheap).
    document: 'mutation($id: ID!) { openFollowUpRound(id: $id) { status } }',
    matrix: PLANNERS,
    variables: async () => ({
      id: (
        await app.one(
          `INSERT INTO follow_up_round (name, period, template_id, choice_system_id, opens_at, due_at)
           VALUES ($1, '2026', $2, $3, '2026-02-01', '2026-03-31') RETURNING id`,
          [`Matrisomgång ${next()}`, f.template, f.dentalChoiceSystem],
        )
      ).id,
    }),
    check: (r) => expect(r.status).toBe('OPEN'),
  },

  // --- Follow-up: reports ------------------------------------------------------------------------
  //             anonymous ADMIN REVIEWER PROVIDER OTHER_PROVIDER AUDITOR ANALYST ANALYST_TOKEN
  reports: {
    document: '{ reports(first: 500) { totalCount edges { node { provider { name } } } } }',
    matrix: row(AUTH, OK, OK, OK, OK, OK, DENY, DENY),
    check: (r, actor) => {
      const providers = new Set(r.edges.map((e: any) => e.node.provider.name));
      expect(r.totalCount).toBe(r.edges.length);
      if (actor === 'PROVIDER') expect([...providers]).toEqual(['Jämtvård Hälsocentraler AB']);
      else if (actor === 'OTHER_PROVIDER') expect([...providers]).toEqual(['Primärvården Region Jämtland Härjedalen']);
      else expect(providers.size).toBeGreaterThan(5);
    },
  },
  report: {
    document: 'query($id: ID!) { report(id: $id) { provider { name } } }',
    matrix: row(AUTH, OK, OK, OK, NF, OK, DENY, DENY),
    variables: () => ({ id: f.report }),
    check: (r) => expect(r.provider.name).toBe('Jämtvård Hälsocentraler AB'),
  },
  saveAnswers: {
    document: 'mutation($id: ID!, $v: Int!, $a: [AnswerInput!]!) { saveAnswers(reportId: $id, expectedVersion: $v, answers: $a) { status } }',
    matrix: OWN_PROVIDER,
    variables: async () => ({ id: f.report, v: await versionOf('report', f.report), a: [{ questionId: f.textQuestion, value: `Matrissvar ${next()}` }] }),
    check: (r) => expect(r.status).toBe('DRAFT'),
  },
  submitReport: {
    // Everyone sends version 1: after the provider's submit, a retry by anyone else is refused too.
    document: 'mutation($id: ID!) { submitReport(reportId: $id, expectedVersion: 1) { reference } }',
    matrix: OWN_PROVIDER,
    variables: () => ({ id: f.submitReport }),
    check: (r) => expect(r.reference).toMatch(/^UPP-\d{4}-\d{6}$/),
  },
  deleteAttachment: {
    // A new file on Jämtvård's draft each time.
    document: 'mutation($id: ID!) { deleteAttachment(id: $id) }',
    matrix: OWN_PROVIDER,
    variables: async () => ({
      id: (
        await app.one(
          `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by)
           VALUES ($1, $2, 'matris.pdf', 'application/pdf', 10, repeat('a', 64), gen_random_uuid()::text, $3) RETURNING id`,
          [f.report, f.attachmentQuestion, actors.userIds.PROVIDER],
        )
      ).id,
    }),
    check: (r) => expect(r).toBe(true),
  },

  // --- Review: the region decides on Jämtvård's reports; Jämtvård answers in threads ---------------
  requestChanges: {
    document: 'mutation($id: ID!) { requestChanges(reportId: $id, reason: "Matrisskäl: komplettera.") { status } }',
    matrix: REVIEW,
    variables: async () => ({ id: await reviewReport('SUBMITTED') }),
    check: (r) => expect(r.status).toBe('CHANGES_REQUESTED'),
  },
  approveReport: {
    document: 'mutation($id: ID!, $a: [GoalAssessmentInput!]!) { approveReport(reportId: $id, assessments: $a) { status assessments { rating } } }',
    matrix: REVIEW,
    variables: async () => ({ id: await reviewReport('SUBMITTED'), a: [{ goalId: f.goal, rating: 'MET' }] }),
    check: (r) => expect(r).toEqual({ status: 'APPROVED', assessments: [{ rating: 'MET' }] }),
  },
  reopenQuestion: {
    document: 'mutation($id: ID!, $q: ID!) { reopenQuestion(reportId: $id, questionId: $q, reason: "Matrisskäl: rätta svaret.") { status reopenedQuestionId } }',
    matrix: REVIEW,
    variables: async () => ({ id: await reviewReport('APPROVED'), q: f.reviewQuestion }),
    check: (r) => expect(r).toEqual({ status: 'CHANGES_REQUESTED', reopenedQuestionId: f.reviewQuestion }),
  },
  addComment: {
    // A reply in a thread the region started on Jämtvård's draft (starting threads: review-threads.test.ts).
    document: 'mutation($input: AddCommentInput!) { addComment(input: $input) { body } }',
    matrix: row(AUTH, OK, OK, OK, NF, DENY, DENY, DENY),
    variables: () => ({ input: { reportId: f.report, threadId: f.thread, body: `Matriskommentar ${next()}` } }),
    check: (r) => expect(r.body).toMatch(/^Matriskommentar \d+$/),
  },
  resolveThread: {
    document: 'mutation($id: ID!) { resolveThread(threadId: $id) { resolved } }',
    matrix: REVIEW,
    variables: async () => ({ id: await newThread(false) }),
    check: (r) => expect(r.resolved).toBe(true),
  },
  reopenThread: {
    document: 'mutation($id: ID!) { reopenThread(threadId: $id) { resolved } }',
    matrix: REVIEW,
    variables: async () => ({ id: await newThread(true) }),
    check: (r) => expect(r.resolved).toBe(false),
  },
  assignReports: {
    document: 'mutation($ids: [ID!]!, $to: ID) { assignReports(reportIds: $ids, reviewerId: $to) { assignedTo { id } } }',
    matrix: REVIEW,
    variables: async () => ({ ids: [await reviewReport('SUBMITTED')], to: actors.userIds.REVIEWER }),
    check: (r) => expect(r).toEqual([{ assignedTo: { id: actors.userIds.REVIEWER } }]),
  },

  // --- Publication: the region publishes Jämtvård's reports; Jämtvård responds to its published results
  //             anonymous ADMIN REVIEWER PROVIDER OTHER_PROVIDER AUDITOR ANALYST ANALYST_TOKEN
  publicationPreview: {
    document: 'query($id: ID!) { publicationPreview(reportId: $id) { canPublish pendingConfidentiality { code } } }',
    matrix: REGION_REPORT,
    variables: () => ({ id: f.approvedReport }),
  },
  decideConfidentiality: {
    // Decisions are never altered: each allowed call adds one, and the latest counts.
    document: 'mutation($r: ID!, $q: ID!) { decideConfidentiality(reportId: $r, questionId: $q, granted: true, reason: "OSL 31 kap. 16 §") { granted } }',
    matrix: REVIEW,
    variables: () => ({ r: f.approvedReport, q: f.publicationTemplate.q.CONF }),
    check: (r) => expect(r.granted).toBe(true),
  },
  publishReport: {
    document: 'mutation($r: ID!) { publishReport(reportId: $r) { status } }',
    matrix: REVIEW,
    variables: async () => ({ r: await decidedReport() }),
    check: (r) => expect(r.status).toBe('PUBLISHED'),
  },
  correctPublishedValue: {
    document: 'mutation($input: CorrectPublishedValueInput!) { correctPublishedValue(input: $input) { version } }',
    matrix: REVIEW,
    variables: () => ({ input: { reportId: f.publishedReport, questionId: f.publicationTemplate.q.INT, value: 100 + next(), reason: 'Matrisrättelse' } }),
    check: (r) => expect(r.version).toBeGreaterThan(1),
  },
  submitPublicResponse: {
    document: 'mutation($r: ID!, $b: String!) { submitPublicResponse(reportId: $r, body: $b) { status } }',
    matrix: OWN_PROVIDER,
    variables: () => ({ r: f.publishedReport, b: `Matrissvar ${next()}` }),
    check: (r) => expect(r.status).toBe('PENDING'),
  },
  decidePublicResponse: {
    // A new pending response each time (the previous pending one withdrawn, as a new submission would).
    document: 'mutation($id: ID!) { decidePublicResponse(id: $id, accept: true) { status } }',
    matrix: REVIEW,
    variables: async () => {
      await app.ds.query(`UPDATE public_response SET status = 'WITHDRAWN' WHERE report_id = $1 AND status = 'PENDING'`, [f.publishedReport]);
      const response = await app.one(`INSERT INTO public_response (report_id, provider_id, body, submitted_by) SELECT id, provider_id, $2, $3 FROM report WHERE id = $1 RETURNING id`, [
        f.publishedReport,
        `Matrissvar ${next()}`,
        actors.userIds.PROVIDER,
      ]);
      return { id: response.id };
    },
    check: (r) => expect(r.status).toBe('ACCEPTED'),
  },

  // --- Public results: anyone, no login ---------------------------------------------------------
  publicUnits: { document: '{ publicUnits(municipalityCode: "2361") { id name keyIndicators { value } } }', matrix: PUBLIC, check: (r) => expect(r.length).toBeGreaterThan(0) },
  publicUnit: { document: 'query($id: ID!) { publicUnit(id: $id) { unit { name } periods } }', matrix: PUBLIC, variables: () => ({ id: f.hedeUnit }) },
  publicComparison: {
    document: '{ publicComparison(indicatorCode: "FIXED-GP", period: "2025") { period rows { value } byOwnership { count } } }',
    matrix: PUBLIC,
  },
  publicPeriods: { document: '{ publicPeriods }', matrix: PUBLIC, check: (r) => expect(Array.isArray(r)).toBe(true) },
  publicIndicators: { document: '{ publicIndicators { code } }', matrix: PUBLIC, check: (r) => expect(Array.isArray(r)).toBe(true) },

  // --- BI read model: ANALYST (token or session) and the region's reading roles ---------------------
  //             anonymous ADMIN REVIEWER PROVIDER OTHER_PROVIDER AUDITOR ANALYST ANALYST_TOKEN
  indicatorFacts: {
    document: '{ indicatorFacts(filter: { publishedOnly: false }, first: 5) { totalCount edges { node { indicatorCode suppressed } } } }',
    matrix: row(AUTH, OK, OK, DENY, DENY, OK, OK, OK),
  },
  indicatorAggregates: {
    document: '{ indicatorAggregates(groupBy: [OWNERSHIP]) { key { value } count mean median } }',
    matrix: row(AUTH, OK, OK, DENY, DENY, OK, OK, OK),
    check: (r) => expect(Array.isArray(r)).toBe(true),
  },

  // --- Notifications: each person's own ------------------------------------------------------------
  //             anonymous ADMIN REVIEWER PROVIDER OTHER_PROVIDER AUDITOR ANALYST ANALYST_TOKEN
  notifications: {
    document: '{ notifications(first: 5) { totalCount edges { node { id } } } }',
    matrix: PERSON,
    check: (r) => expect(r.totalCount).toBeGreaterThanOrEqual(0),
  },
  unreadNotificationCount: {
    // Nobody (and a token) has none: 0, not an error, so the bell can always ask.
    document: '{ unreadNotificationCount }',
    matrix: PUBLIC,
    check: (r) => expect(r).toEqual(expect.any(Number)),
  },
  notificationPreferences: {
    document: '{ notificationPreferences { kind email required } }',
    matrix: PERSON,
    check: (r) => expect(r.length).toBeGreaterThan(0),
  },
  markNotificationsRead: {
    document: 'mutation { markNotificationsRead }',
    matrix: PERSON,
    variables: async (actor) => {
      if (actor !== 'anonymous') {
        await app.ds.query(`INSERT INTO notification (user_id, kind, title, body, link) VALUES ($1, 'ROUND_OPENED', 'Matris', 'Matris', '/')`, [actors.userIds[actor]]);
      }
      return {};
    },
    check: (r) => expect(r).toBeGreaterThan(0),
  },
  setNotificationPreference: {
    document: 'mutation { setNotificationPreference(kind: "REVIEW_WAITING", email: false) }',
    matrix: PERSON,
    check: (r) => expect(r).toBe(true),
  },
  setLanguage: {
    // The other language each time, so that every allowed call changes something.
    document: 'mutation($l: String!) { setLanguage(language: $l) }',
    matrix: PERSON,
    variables: async (actor) => {
      const user = actors.userIds[actor === 'anonymous' ? 'ADMIN' : actor];
      return { l: (await app.one('SELECT language FROM app_user WHERE id = $1', [user])).language === 'sv' ? 'en' : 'sv' };
    },
    check: (r) => expect(r).toBe(true),
  },

  // --- Insight requests: anyone files and tracks; the region handles; the provider answers what was forwarded to it
  //             anonymous ADMIN REVIEWER PROVIDER OTHER_PROVIDER AUDITOR ANALYST ANALYST_TOKEN
  submitInsightRequest: {
    document: 'mutation($input: SubmitInsightRequestInput!) { submitInsightRequest(input: $input) { reference trackingCode } }',
    matrix: PUBLIC,
    variables: () => ({ input: { subject: `Matrisfråga ${next()}`, description: 'Vad kostar jouren?' } }),
    check: (r) => expect(r.reference).toMatch(/^INS-\d{4}-\d{4,}$/),
    // Every caller comes from the same address here: the limit per address is tested in insight-requests.test.ts.
    after: async () => void (await app.ds.query('DELETE FROM insight_request_submission')),
  },
  insightRequestStatus: {
    document: 'query($c: String!) { insightRequestStatus(trackingCode: $c) { reference status } }',
    matrix: PUBLIC,
    variables: async () => ({ c: (await insightIn('RECEIVED')).trackingCode }),
    check: (r) => expect(r.status).toBe('RECEIVED'),
  },
  insightRequests: {
    document: '{ insightRequests(first: 500) { totalCount edges { node { provider { name } } } } }',
    matrix: row(AUTH, OK, OK, OK, OK, OK, DENY, DENY),
    variables: async () => (await insightIn('FORWARDED'), {}),
    check: (r, actor) => {
      const providers = new Set(r.edges.map((e: any) => e.node.provider?.name ?? null));
      if (actor === 'PROVIDER') expect([...providers]).toEqual(['Jämtvård Hälsocentraler AB']);
      else if (actor === 'OTHER_PROVIDER') expect(r.edges).toEqual([]);
      else expect(r.totalCount).toBeGreaterThan(0);
    },
  },
  insightRequest: {
    document: 'query($id: ID!) { insightRequest(id: $id) { status } }',
    matrix: row(AUTH, OK, OK, OK, NF, OK, DENY, DENY),
    variables: async () => ({ id: (await insightIn('FORWARDED')).id }),
  },
  registerInsightRequest: {
    document: 'mutation($id: ID!) { registerInsightRequest(id: $id, expectedVersion: 1) { status } }',
    matrix: PLANNERS,
    variables: async () => ({ id: (await insightIn('RECEIVED')).id }),
    check: (r) => expect(r.status).toBe('REGISTERED'),
  },
  forwardInsightRequest: {
    document: 'mutation($id: ID!, $p: ID!) { forwardInsightRequest(id: $id, expectedVersion: 1, providerId: $p) { status } }',
    matrix: PLANNERS,
    variables: async () => ({ id: (await insightIn('REGISTERED')).id, p: f.hede }),
    check: (r) => expect(r.status).toBe('FORWARDED'),
  },
  remindInsightRequest: {
    document: 'mutation($id: ID!) { remindInsightRequest(id: $id) { status remindedAt } }',
    matrix: PLANNERS,
    variables: async () => ({ id: (await insightIn('FORWARDED')).id }),
    check: (r) => expect(r.remindedAt).not.toBeNull(),
  },
  answerInsightRequest: {
    // Forwarded to Jämtvård: its users answer, the region may record the answer; another provider cannot see it.
    document: 'mutation($id: ID!) { answerInsightRequest(id: $id, expectedVersion: 1, answer: "Matrissvar", secretParts: [{ text: "Pris", reason: "Affärshemlighet" }]) { status } }',
    matrix: row(AUTH, OK, OK, OK, NF, DENY, DENY, DENY),
    variables: async () => ({ id: (await insightIn('FORWARDED')).id }),
    check: (r) => expect(r.status).toBe('ANSWERED'),
  },
  decideInsightRequest: {
    document: `mutation($id: ID!) { decideInsightRequest(id: $id, expectedVersion: 1, decision: REFUSED, legalGround: "OSL 31 kap. 16 §",
      appealNote: "Överklaga hos kammarrätten.", text: "Uppgifterna lämnas inte ut.") { status } }`,
    matrix: PLANNERS,
    variables: async () => ({ id: (await insightIn('ANSWERED')).id }),
    check: (r) => expect(r.status).toBe('DECIDED'),
  },
  closeInsightRequest: {
    document: 'mutation($id: ID!) { closeInsightRequest(id: $id, expectedVersion: 1) { status } }',
    matrix: PLANNERS,
    variables: async () => ({ id: (await insightIn('DECIDED')).id }),
    check: (r) => expect(r.status).toBe('CLOSED'),
  },

  // --- Last-resort register and coverage ------------------------------------------------------
  lastResortObligations: {
    document: '{ lastResortObligations(first: 5) { totalCount edges { node { decisionReference } } } }',
    matrix: PUBLIC,
    check: (r) => expect(r.totalCount).toBeGreaterThan(0),
  },
  lastResortObligation: {
    document: 'query($id: ID!) { lastResortObligation(id: $id) { decisionReference } }',
    matrix: PUBLIC,
    variables: async () => ({ id: (await app.one('SELECT id FROM last_resort_obligation ORDER BY decision_reference, id LIMIT 1')).id }),
  },
  lastResortCoverage: {
    document: '{ lastResortCoverage(year: 2025) { municipality { code } soleProvider listedPersons } }',
    matrix: REGION,
    check: (r) => expect(r).toHaveLength(8),
  },
  unitListings: {
    document: 'query($u: ID!) { unitListings(unitId: $u) { year listedPersons } }',
    matrix: REGION,
    variables: () => ({ u: f.hedeUnit }),
  },
  createLastResortObligation: {
    document: 'mutation($input: LastResortObligationInput!) { createLastResortObligation(input: $input) { id } }',
    matrix: PLANNERS,
    variables: async () => {
      const day = lastResortDay(next());
      const { municipality_code } = await app.one('SELECT municipality_code FROM unit WHERE id = $1', [f.hedeUnit]);
      return {
        input: { municipalityCode: municipality_code, choiceSystemId: f.choiceSystem, unitId: f.hedeUnit, minimumService: 'Matris', decisionReference: 'RS/MATRIS', validFrom: day, validTo: day },
      };
    },
  },
  updateLastResortObligation: {
    document: 'mutation($id: ID!, $input: LastResortObligationInput!) { updateLastResortObligation(id: $id, expectedVersion: 1, input: $input) { version } }',
    matrix: PLANNERS,
    variables: async () => ({ id: await lastResortObligation(), input: { minimumService: `Matris ${next()}` } }),
  },
  endLastResortObligation: {
    document: 'mutation($id: ID!, $to: LocalDate!) { endLastResortObligation(id: $id, expectedVersion: 1, validTo: $to) { validTo } }',
    matrix: PLANNERS,
    variables: async () => {
      const id = await lastResortObligation();
      return { id, to: (await app.one('SELECT valid_from::text AS d FROM last_resort_obligation WHERE id = $1', [id])).d };
    },
  },
  setListedPersons: {
    document: 'mutation($u: ID!, $n: Int!) { setListedPersons(unitId: $u, year: 2099, listedPersons: $n) { listedPersons } }',
    matrix: PLANNERS,
    variables: () => ({ u: f.hedeUnit, n: next() }),
  },
  importListings: {
    document: 'mutation($csv: String!) { importListings(csv: $csv) { rows } }',
    matrix: PLANNERS,
    variables: () => ({ csv: `unit_id;year;listed_persons\n${f.hedeUnit};2098;${next()}\n` }),
    check: (r) => expect(r.rows).toBe(1),
  },

  // --- Compensation for the last-resort responsibility ----------------------------------------
  unitEconomics: {
    document: '{ unitEconomics(year: 2025, first: 5) { totalCount edges { node { reimbursement } } } }',
    matrix: REGION,
  },
  setUnitEconomics: {
    document: 'mutation($u: ID!, $v: Int, $n: Int!) { setUnitEconomics(unitId: $u, year: 2097, expectedVersion: $v, input: { capitation: $n }) { version } }',
    matrix: PLANNERS,
    variables: async () => ({ u: f.hedeUnit, v: (await app.one('SELECT version FROM unit_economics WHERE unit_id = $1 AND year = 2097', [f.hedeUnit]))?.version ?? null, n: next() }),
  },
  importUnitEconomics: {
    document: 'mutation($csv: String!) { importUnitEconomics(csv: $csv) { rows } }',
    matrix: PLANNERS,
    variables: () => ({ csv: `unit_id;year;capitation\n${f.hedeUnit};2096;${next()},00\n` }),
    check: (r) => expect(r.rows).toBe(1),
  },
  compensationMethods: {
    document: 'query($o: ID!) { compensationMethods(obligationId: $o) { version } }',
    matrix: REGION,
    variables: async () => ({ o: (await app.one('SELECT id FROM last_resort_obligation ORDER BY decision_reference, id LIMIT 1')).id }),
  },
  setCompensationMethod: {
    document: 'mutation($o: ID!) { setCompensationMethod(obligationId: $o, expectedVersion: 0, input: { validFromYear: 2024, method: FIXED_AMOUNT, fixedAmount: 1000, decisionReference: "RS/MATRIS" }) { version } }',
    matrix: PLANNERS,
    variables: async () => ({ o: await lastResortObligation() }),
  },
  compensationProposals: {
    document: '{ compensationProposals(year: 2025) { amount obligation { id } } }',
    matrix: REGION,
    check: (r) => expect(r.length).toBeGreaterThan(0),
  },
  compensationProposal: {
    document: 'query($o: ID!) { compensationProposal(obligationId: $o, year: 2025) { amount } }',
    matrix: REGION,
    variables: async () => ({ o: (await app.one(`SELECT id FROM last_resort_obligation WHERE decision_reference LIKE 'RS/383/2021%' ORDER BY decision_reference, id LIMIT 1`)).id }),
  },
  compensationDecisions: {
    document: '{ compensationDecisions(year: 2025) { totalCount } }',
    matrix: REGION,
  },
  decideCompensation: {
    document:
      'mutation($o: ID!, $f: String!) { decideCompensation(input: { obligationId: $o, year: 2100, amount: 1000, basis: "Matris", decisionReference: "RS/MATRIS", decidedOn: "2100-01-01", fingerprint: $f }) { id } }',
    matrix: PLANNERS,
    variables: async () => {
      const o = await compensationObligation();
      // The fingerprint of the proposal as the region sees it.
      const seen = await actors.clients.ADMIN.gql('query($o: ID!) { compensationProposal(obligationId: $o, year: 2100) { fingerprint } }', { o });
      return { o, f: seen.data!.compensationProposal.fingerprint };
    },
  },

  // --- Follow-up reports: the neutrality report and the annual report to the board ----------------
  neutralityFigures: {
    document: '{ neutralityFigures(year: 2025) { year review { group reports } } }',
    matrix: REGION,
    check: (r) => expect(r.review).toHaveLength(2),
  },
  neutralityReport: { document: '{ neutralityReport(year: 2024) { version decisionReference } }', matrix: PUBLIC },
  neutralityReports: { document: '{ neutralityReports { year version } }', matrix: PUBLIC, check: (r) => expect(r.length).toBeGreaterThan(0) },
  adoptNeutralityReport: {
    document: 'mutation($v: Int!) { adoptNeutralityReport(year: 2097, decisionReference: "RS/MATRIS", adoptedOn: "2097-01-01", expectedVersion: $v) { version } }',
    matrix: PLANNERS,
    variables: async () => ({ v: (await app.one(`SELECT coalesce(max(version), 0)::int AS v FROM neutrality_report WHERE year = 2097`)).v }),
  },
  annualReport: { document: '{ annualReport(year: 2024) { status } }', matrix: PUBLIC, check: (r) => expect(r.status).toBe('PUBLISHED') },
  annualReports: { document: '{ annualReports { year status } }', matrix: PUBLIC, check: (r) => expect(r.length).toBeGreaterThan(0) },
  regionAnnualReports: { document: '{ regionAnnualReports { year status } }', matrix: REGION, check: (r) => expect(r.length).toBeGreaterThan(0) },
  regionAnnualReport: {
    document: 'query($id: ID!) { regionAnnualReport(id: $id) { year status } }',
    matrix: REGION,
    variables: async () => ({ id: (await app.one(`SELECT id FROM annual_report ORDER BY year LIMIT 1`)).id }),
  },
  createAnnualReport: {
    document: 'mutation($y: Int!) { createAnnualReport(year: $y) { status } }',
    matrix: PLANNERS,
    variables: () => ({ y: annualReportYear() }),
  },
  saveAnnualReport: {
    document: 'mutation($id: ID!, $text: String!) { saveAnnualReport(id: $id, expectedVersion: 1, sections: [{ key: SUMMARY, text: $text }]) { version } }',
    matrix: PLANNERS,
    variables: async () => ({ id: await annualReportIn('DRAFT'), text: `Matris ${next()}` }),
  },
  adoptAnnualReport: {
    document: 'mutation($id: ID!) { adoptAnnualReport(id: $id, expectedVersion: 1, decisionReference: "RS/MATRIS", adoptedOn: "2090-01-01") { status } }',
    matrix: PLANNERS,
    variables: async () => ({ id: await annualReportIn('DRAFT') }),
  },
  publishAnnualReport: {
    document: 'mutation($id: ID!) { publishAnnualReport(id: $id, expectedVersion: 1) { status } }',
    matrix: PLANNERS,
    variables: async () => ({ id: await annualReportIn('ADOPTED') }),
  },
};

/** A year of its own for each annual report the matrix makes (2030 onwards; one report per year). */
let annualYears = 2030;
const annualReportYear = () => annualYears++;
/** A new annual report at version 1, a draft or adopted (with figures, made in SQL: a draft, then adopted). */
const annualReportIn = async (status: 'DRAFT' | 'ADOPTED'): Promise<string> => {
  const { id } = await app.one(`INSERT INTO annual_report (year) VALUES ($1) RETURNING id`, [annualReportYear()]);
  if (status === 'ADOPTED') {
    await app.one(
      `UPDATE annual_report SET status = 'ADOPTED', figures = '{}', decision_reference = 'RS/MATRIS', adopted_on = '2090-01-01',
              adopted_by = (SELECT id FROM app_user WHERE email = 'reviewer@insyn.example') WHERE id = $1 RETURNING id`,
      [id],
    );
  }
  return id;
};

/** A new obligation of Hede's unit in the matrix's own choice system, two days of 2100 of its own. */
let compensationDays = 0;
const compensationObligation = async (): Promise<string> =>
  (
    await app.one(
      `INSERT INTO last_resort_obligation (municipality_code, choice_system_id, unit_id, minimum_service, decision_reference, valid_from, valid_to)
       SELECT municipality_code, $2, id, 'Matris', 'RS/MATRIS', $3::date, $3::date + 1 FROM unit WHERE id = $1 RETURNING id`,
      [f.hedeUnit, f.choiceSystem, new Date(Date.UTC(2100, 0, 1) + compensationDays++ * 2 * 86_400_000).toISOString().slice(0, 10)],
    )
  ).id;
/** A day of its own for each last-resort obligation the matrix makes (three days apart). */
const lastResortDay = (k: number) => new Date(Date.UTC(2200, 0, 1) + k * 3 * 86_400_000).toISOString().slice(0, 10);
/** A new obligation of Hede's unit in the matrix's own choice system, two days long, at version 1. */
const lastResortObligation = async (): Promise<string> =>
  (
    await app.one(
      `INSERT INTO last_resort_obligation (municipality_code, choice_system_id, unit_id, minimum_service, decision_reference, valid_from, valid_to)
       SELECT municipality_code, $2, id, 'Matris', 'RS/MATRIS', $3::date, $3::date + 1 FROM unit WHERE id = $1 RETURNING id`,
      [f.hedeUnit, f.choiceSystem, lastResortDay(next())],
    )
  ).id;
/** A report of Jämtvård's (the PROVIDER's) waiting for a reviewer, made in SQL: a new one each call. */
const reviewReport = async (status: 'SUBMITTED' | 'APPROVED'): Promise<string> => {
  const { reportId } = await openReport(app.ds, f.reviewTemplate, 'LOV-HV-2012-004');
  await app.ds.query(`UPDATE report SET status = $2, submitted_at = now(), approved_at = CASE WHEN $2 = 'APPROVED' THEN now() END WHERE id = $1`, [
    reportId,
    status,
  ]);
  return reportId;
};

/** An insight request about Jämtvård (the PROVIDER's) in a state, made in SQL: a new one each call (version 1). */
const insightIn = (state: InsightState) => insightRequestIn(app.ds, state, { providerId: f.jamtvard, reviewerId: actors.userIds.REVIEWER! });
/** A new approved report of Jämtvård's with both confidentiality requests decided: ready to publish. */
const decidedReport = async (): Promise<string> => {
  const id = await approvedPublicationReport(app.ds, f.publicationTemplate);
  await decide(app.ds, id, f.publicationTemplate.q.CONF, true);
  await decide(app.ds, id, f.publicationTemplate.q.REF, false);
  return id;
};
/** A new thread on Jämtvård's draft, open or resolved. */
const newThread = async (resolved: boolean): Promise<string> =>
  (
    await app.one(
      `INSERT INTO comment_thread (report_id, template_id, created_by, resolved_at, resolved_by)
       SELECT id, template_id, $2, CASE WHEN $3 THEN now() END, CASE WHEN $3 THEN $2::uuid END FROM report WHERE id = $1 RETURNING id`,
      [f.report, actors.userIds.REVIEWER, resolved],
    )
  ).id;

/** A template with one question, made in SQL: a draft to publish, or a published one to copy. */
const smallTemplate = (status: 'DRAFT' | 'PUBLISHED') =>
  publishedTemplate(app.ds, `Matrismall ${next()}`, [{ code: '1', type: 'BOOLEAN' }], status).then((t) => t.id);
const templateInput = () => ({
  name: `Matrismall ${next()}`,
  sections: [{ title: 'Avsnitt', questions: [{ code: '1.1', text: 'Finns en plan?', type: 'BOOLEAN', required: true }] }],
});

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  const jamtvard = await app.one(`SELECT id FROM provider WHERE name = 'Jämtvård Hälsocentraler AB'`);
  f.jamtvard = jamtvard.id;
  f.hede = (await app.one(`SELECT id FROM provider WHERE name = 'Hede Läkarhus AB'`)).id;
  f.hedeUnit = (await app.one('SELECT id FROM unit WHERE provider_id = $1 ORDER BY name LIMIT 1', [f.hede])).id;
  f.colleague = (
    await app.one(`INSERT INTO app_user (email, name, roles, provider_id) VALUES ('kollega@jamtvard.example', 'Kalle Kollega', '{PROVIDER}', $1) RETURNING id`, [
      jamtvard.id,
    ])
  ).id;
  f.target = (await app.one(`INSERT INTO app_user (email, name, roles) VALUES ('mal@insyn.example', 'Matris Mål', '{AUDITOR}') RETURNING id`)).id;
  f.choiceSystem = (await app.one(`INSERT INTO choice_system (code, name) VALUES ('MATRIS', 'Matrisval') RETURNING id`)).id;
  f.agreement = (
    await app.one(
      `INSERT INTO agreement (provider_id, form, reference, valid_from, in_program_scope) VALUES ($1, 'LOU', 'MATRIS-AVTAL', '2026-01-01', true) RETURNING id`,
      [f.hede],
    )
  ).id;
  f.indicator = (
    await app.one(
      `INSERT INTO indicator (code, name, definition, unit, direction, service_area)
       VALUES ('MATRIS', 'Matrisindikator', 'Andel av något.', 'PERCENT', 'HIGHER_IS_BETTER', 'ALL') RETURNING id`,
    )
  ).id;
  f.draft = (
    await app.one(`INSERT INTO program (title, term_start, term_end, decision_reference) VALUES ('Matrisutkast', 2095, 2096, 'RS/MATRIS-UTKAST') RETURNING id`)
  ).id;
  f.program = (await app.one(`SELECT id FROM program WHERE status = 'ADOPTED' ORDER BY term_start LIMIT 1`)).id;
  f.conditionsDoc = (await app.one(`SELECT id FROM governing_document WHERE kind = 'EQUAL_CONDITIONS'`)).id;
  f.demoPasswordHash = (await app.one(`SELECT password_hash FROM app_user WHERE email = 'admin@insyn.example'`)).password_hash;
  f.template = (await app.one(`SELECT id FROM report_template WHERE name = 'Självdeklaration Hälsoval 2025'`)).id;
  f.templateDraft = await smallTemplate('DRAFT');
  f.round = (await app.one(`SELECT id FROM follow_up_round WHERE template_id = $1`, [f.template])).id;
  f.dentalChoiceSystem = (await app.one(`SELECT id FROM choice_system WHERE code = 'TANDVARD_BUV'`)).id;
  // Jämtvård's own Hälsoval report, a draft.
  f.report = (await app.one(`SELECT r.id FROM report r JOIN agreement a ON a.id = r.agreement_id WHERE a.reference = 'LOV-HV-2012-004' AND r.round_id = $1`, [f.round])).id;
  f.textQuestion = (await app.one(`SELECT id FROM question WHERE template_id = $1 AND code = '3.3'`, [f.template])).id;
  f.attachmentQuestion = (await app.one(`SELECT id FROM question WHERE template_id = $1 AND code = '2.2'`, [f.template])).id;
  // A report of Jämtvård that is complete as it stands (its one question is optional), at version 1.
  const optional = await publishedTemplate(app.ds, 'Matris: inlämning', [{ code: '1', type: 'BOOLEAN' }]);
  f.submitReport = (await openReport(app.ds, optional.id, 'LOV-HV-2012-004')).reportId;
  // A template whose one question covers goal M1: approving needs an assessment of M1 only.
  const review = await publishedTemplate(app.ds, 'Matris: granskning', [{ code: '1', type: 'BOOLEAN', goal: 'M1' }]);
  f.reviewTemplate = review.id;
  f.reviewQuestion = review.q['1'];
  f.goal = (await app.one(`SELECT goal_id FROM question WHERE id = $1`, [f.reviewQuestion])).goal_id;
  f.thread = await newThread(false);
  // Publication: a report of Jämtvård's waiting to be published, and a published one.
  f.publicationTemplate = await publicationTemplate(app.ds, 'Matris: publicering');
  f.approvedReport = await approvedPublicationReport(app.ds, f.publicationTemplate);
  f.publishedReport = await decidedReport();
  await publishReportValues(app.ds.manager, { reportId: f.publishedReport, publishedBy: actors.userIds.REVIEWER! });
});
afterAll(() => app?.close());

function rootField(document: string): { type: OperationTypeNode; field: string } {
  const [op] = parse(document).definitions as OperationDefinitionNode[];
  const [first] = op.selectionSet.selections;
  if (op.selectionSet.selections.length !== 1 || first.kind !== Kind.FIELD) throw new Error(`one root field per document: ${document}`);
  return { type: op.operation, field: first.name.value };
}

describe('authorization matrix', () => {
  it('has a row for every Query and Mutation field of the schema, and none for a field that does not exist', async () => {
    const schema = await getSchema();
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ].sort();
    expect(Object.keys(table).sort()).toEqual(operations);
    for (const [name, entry] of Object.entries(table)) {
      const { type, field } = rootField(entry.document);
      expect(field, `the document of ${name} runs ${field}`).toBe(name);
      const expected = schema.getQueryType()!.getFields()[name] ? OperationTypeNode.QUERY : OperationTypeNode.MUTATION;
      expect(type, name).toBe(expected);
      expect(Object.keys(entry.matrix).sort(), name).toEqual([...ACTORS].sort());
    }
  });

  it('refuses the anonymous caller every operation that is not public', () => {
    for (const [name, entry] of Object.entries(table)) {
      expect([OK, AUTH], name).toContain(entry.matrix.anonymous);
    }
  });

  it('lets AUDITOR and ANALYST change nothing but their own password, settings and (ANALYST) tokens', () => {
    const own = new Set(['login', 'logout', 'changePassword', 'createApiToken', 'revokeApiToken', 'markNotificationsRead', 'setNotificationPreference', 'setLanguage', 'submitInsightRequest']);
    // What REVIEWER plans and decides; what only the report's own provider does (not even ADMIN);
    // what both do (the region starts threads, the provider answers in them).
    const review = new Set(['requestChanges', 'approveReport', 'reopenQuestion', 'resolveThread', 'reopenThread', 'assignReports',
      'decideConfidentiality', 'publishReport', 'correctPublishedValue', 'decidePublicResponse']);
    const insight = ['registerInsightRequest', 'forwardInsightRequest', 'remindInsightRequest', 'decideInsightRequest', 'closeInsightRequest'];
    const lastResortKeeping = ['createLastResortObligation', 'updateLastResortObligation', 'endLastResortObligation', 'setListedPersons', 'importListings'];
    const compensationKeeping = ['setUnitEconomics', 'importUnitEconomics', 'setCompensationMethod', 'decideCompensation'];
    const followUpReports = ['adoptNeutralityReport', 'createAnnualReport', 'saveAnnualReport', 'adoptAnnualReport', 'publishAnnualReport'];
    const reviewer = new Set(['createFollowUpRound', 'openFollowUpRound', ...review, ...insight, ...lastResortKeeping, ...compensationKeeping, ...followUpReports]);
    const provider = new Set(['saveAnswers', 'submitReport', 'deleteAttachment', 'submitPublicResponse']);
    const both = new Set(['addComment', 'answerInsightRequest']);
    // Changes to one report of Jämtvård's: another provider cannot see it at all.
    const aboutReport = new Set([...provider, ...review, ...both]);
    const mutations = Object.entries(table).filter(([, e]) => rootField(e.document).type === OperationTypeNode.MUTATION);
    for (const [name, entry] of mutations) {
      if (own.has(name)) continue;
      for (const actor of ['AUDITOR', 'ANALYST', 'ANALYST_TOKEN'] as const) expect(entry.matrix[actor], `${name} by ${actor}`).toBe(DENY);
      expect(entry.matrix.REVIEWER, `${name} by REVIEWER`).toBe(reviewer.has(name) || both.has(name) ? OK : DENY);
      expect(entry.matrix.PROVIDER, `${name} by PROVIDER`).toBe(provider.has(name) || both.has(name) ? OK : DENY);
      expect(entry.matrix.OTHER_PROVIDER, `${name} by OTHER_PROVIDER`).toBe(aboutReport.has(name) ? NF : DENY);
      expect(entry.matrix.ADMIN, name).toBe(provider.has(name) ? DENY : OK);
    }
  });

  for (const [name, entry] of Object.entries(table)) {
    it(`${name}: ${ACTORS.map((a) => `${a} ${entry.matrix[a]}`).join(', ')}`, async () => {
      const isMutation = rootField(entry.document).type === OperationTypeNode.MUTATION;
      for (const actor of ACTORS) {
        const label = `${name} as ${actor}`;
        const client = entry.fresh ? await actors.fresh(actor) : actors.clients[actor];
        const res = await client.gql(entry.document, await entry.variables?.(actor));
        const expected = entry.matrix[actor];
        const audit = isMutation ? await auditRowsOf(app, requestIdOf(client)) : [];
        if (expected === OK) {
          expect(res.errors, label).toBeUndefined();
          if (entry.check) entry.check(res.data![name], actor);
          else expect(res.data![name], label).not.toBeNull();
          if (isMutation && entry.audit !== false) {
            // Every allowed change is in the audit trail, in the caller's name.
            expect(audit.length, label).toBeGreaterThan(0);
            const actorId = entry.auditActor ? entry.auditActor(actor) : actors.userIds[actor];
            for (const r of audit) expect(r.actor_user_id, label).toBe(actorId);
          }
        } else {
          expect(res.errors?.map((e) => e.extensions.code), label).toEqual([expected]);
          expect(res.data?.[name] ?? null, label).toBeNull();
          expect(audit, `${label}: a refused call changes nothing`).toEqual([]);
        }
        await entry.after?.(actor);
      }
    });
  }
});
