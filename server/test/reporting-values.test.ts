import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { QuestionType } from '../src/modules/reporting/enums.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { auditRowsOf, requestIdOf } from './support/actors.js';
import { badFields, openReport, publishedTemplate, type QuestionSpec, type TestTemplate } from './support/reporting.js';

/**
 * Answers have the shape their question type fixes (API.md); a wrong shape is refused naming the
 * question and nothing of that save is stored. Submit checks required answers and ranges, lists
 * every problem, and freezes a submission that later saves never change; the database refuses to
 * alter it; a retry of a submit returns the same submission.
 */
let app: TestApp;
let provider: Client;
let template: TestTemplate;

/** One question of every type; codes are the type names, so a message naming the question is easy to check. */
const SPECS: QuestionSpec[] = [
  { code: 'BOOLEAN', type: 'BOOLEAN', required: true },
  { code: 'INTEGER', type: 'INTEGER', required: true, min: 0, max: 10 },
  { code: 'DECIMAL', type: 'DECIMAL', required: true, min: 1.5, max: 9.5 },
  { code: 'PERCENT', type: 'PERCENT', required: true, min: 50 },
  { code: 'TEXT', type: 'TEXT', required: true },
  { code: 'SINGLE_CHOICE', type: 'SINGLE_CHOICE', required: true, options: ['ja', 'nej'] },
  { code: 'MULTI_CHOICE', type: 'MULTI_CHOICE', required: true, options: ['a', 'b', 'c'], min: 1, max: 2 },
  { code: 'DATE', type: 'DATE', required: true },
  { code: 'ATTACHMENT', type: 'ATTACHMENT' },
  { code: 'INDICATOR_VALUE', type: 'INDICATOR_VALUE', required: true, indicator: 'TEL-SAMEDAY' },
  { code: 'COMMENT', type: 'TEXT' },
];

/** Values of the wrong shape, per question type. */
const WRONG: Record<QuestionType, unknown[]> = {
  BOOLEAN: ['true', 1, 0, [true], { value: true }],
  INTEGER: [1.5, '12', true, [3], { n: 1 }],
  DECIMAL: ['12.5', true, [1.5], { value: 2 }],
  PERCENT: [100.5, -1, '86.4', [50], true],
  TEXT: [12, true, ['svar'], { text: 'svar' }, 'x'.repeat(20001)],
  SINGLE_CHOICE: ['kanske', 'JA', ['ja'], 1, true],
  MULTI_CHOICE: ['a', ['a', 'x'], ['a', 'a'], [1], { a: true }],
  DATE: ['2025-02-30', '2025-3-1', '01/03/2025', '2025-03-01T10:00:00Z', 20250301, true],
  ATTACHMENT: ['fil.pdf', 12, { id: '00000000-0000-4000-8000-000000000000' }, ['00000000-0000-4000-8000-000000000000']],
  INDICATOR_VALUE: [
    43,
    [43, 50],
    '43/50',
    { numerator: 43 },
    { numerator: '43', denominator: 50 },
    { numerator: 43, denominator: 0 },
    { numerator: -1, denominator: 50 },
    { numerator: 43, denominator: 50, share: 0.86 },
  ],
};

/** A value of the right shape (and in range) per question. */
const GOOD: Record<string, unknown> = {
  BOOLEAN: false,
  INTEGER: 7,
  DECIMAL: 2.25,
  PERCENT: 86.4,
  TEXT: 'Vi arbetar enligt riktlinjen.',
  SINGLE_CHOICE: 'ja',
  MULTI_CHOICE: ['a', 'c'],
  DATE: '2025-03-01',
  ATTACHMENT: '3f2b8c1e-6a4d-4e0b-9c7a-1d2e3f4a5b6c', // the shape of an id; whether the file exists is checked at submit
  INDICATOR_VALUE: { numerator: 43, denominator: 50 },
  COMMENT: 'En kommentar.',
};

const SAVE = 'mutation($id: ID!, $v: Int!, $a: [AnswerInput!]!) { saveAnswers(reportId: $id, expectedVersion: $v, answers: $a) { version status } }';
const SUBMIT = 'mutation($id: ID!, $v: Int!) { submitReport(reportId: $id, expectedVersion: $v) { id reference receivedAt answers { question { code } value note confidentialityRequested } } }';
const REPORT = `query($id: ID!) { report(id: $id) { version status submittedAt viewerCanEdit
  answers { question { code } value note confidentialityRequested }
  submissions { id reference receivedAt answers { question { code } value note confidentialityRequested } } } }`;

const answer = (code: string, value: unknown, extra: Record<string, unknown> = {}) => ({ questionId: template.q[code], value, ...extra });
const reportOf = async (id: string) => {
  const res = await provider.gql(REPORT, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.report;
};
const stored = async (reportId: string) =>
  app.ds.query(
    `SELECT q.code, a.value, a.note, a.confidentiality_requested FROM answer a JOIN question q ON q.id = a.question_id WHERE a.report_id = $1 ORDER BY q.position`,
    [reportId],
  );

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  provider = await app.login('provider.private@insyn.example');
  template = await publishedTemplate(app.ds, 'Alla frågetyper', SPECS);
});
afterAll(() => app?.close());

describe('the shape of an answer', () => {
  let reportId: string;
  beforeAll(async () => {
    reportId = (await openReport(app.ds, template.id, 'LOV-HV-2012-004')).reportId;
  });

  it('has wrong shapes listed for every question type', () => {
    expect(Object.keys(WRONG).sort()).toEqual(Object.values(QuestionType).sort());
  });

  for (const [type, values] of Object.entries(WRONG)) {
    it(`${type}: refuses ${values.length} wrong shapes with BAD_USER_INPUT at answers.<questionId>, naming the question; a good answer in the same save is not stored either`, async () => {
      for (const value of values) {
        const label = `${type} ${JSON.stringify(value).slice(0, 40)}`;
        const res = await provider.gql(SAVE, { id: reportId, v: 1, a: [answer('COMMENT', 'Ett bra svar'), answer(type, value)] });
        const fields = badFields(res);
        expect(fields, label).toEqual([{ path: `answers.${template.q[type]}`, message: expect.stringContaining(type) }]);
        expect(res.errors![0].message, label).toContain(type);
        expect(res.data, label).toBeNull();
        expect(await auditRowsOf(app, requestIdOf(provider)), label).toEqual([]);
      }
      expect(await stored(reportId)).toEqual([]);
      expect(await app.one('SELECT status, version FROM report WHERE id = $1', [reportId])).toEqual({ status: 'NOT_STARTED', version: 1 });
    });
  }

  it('stores a value of the right shape for every type as given, and null clears an answer', async () => {
    const res = await provider.gql(SAVE, { id: reportId, v: 1, a: Object.entries(GOOD).map(([code, value]) => answer(code, value)) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.saveAnswers).toEqual({ version: 2, status: 'DRAFT' });
    const report = await reportOf(reportId);
    expect(Object.fromEntries(report.answers.map((a: any) => [a.question.code, a.value]))).toEqual(GOOD);

    const cleared = await provider.gql(SAVE, { id: reportId, v: 2, a: [answer('COMMENT', null), answer('TEXT', '   ')] });
    expect(cleared.errors).toBeUndefined();
    const after = await reportOf(reportId);
    const values = Object.fromEntries(after.answers.map((a: any) => [a.question.code, a.value]));
    expect(values.COMMENT).toBeNull();
    expect(values.TEXT).toBeNull(); // only blanks is no answer
  });

  it('refuses other bad input at its field, storing nothing: unknown questions, a question twice, confidentiality without a reason', async () => {
    const before = await stored(reportId);
    const { version } = await app.one('SELECT version FROM report WHERE id = $1', [reportId]);
    const [foreign] = await app.ds.query(`SELECT q.id FROM question q JOIN report_template t ON t.id = q.template_id WHERE t.name = 'Självdeklaration Hälsoval 2025' LIMIT 1`);
    const cases: [unknown[], string[]][] = [
      [[answer('COMMENT', 'ok'), { questionId: foreign.id, value: true }], ['answers.1.questionId']],
      [[{ questionId: 'inte-ett-id', value: true }], ['answers.0.questionId']],
      [[answer('BOOLEAN', true), answer('BOOLEAN', false)], [`answers.${template.q.BOOLEAN}`]],
      [[answer('TEXT', 'Hemligt', { confidentialityRequested: true })], [`answers.${template.q.TEXT}.confidentialityReason`]],
      [[answer('TEXT', 'ok', { note: 'x'.repeat(5001) })], [`answers.${template.q.TEXT}.note`]],
      // Every problem of a save is listed, not only the first.
      [[answer('INTEGER', 'tolv'), answer('DATE', '2025-13-01'), answer('COMMENT', 'ok')], [`answers.${template.q.INTEGER}`, `answers.${template.q.DATE}`]],
    ];
    for (const [answers, paths] of cases) {
      const res = await provider.gql(SAVE, { id: reportId, v: version, a: answers });
      expect(badFields(res).map((f) => f.path), JSON.stringify(answers).slice(0, 80)).toEqual(paths);
    }
    expect(await stored(reportId)).toEqual(before);
    expect((await app.one('SELECT version FROM report WHERE id = $1', [reportId])).version).toBe(version);
  });

  it('keeps a confidentiality request with its reason and the provider\'s note', async () => {
    const { version } = await app.one('SELECT version FROM report WHERE id = $1', [reportId]);
    const res = await provider.gql(SAVE, {
      id: reportId,
      v: version,
      a: [answer('TEXT', 'Våra priser', { note: 'Se bilaga', confidentialityRequested: true, confidentialityReason: 'Affärshemlighet (OSL 31:16)' })],
    });
    expect(res.errors).toBeUndefined();
    const [row] = await app.ds.query('SELECT value, note, confidentiality_requested, confidentiality_reason FROM answer WHERE report_id = $1 AND question_id = $2', [
      reportId,
      template.q.TEXT,
    ]);
    expect(row).toEqual({ value: 'Våra priser', note: 'Se bilaga', confidentiality_requested: true, confidentiality_reason: 'Affärshemlighet (OSL 31:16)' });
  });
});

describe('submitting', () => {
  let reportId: string;
  let version: number;
  let first: any;
  beforeAll(async () => {
    reportId = (await openReport(app.ds, template.id, 'LOV-HV-2012-004')).reportId;
  });

  it('checks every required answer and every range at submit, listing each problem, and stores nothing', async () => {
    // In shape (so saved), but out of range or missing; the file named is no file of the report.
    const res = await provider.gql(SAVE, {
      id: reportId,
      v: 1,
      a: [
        answer('BOOLEAN', true),
        answer('INTEGER', 11), // max 10
        answer('DECIMAL', 1.25), // min 1.5
        answer('PERCENT', 40), // min 50
        answer('TEXT', 'Svar'),
        answer('MULTI_CHOICE', ['a', 'b', 'c']), // at most 2
        answer('ATTACHMENT', '00000000-0000-4000-8000-000000000000'),
        // SINGLE_CHOICE, DATE and INDICATOR_VALUE are required and not answered.
      ],
    });
    expect(res.errors).toBeUndefined();
    version = res.data!.saveAnswers.version;
    const audit = await app.count('audit_event');

    const submit = await provider.gql(SUBMIT, { id: reportId, v: version });
    const fields = badFields(submit);
    const at = (code: string) => `answers.${template.q[code]}`;
    expect(fields).toEqual([
      { path: at('INTEGER'), message: 'INTEGER: at most 10' },
      { path: at('DECIMAL'), message: 'DECIMAL: at least 1.5' },
      { path: at('PERCENT'), message: 'PERCENT: at least 50' },
      { path: at('SINGLE_CHOICE'), message: 'SINGLE_CHOICE: an answer is required' },
      { path: at('MULTI_CHOICE'), message: 'MULTI_CHOICE: at most 2' },
      { path: at('DATE'), message: 'DATE: an answer is required' },
      { path: at('INDICATOR_VALUE'), message: 'INDICATOR_VALUE: an answer is required' },
      { path: at('ATTACHMENT'), message: expect.stringMatching(/^ATTACHMENT: the file is missing/) },
    ]);
    expect(submit.errors![0].message).toMatch(/8 problem/);
    expect(await app.count('submission WHERE report_id = $1', [reportId])).toBe(0);
    expect(await app.one('SELECT status, version, submitted_at FROM report WHERE id = $1', [reportId])).toEqual({ status: 'DRAFT', version, submitted_at: null });
    expect(await app.count('audit_event')).toBe(audit);
  });

  it('freezes a submission equal to the answers at submit, with a receipt', async () => {
    const fixed = await provider.gql(SAVE, {
      id: reportId,
      v: version,
      a: [
        answer('INTEGER', 10),
        answer('DECIMAL', 1.5),
        answer('PERCENT', 50),
        answer('SINGLE_CHOICE', 'nej'),
        answer('MULTI_CHOICE', ['b']),
        answer('DATE', '2025-12-31'),
        answer('INDICATOR_VALUE', { numerator: 0, denominator: 12 }),
        answer('ATTACHMENT', null),
        answer('COMMENT', 'Hemligt', { note: 'Till granskaren', confidentialityRequested: true, confidentialityReason: 'Affärshemlighet' }),
      ],
    });
    expect(fixed.errors).toBeUndefined();
    version = fixed.data!.saveAnswers.version;
    const atSubmit = await reportOf(reportId);

    const started = Date.now();
    const res = await provider.gql(SUBMIT, { id: reportId, v: version });
    expect(res.errors).toBeUndefined();
    first = res.data!.submitReport;
    expect(first.reference).toMatch(new RegExp(`^UPP-${new Date().getFullYear()}-\\d{6}$`));
    expect(Math.abs(new Date(first.receivedAt).getTime() - started)).toBeLessThan(10_000);
    // Every answer as it was, the cleared one included; the submission in template order.
    const byCode = (answers: any[]) => [...answers].sort((a, b) => a.question.code.localeCompare(b.question.code));
    expect(byCode(first.answers)).toEqual(byCode(atSubmit.answers));
    expect(first.answers.map((a: any) => a.question.code)).toEqual(SPECS.map((s) => s.code));

    const report = await reportOf(reportId);
    expect(report).toMatchObject({ status: 'SUBMITTED', version: version + 1, submittedAt: first.receivedAt, viewerCanEdit: false });
    expect(report.submissions).toEqual([first]);
  });

  it('refuses saves once submitted, and later saves (after changes are requested) leave the submission as it was', async () => {
    const refused = await provider.gql(SAVE, { id: reportId, v: version + 1, a: [answer('COMMENT', 'Efteråt')] });
    expect(badFields(refused)).toEqual([{ path: 'reportId', message: expect.any(String) }]);

    const row = await app.one('SELECT * FROM submission WHERE id = $1', [first.id]);
    await app.ds.query(`UPDATE report SET status = 'CHANGES_REQUESTED' WHERE id = $1`, [reportId]);
    const saved = await provider.gql(SAVE, {
      id: reportId,
      v: version + 1,
      a: [answer('INTEGER', 3), answer('COMMENT', 'Kompletterat', { note: null, confidentialityRequested: false }), answer('MULTI_CHOICE', ['a', 'b'])],
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveAnswers).toEqual({ version: version + 2, status: 'DRAFT' }); // returned for changes → draft again

    const report = await reportOf(reportId);
    expect(report.answers.find((a: any) => a.question.code === 'INTEGER').value).toBe(3);
    expect(report.submissions).toEqual([first]);
    expect(await app.one('SELECT * FROM submission WHERE id = $1', [first.id])).toEqual(row);

    // Submitting again makes a second submission; the first stays as it was.
    const again = await provider.gql(SUBMIT, { id: reportId, v: version + 2 });
    expect(again.errors).toBeUndefined();
    const second = again.data!.submitReport;
    expect(second.reference).not.toBe(first.reference);
    expect(second.answers.find((a: any) => a.question.code === 'INTEGER').value).toBe(3);
    expect((await reportOf(reportId)).submissions).toEqual([first, second]);
  });

  it('has the database refuse to alter or remove a received submission', async () => {
    await expect(app.ds.query(`UPDATE submission SET answers = '[]' WHERE id = $1`, [first.id])).rejects.toThrow(/public record/);
    await expect(app.ds.query(`UPDATE submission SET reference = 'UPP-2000-000001' WHERE id = $1`, [first.id])).rejects.toThrow(/public record/);
    await expect(app.ds.query('DELETE FROM submission WHERE id = $1', [first.id])).rejects.toThrow(/public record/);
    await expect(app.ds.query('TRUNCATE submission CASCADE')).rejects.toThrow(/public record/);
    expect((await app.one('SELECT reference FROM submission WHERE id = $1', [first.id])).reference).toBe(first.reference);
  });
});

describe('a submit retried after a lost response', () => {
  it('returns the same submission for the same expectedVersion, with no second row and no second audit row', async () => {
    const small = await publishedTemplate(app.ds, 'Kort mall', [{ code: '1', type: 'BOOLEAN', required: true }]);
    const { reportId } = await openReport(app.ds, small.id, 'LOV-HV-2012-004');
    const saved = await provider.gql(SAVE, { id: reportId, v: 1, a: [{ questionId: small.q['1'], value: true }] });
    expect(saved.data!.saveAnswers.version).toBe(2);

    const submitted = await provider.gql(SUBMIT, { id: reportId, v: 2 });
    expect(submitted.errors).toBeUndefined();
    const retry = await provider.gql(SUBMIT, { id: reportId, v: 2 });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.submitReport).toEqual(submitted.data!.submitReport);
    expect(await auditRowsOf(app, requestIdOf(provider))).toEqual([]);
    // From another session of the same user (a second tab), too.
    const tab = await app.login('provider.private@insyn.example');
    expect((await tab.gql(SUBMIT, { id: reportId, v: 2 })).data!.submitReport.id).toBe(submitted.data!.submitReport.id);
    expect(await app.count('submission WHERE report_id = $1', [reportId])).toBe(1);
    expect(await app.count(`audit_event WHERE action = 'REPORT_SUBMITTED' AND entity_id = $1`, [reportId])).toBe(1);
    // A version that was never submitted makes no submission.
    const stale = await provider.gql(SUBMIT, { id: reportId, v: 1 });
    expect(stale.errors!.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']); // the report is no longer editable
  });

  it('makes one submission when the same submit arrives twice at once', async () => {
    const small = await publishedTemplate(app.ds, 'Kort mall 2', [{ code: '1', type: 'BOOLEAN' }]);
    const { reportId } = await openReport(app.ds, small.id, 'LOV-HV-2012-004');
    const results = await Promise.all([provider.gql(SUBMIT, { id: reportId, v: 1 }), provider.gql(SUBMIT, { id: reportId, v: 1 })]);
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results[0].data!.submitReport.id).toBe(results[1].data!.submitReport.id);
    expect(results[0].data!.submitReport.reference).toBe(results[1].data!.submitReport.reference);
    expect(await app.count('submission WHERE report_id = $1', [reportId])).toBe(1);
  });

  it('refuses a submit with a stale version while the report is editable, with the current version', async () => {
    const small = await publishedTemplate(app.ds, 'Kort mall 3', [{ code: '1', type: 'BOOLEAN' }]);
    const { reportId } = await openReport(app.ds, small.id, 'LOV-HV-2012-004');
    await provider.gql(SAVE, { id: reportId, v: 1, a: [{ questionId: small.q['1'], value: false }] });
    const stale = await provider.gql(SUBMIT, { id: reportId, v: 1 });
    expect(stale.errors!.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', currentVersion: 2 }]);
    expect(await app.count('submission WHERE report_id = $1', [reportId])).toBe(0);
  });
});
