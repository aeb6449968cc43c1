import { randomBytes } from 'node:crypto';
import { getNamedType, isInputObjectType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../src/app/schema.js';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';
import { loginActors, type Actor, type Actors } from './support/actors.js';
import { publishedTemplate } from './support/reporting.js';
import { insightRequestIn } from './support/insight.js';

/**
 * Id swapping: a provider user (Jämtvård) sends ids of another provider's objects, or of
 * objects that are not theirs. They get a refusal and no data, and the answer for an id that
 * exists but is not theirs is exactly the answer for an id that does not exist, so ids cannot
 * be probed. Public objects (provider, unit, program) are readable by anyone.
 */

/** An id that names nothing. */
const MISSING = '00000000-0000-4000-8000-000000000000';

type Vars = Record<string, unknown>;
/**
 * PUBLIC: the foreign object is returned (and a missing one is NOT_FOUND). EMPTY: a list that
 * finds nothing. Otherwise the error code, the same for a foreign and a missing id.
 */
type Outcome = 'PUBLIC' | 'EMPTY' | 'ZERO' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_USER_INPUT';
// (ZERO: a count of what changed that is 0, as for ids that do not exist.)
// (PUBLIC here: readable by the caller whoever owns it, like templates and rounds for anyone logged in.)
interface Swap {
  document: string;
  /** Every ID argument (or ID field of an input) the variables fill in. */
  swaps: string[];
  /** The ids are the other provider's, or someone else's. */
  foreign: () => Vars;
  /** The same with ids that do not exist. */
  missing: () => Vars;
  callers: Partial<Record<Actor, Outcome>>;
}

let app: TestApp;
let actors: Actors;
const x = {} as Record<
  | 'provider' | 'user' | 'unit' | 'agreement' | 'adminToken' | 'choiceSystem' | 'indicator' | 'program' | 'draft' | 'goal' | 'guideline' | 'ownColleague'
  | 'template' | 'templateDraft' | 'section' | 'question' | 'round' | 'report' | 'attachment'
  | 'submitted' | 'approved' | 'thread' | 'resolvedThread' | 'notification' | 'insight' | 'published' | 'response' | 'conditionsDoc',
  string
>;

const draft = (goalId: string, guidelineId: string) => ({
  title: 'Bytt program',
  termStart: 2030,
  termEnd: 2031,
  decisionReference: 'RS/BYTT/2029',
  goals: [{ id: goalId, code: 'M1', title: 'Mål', category: 'QUALITY' }],
  guidelines: [{ id: guidelineId, code: 'R1', text: 'Riktlinje', obligation: 'SHALL', goalCode: 'M1' }],
});

const templateInput = (ids: { section: string; question: string; goal: string; guideline: string; indicator: string }) => ({
  name: 'Bytt mall',
  sections: [
    {
      id: ids.section,
      title: 'Avsnitt',
      questions: [{ id: ids.question, code: '1.1', text: 'Fråga', type: 'INDICATOR_VALUE', goalId: ids.goal, guidelineId: ids.guideline, indicatorId: ids.indicator }],
    },
  ],
});
const foreignTemplate = () => templateInput({ section: x.section, question: x.question, goal: x.goal, guideline: x.guideline, indicator: x.indicator });
const missingTemplate = () => templateInput({ section: MISSING, question: MISSING, goal: MISSING, guideline: MISSING, indicator: MISSING });
const TEMPLATE_IDS = ['input.sections.id', 'input.sections.questions.goalId', 'input.sections.questions.guidelineId', 'input.sections.questions.id', 'input.sections.questions.indicatorId'];

const table: Record<string, Swap> = {
  // --- Last-resort register: the obligations are public; keeping them and the listing is the region's
  lastResortObligation: {
    document: 'query($id: ID!) { lastResortObligation(id: $id) { decisionReference } }',
    swaps: ['id'],
    foreign: () => ({ id: lastResort.obligation }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', anonymous: 'PUBLIC' },
  },
  unitListings: {
    document: 'query($u: ID!) { unitListings(unitId: $u) { year } }',
    swaps: ['unitId'],
    foreign: () => ({ u: x.unit }),
    missing: () => ({ u: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  createLastResortObligation: {
    document: `mutation($c: ID, $u: ID) { createLastResortObligation(input: { municipalityCode: "2380", choiceSystemId: $c, unitId: $u,
      minimumService: "Bytt", decisionReference: "BYTT", validFrom: "2090-01-01" }) { id } }`,
    swaps: ['input.choiceSystemId', 'input.unitId'],
    foreign: () => ({ c: x.choiceSystem, u: x.unit }),
    missing: () => ({ c: MISSING, u: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', AUDITOR: 'FORBIDDEN' },
  },
  updateLastResortObligation: {
    document: `mutation($id: ID!, $c: ID, $u: ID) { updateLastResortObligation(id: $id, expectedVersion: 1,
      input: { choiceSystemId: $c, unitId: $u }) { id } }`,
    swaps: ['id', 'input.choiceSystemId', 'input.unitId'],
    foreign: () => ({ id: lastResort.obligation, c: x.choiceSystem, u: x.unit }),
    missing: () => ({ id: MISSING, c: MISSING, u: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  endLastResortObligation: {
    document: 'mutation($id: ID!) { endLastResortObligation(id: $id, expectedVersion: 1, validTo: "2099-12-31") { id } }',
    swaps: ['id'],
    foreign: () => ({ id: lastResort.obligation }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  setListedPersons: {
    document: 'mutation($u: ID!) { setListedPersons(unitId: $u, year: 2090, listedPersons: 1) { year } }',
    swaps: ['unitId'],
    foreign: () => ({ u: x.unit }),
    missing: () => ({ u: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  // --- Compensation for the last-resort responsibility: the region's alone ------------------------
  unitEconomics: {
    document: 'query($u: ID) { unitEconomics(year: 2025, filter: { unitId: $u }) { totalCount } }',
    swaps: ['filter.unitId'],
    foreign: () => ({ u: x.unit }),
    missing: () => ({ u: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  setUnitEconomics: {
    document: 'mutation($u: ID!) { setUnitEconomics(unitId: $u, year: 2090, input: { capitation: 1 }) { id } }',
    swaps: ['unitId'],
    foreign: () => ({ u: x.unit }),
    missing: () => ({ u: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', AUDITOR: 'FORBIDDEN' },
  },
  compensationMethods: {
    document: 'query($o: ID!) { compensationMethods(obligationId: $o) { version } }',
    swaps: ['obligationId'],
    foreign: () => ({ o: lastResort.obligation }),
    missing: () => ({ o: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  setCompensationMethod: {
    document: 'mutation($o: ID!) { setCompensationMethod(obligationId: $o, expectedVersion: 0, input: { validFromYear: 2090, method: FIXED_AMOUNT, fixedAmount: 1, decisionReference: "BYTT" }) { id } }',
    swaps: ['obligationId'],
    foreign: () => ({ o: lastResort.obligation }),
    missing: () => ({ o: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', AUDITOR: 'FORBIDDEN' },
  },
  compensationProposal: {
    document: 'query($o: ID!) { compensationProposal(obligationId: $o, year: 2025) { amount } }',
    swaps: ['obligationId'],
    foreign: () => ({ o: lastResort.obligation }),
    missing: () => ({ o: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  compensationDecisions: {
    document: 'query($o: ID) { compensationDecisions(year: 2025, obligationId: $o) { totalCount } }',
    swaps: ['obligationId'],
    foreign: () => ({ o: lastResort.obligation }),
    missing: () => ({ o: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  decideCompensation: {
    document: `mutation($o: ID!, $r: ID) { decideCompensation(input: { obligationId: $o, year: 2025, amount: 1, basis: "Bytt", decisionReference: "BYTT",
      decidedOn: "2090-01-01", replacesId: $r, fingerprint: "x" }) { id } }`,
    swaps: ['input.obligationId', 'input.replacesId'],
    foreign: () => ({ o: lastResort.obligation, r: lastResort.decision }),
    missing: () => ({ o: MISSING, r: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', AUDITOR: 'FORBIDDEN' },
  },
  // --- Annual report to the board: drafts and changes are the region's ---------------------------
  regionAnnualReport: {
    document: 'query($id: ID!) { regionAnnualReport(id: $id) { year } }',
    swaps: ['id'],
    foreign: () => ({ id: followUp.annualReport }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  saveAnnualReport: {
    document: 'mutation($id: ID!) { saveAnnualReport(id: $id, expectedVersion: 1, sections: [{ key: SUMMARY, text: "Bytt" }]) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: followUp.annualReport }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', AUDITOR: 'FORBIDDEN' },
  },
  adoptAnnualReport: {
    document: 'mutation($id: ID!) { adoptAnnualReport(id: $id, expectedVersion: 1, decisionReference: "BYTT", adoptedOn: "2090-01-01") { id } }',
    swaps: ['id'],
    foreign: () => ({ id: followUp.annualReport }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  publishAnnualReport: {
    document: 'mutation($id: ID!) { publishAnnualReport(id: $id, expectedVersion: 1) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: followUp.annualReport }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  // --- Public objects: anyone reads them ------------------------------------------------------
  provider: {
    document: 'query($id: ID!) { provider(id: $id) { name orgNumber } }',
    swaps: ['id'],
    foreign: () => ({ id: x.provider }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', anonymous: 'PUBLIC' },
  },
  unit: {
    document: 'query($id: ID!) { unit(id: $id) { name provider { name } } }',
    swaps: ['id'],
    foreign: () => ({ id: x.unit }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', anonymous: 'PUBLIC' },
  },
  program: {
    document: 'query($id: ID!) { program(id: $id) { title } }',
    swaps: ['id'],
    foreign: () => ({ id: x.program }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', anonymous: 'PUBLIC' },
  },
  // The equal-conditions rules: read by anyone, versions adopted by ADMIN.
  governingDocument: {
    document: 'query($id: ID!) { governingDocument(id: $id) { title } }',
    swaps: ['id'],
    foreign: () => ({ id: x.conditionsDoc }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', anonymous: 'PUBLIC' },
  },
  governingDocumentDiff: {
    document: 'query($id: ID!) { governingDocumentDiff(documentId: $id, fromVersion: 1, toVersion: 2) { documentId } }',
    swaps: ['documentId'],
    foreign: () => ({ id: x.conditionsDoc }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', anonymous: 'PUBLIC' },
  },
  adoptGoverningDocumentVersion: {
    document: `mutation($d: ID!) { adoptGoverningDocumentVersion(input: { documentId: $d, expectedVersion: 3, decisionReference: "RS/BYTT/2030",
      decidedBy: "Regionstyrelsen", decidedAt: "2030-01-01", conditions: [{ code: "V1", heading: "Bytt", text: "Bytt" }] }) { id } }`,
    swaps: ['input.documentId'],
    foreign: () => ({ d: x.conditionsDoc }),
    missing: () => ({ d: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },

  // --- Users and tokens: scoped ----------------------------------------------------------------
  user: {
    document: 'query($id: ID!) { user(id: $id) { id email name roles provider { name } } }',
    swaps: ['id'],
    foreign: () => ({ id: x.user }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', REVIEWER: 'NOT_FOUND', ANALYST: 'NOT_FOUND' },
  },
  users: {
    document: 'query($p: ID) { users(filter: { providerId: $p }) { totalCount edges { node { email } } } }',
    swaps: ['filter.providerId'],
    foreign: () => ({ p: x.provider }),
    missing: () => ({ p: MISSING }),
    callers: { PROVIDER: 'EMPTY' },
  },
  apiTokens: {
    document: 'query($o: ID) { apiTokens(filter: { ownerId: $o, includeInactive: true }) { id name } }',
    swaps: ['filter.ownerId'],
    foreign: () => ({ o: actors.userIds.ADMIN }),
    missing: () => ({ o: MISSING }),
    callers: { ANALYST: 'EMPTY', PROVIDER: 'FORBIDDEN' },
  },
  auditEvents: {
    document: 'query($a: ID) { auditEvents(filter: { actorId: $a }) { totalCount } }',
    swaps: ['filter.actorId'],
    foreign: () => ({ a: x.user }),
    missing: () => ({ a: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  },
  createApiToken: {
    document: 'mutation($o: ID) { createApiToken(name: "Bytt", ownerId: $o) { token } }',
    swaps: ['ownerId'],
    foreign: () => ({ o: x.user }),
    missing: () => ({ o: MISSING }),
    callers: { ANALYST: 'BAD_USER_INPUT', PROVIDER: 'FORBIDDEN' },
  },
  revokeApiToken: {
    document: 'mutation($id: ID!) { revokeApiToken(id: $id) }',
    swaps: ['id'],
    foreign: () => ({ id: x.adminToken }),
    missing: () => ({ id: MISSING }),
    callers: { ANALYST: 'NOT_FOUND', ANALYST_TOKEN: 'NOT_FOUND', PROVIDER: 'FORBIDDEN' },
  },
  createUser: {
    document: 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
    swaps: ['input.providerId'],
    foreign: () => ({ input: { email: 'bytt@insyn.example', name: 'Bytt', roles: ['PROVIDER'], providerId: x.provider } }),
    missing: () => ({ input: { email: 'bytt@insyn.example', name: 'Bytt', roles: ['PROVIDER'], providerId: MISSING } }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  updateUser: {
    document: 'mutation($id: ID!, $p: ID) { updateUser(id: $id, expectedVersion: 1, input: { name: "Bytt", providerId: $p }) { id } }',
    swaps: ['id', 'input.providerId'],
    foreign: () => ({ id: x.user, p: x.provider }),
    missing: () => ({ id: MISSING, p: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  resetPassword: {
    document: 'mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword } }',
    swaps: ['id'],
    foreign: () => ({ id: x.user }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },

  // --- Master data: only ADMIN changes it ------------------------------------------------------
  updateProvider: {
    document: 'mutation($id: ID!) { updateProvider(id: $id, expectedVersion: 1, input: { name: "Bytt AB" }) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.provider }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  createUnit: {
    document: 'mutation($p: ID) { createUnit(input: { providerId: $p, municipalityCode: "2380", name: "Bytt", kind: HEALTH_CENTRE }) { id } }',
    swaps: ['input.providerId'],
    foreign: () => ({ p: x.provider }),
    missing: () => ({ p: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  updateUnit: {
    document: 'mutation($id: ID!, $p: ID) { updateUnit(id: $id, expectedVersion: 1, input: { name: "Bytt", providerId: $p }) { id } }',
    swaps: ['id', 'input.providerId'],
    foreign: () => ({ id: x.unit, p: x.provider }),
    missing: () => ({ id: MISSING, p: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  createAgreement: {
    document: `mutation($p: ID, $c: ID, $u: [ID!]) { createAgreement(input: { providerId: $p, choiceSystemId: $c, unitIds: $u,
      form: LOV, reference: "BYTT-1", validFrom: "2026-01-01" }) { id } }`,
    swaps: ['input.providerId', 'input.choiceSystemId', 'input.unitIds'],
    foreign: () => ({ p: x.provider, c: x.choiceSystem, u: [x.unit] }),
    missing: () => ({ p: MISSING, c: MISSING, u: [MISSING] }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  updateAgreement: {
    document: `mutation($id: ID!, $p: ID, $c: ID, $u: [ID!]) { updateAgreement(id: $id, expectedVersion: 1,
      input: { providerId: $p, choiceSystemId: $c, unitIds: $u }) { id } }`,
    swaps: ['id', 'input.providerId', 'input.choiceSystemId', 'input.unitIds'],
    foreign: () => ({ id: x.agreement, p: x.provider, c: x.choiceSystem, u: [x.unit] }),
    missing: () => ({ id: MISSING, p: MISSING, c: MISSING, u: [MISSING] }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  updateChoiceSystem: {
    document: 'mutation($id: ID!) { updateChoiceSystem(id: $id, expectedVersion: 1, input: { name: "Bytt" }) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.choiceSystem }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },

  // --- Program and indicators: only ADMIN changes them -----------------------------------------
  createProgram: {
    document: 'mutation($input: ProgramDraftInput!) { createProgram(input: $input) { id } }',
    swaps: ['input.goals.id', 'input.guidelines.id'],
    foreign: () => ({ input: draft(x.goal, x.guideline) }),
    missing: () => ({ input: draft(MISSING, MISSING) }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  saveProgramDraft: {
    document: 'mutation($id: ID!, $input: ProgramDraftInput!) { saveProgramDraft(id: $id, expectedVersion: 1, input: $input) { id } }',
    swaps: ['id', 'input.goals.id', 'input.guidelines.id'],
    foreign: () => ({ id: x.draft, input: draft(x.goal, x.guideline) }),
    missing: () => ({ id: MISSING, input: draft(MISSING, MISSING) }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  adoptProgram: {
    document: 'mutation($id: ID!) { adoptProgram(id: $id, expectedVersion: 1, input: { decidedBy: "Bytt", decidedAt: "2029-01-01" }) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.draft }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  createProgramVersion: {
    document: 'mutation($id: ID!) { createProgramVersion(id: $id) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.program }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  createIndicator: {
    document: `mutation($g: ID) { createIndicator(input: { code: "BYTT", name: "Bytt", definition: "Bytt", unit: PERCENT,
      direction: HIGHER_IS_BETTER, serviceArea: ALL, goalId: $g }) { id } }`,
    swaps: ['input.goalId'],
    foreign: () => ({ g: x.goal }),
    missing: () => ({ g: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  updateIndicator: {
    document: 'mutation($id: ID!, $g: ID) { updateIndicator(id: $id, expectedVersion: 1, input: { name: "Bytt", goalId: $g }) { id } }',
    swaps: ['id', 'input.goalId'],
    foreign: () => ({ id: x.indicator, g: x.goal }),
    missing: () => ({ id: MISSING, g: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  setIndicatorTarget: {
    document: 'mutation($id: ID!) { setIndicatorTarget(indicatorId: $id, input: { year: 2030, value: 90, amberThreshold: 80 }) { id } }',
    swaps: ['indicatorId'],
    foreign: () => ({ id: x.indicator }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },

  // --- Follow-up: templates and rounds are read by anyone logged in, changed by ADMIN (REVIEWER plans rounds)
  reportTemplate: {
    document: 'query($id: ID!) { reportTemplate(id: $id) { name } }',
    swaps: ['id'],
    foreign: () => ({ id: x.template }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', ANALYST_TOKEN: 'PUBLIC' },
  },
  followUpRound: {
    document: 'query($id: ID!) { followUpRound(id: $id) { name } }',
    swaps: ['id'],
    foreign: () => ({ id: x.round }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', ANALYST_TOKEN: 'PUBLIC' },
  },
  createReportTemplate: {
    document: 'mutation($input: ReportTemplateInput!) { createReportTemplate(input: $input) { id } }',
    swaps: TEMPLATE_IDS,
    foreign: () => ({ input: foreignTemplate() }),
    missing: () => ({ input: missingTemplate() }),
    callers: { PROVIDER: 'FORBIDDEN', REVIEWER: 'FORBIDDEN' },
  },
  saveReportTemplateDraft: {
    document: 'mutation($id: ID!, $input: ReportTemplateInput!) { saveReportTemplateDraft(id: $id, expectedVersion: 1, input: $input) { id } }',
    swaps: ['id', ...TEMPLATE_IDS],
    foreign: () => ({ id: x.templateDraft, input: foreignTemplate() }),
    missing: () => ({ id: MISSING, input: missingTemplate() }),
    callers: { PROVIDER: 'FORBIDDEN', REVIEWER: 'FORBIDDEN' },
  },
  publishReportTemplate: {
    document: 'mutation($id: ID!) { publishReportTemplate(id: $id, expectedVersion: 1) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.templateDraft }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', REVIEWER: 'FORBIDDEN' },
  },
  createReportTemplateVersion: {
    document: 'mutation($id: ID!) { createReportTemplateVersion(id: $id) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.template }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', REVIEWER: 'FORBIDDEN' },
  },
  createFollowUpRound: {
    document: `mutation($t: ID!, $c: ID) { createFollowUpRound(input: { name: "Bytt", period: "2026", templateId: $t, choiceSystemId: $c,
      opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-02-01T00:00:00Z" }) { id } }`,
    swaps: ['input.choiceSystemId', 'input.templateId'],
    foreign: () => ({ t: x.template, c: x.choiceSystem }),
    missing: () => ({ t: MISSING, c: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  },
  openFollowUpRound: {
    document: 'mutation($id: ID!) { openFollowUpRound(id: $id) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.round }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN', AUDITOR: 'FORBIDDEN' },
  },

  // --- Follow-up: another provider's reports are as good as absent --------------------------------
  reports: {
    document: 'query($r: ID, $p: ID, $c: ID) { reports(filter: { roundId: $r, providerId: $p, choiceSystemId: $c }) { totalCount edges { node { id } } } }',
    swaps: ['filter.choiceSystemId', 'filter.providerId', 'filter.roundId'],
    foreign: () => ({ r: x.round, p: x.provider, c: x.choiceSystem }),
    missing: () => ({ r: MISSING, p: MISSING, c: MISSING }),
    callers: { PROVIDER: 'EMPTY', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },
  report: {
    document: 'query($id: ID!) { report(id: $id) { id reference status answers { value } } }',
    swaps: ['id'],
    foreign: () => ({ id: x.report }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },
  saveAnswers: {
    document: 'mutation($r: ID!, $a: [AnswerInput!]!) { saveAnswers(reportId: $r, expectedVersion: 2, answers: $a) { id } }',
    swaps: ['answers.questionId', 'reportId'],
    foreign: () => ({ r: x.report, a: [{ questionId: x.question, value: 'Bytt svar' }] }),
    missing: () => ({ r: MISSING, a: [{ questionId: MISSING, value: 'Bytt svar' }] }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  submitReport: {
    document: 'mutation($r: ID!) { submitReport(reportId: $r, expectedVersion: 2) { id } }',
    swaps: ['reportId'],
    foreign: () => ({ r: x.report }),
    missing: () => ({ r: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  deleteAttachment: {
    document: 'mutation($id: ID!) { deleteAttachment(id: $id) }',
    swaps: ['id'],
    foreign: () => ({ id: x.attachment }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },

  // --- Review: another provider's reports, threads and questions are as good as absent -------------
  requestChanges: {
    document: 'mutation($r: ID!) { requestChanges(reportId: $r, reason: "Bytt") { id } }',
    swaps: ['reportId'],
    foreign: () => ({ r: x.submitted }),
    missing: () => ({ r: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },
  approveReport: {
    document: 'mutation($r: ID!, $a: [GoalAssessmentInput!]!) { approveReport(reportId: $r, assessments: $a) { id } }',
    swaps: ['assessments.goalId', 'reportId'],
    foreign: () => ({ r: x.submitted, a: [{ goalId: x.goal, rating: 'MET' }] }),
    missing: () => ({ r: MISSING, a: [{ goalId: MISSING, rating: 'MET' }] }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  reopenQuestion: {
    document: 'mutation($r: ID!, $q: ID!) { reopenQuestion(reportId: $r, questionId: $q, reason: "Bytt") { id } }',
    swaps: ['questionId', 'reportId'],
    foreign: () => ({ r: x.approved, q: x.question }),
    missing: () => ({ r: MISSING, q: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  addComment: {
    document: 'mutation($r: ID!, $q: ID, $t: ID) { addComment(input: { reportId: $r, questionId: $q, threadId: $t, body: "Bytt" }) { id } }',
    swaps: ['input.questionId', 'input.reportId', 'input.threadId'],
    foreign: () => ({ r: x.report, q: x.question, t: x.thread }),
    missing: () => ({ r: MISSING, q: MISSING, t: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  resolveThread: {
    document: 'mutation($t: ID!) { resolveThread(threadId: $t) { id } }',
    swaps: ['threadId'],
    foreign: () => ({ t: x.thread }),
    missing: () => ({ t: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },
  reopenThread: {
    document: 'mutation($t: ID!) { reopenThread(threadId: $t) { id } }',
    swaps: ['threadId'],
    foreign: () => ({ t: x.resolvedThread }),
    missing: () => ({ t: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  assignReports: {
    document: 'mutation($r: [ID!]!, $u: ID) { assignReports(reportIds: $r, reviewerId: $u) { id } }',
    swaps: ['reportIds', 'reviewerId'],
    foreign: () => ({ r: [x.report], u: actors.userIds.REVIEWER }),
    missing: () => ({ r: [MISSING], u: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },

  // --- Publication: another provider's reports and responses are as good as absent ------------------
  publicationPreview: {
    document: 'query($r: ID!) { publicationPreview(reportId: $r) { canPublish } }',
    swaps: ['reportId'],
    foreign: () => ({ r: x.approved }),
    missing: () => ({ r: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },
  decideConfidentiality: {
    document: 'mutation($r: ID!, $q: ID!) { decideConfidentiality(reportId: $r, questionId: $q, granted: true, reason: "Bytt") { id } }',
    swaps: ['questionId', 'reportId'],
    foreign: () => ({ r: x.approved, q: x.question }),
    missing: () => ({ r: MISSING, q: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  publishReport: {
    document: 'mutation($r: ID!) { publishReport(reportId: $r) { id } }',
    swaps: ['reportId'],
    foreign: () => ({ r: x.approved }),
    missing: () => ({ r: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },
  correctPublishedValue: {
    document: 'mutation($r: ID!, $q: ID!) { correctPublishedValue(input: { reportId: $r, questionId: $q, value: 1, reason: "Bytt" }) { id } }',
    swaps: ['input.questionId', 'input.reportId'],
    foreign: () => ({ r: x.published, q: x.question }),
    missing: () => ({ r: MISSING, q: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  submitPublicResponse: {
    document: 'mutation($r: ID!) { submitPublicResponse(reportId: $r, body: "Bytt svar") { id } }',
    swaps: ['reportId'],
    foreign: () => ({ r: x.published }),
    missing: () => ({ r: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  decidePublicResponse: {
    document: 'mutation($id: ID!) { decidePublicResponse(id: $id, accept: true) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.response }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },

  // --- Public results and BI: units are public; facts are for ANALYST and the region only ------------
  publicUnit: {
    document: 'query($id: ID!) { publicUnit(id: $id) { unit { name providerName } results { value } } }',
    swaps: ['id'],
    foreign: () => ({ id: x.unit }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'PUBLIC', anonymous: 'PUBLIC' },
  },
  indicatorFacts: {
    document: 'query($p: [ID!]) { indicatorFacts(filter: { providerIds: $p, publishedOnly: false }) { totalCount edges { node { value } } } }',
    swaps: ['filter.providerIds'],
    foreign: () => ({ p: [x.provider] }),
    missing: () => ({ p: [MISSING] }),
    callers: { PROVIDER: 'FORBIDDEN', OTHER_PROVIDER: 'FORBIDDEN' },
  },
  indicatorAggregates: {
    document: 'query($p: [ID!]) { indicatorAggregates(filter: { providerIds: $p }, groupBy: [PROVIDER]) { count } }',
    swaps: ['filter.providerIds'],
    foreign: () => ({ p: [x.provider] }),
    missing: () => ({ p: [MISSING] }),
    callers: { PROVIDER: 'FORBIDDEN', OTHER_PROVIDER: 'FORBIDDEN' },
  },

  // --- Notifications: only one's own ---------------------------------------------------------------
  markNotificationsRead: {
    document: 'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
    swaps: ['ids'],
    foreign: () => ({ ids: [x.notification] }),
    missing: () => ({ ids: [MISSING] }),
    callers: { PROVIDER: 'ZERO', ANALYST_TOKEN: 'FORBIDDEN' },
  },

  // --- Insight requests: a provider sees only those forwarded to it; only the region handles them ----
  submitInsightRequest: {
    // Providers and units are public: anyone may name any of them (insight-requests.test.ts checks that they fit together).
    document: 'mutation($p: ID, $u: ID) { submitInsightRequest(input: { subject: "Bytt", description: "Bytt", providerId: $p, unitId: $u }) { reference } }',
    swaps: ['input.providerId', 'input.unitId'],
    foreign: () => ({ p: x.provider, u: x.unit }),
    missing: () => ({ p: MISSING, u: MISSING }),
    callers: {},
  },
  insightRequests: {
    document: 'query($p: ID) { insightRequests(filter: { providerId: $p }) { totalCount edges { node { id } } } }',
    swaps: ['filter.providerId'],
    foreign: () => ({ p: x.provider }),
    missing: () => ({ p: MISSING }),
    callers: { PROVIDER: 'EMPTY', ANALYST: 'FORBIDDEN' },
  },
  insightRequest: {
    document: 'query($id: ID!) { insightRequest(id: $id) { id subject description } }',
    swaps: ['id'],
    foreign: () => ({ id: x.insight }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN', ANALYST_TOKEN: 'FORBIDDEN' },
  },
  registerInsightRequest: {
    document: 'mutation($id: ID!) { registerInsightRequest(id: $id, expectedVersion: 1) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.insight }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  forwardInsightRequest: {
    document: 'mutation($id: ID!, $p: ID!) { forwardInsightRequest(id: $id, expectedVersion: 1, providerId: $p) { id } }',
    swaps: ['id', 'providerId'],
    foreign: () => ({ id: x.insight, p: x.provider }),
    missing: () => ({ id: MISSING, p: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  remindInsightRequest: {
    document: 'mutation($id: ID!) { remindInsightRequest(id: $id) { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.insight }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  answerInsightRequest: {
    document: 'mutation($id: ID!) { answerInsightRequest(id: $id, expectedVersion: 1, answer: "Bytt") { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.insight }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'NOT_FOUND', ANALYST: 'FORBIDDEN' },
  },
  decideInsightRequest: {
    document: 'mutation($id: ID!) { decideInsightRequest(id: $id, expectedVersion: 1, decision: DISCLOSED, text: "Bytt") { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.insight }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
  closeInsightRequest: {
    document: 'mutation($id: ID!) { closeInsightRequest(id: $id, expectedVersion: 1, note: "Bytt") { id } }',
    swaps: ['id'],
    foreign: () => ({ id: x.insight }),
    missing: () => ({ id: MISSING }),
    callers: { PROVIDER: 'FORBIDDEN' },
  },
};

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  // "Foreign" = of Primärvården Region Jämtland Härjedalen, not of the caller's Jämtvård.
  x.provider = (await app.one(`SELECT id FROM provider WHERE name = 'Primärvården Region Jämtland Härjedalen'`)).id;
  x.user = actors.userIds.OTHER_PROVIDER!;
  x.unit = (await app.one('SELECT id FROM unit WHERE provider_id = $1 ORDER BY name LIMIT 1', [x.provider])).id;
  x.agreement = (await app.one('SELECT id FROM agreement WHERE provider_id = $1 LIMIT 1', [x.provider])).id;
  x.adminToken = (
    await app.one(`INSERT INTO api_token (name, token_hash, owner_id, created_by) VALUES ('Admins BI', $1, $2, $2) RETURNING id`, [
      randomBytes(32).toString('hex'),
      actors.userIds.ADMIN,
    ])
  ).id;
  x.choiceSystem = (await app.one(`SELECT id FROM choice_system WHERE code = 'HALSOVAL'`)).id;
  x.indicator = (await app.one(`SELECT id FROM indicator WHERE code = 'FIXED-GP'`)).id;
  x.program = (await app.one(`SELECT id FROM program WHERE status = 'ADOPTED' LIMIT 1`)).id;
  x.conditionsDoc = (await app.one(`SELECT id FROM governing_document WHERE kind = 'EQUAL_CONDITIONS'`)).id;
  x.goal = (await app.one('SELECT id FROM goal WHERE program_id = $1 LIMIT 1', [x.program])).id;
  x.guideline = (await app.one('SELECT id FROM guideline WHERE program_id = $1 LIMIT 1', [x.program])).id;
  x.draft = (await app.one(`INSERT INTO program (title, term_start, term_end, decision_reference) VALUES ('Utkast', 2030, 2031, 'RS/UTKAST/2029') RETURNING id`)).id;
  x.ownColleague = (
    await app.one(
      `INSERT INTO app_user (email, name, roles, provider_id)
       SELECT 'kollega@jamtvard.example', 'Kalle Kollega', '{PROVIDER}', provider_id FROM app_user WHERE email = 'provider.private@insyn.example'
       RETURNING id`,
    )
  ).id;
  x.template = (await app.one(`SELECT id FROM report_template WHERE name = 'Självdeklaration Hälsoval 2025'`)).id;
  x.section = (await app.one('SELECT id FROM template_section WHERE template_id = $1 ORDER BY position LIMIT 1', [x.template])).id;
  x.question = (await app.one(`SELECT id FROM question WHERE template_id = $1 AND code = '3.3'`, [x.template])).id;
  x.templateDraft = (await publishedTemplate(app.ds, 'Bytt utkast', [{ code: '1', type: 'BOOLEAN' }], 'DRAFT')).id;
  x.round = (await app.one('SELECT id FROM follow_up_round WHERE template_id = $1', [x.template])).id;
  // The in-house provider's draft (version 2, editable) and a file on its report returned for changes.
  const reportOf = async (agreement: string) =>
    (await app.one('SELECT r.id FROM report r JOIN agreement a ON a.id = r.agreement_id WHERE a.reference = $1 AND r.round_id = $2', [agreement, x.round])).id;
  x.report = await reportOf('UB-HV-2024-02');
  x.attachment = (await app.one('SELECT id FROM attachment WHERE report_id = $1 AND deleted_at IS NULL', [await reportOf('UB-HV-2024-04')])).id;
  // Its reports waiting for a decision (submitted) and approved, threads on its draft, and a notification of its user.
  x.submitted = await reportOf('UB-HV-2024-03');
  x.approved = await reportOf('UB-HV-2024-05');
  // Its published report, with a public response waiting for the region.
  x.published = await reportOf('UB-HV-2024-06');
  x.response = (
    await app.one(
      `INSERT INTO public_response (report_id, provider_id, body, submitted_by) SELECT id, provider_id, 'Vårt svar', $2 FROM report WHERE id = $1 RETURNING id`,
      [x.published, actors.userIds.OTHER_PROVIDER],
    )
  ).id;
  const thread = (resolved: boolean) =>
    app.one(
      `INSERT INTO comment_thread (report_id, template_id, question_id, created_by, resolved_at, resolved_by)
       SELECT id, template_id, $2, $3, CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN $3::uuid END FROM report WHERE id = $1 RETURNING id`,
      [x.report, x.question, actors.userIds.REVIEWER, resolved],
    ).then((r) => r.id);
  x.thread = await thread(false);
  x.resolvedThread = await thread(true);
  // An insight request forwarded to another private provider (Hede Läkarhus AB), not to the caller's Jämtvård.
  x.insight = (
    await insightRequestIn(app.ds, 'FORWARDED', {
      providerId: (await app.one(`SELECT id FROM provider WHERE name = 'Hede Läkarhus AB'`)).id,
      reviewerId: actors.userIds.REVIEWER!,
    })
  ).id;
  x.notification = (
    await app.one(`INSERT INTO notification (user_id, kind, title, body, link) VALUES ($1, 'ROUND_OPENED', 'Ny omgång', 'Ny omgång', '/') RETURNING id`, [
      actors.userIds.OTHER_PROVIDER,
    ])
  ).id;
});
afterAll(() => app?.close());

/** Paths of every ID argument of a field, including ID fields of input objects (a.b.c). */
function idPaths(args: readonly GraphQLArgument[]): string[] {
  const out: string[] = [];
  const visit = (type: GraphQLInputType, path: string, seen: Set<string>) => {
    const named = getNamedType(type);
    if (named.name === 'ID') out.push(path);
    else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const field of Object.values(named.getFields())) visit(field.type, `${path}.${field.name}`, new Set([...seen, named.name]));
    }
  };
  for (const arg of args) visit(arg.type, arg.name, new Set());
  return out.sort();
}

/** The values at a path of the variables, through lists. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (!path.length) return [value];
  return valuesAt((value as Record<string, unknown> | undefined)?.[path[0]], path.slice(1));
}

/** What the variables put at an argument path, given the document's variable names. */
function idsAt(document: string, vars: Vars, path: string): unknown[] {
  const [arg, ...rest] = path.split('.');
  // The argument is either a variable itself ($id) or an input object whose field is one ({ providerId: $p }).
  const direct = new RegExp(`\\b${arg}:\\s*\\$(\\w+)`).exec(document);
  if (direct) return valuesAt(vars[direct[1]], rest);
  const nested = new RegExp(`\\b${rest[rest.length - 1]}:\\s*\\$(\\w+)`).exec(document);
  if (nested) return valuesAt(vars[nested[1]], []);
  throw new Error(`${path} is not filled in by ${document}`);
}

/** A cheap fingerprint of everything a refused change could have touched. */
async function stateOfData(): Promise<unknown> {
  return app.one(`SELECT
    (SELECT count(*) FROM audit_event) AS audit,
    (SELECT count(*) || '/' || sum(version) FROM provider) AS provider,
    (SELECT count(*) || '/' || sum(version) FROM unit) AS unit,
    (SELECT count(*) || '/' || sum(version) FROM agreement) AS agreement,
    (SELECT count(*) FROM agreement_unit) AS agreement_unit,
    (SELECT count(*) || '/' || sum(version) FROM choice_system) AS choice_system,
    (SELECT count(*) || '/' || sum(version) FROM program) AS program,
    (SELECT count(*) FROM goal) AS goal,
    (SELECT count(*) || '/' || sum(version) FROM indicator) AS indicator,
    (SELECT count(*) || '/' || sum(value) FROM target) AS target,
    (SELECT count(*) || '/' || sum(version) FROM app_user) AS app_user,
    (SELECT count(*) || '/' || count(revoked_at) FROM api_token) AS api_token,
    (SELECT count(*) || '/' || sum(version) FROM report_template) AS report_template,
    (SELECT count(*) FROM question) AS question,
    (SELECT count(*) || '/' || sum(version) FROM follow_up_round) AS follow_up_round,
    (SELECT count(*) || '/' || sum(version) || '/' || string_agg(status, ',' ORDER BY id) FROM report) AS report,
    (SELECT count(*) || '/' || coalesce(sum(hashtext(value::text)), 0) FROM answer) AS answer,
    (SELECT count(*) FROM submission) AS submission,
    (SELECT count(*) || '/' || count(deleted_at) FROM attachment) AS attachment,
    (SELECT count(*) FROM report_decision) AS report_decision,
    (SELECT count(*) FROM goal_assessment) AS goal_assessment,
    (SELECT count(*) || '/' || count(resolved_at) || '/' || coalesce(sum(version), 0) FROM comment_thread) AS comment_thread,
    (SELECT count(*) FROM comment) AS comment,
    (SELECT count(*) || '/' || count(read_at) FROM notification) AS notification,
    (SELECT count(*) FROM confidentiality_decision) AS confidentiality_decision,
    (SELECT count(*) FROM publication) AS publication,
    (SELECT count(*) FROM published_value) AS published_value,
    (SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(string_agg(status, ',' ORDER BY id), '') FROM public_response) AS public_response,
    (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM insight_request) AS insight_request,
    (SELECT count(*) FROM governing_document_version) AS governing_document_version,
    (SELECT count(*) FROM governing_document_condition) AS governing_document_condition,
    (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM annual_report) AS annual_report`);
}

/** An annual report of the demo data (any status), for the rows above. */
const followUp = { annualReport: '' };
beforeAll(async () => {
  followUp.annualReport = (await app.one('SELECT id FROM annual_report ORDER BY year DESC LIMIT 1')).id;
});

/** An obligation of the last-resort register (demo data), for the rows above. */
const lastResort = { obligation: '', decision: '' };
beforeAll(async () => {
  lastResort.obligation = (await app.one('SELECT id FROM last_resort_obligation ORDER BY decision_reference, id LIMIT 1')).id;
  lastResort.decision = (await app.one('SELECT id FROM compensation_decision ORDER BY created_at, id LIMIT 1')).id;
});

describe('id swapping', () => {
  it('covers every operation that takes an id, and every id it takes', async () => {
    const schema = await getSchema();
    const fields = [...Object.values(schema.getQueryType()!.getFields()), ...Object.values(schema.getMutationType()!.getFields())];
    const withIds = Object.fromEntries(fields.map((f) => [f.name, idPaths(f.args)]).filter(([, paths]) => paths.length));
    expect(Object.keys(table).sort()).toEqual(Object.keys(withIds).sort());
    for (const [name, swap] of Object.entries(table)) {
      expect([...swap.swaps].sort(), name).toEqual(withIds[name]);
      for (const path of swap.swaps) {
        const foreign = idsAt(swap.document, swap.foreign(), path);
        const missing = idsAt(swap.document, swap.missing(), path);
        expect(foreign.length, `${name} ${path}`).toBeGreaterThan(0);
        for (const id of foreign) expect(id, `${name} ${path} names an object`).toMatch(/^[0-9a-f-]{36}$/);
        expect(foreign, `${name} ${path}`).not.toContain(MISSING);
        expect(missing, `${name} ${path}`).toEqual(foreign.map(() => MISSING));
      }
    }
  });

  for (const [name, swap] of Object.entries(table)) {
    for (const [caller, outcome] of Object.entries(swap.callers) as [Actor, Outcome][]) {
      it(`${name} as ${caller} with another's ids: ${outcome}`, async () => {
        const client = actors.clients[caller];
        const before = await stateOfData();
        const foreign = await client.gql(swap.document, swap.foreign());
        const missing = await client.gql(swap.document, swap.missing());
        if (outcome === 'PUBLIC') {
          expect(foreign.errors).toBeUndefined();
          expect(foreign.data![name]).not.toBeNull();
          expect(missing.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
        } else {
          if (outcome === 'EMPTY') {
            expect(foreign.errors).toBeUndefined();
            const result = foreign.data![name];
            expect(Array.isArray(result) ? result : result.edges).toEqual([]);
          } else if (outcome === 'ZERO') {
            expect(foreign.errors).toBeUndefined();
            expect(foreign.data![name]).toBe(0);
          } else {
            expect(foreign.errors!.map((e) => e.extensions.code)).toEqual([outcome]);
            expect(foreign.data?.[name] ?? null).toBeNull();
          }
          // Not a hint that the object exists: the very same answer as for no object at all.
          expect(foreign).toEqual(missing);
        }
        expect(await stateOfData()).toEqual(before);
      });
    }
  }
});

describe('scoping is by provider, not a blanket refusal', () => {
  it('lets a provider user read users of their own provider, and only those', async () => {
    const own = await actors.clients.PROVIDER.gql('query($id: ID!) { user(id: $id) { email provider { name } } }', { id: x.ownColleague });
    expect(own.data!.user).toEqual({ email: 'kollega@jamtvard.example', provider: { name: 'Jämtvård Hälsocentraler AB' } });
    const list = await actors.clients.PROVIDER.gql('{ users { totalCount edges { node { email } } } }');
    expect(list.data!.users.edges.map((e: any) => e.node.email).sort()).toEqual(['kollega@jamtvard.example', 'provider.private@insyn.example']);
    expect(list.data!.users.totalCount).toBe(2);
  });

  it('lets anyone read a user only as themselves when they may not read others', async () => {
    for (const caller of ['REVIEWER', 'ANALYST', 'OTHER_PROVIDER'] as const) {
      const self = await actors.clients[caller].gql('query($id: ID!) { user(id: $id) { id } }', { id: actors.userIds[caller] });
      expect(self.data!.user, caller).toEqual({ id: actors.userIds[caller] });
    }
  });

  it('shows public master data and the program to anonymous visitors and to every provider alike', async () => {
    const q = `query($p: ID!, $u: ID!, $g: ID!) { provider(id: $p) { name } unit(id: $u) { provider { name } } program(id: $g) { status } }`;
    const vars = { p: x.provider, u: x.unit, g: x.program };
    const anonymous = await actors.clients.anonymous.gql(q, vars);
    expect(anonymous.data).toEqual({
      provider: { name: 'Primärvården Region Jämtland Härjedalen' },
      unit: { provider: { name: 'Primärvården Region Jämtland Härjedalen' } },
      program: { status: 'ADOPTED' },
    });
    expect((await actors.clients.PROVIDER.gql(q, vars)).data).toEqual(anonymous.data);
  });
});
