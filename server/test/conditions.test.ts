import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { diffConditions, wordSegments } from '../src/modules/conditions/diff.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { DEMO_EMAIL, auditRowsOf, requestIdOf } from './support/actors.js';

let app: TestApp;
let admin: Client;
let reviewer: Client;
let docId: string;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  admin = await app.login(DEMO_EMAIL.ADMIN);
  reviewer = await app.login(DEMO_EMAIL.REVIEWER);
  docId = (await app.ds.query(`SELECT id FROM governing_document WHERE kind = 'EQUAL_CONDITIONS'`))[0].id;
});
afterAll(() => app?.close());

const ADOPT = `mutation($input: AdoptGoverningDocumentVersionInput!) {
  adoptGoverningDocumentVersion(input: $input) { id version decisionReference decidedBy decidedAt note conditions { code heading text } } }`;

const counts = async () =>
  (
    await app.ds.query(`SELECT (SELECT count(*)::int FROM governing_document_version) AS versions,
      (SELECT count(*)::int FROM governing_document_condition) AS conditions,
      (SELECT count(*)::int FROM audit_event) AS audit`)
  )[0];

const currentConditions = async () => {
  const res = await app.gql(`query($id: ID!) { governingDocument(id: $id) { currentVersion { version conditions { code heading text } } } }`, { id: docId });
  return res.data!.governingDocument.currentVersion as { version: number; conditions: { code: string; heading: string; text: string }[] };
};

describe('governing document versions', () => {
  it('are public: the demo document has three versions, the current one is the latest', async () => {
    const res = await app.gql(
      `query($id: ID!) { governingDocument(id: $id) { decisionReference
        versions { version decisionReference decidedBy decidedAt note conditions { code heading } }
        currentVersion { version conditions { code } } } }`,
      { id: docId },
    );
    expect(res.errors).toBeUndefined();
    const doc = res.data!.governingDocument;
    expect(doc.decisionReference).toBe('RS/383/2021');
    expect(doc.versions.map((v: any) => [v.version, v.decidedBy])).toEqual([
      [1, 'Regionfullmäktige'],
      [2, 'Regionstyrelsen'],
      [3, 'Regionstyrelsen'],
    ]);
    expect(doc.versions[0]).toMatchObject({ decisionReference: 'RS/383/2021', decidedAt: '2021-06-16' });
    expect(doc.versions[0].conditions.map((c: any) => c.code)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8']);
    expect(doc.currentVersion.version).toBe(3);
    expect(doc.currentVersion.conditions).toHaveLength(9);

    const missing = await app.gql(`{ governingDocument(id: "00000000-0000-4000-8000-000000000000") { title } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('are append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    for (const sql of [
      `UPDATE governing_document_version SET note = 'ändrad'`,
      `DELETE FROM governing_document_version`,
      `TRUNCATE governing_document_version CASCADE`,
      `UPDATE governing_document_condition SET text = 'ändrad'`,
      `DELETE FROM governing_document_condition`,
      `TRUNCATE governing_document_condition`,
    ]) {
      await expect(app.ds.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect((await currentConditions()).conditions).toHaveLength(9);
  });

  it('compares two versions per condition code with a word-level diff', async () => {
    const res = await app.gql(
      `query($id: ID!) { governingDocumentDiff(documentId: $id, fromVersion: 1, toVersion: 2) {
        from { version } to { version }
        conditions { code change oldText newText segments { kind text } headingSegments { kind text } } } }`,
      { id: docId },
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!.governingDocumentDiff;
    expect([d.from.version, d.to.version]).toEqual([1, 2]);
    const byCode = Object.fromEntries(d.conditions.map((c: any) => [c.code, c]));
    expect(d.conditions.map((c: any) => c.change)).toEqual([
      'UNCHANGED', 'CHANGED', 'UNCHANGED', 'UNCHANGED', 'CHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'ADDED',
    ]);
    expect(byCode.V9).toMatchObject({ oldText: null, segments: [{ kind: 'ADDED', text: byCode.V9.newText }] });
    // V2 gained "och granskningens utfall per driftsform"; everything else is the same.
    const added = byCode.V2.segments.filter((s: any) => s.kind === 'ADDED').map((s: any) => s.text.trim());
    expect(added.join(' ')).toBe('och granskningens utfall per driftsform');
    expect(byCode.V2.segments.filter((s: any) => s.kind === 'REMOVED')).toEqual([]);
    expect(byCode.V2.segments.filter((s: any) => s.kind !== 'REMOVED').map((s: any) => s.text).join('')).toBe(byCode.V2.newText);
    expect(byCode.V2.segments.filter((s: any) => s.kind !== 'ADDED').map((s: any) => s.text).join('')).toBe(byCode.V2.oldText);

    const back = await app.gql(`query($id: ID!) { governingDocumentDiff(documentId: $id, fromVersion: 2, toVersion: 1) { conditions { code change } } }`, { id: docId });
    expect(back.data!.governingDocumentDiff.conditions.find((c: any) => c.code === 'V9').change).toBe('REMOVED');

    const none = await app.gql(`query($id: ID!) { governingDocumentDiff(documentId: $id, fromVersion: 1, toVersion: 99) { documentId } }`, { id: docId });
    expect(none.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('diffs a worked example: changed words, and a removed condition where it stood', () => {
    expect(wordSegments('Ersättningen betalas varje månad i efterskott.', 'Ersättningen betalas varje kvartal i efterskott.')).toEqual([
      { kind: 'SAME', text: 'Ersättningen betalas varje ' },
      { kind: 'REMOVED', text: 'månad' },
      { kind: 'ADDED', text: 'kvartal' },
      { kind: 'SAME', text: ' i efterskott.' },
    ]);
    const from = [
      { code: 'A', heading: 'A', text: 'ett' },
      { code: 'B', heading: 'B', text: 'två' },
      { code: 'C', heading: 'C', text: 'tre' },
    ];
    const to = [
      { code: 'A', heading: 'A', text: 'ett' },
      { code: 'C', heading: 'C', text: 'tre och fyra' },
      { code: 'D', heading: 'D', text: 'fem' },
    ];
    expect(diffConditions(from, to).map((c) => [c.code, c.change])).toEqual([
      ['A', 'UNCHANGED'],
      ['B', 'REMOVED'],
      ['C', 'CHANGED'],
      ['D', 'ADDED'],
    ]);
  });
});

describe('adoptGoverningDocumentVersion', () => {
  const input = async (patch: Record<string, unknown> = {}) => {
    const current = await currentConditions();
    return {
      documentId: docId,
      expectedVersion: current.version,
      decisionReference: 'RS/77/2026',
      decidedBy: 'Regionstyrelsen',
      decidedAt: '2026-02-10',
      note: 'Test: nytt villkor om digitala vårdtjänster.',
      conditions: [...current.conditions, { code: 'V10', heading: 'Digitala vårdtjänster', text: 'Digitala besök ersätts lika för alla utförare.' }],
      ...patch,
    };
  };

  it('refuses invalid input naming each field, and stores nothing', async () => {
    const before = await counts();
    const bad = await input();
    bad.conditions[2] = { ...bad.conditions[2], text: '  ' };
    bad.conditions[4] = { ...bad.conditions[4], code: 'V1' };
    const res = await admin.gql(ADOPT, { input: { ...bad, decidedBy: '' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (res.errors![0].extensions!.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['input.decidedBy', 'input.conditions.2.text', 'input.conditions.4.code']));
    const empty = await admin.gql(ADOPT, { input: await input({ conditions: [] }) });
    expect((empty.errors![0].extensions!.fields as { path: string }[])[0].path).toBe('input.conditions');
    expect(await counts()).toEqual(before);
  });

  it('is for ADMIN only', async () => {
    const before = await counts();
    expect((await app.gql(ADOPT, { input: await input() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await reviewer.gql(ADOPT, { input: await input() })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('adopts a new version with its audit row, and refuses a stale expected version as a CONFLICT', async () => {
    const first = await input();
    const res = await admin.gql(ADOPT, { input: first });
    expect(res.errors).toBeUndefined();
    const v = res.data!.adoptGoverningDocumentVersion;
    expect(v).toMatchObject({ version: 4, decisionReference: 'RS/77/2026', decidedBy: 'Regionstyrelsen', decidedAt: '2026-02-10' });
    expect(v.conditions.map((c: any) => c.code)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10']);

    const audit = await auditRowsOf(app, requestIdOf(admin));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'GOVERNING_DOCUMENT_VERSION_ADOPTED', entity_type: 'GoverningDocument', entity_id: docId, before: { version: 3 } });
    expect(audit[0].after).toMatchObject({ version: 4, versionId: v.id, decisionReference: 'RS/77/2026' });

    // Someone else started from version 3 too.
    const before = await counts();
    const stale = await admin.gql(ADOPT, { input: { ...first, decisionReference: 'RS/78/2026' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 4 });
    expect(await counts()).toEqual(before);

    const current = await currentConditions();
    expect(current.version).toBe(4);
    const diff = await app.gql(`query($id: ID!) { governingDocumentDiff(documentId: $id, fromVersion: 3, toVersion: 4) { conditions { code change } } }`, { id: docId });
    expect(diff.data!.governingDocumentDiff.conditions.filter((c: any) => c.change !== 'UNCHANGED')).toEqual([{ code: 'V10', change: 'ADDED' }]);
  });

  it('lets exactly one of two concurrent adoptions on the same version succeed', async () => {
    const current = await currentConditions();
    const base = await input({ decisionReference: 'RS/90/2026', conditions: current.conditions.slice(1) });
    const results = await Promise.all([admin.gql(ADOPT, { input: base }), admin.gql(ADOPT, { input: { ...base, decisionReference: 'RS/91/2026' } })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
  });
});
