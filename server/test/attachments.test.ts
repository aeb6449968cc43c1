import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { auditRowsOf, requestIdOf } from './support/actors.js';
import { download, exeBytes, htmlBytes, openReport, pdfBytes, pngBytes, publishedTemplate, upload, type TestTemplate } from './support/reporting.js';

/**
 * Files of ATTACHMENT answers: uploaded with the preflight header, checked by their content
 * against an allow-list and a size limit, recorded with size and SHA-256, downloadable by those
 * who may read the report (and NOT_FOUND for others), removable only while the report is edited.
 */
const LIMIT = 64 * 1024;
let app: TestApp;
let provider: Client;
let reviewer: Client;
let otherProvider: Client;
let template: TestTemplate;
let reportId: string;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Files in the attachment store. */
function storedFiles(): string[] {
  const root = path.join(app.config.dataDir, 'attachments');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}

const SAVE = 'mutation($id: ID!, $v: Int!, $a: [AnswerInput!]!) { saveAnswers(reportId: $id, expectedVersion: $v, answers: $a) { version } }';
const DELETE = 'mutation($id: ID!) { deleteAttachment(id: $id) }';
const REPORT = 'query($id: ID!) { report(id: $id) { version status attachments { id fileName mediaType size sha256 questionId } answers { question { code } value } } }';
const versionOf = async (id: string): Promise<number> => (await app.one('SELECT version FROM report WHERE id = $1', [id])).version;
const fields = (id: string) => ({ reportId, questionId: template.q[id] });

beforeAll(async () => {
  app = await createTestApp({ ATTACHMENT_MAX_BYTES: String(LIMIT) });
  await loadDemoRegion(app.ds);
  provider = await app.login('provider.private@insyn.example');
  reviewer = await app.login('reviewer@insyn.example');
  otherProvider = await app.login('provider.inhouse@insyn.example');
  template = await publishedTemplate(app.ds, 'Bilagor', [
    { code: 'FILE', type: 'ATTACHMENT', required: true },
    { code: 'IMAGE', type: 'ATTACHMENT' },
    { code: 'YES', type: 'BOOLEAN' },
  ]);
  reportId = (await openReport(app.ds, template.id, 'LOV-HV-2012-004')).reportId;
});
afterAll(() => app?.close());

describe('uploading', () => {
  const pdf = pdfBytes();
  const png = pngBytes();
  let pdfId: string;
  let pngId: string;

  it('takes a real PDF: records its size and SHA-256, and the ATTACHMENT answer takes its id', async () => {
    const res = await upload(app, provider, fields('FILE'), { name: 'Patientsäkerhetsberättelse 2025.pdf', bytes: pdf, type: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), fileName: 'Patientsäkerhetsberättelse 2025.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) });
    pdfId = res.body.id;
    const row = await app.one('SELECT report_id, question_id, size, sha256, media_type, created_by, deleted_at FROM attachment WHERE id = $1', [pdfId]);
    const [user] = await app.ds.query(`SELECT id FROM app_user WHERE email = 'provider.private@insyn.example'`);
    expect(row).toEqual({ report_id: reportId, question_id: template.q.FILE, size: pdf.length, sha256: sha256(pdf), media_type: 'application/pdf', created_by: user.id, deleted_at: null });
    // Its audit row, under the request id of the upload.
    expect((await auditRowsOf(app, res.requestId)).map((r) => [r.action, r.entity_id, r.after])).toEqual([
      ['ATTACHMENT_UPLOADED', reportId, { attachmentId: pdfId, questionId: template.q.FILE, fileName: 'Patientsäkerhetsberättelse 2025.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) }],
    ]);

    const saved = await provider.gql(SAVE, { id: reportId, v: await versionOf(reportId), a: [{ questionId: template.q.FILE, value: pdfId }] });
    expect(saved.errors).toBeUndefined();
  });

  it('takes a PNG, its media type read from the content and not from the name', async () => {
    const res = await upload(app, provider, fields('IMAGE'), { name: 'skärmbild.jpg', bytes: png, type: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'skärmbild.jpg', mediaType: 'image/png', size: png.length, sha256: sha256(png) });
    pngId = res.body.id;
    await provider.gql(SAVE, { id: reportId, v: await versionOf(reportId), a: [{ questionId: template.q.IMAGE, value: pngId }] });
    const report = (await provider.gql(REPORT, { id: reportId })).data!.report;
    expect(report.attachments.map((a: any) => [a.id, a.questionId, a.mediaType])).toEqual([
      [pdfId, template.q.FILE, 'application/pdf'],
      [pngId, template.q.IMAGE, 'image/png'],
    ]);
    expect(Object.fromEntries(report.answers.map((a: any) => [a.question.code, a.value]))).toEqual({ FILE: pdfId, IMAGE: pngId });
  });

  it('gives the same bytes back to the provider, a reviewer and an auditor', async () => {
    const auditor = await app.login('auditor@insyn.example');
    for (const client of [provider, reviewer, auditor]) {
      const res = await download(app, client, pdfId);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(pdf)).toBe(true);
      expect(sha256(res.bytes)).toBe(sha256(pdf));
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Patientsäkerhetsberättelse 2025.pdf')}`);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const image = await download(app, reviewer, pngId);
    expect(image.bytes.equals(png)).toBe(true);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('is NOT_FOUND (404) to another provider, word for word as a file that does not exist; refused to those who read no reports', async () => {
    const foreign = await download(app, otherProvider, pdfId);
    const missing = await download(app, otherProvider, MISSING);
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.bytes.toString())).toEqual({ errors: [{ message: 'Attachment not found', extensions: { code: 'NOT_FOUND' } }] });
    expect(foreign.bytes.equals(missing.bytes)).toBe(true);
    expect((await download(app, otherProvider, 'inte-ett-id')).status).toBe(404);

    const analyst = await app.login('analyst@insyn.example');
    const a1 = await download(app, analyst, pdfId);
    const a2 = await download(app, analyst, MISSING);
    expect(a1.status).toBe(403);
    expect(a1.bytes.equals(a2.bytes)).toBe(true);
    expect((await download(app, app.client(), pdfId)).status).toBe(401);
  });

  it('refuses what is not allowed, storing nothing: a program or a web page renamed .pdf, a file over the limit, no preflight header, the wrong question, the wrong person', async () => {
    const attachments = await app.count('attachment');
    const audit = await app.count('audit_event');
    const files = storedFiles();
    expect(files).toHaveLength(2);

    const exe = await upload(app, provider, fields('FILE'), { name: 'rapport.pdf', bytes: exeBytes(), type: 'application/pdf' });
    expect(exe.status).toBe(415);
    expect(exe.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ path: 'file', message: expect.stringMatching(/not accepted/) }] });
    const html = await upload(app, provider, fields('FILE'), { name: 'rapport.pdf', bytes: htmlBytes(), type: 'application/pdf' });
    expect(html.status).toBe(415);

    const large = pdfBytes(LIMIT);
    expect(large.length).toBeGreaterThan(LIMIT);
    const tooLarge = await upload(app, provider, fields('FILE'), { name: 'stor.pdf', bytes: large });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors[0].extensions.fields).toEqual([{ path: 'file', message: expect.stringMatching(/larger than/) }]);
    // Just under the limit is fine (and stored; removed again below).
    const justUnder = pdfBytes(LIMIT - pdf.length - 10);
    expect(justUnder.length).toBeLessThanOrEqual(LIMIT);

    const noPreflight = await upload(app, provider, fields('FILE'), { name: 'rapport.pdf', bytes: pdf }, {});
    expect(noPreflight.status).toBe(400);
    expect(noPreflight.body.errors[0].message).toMatch(/apollo-require-preflight/);

    const notAFileQuestion = await upload(app, provider, fields('YES'), { name: 'rapport.pdf', bytes: pdf });
    expect(notAFileQuestion.status).toBe(400);
    expect(notAFileQuestion.body.errors[0].extensions.fields).toEqual([{ path: 'questionId', message: expect.any(String) }]);
    const empty = await upload(app, provider, fields('FILE'), { name: 'tom.pdf', bytes: Buffer.alloc(0) });
    expect(empty.status).toBe(400);

    const byReviewer = await upload(app, reviewer, fields('FILE'), { name: 'rapport.pdf', bytes: pdf });
    expect([byReviewer.status, byReviewer.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const byOther = await upload(app, otherProvider, fields('FILE'), { name: 'rapport.pdf', bytes: pdf });
    expect([byOther.status, byOther.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const toMissing = await upload(app, otherProvider, { reportId: MISSING, questionId: template.q.FILE }, { name: 'rapport.pdf', bytes: pdf });
    expect(toMissing.body).toEqual(byOther.body);
    const anonymous = await upload(app, app.client(), fields('FILE'), { name: 'rapport.pdf', bytes: pdf });
    expect(anonymous.status).toBe(401);

    expect(await app.count('attachment')).toBe(attachments);
    expect(await app.count('audit_event')).toBe(audit);
    expect(storedFiles()).toEqual(files);

    const ok = await upload(app, provider, fields('FILE'), { name: 'nästan-för-stor.pdf', bytes: justUnder });
    expect(ok.status).toBe(201);
    expect(ok.body.size).toBe(justUnder.length);
    expect((await provider.gql(DELETE, { id: ok.body.id })).data!.deleteAttachment).toBe(true);
  });

  it('removes a file while the report is editable: the answer that named it is cleared, and it is gone from the report', async () => {
    const version = await versionOf(reportId);
    const res = await provider.gql(DELETE, { id: pngId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.deleteAttachment).toBe(true);
    expect((await auditRowsOf(app, requestIdOf(provider))).map((r) => [r.action, r.entity_id, r.before])).toEqual([
      ['ATTACHMENT_REMOVED', reportId, { attachmentId: pngId, fileName: 'skärmbild.jpg' }],
    ]);
    const report = (await provider.gql(REPORT, { id: reportId })).data!.report;
    expect(report.version).toBe(version + 1);
    expect(report.attachments.map((a: any) => a.id)).toEqual([pdfId]);
    expect(Object.fromEntries(report.answers.map((a: any) => [a.question.code, a.value]))).toEqual({ FILE: pdfId, IMAGE: null });
    const again = await provider.gql(DELETE, { id: pngId });
    expect(again.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  it('refuses at submit an answer naming a file of another question or another report', async () => {
    const [foreign] = await app.ds.query(`SELECT a.id FROM attachment a JOIN report r ON r.id = a.report_id JOIN agreement g ON g.id = r.agreement_id
      WHERE g.reference = 'UB-HV-2024-04' AND a.deleted_at IS NULL`);
    const submit = 'mutation($id: ID!, $v: Int!) { submitReport(reportId: $id, expectedVersion: $v) { id } }';
    for (const value of [pdfId, foreign.id]) {
      const v = await versionOf(reportId);
      await provider.gql(SAVE, { id: reportId, v, a: [{ questionId: template.q.IMAGE, value }] });
      const res = await provider.gql(submit, { id: reportId, v: v + 1 });
      expect(res.errors![0].extensions.fields).toEqual([{ path: `answers.${template.q.IMAGE}`, message: expect.stringMatching(/^IMAGE: the file is missing/) }]);
    }
    await provider.gql(SAVE, { id: reportId, v: await versionOf(reportId), a: [{ questionId: template.q.IMAGE, value: null }] });
  });

  it('refuses removal and new files once the report is submitted; the file stays and downloads as before', async () => {
    const submitted = await provider.gql('mutation($id: ID!, $v: Int!) { submitReport(reportId: $id, expectedVersion: $v) { answers { question { code } value } } }', {
      id: reportId,
      v: await versionOf(reportId),
    });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitReport.answers.find((a: any) => a.question.code === 'FILE').value).toBe(pdfId);

    const before = await app.one('SELECT a.deleted_at, (SELECT value FROM answer WHERE report_id = $2 AND question_id = $3) AS answer FROM attachment a WHERE a.id = $1', [
      pdfId,
      reportId,
      template.q.FILE,
    ]);
    const res = await provider.gql(DELETE, { id: pdfId });
    expect(res.errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(await auditRowsOf(app, requestIdOf(provider))).toEqual([]);
    expect(await app.one('SELECT a.deleted_at, (SELECT value FROM answer WHERE report_id = $2 AND question_id = $3) AS answer FROM attachment a WHERE a.id = $1', [
      pdfId,
      reportId,
      template.q.FILE,
    ])).toEqual(before);
    expect(before).toEqual({ deleted_at: null, answer: pdfId });
    // A reviewer cannot remove it either.
    expect((await reviewer.gql(DELETE, { id: pdfId })).errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);

    const late = await upload(app, provider, fields('FILE'), { name: 'sen.pdf', bytes: pdf });
    expect(late.status).toBe(403);
    const res2 = await download(app, reviewer, pdfId);
    expect(res2.bytes.equals(pdf)).toBe(true);
  });
});

describe('a removal racing a submit', () => {
  it('never changes a submitted report: either the submit wins and the file stays, or the removal wins and the submit is a CONFLICT (20 races)', async () => {
    const t = await publishedTemplate(app.ds, 'Kapplöpning', [{ code: 'FILE', type: 'ATTACHMENT' }]);
    const [user] = await app.ds.query(`SELECT id FROM app_user WHERE email = 'provider.private@insyn.example'`);
    const outcomes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { reportId: id } = await openReport(app.ds, t.id, 'LOV-HV-2012-004');
      const [file] = await app.ds.query(
        `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by)
         VALUES ($1, $2, 'race.pdf', 'application/pdf', 10, repeat('c', 64), gen_random_uuid()::text, $3) RETURNING id`,
        [id, t.q.FILE, user.id],
      );
      const saved = await provider.gql(SAVE, { id, v: 1, a: [{ questionId: t.q.FILE, value: file.id }] });
      expect(saved.errors).toBeUndefined();
      const [submit, remove] = await Promise.all([
        provider.gql('mutation($id: ID!) { submitReport(reportId: $id, expectedVersion: 2) { answers { value } } }', { id }),
        provider.gql(DELETE, { id: file.id }),
      ]);
      const state = await app.one(
        `SELECT r.status, (SELECT value FROM answer WHERE report_id = r.id) AS answer, (SELECT deleted_at IS NOT NULL FROM attachment WHERE id = $2) AS deleted
         FROM report r WHERE r.id = $1`,
        [id, file.id],
      );
      if (!submit.errors) {
        expect(submit.data!.submitReport.answers).toEqual([{ value: file.id }]);
        expect(remove.errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
        expect(state).toEqual({ status: 'SUBMITTED', answer: file.id, deleted: false });
        outcomes.add('submitted');
      } else {
        expect(submit.errors.map((e) => e.extensions.code)).toEqual(['CONFLICT']);
        expect(remove.data!.deleteAttachment).toBe(true);
        expect(state).toEqual({ status: 'DRAFT', answer: null, deleted: true });
        outcomes.add('removed');
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });
});
