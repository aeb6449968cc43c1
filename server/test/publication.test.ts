import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { correctValue, deriveReport, publishReportValues } from '../src/modules/publication/derive.js';
import { createTestApp, type TestApp } from './support/app.js';
import type { TestTemplate } from './support/reporting.js';
import { approvedPublicationReport, decide, publicationTemplate } from './support/publication.js';

/**
 * Publication (DOMAIN.md, Workflows; issue 6): what reaches the public of an approved report, and
 * how. Never: granted confidentiality requests, free text unless the question is public,
 * attachments. Small counts are suppressed with the reason. Published values are immutable; a
 * correction is a new version with a reason, and the old one stays.
 */
let app: TestApp;
let t: TestTemplate;
let reviewerId: string;
const one = async (sql: string, params: unknown[] = []) => (await app.ds.query(sql, params))[0];

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  t = await publicationTemplate(app.ds, 'Publiceringsmall');
  reviewerId = (await one(`SELECT id FROM app_user WHERE email = 'reviewer@insyn.example'`)).id;
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

    const report = await one('SELECT status, published_at, version FROM report WHERE id = $1', [reportId]);
    const publication = await one('SELECT kind, published_by, published_at FROM publication WHERE report_id = $1', [reportId]);
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
    expect(await one('SELECT count(*)::int AS n FROM publication WHERE report_id = $1', [reportId])).toEqual({ n: 0 });
    await decide(app.ds, reportId, t.q.REF, true);
    await publishReportValues(app.ds.manager, { reportId, publishedBy: reviewerId, publishedAt: new Date('2025-03-01T10:00:00Z') });
    expect(await one('SELECT published_at FROM report WHERE id = $1', [reportId])).toEqual({ published_at: new Date('2025-03-01T10:00:00Z') });
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
    const unit = await one(`SELECT id FROM unit WHERE name = 'Hede hälsocentral'`);
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
