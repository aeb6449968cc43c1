import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { correctValue, deriveReport, publishReportValues } from '../src/modules/publication/derive.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { auditRowsOf, loginActors, requestIdOf, type Actors } from './support/actors.js';
import { badFields, type TestTemplate } from './support/reporting.js';
import { approvedPublicationReport, decide, publicationTemplate } from './support/publication.js';
import { OTHER_AGREEMENT, ok } from './support/review.js';

/**
 * Publication (DOMAIN.md, Workflows; issue 6): what reaches the public of an approved report, and
 * how. Never: granted confidentiality requests, free text unless the question is public,
 * attachments. Small counts are suppressed with the reason. Published values are immutable; a
 * correction is a new version with a reason, and the old one stays.
 */
let app: TestApp;
let t: TestTemplate;
let reviewerId: string;
let actors: Actors;
let reviewer: Client;
let provider: Client;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  t = await publicationTemplate(app.ds, 'Publiceringsmall');
  reviewerId = (await app.one(`SELECT id FROM app_user WHERE email = 'reviewer@insyn.example'`)).id;
  actors = await loginActors(app);
  reviewer = actors.clients.REVIEWER;
  provider = actors.clients.PROVIDER;
});
afterAll(() => app?.close());

const code = (id: string) => Object.entries(t.q).find(([, q]) => q === id)![0];

describe('publishing rules (derive.ts)', () => {
  it('publishes what may be public, suppresses small counts, withholds the rest, with dimensions frozen', async () => {
    const reportId = await approvedPublicationReport(app.ds, t);
    await decide(app.ds, reportId, t.q.CONF, true);
    await decide(app.ds, reportId, t.q.REF, false);
    const preview = await deriveReport(app.ds.manager, reportId);

    const result = await publishReportValues(app.ds.manager, { reportId, publishedBy: reviewerId });
    expect(result.values).toBe(7);
    const rows = await app.ds.query(
      `SELECT v.*, q.code FROM published_value v JOIN question q ON q.id = v.question_id WHERE v.report_id = $1 ORDER BY q.position`,
      [reportId],
    );
    const byCode = Object.fromEntries(rows.map((r: any) => [r.code, r]));
    expect(Object.keys(byCode)).toEqual(['IV', 'IV4', 'IV5', 'INTI', 'INT', 'PTXT', 'REF']);
    expect(rows).toHaveLength(7);
    expect(byCode.IV).toMatchObject({ value: { numerator: 43, denominator: 50 }, value_number: 86, numerator: 43, denominator: 50, target: 100, suppressed: false });
    expect(byCode.IV4).toMatchObject({ value: null, value_number: null, numerator: null, denominator: null, suppressed: true, suppression_reason: 'SMALL_COUNT' });
    expect(byCode.IV5).toMatchObject({ value_number: 25, numerator: 5, suppressed: false });
    expect(byCode.INTI).toMatchObject({ value: null, value_number: null, suppressed: true, suppression_reason: 'SMALL_COUNT' });
    expect(byCode.INT).toMatchObject({ value: 2, value_number: 2, suppressed: false, indicator_id: null, target: null });
    expect(byCode.PTXT).toMatchObject({ value: 'Vi har utökat telefontiden.', value_number: null });
    expect(byCode.REF).toMatchObject({ value: true });
    // Jämtvård's agreement covers three units in Krokom (2309) and Strömsund (2313, twice): reported jointly, Strömsund.
    for (const r of rows) {
      expect(r).toMatchObject({ version: 1, supersedes_id: null, period: '2025', ownership: 'PRIVATE', unit_id: null, municipality_code: '2313' });
    }
    expect(JSON.stringify(rows)).not.toContain('1234.5');
    expect(JSON.stringify(rows)).not.toContain('personalfrågor');

    // The preview is exactly what was published.
    expect(preview.values.map((v) => [code(v.questionId), v.value ?? null, v.valueNumber, v.suppressed, v.target])).toEqual(
      rows.map((r: any) => [r.code, r.value, r.value_number, r.suppressed, r.target]),
    );
    expect(preview.withheld.map((w) => [w.questionCode, w.reason])).toEqual([
      ['TXT', 'TEXT_NOT_PUBLIC'],
      ['ATT', 'ATTACHMENT'],
      ['CONF', 'CONFIDENTIAL'],
    ]);

    const report = await app.one('SELECT status, published_at, version FROM report WHERE id = $1', [reportId]);
    const publication = await app.one('SELECT kind, published_by, published_at FROM publication WHERE report_id = $1', [reportId]);
    expect(report).toMatchObject({ status: 'PUBLISHED', version: 4 });
    expect(publication).toMatchObject({ kind: 'PUBLISHED', published_by: reviewerId });
    expect(report.published_at).toEqual(publication.published_at);
  });

  it('refuses a report with an undecided confidentiality request, and one already published', async () => {
    const reportId = await approvedPublicationReport(app.ds, t);
    await decide(app.ds, reportId, t.q.CONF, true);
    await expect(publishReportValues(app.ds.manager, { reportId, publishedBy: reviewerId })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'reportId', message: expect.stringContaining('REF') }] },
    });
    expect(await app.one('SELECT count(*)::int AS n FROM publication WHERE report_id = $1', [reportId])).toEqual({ n: 0 });
    await decide(app.ds, reportId, t.q.REF, true);
    await publishReportValues(app.ds.manager, { reportId, publishedBy: reviewerId, publishedAt: new Date('2025-03-01T10:00:00Z') });
    expect(await app.one('SELECT published_at FROM report WHERE id = $1', [reportId])).toEqual({ published_at: new Date('2025-03-01T10:00:00Z') });
    await expect(publishReportValues(app.ds.manager, { reportId, publishedBy: reviewerId })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('the latest decision counts: a grant after a refusal withholds the answer', async () => {
    const reportId = await approvedPublicationReport(app.ds, t);
    await decide(app.ds, reportId, t.q.CONF, false);
    await decide(app.ds, reportId, t.q.REF, false);
    await new Promise((r) => setTimeout(r, 5));
    await decide(app.ds, reportId, t.q.CONF, true);
    const d = await deriveReport(app.ds.manager, reportId);
    expect(d.values.map((v) => v.questionCode)).not.toContain('CONF');
    expect(d.withheld.map((w) => w.questionCode)).toContain('CONF');
  });

  it('a single-unit agreement publishes its unit and municipality', async () => {
    const reportId = await approvedPublicationReport(app.ds, t, 'LOV-HV-2017-011'); // Hede Läkarhus: Hede hälsocentral, Härjedalen
    await decide(app.ds, reportId, t.q.CONF, true);
    await decide(app.ds, reportId, t.q.REF, false);
    await publishReportValues(app.ds.manager, { reportId, publishedBy: reviewerId });
    const unit = await app.one(`SELECT id FROM unit WHERE name = 'Hede hälsocentral'`);
    const dims = await app.ds.query('SELECT DISTINCT unit_id, municipality_code FROM published_value WHERE report_id = $1', [reportId]);
    expect(dims).toEqual([{ unit_id: unit.id, municipality_code: '2361' }]);
  });

  it('a correction supersedes the current version, keeps the old one, and suppresses by the same rules', async () => {
    const reportId = await approvedPublicationReport(app.ds, t);
    await decide(app.ds, reportId, t.q.CONF, true);
    await decide(app.ds, reportId, t.q.REF, false);
    await publishReportValues(app.ds.manager, { reportId, publishedBy: reviewerId });
    const fixed = await correctValue(app.ds.manager, {
      reportId,
      questionId: t.q.IV,
      value: { numerator: 45, denominator: 50 },
      reason: 'Felräknad täljare',
      correctedBy: reviewerId,
    });
    expect(fixed.before).toMatchObject({ valueNumber: 86, version: 1 });
    expect(fixed.after).toMatchObject({ valueNumber: 90, version: 2 });
    const small = await correctValue(app.ds.manager, {
      reportId,
      questionId: t.q.IV,
      value: { numerator: 3, denominator: 50 },
      reason: 'Endast tre',
      correctedBy: reviewerId,
    });
    expect(small.after).toMatchObject({ suppressed: true, valueNumber: null, version: 3 });
    const versions = await app.ds.query(
      'SELECT version, value_number, suppressed, supersedes_id, id FROM published_value WHERE report_id = $1 AND question_id = $2 ORDER BY version',
      [reportId, t.q.IV],
    );
    expect(versions.map((v: any) => [v.version, v.value_number, v.suppressed])).toEqual([
      [1, 86, false],
      [2, 90, false],
      [3, null, true],
    ]);
    expect(versions[1].supersedes_id).toBe(versions[0].id);
    expect(versions[2].supersedes_id).toBe(versions[1].id);
    const current = await app.ds.query('SELECT version FROM published_value_current WHERE report_id = $1 AND question_id = $2', [reportId, t.q.IV]);
    expect(current).toEqual([{ version: 3 }]);
    const corrections = await app.ds.query(`SELECT kind, reason FROM publication WHERE report_id = $1 ORDER BY published_at`, [reportId]);
    expect(corrections).toEqual([
      { kind: 'PUBLISHED', reason: null },
      { kind: 'CORRECTED', reason: 'Felräknad täljare' },
      { kind: 'CORRECTED', reason: 'Endast tre' },
    ]);
    // Nothing to correct for a withheld answer; a wrong shape and a missing reason are refused at their fields.
    await expect(
      correctValue(app.ds.manager, { reportId, questionId: t.q.CONF, value: 1, reason: 'x', correctedBy: reviewerId }),
    ).rejects.toMatchObject({ extensions: { fields: [{ path: 'input.questionId' }] } });
    await expect(
      correctValue(app.ds.manager, { reportId, questionId: t.q.INT, value: 'två', reason: 'x', correctedBy: reviewerId }),
    ).rejects.toMatchObject({ extensions: { fields: [{ path: 'input.value' }] } });
    await expect(
      correctValue(app.ds.manager, { reportId, questionId: t.q.INT, value: 3, reason: '  ', correctedBy: reviewerId }),
    ).rejects.toMatchObject({ extensions: { fields: [{ path: 'input.reason' }] } });
  });

  it('published values, publications and decisions refuse UPDATE, DELETE and TRUNCATE', async () => {
    for (const sql of [
      'UPDATE published_value SET value_number = 1',
      'DELETE FROM published_value',
      'TRUNCATE published_value CASCADE',
      'UPDATE publication SET reason = $$x$$',
      'DELETE FROM publication',
      'UPDATE confidentiality_decision SET granted = NOT granted',
      'DELETE FROM confidentiality_decision',
    ]) {
      await expect(app.ds.query(sql), sql).rejects.toThrow(/append-only/);
    }
  });
});

const PREVIEW = `query($id: ID!) { publicationPreview(reportId: $id) {
  values { question { code } value valueNumber target colour suppressed suppressionReason }
  withheld { question { code } reason }
  pendingConfidentiality { code }
  canPublish blockedReason
} }`;
const PUBLISHED = `query($id: ID!) { report(id: $id) { status publishedAt viewerCanPublish
  publishedValues { question { code } value valueNumber target colour suppressed suppressionReason version period municipality { code } unit { name } indicator { code } }
  corrections { question { code } version oldValue oldValueNumber oldSuppressed newValue newValueNumber newSuppressed reason correctedAt correctedByName }
  confidentialityDecisions { question { code } granted reason decidedByName }
  publicResponses { id body status decisionReason submittedByName decidedByName }
} }`;
const DECIDE = 'mutation($r: ID!, $q: ID!, $g: Boolean!, $reason: String!) { decideConfidentiality(reportId: $r, questionId: $q, granted: $g, reason: $reason) { id granted reason question { code } decidedByName } }';
const PUBLISH = 'mutation($r: ID!) { publishReport(reportId: $r) { id status publishedAt version } }';
const CORRECT = 'mutation($input: CorrectPublishedValueInput!) { correctPublishedValue(input: $input) { version value valueNumber suppressed suppressionReason question { code } } }';
const RESPOND = 'mutation($r: ID!, $body: String!) { submitPublicResponse(reportId: $r, body: $body) { id status body } }';
const DECIDE_RESPONSE = 'mutation($id: ID!, $accept: Boolean!, $reason: String) { decidePublicResponse(id: $id, accept: $accept, reason: $reason) { id status decisionReason decidedByName } }';

const strip = (v: { question: { code: string } } & Record<string, unknown>) => ({
  code: v.question.code,
  value: v.value,
  valueNumber: v.valueNumber,
  target: v.target,
  colour: v.colour,
  suppressed: v.suppressed,
  suppressionReason: v.suppressionReason,
});
const notificationsOf = (reportId: string, kind: string) =>
  app.ds.query('SELECT u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.report_id = $1 AND n.kind = $2 ORDER BY u.email', [reportId, kind]);

describe('publishing through the API', () => {
  let reportId: string;

  beforeAll(async () => {
    reportId = await approvedPublicationReport(app.ds, t);
  });

  it('the preview names the undecided confidentiality requests, and publishing waits for them', async () => {
    const { publicationPreview: preview } = await ok(reviewer, PREVIEW, { id: reportId });
    expect(preview.pendingConfidentiality).toEqual([{ code: 'CONF' }, { code: 'REF' }]);
    expect(preview.canPublish).toBe(false);
    expect(preview.blockedReason).toMatch(/confidentiality/);
    expect((await ok(reviewer, PUBLISHED, { id: reportId })).report.viewerCanPublish).toBe(false);
    const refused = await reviewer.gql(PUBLISH, { r: reportId });
    expect(badFields(refused)).toEqual([{ path: 'reportId', message: expect.stringMatching(/CONF, REF/) }]);
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([]);
    expect(await app.one('SELECT status FROM report WHERE id = $1', [reportId])).toEqual({ status: 'APPROVED' });
  });

  it('decideConfidentiality: a reason is required, and only a requested question is decided', async () => {
    expect(badFields(await reviewer.gql(DECIDE, { r: reportId, q: t.q.CONF, g: true, reason: '  ' }))).toEqual([
      { path: 'reason', message: expect.any(String) },
    ]);
    expect(badFields(await reviewer.gql(DECIDE, { r: reportId, q: t.q.INT, g: true, reason: 'OSL 31:16' }))).toEqual([
      { path: 'questionId', message: expect.any(String) },
    ]);
    const granted = await ok(reviewer, DECIDE, { r: reportId, q: t.q.CONF, g: true, reason: 'Affärsförhållanden, OSL 31 kap. 16 §.' });
    expect(granted.decideConfidentiality).toMatchObject({ granted: true, question: { code: 'CONF' }, decidedByName: 'Rasmus Granskare' });
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([
      expect.objectContaining({
        action: 'CONFIDENTIALITY_GRANTED',
        entity_type: 'Report',
        entity_id: reportId,
        after: expect.objectContaining({ question: 'CONF', granted: true, reason: 'Affärsförhållanden, OSL 31 kap. 16 §.' }),
      }),
    ]);
    await ok(reviewer, DECIDE, { r: reportId, q: t.q.REF, g: false, reason: 'Uppgiften röjer inga affärsförhållanden.' });
    expect((await ok(reviewer, PUBLISHED, { id: reportId })).report.viewerCanPublish).toBe(true);
    // The provider sees the decisions on its own requests.
    const seen = await ok(provider, PUBLISHED, { id: reportId });
    expect(seen.report.confidentialityDecisions.map((d: any) => [d.question.code, d.granted])).toEqual([
      ['CONF', true],
      ['REF', false],
    ]);
    expect(seen.report.viewerCanPublish).toBe(false);
  });

  it('publishReport publishes exactly the preview, tells the provider, and is recorded; a second time is refused', async () => {
    const { publicationPreview: preview } = await ok(reviewer, PREVIEW, { id: reportId });
    expect(preview.canPublish).toBe(true);
    expect(preview.pendingConfidentiality).toEqual([]);
    expect(preview.withheld).toEqual([
      { question: { code: 'TXT' }, reason: 'TEXT_NOT_PUBLIC' },
      { question: { code: 'ATT' }, reason: 'ATTACHMENT' },
      { question: { code: 'CONF' }, reason: 'CONFIDENTIAL' },
    ]);
    expect(preview.values.find((v: any) => v.question.code === 'IV')).toMatchObject({ valueNumber: 86, target: 100, colour: 'RED' });
    expect(preview.values.find((v: any) => v.question.code === 'IV4')).toMatchObject({ value: null, valueNumber: null, suppressed: true, suppressionReason: 'SMALL_COUNT', colour: null });

    const published = await ok(reviewer, PUBLISH, { r: reportId });
    expect(published.publishReport).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String), version: 4 });
    const [row] = await auditRowsOf(app, requestIdOf(reviewer));
    expect(row).toMatchObject({
      action: 'REPORT_PUBLISHED',
      entity_type: 'Report',
      entity_id: reportId,
      actor_user_id: reviewerId,
      before: { status: 'APPROVED' },
      after: expect.objectContaining({ status: 'PUBLISHED', values: 7, suppressed: ['IV4', 'INTI'], withheld: { TXT: 'TEXT_NOT_PUBLIC', ATT: 'ATTACHMENT', CONF: 'CONFIDENTIAL' } }),
    });
    expect(await notificationsOf(reportId, 'REPORT_PUBLISHED')).toEqual([{ email: 'provider.private@insyn.example' }]);

    const { report } = await ok(provider, PUBLISHED, { id: reportId });
    expect(report.publishedValues.map(strip)).toEqual(preview.values.map(strip));
    expect(report.publishedValues[0]).toMatchObject({ version: 1, period: '2025', municipality: { code: '2313' }, unit: null, indicator: { code: 'TEL-SAMEDAY' } });
    expect(JSON.stringify(report.publishedValues)).not.toMatch(/1234\.5|personalfrågor|berattelse/);

    const again = await reviewer.gql(PUBLISH, { r: reportId });
    expect(badFields(again)).toEqual([{ path: 'reportId', message: expect.stringMatching(/already published/) }]);
    expect(await app.one('SELECT count(*)::int AS n FROM publication WHERE report_id = $1', [reportId])).toEqual({ n: 1 });
  });

  it('a report that is not approved is not published, and nothing is stored', async () => {
    const submitted = await approvedPublicationReport(app.ds, t);
    await app.ds.query(`UPDATE report SET status = 'SUBMITTED', approved_at = NULL WHERE id = $1`, [submitted]);
    await decide(app.ds, submitted, t.q.CONF, true);
    await decide(app.ds, submitted, t.q.REF, false);
    const refused = await reviewer.gql(PUBLISH, { r: submitted });
    expect(badFields(refused)).toEqual([{ path: 'reportId', message: expect.stringMatching(/SUBMITTED/) }]);
    expect(await app.one('SELECT count(*)::int AS n FROM published_value WHERE report_id = $1', [submitted])).toEqual({ n: 0 });
    expect((await ok(reviewer, PREVIEW, { id: submitted })).publicationPreview).toMatchObject({ canPublish: false, blockedReason: expect.stringMatching(/approved/) });
  });

  it('correctPublishedValue: a new version with the reason, the old one kept in the log; wrong input at its field', async () => {
    expect(badFields(await reviewer.gql(CORRECT, { input: { reportId, questionId: t.q.INT, value: 'två', reason: 'Fel' } }))).toEqual([
      { path: 'input.value', message: expect.any(String) },
    ]);
    expect(badFields(await reviewer.gql(CORRECT, { input: { reportId, questionId: t.q.INT, value: 6, reason: ' ' } }))).toEqual([
      { path: 'input.reason', message: expect.any(String) },
    ]);
    expect(badFields(await reviewer.gql(CORRECT, { input: { reportId, questionId: t.q.TXT, value: 'Nu offentligt', reason: 'Fel' } }))).toEqual([
      { path: 'input.questionId', message: expect.any(String) },
    ]);
    expect(badFields(await reviewer.gql(CORRECT, { input: { reportId, questionId: t.q.INT, value: 2, reason: 'Samma' } }))).toEqual([
      { path: 'input.value', message: expect.any(String) },
    ]);
    const fixed = await ok(reviewer, CORRECT, { input: { reportId, questionId: t.q.INT, value: 6, reason: 'Rättad efter ny avstämning mot journalsystemet.' } });
    expect(fixed.correctPublishedValue).toEqual({ version: 2, value: 6, valueNumber: 6, suppressed: false, suppressionReason: null, question: { code: 'INT' } });
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([
      expect.objectContaining({
        action: 'PUBLISHED_VALUE_CORRECTED',
        entity_id: reportId,
        before: expect.objectContaining({ question: 'INT', value: 2, version: 1 }),
        after: expect.objectContaining({ question: 'INT', value: 6, version: 2, reason: 'Rättad efter ny avstämning mot journalsystemet.' }),
      }),
    ]);
    expect(await notificationsOf(reportId, 'VALUE_CORRECTED')).toEqual([{ email: 'provider.private@insyn.example' }]);
    const small = await ok(reviewer, CORRECT, { input: { reportId, questionId: t.q.IV5, value: { numerator: 4, denominator: 20 }, reason: 'Täljaren var fyra.' } });
    expect(small.correctPublishedValue).toMatchObject({ version: 2, value: null, valueNumber: null, suppressed: true, suppressionReason: 'SMALL_COUNT' });

    const { report } = await ok(provider, PUBLISHED, { id: reportId });
    expect(report.publishedValues.find((v: any) => v.question.code === 'INT')).toMatchObject({ value: 6, version: 2 });
    expect(report.corrections).toEqual([
      expect.objectContaining({ question: { code: 'INT' }, version: 2, oldValue: 2, oldValueNumber: 2, newValue: 6, newValueNumber: 6, reason: 'Rättad efter ny avstämning mot journalsystemet.', correctedByName: 'Rasmus Granskare' }),
      expect.objectContaining({ question: { code: 'IV5' }, oldValueNumber: 25, oldSuppressed: false, newValue: null, newValueNumber: null, newSuppressed: true }),
    ]);
    // Both versions stay.
    expect(await app.ds.query('SELECT version, value FROM published_value WHERE report_id = $1 AND question_id = $2 ORDER BY version', [reportId, t.q.INT])).toEqual([
      { version: 1, value: 2 },
      { version: 2, value: 6 },
    ]);
    // Only a published report's values are corrected.
    const approved = await approvedPublicationReport(app.ds, t);
    expect(badFields(await reviewer.gql(CORRECT, { input: { reportId: approved, questionId: t.q.INT, value: 6, reason: 'Fel' } }))).toEqual([
      { path: 'input.reportId', message: expect.any(String) },
    ]);
  });

  it('the public response: the provider writes, a new one replaces a pending one, the reviewer rejects with a reason or accepts', async () => {
    const notPublished = await approvedPublicationReport(app.ds, t);
    expect(badFields(await provider.gql(RESPOND, { r: notPublished, body: 'Vårt svar.' }))).toEqual([{ path: 'reportId', message: expect.any(String) }]);
    expect(badFields(await provider.gql(RESPOND, { r: reportId, body: 'x'.repeat(2001) }))).toEqual([{ path: 'body', message: expect.stringMatching(/2,000/) }]);
    expect(badFields(await provider.gql(RESPOND, { r: reportId, body: 'Se <a href="https://example.com">här</a>' }))).toEqual([{ path: 'body', message: expect.any(String) }]);
    expect(badFields(await provider.gql(RESPOND, { r: reportId, body: '   ' }))).toEqual([{ path: 'body', message: expect.any(String) }]);
    expect((await reviewer.gql(RESPOND, { r: reportId, body: 'Regionens svar' })).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await actors.clients.OTHER_PROVIDER.gql(RESPOND, { r: reportId, body: 'Fel utförare' })).errors![0].extensions.code).toBe('NOT_FOUND');

    const first = (await ok(provider, RESPOND, { r: reportId, body: 'Vi arbetar med  telefontillgängligheten.\r\nNy växel i mars.' })).submitPublicResponse;
    expect(first).toMatchObject({ status: 'PENDING', body: 'Vi arbetar med  telefontillgängligheten.\nNy växel i mars.' });
    expect(await auditRowsOf(app, requestIdOf(provider))).toEqual([
      expect.objectContaining({ action: 'PUBLIC_RESPONSE_SUBMITTED', entity_id: reportId, after: { responseId: first.id, body: first.body } }),
    ]);
    expect((await notificationsOf(reportId, 'PUBLIC_RESPONSE_WAITING')).length).toBeGreaterThan(0);
    const second = (await ok(provider, RESPOND, { r: reportId, body: 'Andra versionen av svaret.' })).submitPublicResponse;
    expect(await app.ds.query('SELECT id, status FROM public_response WHERE report_id = $1 ORDER BY submitted_at', [reportId])).toEqual([
      { id: first.id, status: 'WITHDRAWN' },
      { id: second.id, status: 'PENDING' },
    ]);

    expect(badFields(await reviewer.gql(DECIDE_RESPONSE, { id: second.id, accept: false, reason: null }))).toEqual([{ path: 'reason', message: expect.any(String) }]);
    const rejected = await ok(reviewer, DECIDE_RESPONSE, { id: second.id, accept: false, reason: 'Svaret nämner en enskild patient.' });
    expect(rejected.decidePublicResponse).toMatchObject({ status: 'REJECTED', decisionReason: 'Svaret nämner en enskild patient.', decidedByName: 'Rasmus Granskare' });
    expect(await notificationsOf(reportId, 'PUBLIC_RESPONSE_REJECTED')).toEqual([{ email: 'provider.private@insyn.example' }]);
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([
      expect.objectContaining({
        action: 'PUBLIC_RESPONSE_REJECTED',
        entity_id: reportId,
        actor_user_id: reviewerId,
        after: { responseId: second.id, status: 'REJECTED', reason: 'Svaret nämner en enskild patient.' },
      }),
    ]);
    expect(badFields(await reviewer.gql(DECIDE_RESPONSE, { id: second.id, accept: true }))).toEqual([{ path: 'id', message: expect.any(String) }]);

    const third = (await ok(provider, RESPOND, { r: reportId, body: 'Tredje svaret.' })).submitPublicResponse;
    await ok(reviewer, DECIDE_RESPONSE, { id: third.id, accept: true });
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([
      expect.objectContaining({ action: 'PUBLIC_RESPONSE_ACCEPTED', entity_id: reportId, after: { responseId: third.id, status: 'ACCEPTED', reason: null } }),
    ]);
    const fourth = (await ok(provider, RESPOND, { r: reportId, body: 'Fjärde svaret, uppdaterat.' })).submitPublicResponse;
    await ok(reviewer, DECIDE_RESPONSE, { id: fourth.id, accept: true });
    const shown = await app.ds.query(`SELECT id FROM public_response WHERE report_id = $1 AND status = 'ACCEPTED'`, [reportId]);
    expect(shown).toEqual([{ id: fourth.id }]);
    const { report } = await ok(provider, PUBLISHED, { id: reportId });
    expect(report.publicResponses.map((r: any) => [r.body, r.status])).toEqual([
      ['Fjärde svaret, uppdaterat.', 'ACCEPTED'],
      ['Tredje svaret.', 'WITHDRAWN'],
      ['Andra versionen av svaret.', 'REJECTED'],
      ['Vi arbetar med  telefontillgängligheten.\nNy växel i mars.', 'WITHDRAWN'],
    ]);
    // Another provider's response is as good as absent.
    expect((await actors.clients.OTHER_PROVIDER.gql(DECIDE_RESPONSE, { id: fourth.id, accept: false, reason: 'x' })).errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('a response of exactly 2,000 characters is taken; no confidentiality decision is made once published', async () => {
    const long = (await ok(provider, RESPOND, { r: reportId, body: 'å'.repeat(2000) })).submitPublicResponse;
    expect(long.body).toHaveLength(2000);
    const refused = await reviewer.gql(DECIDE, { r: reportId, q: t.q.CONF, g: false, reason: 'Ändrat beslut' });
    expect(badFields(refused)).toEqual([{ path: 'reportId', message: expect.stringMatching(/PUBLISHED/) }]);
  });

  it('two reviewers publishing at once: one publishes, the other is told it is already published', async () => {
    const id = await approvedPublicationReport(app.ds, t);
    await decide(app.ds, id, t.q.CONF, true);
    await decide(app.ds, id, t.q.REF, false);
    const other = await actors.fresh('ADMIN');
    const results = await Promise.all([reviewer.gql(PUBLISH, { r: id }), other.gql(PUBLISH, { r: id })]);
    const failed = results.filter((r) => r.errors);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(badFields(failed[0])).toEqual([{ path: 'reportId', message: expect.stringMatching(/already published/) }]);
    expect(await app.one('SELECT count(*)::int AS publications, (SELECT count(*)::int FROM published_value WHERE report_id = $1) AS "values" FROM publication WHERE report_id = $1', [id])).toEqual({
      publications: 1,
      values: 7,
    });
  });

  it('the preview is the region\'s; the provider reads its own publication data; another provider sees nothing', async () => {
    expect((await provider.gql(PREVIEW, { id: reportId })).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await ok(actors.clients.AUDITOR, PREVIEW, { id: reportId })).publicationPreview.values.length).toBeGreaterThan(0);
    const other = await actors.clients.OTHER_PROVIDER.gql(PUBLISHED, { id: reportId });
    expect(other.errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await actors.clients.OTHER_PROVIDER.gql(PREVIEW, { id: reportId })).errors![0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('the template says which free-text questions are public', () => {
  it('publicAnswer is saved for TEXT questions and refused for others', async () => {
    const admin = actors.clients.ADMIN;
    const input = (type: string) => ({
      name: `Publik mall ${type}`,
      sections: [{ title: 'Avsnitt', questions: [{ code: '1.1', text: 'Beskriv arbetet', type, publicAnswer: true }] }],
    });
    const created = await ok(admin, 'mutation($input: ReportTemplateInput!) { createReportTemplate(input: $input) { id sections { questions { code publicAnswer } } } }', {
      input: input('TEXT'),
    });
    expect(created.createReportTemplate.sections[0].questions).toEqual([{ code: '1.1', publicAnswer: true }]);
    const refused = await admin.gql('mutation($input: ReportTemplateInput!) { createReportTemplate(input: $input) { id } }', { input: input('BOOLEAN') });
    expect(badFields(refused)).toEqual([{ path: 'input.sections.0.questions.0.publicAnswer', message: expect.any(String) }]);
  });
});

describe('lists of reports with their publication data', () => {
  it('run the same number of SQL statements for one and for several published reports', async () => {
    const round = async () => {
      const id = await approvedPublicationReport(app.ds, t, OTHER_AGREEMENT);
      await decide(app.ds, id, t.q.CONF, true);
      await decide(app.ds, id, t.q.REF, false);
      await publishReportValues(app.ds.manager, { reportId: id, publishedBy: reviewerId });
      await correctValue(app.ds.manager, { reportId: id, questionId: t.q.INT, value: 7, reason: 'Rättelse', correctedBy: reviewerId });
      await app.ds.query(`INSERT INTO public_response (report_id, provider_id, body, submitted_by) SELECT id, provider_id, 'Svar', $2 FROM report WHERE id = $1`, [id, reviewerId]);
      return id;
    };
    await round();
    const LIST = `{ reports(first: 500, filter: { status: [PUBLISHED] }) { totalCount edges { node { id viewerCanPublish
      publishedValues { value colour question { code } indicator { code } municipality { name } unit { name } }
      corrections { question { code } correctedByName }
      confidentialityDecisions { question { code } decidedByName }
      publicResponses { body submittedByName decidedByName } } } } }`;
    const measure = async () => {
      let res: any;
      const statements = await app.countSql(async () => {
        res = await reviewer.gql(LIST);
      });
      expect(res.errors).toBeUndefined();
      return { statements, count: res.data.reports.totalCount };
    };
    const before = await measure();
    for (let i = 0; i < 5; i++) await round();
    const after = await measure();
    expect(after.count).toBe(before.count + 5);
    // One statement per loader: which child loads share a batch depends on when the list loaders'
    // answers arrive, so the count may differ by one or two, never by the number of reports.
    expect(after.statements).toBeLessThanOrEqual(before.statements + 2);
    expect(after.statements).toBeLessThanOrEqual(20);
  });
});
