import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/app/http.js';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { DEMO_TRACKING_CODES } from '../src/db/seed/demo-insight.js';
import { runReminders } from '../src/modules/notifications/reminders.js';
import { deliverOutbox } from '../src/modules/notifications/mailer.js';
import { testLog } from './support/db.js';
import { addWorkingDays, isWorkingDay } from '@insyn/shared';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { auditRowsOf, requestIdOf } from './support/actors.js';
import { insightRequestIn } from './support/insight.js';

let app: TestApp;
let reviewer: Client;
let provider: Client; // Jämtvård Hälsocentraler AB (private)
let inhouse: Client; // Primärvården Region Jämtland Härjedalen (in-house)
let auditor: Client;
let reviewerId: string;
const ids = {} as { jamtvard: string; jamtvardUnit: string; primarvarden: string; primarvardenUnit: string; hede: string };


const SUBMIT = `mutation($input: SubmitInsightRequestInput!) { submitInsightRequest(input: $input) { reference trackingCode receivedAt } }`;
const STATUS = `query($c: String!) { insightRequestStatus(trackingCode: $c) {
  reference subject status providerName unitName receivedAt dueAt decision legalGround appealNote decisionText decidedAt closedAt
  events { kind at note } } }`;
const FIELDS = `id reference status version provider { name } unit { name } requesterEmail answer secretParts { text reason }
  decision legalGround appealNote decisionText dueAt remindedAt events { kind actorName note }`;
const GET = `query($id: ID!) { insightRequest(id: $id) { ${FIELDS} } }`;
const REGISTER = `mutation($id: ID!, $v: Int!) { registerInsightRequest(id: $id, expectedVersion: $v) { ${FIELDS} } }`;
const FORWARD = `mutation($id: ID!, $v: Int!, $p: ID!, $due: DateTime) { forwardInsightRequest(id: $id, expectedVersion: $v, providerId: $p, dueAt: $due) { ${FIELDS} } }`;
const REMIND = `mutation($id: ID!) { remindInsightRequest(id: $id) { ${FIELDS} } }`;
const ANSWER = `mutation($id: ID!, $v: Int!, $a: String!, $s: [InsightSecretPartInput!]) {
  answerInsightRequest(id: $id, expectedVersion: $v, answer: $a, secretParts: $s) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $v: Int!, $d: InsightDecision!, $g: String, $n: String, $t: String!) {
  decideInsightRequest(id: $id, expectedVersion: $v, decision: $d, legalGround: $g, appealNote: $n, text: $t) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!, $v: Int!, $n: String) { closeInsightRequest(id: $id, expectedVersion: $v, note: $n) { ${FIELDS} } }`;

const SECRET = 'Timpriset för jourläkare hos underleverantören är 1 870 kr (hemlig-kanariefågel).';
const EMAIL = 'fraga.mig@exempel.se';

async function submit(input: Record<string, unknown>, client = app.client()) {
  const res = await client.gql(SUBMIT, { input });
  return { res, data: res.data?.submitInsightRequest as { reference: string; trackingCode: string; receivedAt: string } | undefined };
}
const idOf = async (reference: string): Promise<string> => (await app.one('SELECT id FROM insight_request WHERE reference = $1', [reference])).id;
const versionOf = async (id: string): Promise<number> => (await app.one('SELECT version FROM insight_request WHERE id = $1', [id])).version;
const outboxOf = (id: string): Promise<{ to_address: string; subject: string; body: string; link: string }[]> =>
  app.ds.query('SELECT to_address, subject, body, link FROM email_outbox WHERE insight_request_id = $1 ORDER BY created_at, id', [id]);
const resetRateLimit = () => app.ds.query('DELETE FROM insight_request_submission');

/** Runs a step as the client and checks it leaves exactly one audit row of the action. */
async function stepOk(client: Client, document: string, variables: Record<string, unknown>, action: string) {
  const res = await client.gql(document, variables);
  expect(res.errors, action).toBeUndefined();
  const audit = await auditRowsOf(app, requestIdOf(client));
  expect(audit.map((a) => a.action)).toEqual([action]);
  expect(audit[0].entity_type).toBe('InsightRequest');
  return Object.values(res.data!)[0] as Record<string, any>;
}

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  reviewer = await app.login('reviewer@insyn.example');
  provider = await app.login('provider.private@insyn.example');
  inhouse = await app.login('provider.inhouse@insyn.example');
  auditor = await app.login('auditor@insyn.example');
  reviewerId = (await app.one(`SELECT id FROM app_user WHERE email = 'reviewer@insyn.example'`)).id;
  ids.jamtvard = (await app.one(`SELECT id FROM provider WHERE name = 'Jämtvård Hälsocentraler AB'`)).id;
  ids.jamtvardUnit = (await app.one('SELECT id FROM unit WHERE provider_id = $1 ORDER BY name LIMIT 1', [ids.jamtvard])).id;
  ids.primarvarden = (await app.one(`SELECT id FROM provider WHERE name = 'Primärvården Region Jämtland Härjedalen'`)).id;
  ids.primarvardenUnit = (await app.one('SELECT id FROM unit WHERE provider_id = $1 ORDER BY name LIMIT 1', [ids.primarvarden])).id;
  ids.hede = (await app.one(`SELECT id FROM provider WHERE name = 'Hede Läkarhus AB'`)).id;
});
afterAll(() => app?.close());
beforeEach(resetRateLimit);

describe('insight request: private provider', () => {
  it('goes received → registered → forwarded → answered with a secret part → partly disclosed → closed, audited and mailed at each step', async () => {
    const { res, data } = await submit({
      subject: 'Jourläkarnas kostnader',
      description: 'Vad betalar hälsocentralen för jourläkare från bemanningsföretag? <b>inte html</b>',
      unitId: ids.jamtvardUnit,
      email: ` ${EMAIL.toUpperCase()} `,
      language: 'sv',
    });
    expect(res.errors).toBeUndefined();
    expect(data!.reference).toMatch(/^INS-\d{4}-\d{4,}$/);
    expect(data!.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    const id = await idOf(data!.reference);
    const stored = await app.one('SELECT * FROM insight_request WHERE id = $1', [id]);
    // The code is kept only as a hash; the provider follows from the unit; the text is kept as typed (plain text).
    expect(JSON.stringify(stored)).not.toContain(data!.trackingCode);
    expect(JSON.stringify(stored)).not.toContain(data!.trackingCode.replace(/-/g, ''));
    expect(stored.tracking_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.provider_id).toBe(ids.jamtvard);
    expect(stored.requester_email).toBe(EMAIL);
    expect(stored.description).toContain('<b>inte html</b>');
    const submitted = await app.one(`SELECT * FROM audit_event WHERE entity_id = $1 AND action = 'INSIGHT_REQUEST_SUBMITTED'`, [id]);
    expect(submitted.actor_label).toBe('anonymous');
    expect(JSON.stringify(submitted)).not.toContain(EMAIL);
    expect(JSON.stringify(submitted)).not.toContain(data!.trackingCode);

    let r = await stepOk(reviewer, REGISTER, { id, v: 1 }, 'INSIGHT_REQUEST_REGISTERED');
    expect(r.status).toBe('REGISTERED');
    expect(r.requesterEmail).toBe(EMAIL);

    // Provider users see nothing before it is forwarded to them.
    expect((await provider.gql(GET, { id })).errors![0].extensions.code).toBe('NOT_FOUND');

    const before = Date.now();
    r = await stepOk(reviewer, FORWARD, { id, v: r.version, p: ids.jamtvard }, 'INSIGHT_REQUEST_FORWARDED');
    expect(r.status).toBe('FORWARDED');
    const due = new Date(r.dueAt);
    // Ten working days after the Swedish date of the forwarding (a request forwarded on a Saturday
    // is due two weeks after the Friday before, not after the Saturday), counted day by day here.
    const swedishDay = (t: Date) => {
      const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(t).split('-').map(Number);
      return Date.UTC(y!, m! - 1, d!);
    };
    let workingDays = 0;
    for (let day = swedishDay(new Date(before)) + 86_400_000; day <= swedishDay(due); day += 86_400_000) {
      if (isWorkingDay(new Date(day))) workingDays++;
    }
    expect(workingDays).toBe(10);
    expect(isWorkingDay(new Date(swedishDay(due)))).toBe(true);
    expect(due.getTime() - before).toBeGreaterThanOrEqual(12 * 86_400_000 - 3_600_000);
    expect(r.unit.name).toBeTruthy();
    const notes = await app.ds.query(
      `SELECT n.kind, n.link, u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.insight_request_id = $1`,
      [id],
    );
    expect(notes).toEqual([{ kind: 'INSIGHT_FORWARDED', link: `/insynsbegaran/${id}`, email: 'provider.private@insyn.example' }]);

    // The provider now sees it, but not the requester's address.
    const seen = (await provider.gql(GET, { id })).data!.insightRequest;
    expect(seen.status).toBe('FORWARDED');
    expect(seen.requesterEmail).toBeNull();
    // Another provider still does not.
    expect((await inhouse.gql(GET, { id })).errors![0].extensions.code).toBe('NOT_FOUND');

    r = await stepOk(reviewer, REMIND, { id }, 'INSIGHT_REQUEST_REMINDED');
    expect(r.remindedAt).not.toBeNull();
    expect(
      (await app.ds.query(`SELECT kind FROM notification WHERE insight_request_id = $1 ORDER BY created_at`, [id])).map((n: { kind: string }) => n.kind),
    ).toEqual(['INSIGHT_FORWARDED', 'INSIGHT_REMINDED']);

    // A provider cannot decide; an auditor cannot answer.
    expect((await provider.gql(DECIDE, { id, v: r.version, d: 'DISCLOSED', t: 'x' })).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await auditor.gql(ANSWER, { id, v: r.version, a: 'x' })).errors![0].extensions.code).toBe('FORBIDDEN');

    r = await stepOk(
      provider,
      ANSWER,
      { id, v: r.version, a: `Vi anlitar jourläkare via avtal. ${SECRET}`, s: [{ text: SECRET, reason: 'Affärshemlighet: priset i avtalet med underleverantören.' }] },
      'INSIGHT_REQUEST_ANSWERED',
    );
    expect(r.status).toBe('ANSWERED');
    expect(r.secretParts).toEqual([{ text: SECRET, reason: 'Affärshemlighet: priset i avtalet med underleverantören.' }]);

    // A refusal in part needs the legal ground and how to appeal: named fields, nothing stored.
    const missing = await reviewer.gql(DECIDE, { id, v: r.version, d: 'PARTLY_DISCLOSED', t: 'Delvis.' });
    expect(missing.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect((missing.errors![0].extensions.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['appealNote', 'legalGround']);
    expect(await versionOf(id)).toBe(r.version);

    r = await stepOk(
      reviewer,
      DECIDE,
      {
        id,
        v: r.version,
        d: 'PARTLY_DISCLOSED',
        g: 'OSL 31 kap. 16 §',
        n: 'Beslutet kan överklagas hos kammarrätten. Skicka överklagandet till regionen inom tre veckor.',
        t: 'Hälsocentralen anlitar jourläkare via avtal med ett bemanningsföretag. Timpriset lämnas inte ut.',
      },
      'INSIGHT_REQUEST_DECIDED',
    );
    expect(r).toMatchObject({ status: 'DECIDED', decision: 'PARTLY_DISCLOSED', legalGround: 'OSL 31 kap. 16 §' });

    r = await stepOk(reviewer, CLOSE, { id, v: r.version }, 'INSIGHT_REQUEST_CLOSED');
    expect(r.status).toBe('CLOSED');
    expect(r.events.map((e: { kind: string }) => e.kind)).toEqual(['RECEIVED', 'REGISTERED', 'FORWARDED', 'REMINDED', 'ANSWERED', 'DECIDED', 'CLOSED']);
    expect(r.events[0].actorName).toBeNull();
    expect(r.events[4].actorName).toBeTruthy();

    // One e-mail to the requester per status step (not for the reminder), with reference, status and link, never the code.
    const mail = await outboxOf(id);
    expect(mail.map((m) => m.subject)).toEqual([
      `Insynsbegäran ${data!.reference}: Mottagen`,
      `Insynsbegäran ${data!.reference}: Registrerad`,
      `Insynsbegäran ${data!.reference}: Skickad till utföraren`,
      `Insynsbegäran ${data!.reference}: Besvarad av utföraren`,
      `Insynsbegäran ${data!.reference}: Beslut fattat`,
      `Insynsbegäran ${data!.reference}: Avslutad`,
    ]);
    for (const m of mail) {
      expect(m.to_address).toBe(EMAIL);
      expect(m.link).toBe('/insyn/status');
      expect(m.body).toContain(data!.reference);
      expect(m.body).not.toContain(data!.trackingCode);
      expect(m.body).not.toContain(SECRET);
    }

    // The public status page: the public facts, never the address, the answer or its secret parts.
    const status = await app.client().gql(STATUS, { c: data!.trackingCode.toLowerCase().replace(/-/g, ' ') });
    expect(status.errors).toBeUndefined();
    const page = status.data!.insightRequestStatus;
    expect(page).toMatchObject({
      reference: data!.reference,
      subject: 'Jourläkarnas kostnader',
      status: 'CLOSED',
      providerName: 'Jämtvård Hälsocentraler AB',
      decision: 'PARTLY_DISCLOSED',
      legalGround: 'OSL 31 kap. 16 §',
      dueAt: null,
    });
    expect(page.appealNote).toMatch(/kammarrätten/);
    expect(page.decisionText).toMatch(/Timpriset lämnas inte ut/);
    expect(page.events.map((e: { kind: string }) => e.kind)).toEqual(['RECEIVED', 'REGISTERED', 'FORWARDED', 'REMINDED', 'ANSWERED', 'DECIDED', 'CLOSED']);
    const text = JSON.stringify(status);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain('hemlig-kanariefågel');
    expect(text).not.toContain('Affärshemlighet');

    // The timeline and secret parts refuse changes and TRUNCATE.
    await expect(app.ds.query('UPDATE insight_request_event SET public_note = $1 WHERE request_id = $2', ['x', id])).rejects.toThrow(/append-only/);
    await expect(app.ds.query('DELETE FROM insight_request_secret_part WHERE request_id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(app.ds.query('TRUNCATE insight_request_event')).rejects.toThrow(/append-only/);
    await expect(app.ds.query('DELETE FROM insight_request WHERE id = $1', [id])).rejects.toThrow(/append-only/);
  });
});

describe('insight request: in-house provider', () => {
  it('is answered directly by the region, not forwarded', async () => {
    const { data } = await submit({ subject: 'Väntetider', description: 'Hur länge väntar man på läkartid?', providerId: ids.primarvarden });
    const id = await idOf(data!.reference);
    let r = await stepOk(reviewer, REGISTER, { id, v: 1 }, 'INSIGHT_REQUEST_REGISTERED');
    const forwarded = await reviewer.gql(FORWARD, { id, v: r.version, p: ids.primarvarden });
    expect(forwarded.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(forwarded.errors![0].extensions.fields).toEqual([{ path: 'providerId', message: expect.stringMatching(/In-house units answer directly/) }]);
    expect(await versionOf(id)).toBe(r.version);
    // The in-house provider's own users do not see it (it was not forwarded to them) and cannot answer it.
    expect((await inhouse.gql(ANSWER, { id, v: r.version, a: 'Svar' })).errors![0].extensions.code).toBe('NOT_FOUND');

    r = await stepOk(reviewer, ANSWER, { id, v: r.version, a: 'Medianväntetiden var 9 dagar under 2025.' }, 'INSIGHT_REQUEST_ANSWERED');
    expect(r).toMatchObject({ status: 'ANSWERED', secretParts: [] });
    r = await stepOk(reviewer, DECIDE, { id, v: r.version, d: 'DISCLOSED', t: 'Medianväntetiden var 9 dagar under 2025.' }, 'INSIGHT_REQUEST_DECIDED');
    expect(r).toMatchObject({ decision: 'DISCLOSED', legalGround: null, appealNote: null });
    r = await stepOk(reviewer, CLOSE, { id, v: r.version }, 'INSIGHT_REQUEST_CLOSED');
    expect(r.events.map((e: { kind: string }) => e.kind)).toEqual(['RECEIVED', 'REGISTERED', 'ANSWERED', 'DECIDED', 'CLOSED']);
    // No address given: no e-mail at all.
    expect(await outboxOf(id)).toEqual([]);
  });

  it('can be closed without a decision only with a public note', async () => {
    const { data } = await submit({ subject: 'Köp billiga klockor', description: 'Reklam' });
    const id = await idOf(data!.reference);
    const bare = await reviewer.gql(CLOSE, { id, v: 1 });
    expect(bare.errors![0].extensions.fields).toEqual([{ path: 'note', message: expect.any(String) }]);
    const r = await stepOk(reviewer, CLOSE, { id, v: 1, n: 'Inte en begäran om insyn.' }, 'INSIGHT_REQUEST_CLOSED');
    expect(r.status).toBe('CLOSED');
    expect(r.events[1]).toMatchObject({ kind: 'CLOSED', note: 'Inte en begäran om insyn.' });
  });
});

describe('tracking codes', () => {
  it('give null for unknown, wrong and short codes', async () => {
    const { data } = await submit({ subject: 'Ämne', description: 'Beskrivning' });
    const code = data!.trackingCode;
    const flip = code[0] === 'A' ? 'B' : 'A';
    for (const wrong of ['', 'ABC', code.slice(0, -1), `${flip}${code.slice(1)}`, `${code}X`, 'x'.repeat(5000)]) {
      const res = await app.client().gql(STATUS, { c: wrong });
      expect(res.errors, wrong).toBeUndefined();
      expect(res.data!.insightRequestStatus, wrong).toBeNull();
    }
    const res = await app.client().gql(STATUS, { c: code });
    expect(res.data!.insightRequestStatus).toMatchObject({ status: 'RECEIVED', dueAt: null, decision: null, events: [{ kind: 'RECEIVED', note: null }] });
  });

  it('are different for every request', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 4; i++) codes.add((await submit({ subject: `Ämne ${i}`, description: 'Text' })).data!.trackingCode);
    expect(codes.size).toBe(4);
  });
});

describe('abuse', () => {
  it('limits submissions to 5 an hour per address, with RATE_LIMITED and Retry-After', async () => {
    const count = async () => (await app.one('SELECT count(*)::int AS n FROM insight_request')).n;
    for (let i = 0; i < 5; i++) expect((await submit({ subject: `Flod ${i}`, description: 'Text' })).res.errors).toBeUndefined();
    const before = await count();
    const client = app.client();
    const { res } = await submit({ subject: 'Flod 6', description: 'Text' }, client);
    expect(res.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(client.last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it('refuses oversize and invalid fields by name and stores nothing', async () => {
    const before = await app.one('SELECT (SELECT count(*) FROM insight_request) AS r, (SELECT count(*) FROM audit_event) AS a, (SELECT count(*) FROM email_outbox) AS o');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ subject: 'x'.repeat(201), description: 'ok' }, ['input.subject']],
      [{ subject: 'ok', description: 'x'.repeat(5001) }, ['input.description']],
      [{ subject: '   ', description: '' }, ['input.subject', 'input.description']],
      [{ subject: 'ok', description: 'ok', email: 'inte-en-adress' }, ['input.email']],
      [{ subject: 'ok', description: 'ok', language: 'de' }, ['input.language']],
      [{ subject: 'ok', description: 'ok', providerId: 'nope' }, ['input.providerId']],
      [{ subject: 'ok', description: 'ok', providerId: '00000000-0000-4000-8000-000000000000' }, ['input.providerId']],
      [{ subject: 'ok', description: 'ok', providerId: ids.hede, unitId: ids.jamtvardUnit }, ['input.unitId']],
    ];
    for (const [input, paths] of cases) {
      const { res } = await submit(input);
      expect(res.errors![0].extensions.code, JSON.stringify(input).slice(0, 80)).toBe('BAD_USER_INPUT');
      expect((res.errors![0].extensions.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(paths.sort());
    }
    expect(await app.one('SELECT (SELECT count(*) FROM insight_request) AS r, (SELECT count(*) FROM audit_event) AS a, (SELECT count(*) FROM email_outbox) AS o')).toEqual(before);
    // Exactly at the limits is fine.
    expect((await submit({ subject: 'x'.repeat(200), description: 'y'.repeat(5000) })).res.errors).toBeUndefined();
  });

  it('refuses what the database would refuse anyway: the constraints hold without the service', async () => {
    const insert = (cols: string, vals: string) =>
      app.ds.query(`INSERT INTO insight_request (reference, tracking_hash, subject, description${cols}) VALUES ('INS-2026-9999', repeat('a', 64), 's', 'd'${vals})`);
    await expect(insert(', status', `, 'DECIDED'`)).rejects.toThrow(/check/i);
    await expect(insert(', requester_email', `, 'nope'`)).rejects.toThrow(/check/i);
    await expect(insert(', provider_id, unit_id', `, '${ids.hede}', '${ids.jamtvardUnit}'`)).rejects.toThrow(/foreign key/i);
    const [open] = await app.ds.query(`SELECT id FROM insight_request WHERE answered_at IS NULL LIMIT 1`);
    await expect(
      app.ds.query(`INSERT INTO insight_request_secret_part (request_id, position, text, reason, created_by) SELECT $1, 0, 'x', 'y', id FROM app_user LIMIT 1`, [open.id]),
    ).rejects.toThrow(/not answered/);
  });
});

describe('versions and scoping', () => {
  it('refuses a stale version with CONFLICT and the current version', async () => {
    const { data } = await submit({ subject: 'Konflikt', description: 'Två handläggare' });
    const id = await idOf(data!.reference);
    await stepOk(reviewer, REGISTER, { id, v: 1 }, 'INSIGHT_REQUEST_REGISTERED');
    const stale = await reviewer.gql(CLOSE, { id, v: 1, n: 'Dubblett' });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await app.one('SELECT status FROM insight_request WHERE id = $1', [id])).status).toBe('REGISTERED');
  });

  it('shows providers only the requests forwarded to them; the region and auditors see all', async () => {
    const { data } = await submit({ subject: 'Scoping', description: 'Text', providerId: ids.jamtvard });
    const id = await idOf(data!.reference);
    const list = (c: Client) =>
      c.gql(`{ insightRequests(first: 500) { totalCount edges { node { id provider { name } } } } }`).then((r) => r.data!.insightRequests);
    expect((await list(provider)).edges.map((e: any) => e.node.id)).not.toContain(id);
    const all = await list(auditor);
    expect(all.edges.map((e: any) => e.node.id)).toContain(id);
    expect(all.totalCount).toBe(Number((await app.one('SELECT count(*) FROM insight_request')).count));
    await stepOk(reviewer, REGISTER, { id, v: 1 }, 'INSIGHT_REQUEST_REGISTERED');
    await stepOk(reviewer, FORWARD, { id, v: 2, p: ids.jamtvard, due: new Date(Date.now() + 86_400_000).toISOString() }, 'INSIGHT_REQUEST_FORWARDED');
    const own = await list(provider);
    expect(own.edges.map((e: any) => e.node.id)).toContain(id);
    for (const e of own.edges) expect(e.node.provider.name).toBe('Jämtvård Hälsocentraler AB');
    expect((await list(inhouse)).edges.map((e: any) => e.node.id)).not.toContain(id);
    // An auditor reads but changes nothing.
    expect((await auditor.gql(REMIND, { id })).errors![0].extensions.code).toBe('FORBIDDEN');
    // Filters and pages.
    const forwarded = await reviewer.gql(`{ insightRequests(filter: { status: [FORWARDED] }, first: 1) { totalCount edges { cursor node { status } } pageInfo { hasNextPage } } }`);
    expect(forwarded.data!.insightRequests.edges).toEqual([{ cursor: expect.any(String), node: { status: 'FORWARDED' } }]);

    // Due within two days: the reminders job tells the provider's users once.
    const now = new Date();
    const made = await app.ds.transaction((em) => runReminders(em, now, { reminderDays: [], reviewDeadlineDays: 10_000 }));
    expect(made).toBeGreaterThan(0);
    await app.ds.transaction((em) => runReminders(em, now, { reminderDays: [], reviewDeadlineDays: 10_000 }));
    const due = await app.ds.query(`SELECT kind FROM notification WHERE insight_request_id = $1 AND kind = 'INSIGHT_DUE_SOON'`, [id]);
    expect(due).toHaveLength(1);
  });
});

describe('speed', () => {
  it('lists requests with their provider, unit, timeline and secret parts in a constant number of SQL statements', async () => {
    for (let i = 0; i < 12; i++) await insightRequestIn(app.ds, 'ANSWERED', { providerId: ids.jamtvard, reviewerId: reviewerId });
    const q = `query($n: Int!) { insightRequests(first: $n) { edges { node { ${FIELDS} answeredByName } } } }`;
    const count = async (n: number) => {
      let edges = 0;
      const sql = await app.countSql(async () => {
        edges = (await reviewer.gql(q, { n })).data!.insightRequests.edges.length;
      });
      expect(edges).toBe(n);
      return sql;
    };
    expect(await count(12)).toBe(await count(1));
  });
});

describe('e-mail to the requester', () => {
  it('is delivered from the outbox with the link to the status page, in their language, without the tracking code', async () => {
    const { data } = await submit({ subject: 'Mail', description: 'Text', email: 'english@exempel.se', language: 'en' });
    const sent: { to: string; subject: string; text: string }[] = [];
    await deliverOutbox(app.ds, { send: async (m) => (sent.push(m), 'test') }, 'https://insyn.example', testLog, 500);
    const mine = sent.filter((m) => m.to === 'english@exempel.se');
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toBe(`Insight request ${data!.reference}: Received`);
    expect(mine[0].text).toContain('https://insyn.example/insyn/status');
    expect(mine[0].text).not.toContain(data!.trackingCode);
    const [row] = await app.ds.query('SELECT sent_at FROM email_outbox WHERE to_address = $1', ['english@exempel.se']);
    expect(row.sent_at).not.toBeNull();
  });
});

describe('logs', () => {
  it('never carry a tracking code, also when it is sent in a GET query string', async () => {
    const { data } = await submit({ subject: 'Logg', description: 'Text' });
    let written = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((written += String(chunk)), done()) });
    const http = await createHttpApp(app.config, app.ds, pino({ level: 'trace' }, sink));
    await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
      const query = encodeURIComponent('query($c: String!) { insightRequestStatus(trackingCode: $c) { status } }');
      const variables = encodeURIComponent(JSON.stringify({ c: data!.trackingCode }));
      const res = await fetch(`${url}/graphql?query=${query}&variables=${variables}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(((await res.json()) as any).data.insightRequestStatus).toEqual({ status: 'RECEIVED' });
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($c: String!) { insightRequestStatus(trackingCode: $c) { status } }', variables: { c: data!.trackingCode } }),
      });
    } finally {
      await http.apollo.stop();
      http.server.closeAllConnections();
    }
    expect(written).toContain('/graphql?[redacted]');
    expect(written).not.toContain(data!.trackingCode);
    expect(written).not.toContain(encodeURIComponent(data!.trackingCode));
  });
});

describe('demo', () => {
  it('has requests in every stage, tracked by the codes the seed documents, secrets withheld', async () => {
    const statuses: Record<string, string> = {};
    for (const [name, code] of Object.entries(DEMO_TRACKING_CODES)) {
      const res = await app.client().gql(STATUS, { c: code });
      statuses[name] = res.data!.insightRequestStatus.status;
      expect(JSON.stringify(res)).not.toContain('1 650');
    }
    expect(statuses).toEqual({ received: 'RECEIVED', forwarded: 'FORWARDED', decided: 'DECIDED', closed: 'CLOSED' });
    const own = await provider.gql(`{ insightRequests(filter: { status: [FORWARDED, DECIDED] }) { edges { node { subject secretParts { reason } } } } }`);
    expect(own.data!.insightRequests.edges.map((e: any) => e.node.subject).sort()).toEqual(expect.arrayContaining(['Fast läkarkontakt', 'Kostnader för hyrläkare']));
  });
});

describe('working days', () => {
  it('skip weekends and Swedish public holidays', () => {
    expect(isWorkingDay(new Date('2026-12-25T00:00:00Z'))).toBe(false); // juldagen
    expect(isWorkingDay(new Date('2026-04-03T00:00:00Z'))).toBe(false); // långfredag 2026
    expect(isWorkingDay(new Date('2026-06-19T00:00:00Z'))).toBe(false); // midsommarafton 2026
    expect(isWorkingDay(new Date('2026-12-05T00:00:00Z'))).toBe(false); // Saturday
    expect(isWorkingDay(new Date('2026-12-07T00:00:00Z'))).toBe(true);
    // Friday 18 December 2026 + 10 working days: past julafton, juldagen, nyårsafton, nyårsdagen and trettondedagen.
    expect(addWorkingDays(new Date('2026-12-18T09:00:00Z'), 10).toISOString()).toBe('2027-01-08T09:00:00.000Z');
    // An ordinary fortnight: Monday to Monday two weeks later.
    expect(addWorkingDays(new Date('2026-03-02T09:00:00Z'), 10).toISOString()).toBe('2026-03-16T09:00:00.000Z');
  });
});
