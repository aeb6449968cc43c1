import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config.js';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createMailer, deliverOutbox } from '../src/modules/notifications/mailer.js';
import { runReminders } from '../src/modules/notifications/reminders.js';
import { notify } from '../src/modules/notifications/notify.js';
import { createTestApp, type TestApp } from './support/app.js';
import { testLog } from './support/db.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

const settings = { reminderDays: [14, 3], reviewDeadlineDays: 30 };

async function userId(email: string): Promise<string> {
  const [u] = await app.ds.query('SELECT id FROM app_user WHERE email = $1', [email]);
  return u.id;
}

async function notificationsOf(email: string): Promise<{ kind: string; title: string; report_id: string | null }[]> {
  return app.ds.query('SELECT kind, title, report_id FROM notification WHERE user_id = $1 ORDER BY created_at, id', [await userId(email)]);
}

describe('reminders', () => {
  it('are made once for each report and step, also when run again after a restart', async () => {
    // The demo Hälsoval round is due in 21 days: 18 days on, the 3-day reminder is due.
    const [{ due_at }] = await app.ds.query(`SELECT r.due_at FROM report r JOIN agreement a ON a.id = r.agreement_id
       JOIN follow_up_round f ON f.id = r.round_id AND f.name = 'Uppföljning Hälsoval 2025' WHERE a.reference = 'LOV-HV-2012-004'`);
    const threeDaysBefore = new Date(new Date(due_at).getTime() - 3 * 86400_000 - 3600_000);
    const first = await app.ds.transaction((em) => runReminders(em, threeDaysBefore, settings));
    expect(first).toBeGreaterThan(0);
    const again = await app.ds.transaction((em) => runReminders(em, threeDaysBefore, settings));
    expect(again).toBe(0);

    const privateUser = await notificationsOf('provider.private@insyn.example');
    const dueSoon = privateUser.filter((n) => n.kind === 'DUE_SOON');
    expect(dueSoon).toHaveLength(1); // Jämtvård's one open report
    expect(dueSoon[0].title).toMatch(/^3 dagar kvar: RAP-/);

    // On the due date, then overdue: each once; the reviewers hear of overdue reports too.
    const dueDay = new Date(new Date(due_at).getTime() - 3600_000);
    await app.ds.transaction((em) => runReminders(em, dueDay, settings));
    const after = new Date(new Date(due_at).getTime() + 86400_000);
    await app.ds.transaction((em) => runReminders(em, after, settings));
    await app.ds.transaction((em) => runReminders(em, after, settings));
    const kinds = (await notificationsOf('provider.private@insyn.example')).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'DUE_TODAY')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'OVERDUE')).toHaveLength(1);
    const reviewer = await notificationsOf('reviewer@insyn.example');
    expect(reviewer.filter((n) => n.kind === 'OVERDUE').length).toBeGreaterThan(0);
  });

  it('tell reviewers when a submitted report has waited longer than the review deadline', async () => {
    const late = new Date(Date.now() + 40 * 86400_000);
    await app.ds.transaction((em) => runReminders(em, late, settings));
    const waiting = (await notificationsOf('reviewer@insyn.example')).filter((n) => n.kind === 'REVIEW_WAITING');
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM report WHERE status = 'SUBMITTED'`);
    expect(waiting).toHaveLength(n);
  });
});

describe('events', () => {
  it('a submitted report notifies the reviewers', async () => {
    const provider = await app.login('provider.private@insyn.example');
    const [report] = await app.ds.query(
      `SELECT r.id, r.version FROM report r JOIN agreement a ON a.id = r.agreement_id
       JOIN follow_up_round f ON f.id = r.round_id AND f.name = 'Uppföljning Hälsoval 2025' WHERE a.reference = 'LOV-HV-2012-004'`,
    );
    // Fill what is missing straight in the database, then submit through the API.
    await app.ds.query(
      `INSERT INTO answer (report_id, question_id, template_id, value)
       SELECT r.id, q.id, r.template_id, CASE q.type
         WHEN 'BOOLEAN' THEN 'true'::jsonb WHEN 'INTEGER' THEN '1'::jsonb WHEN 'DECIMAL' THEN '10'::jsonb WHEN 'PERCENT' THEN '50'::jsonb
         WHEN 'TEXT' THEN '"Text"'::jsonb WHEN 'SINGLE_CHOICE' THEN to_jsonb(q.options->0->>'key') WHEN 'MULTI_CHOICE' THEN jsonb_build_array(q.options->0->>'key')
         WHEN 'DATE' THEN '"2025-05-01"'::jsonb WHEN 'INDICATOR_VALUE' THEN '{"numerator": 5, "denominator": 10}'::jsonb END
       FROM report r JOIN question q ON q.template_id = r.template_id
       WHERE r.id = $1 AND q.type <> 'ATTACHMENT' AND q.required
       ON CONFLICT (report_id, question_id) DO NOTHING`,
      [report.id],
    );
    // The required file: an uploaded attachment (the upload itself is tested elsewhere).
    const [file] = await app.ds.query(
      `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by)
       SELECT $1, q.id, 'rapport.pdf', 'application/pdf', 10, repeat('a', 64), gen_random_uuid()::text, $2
       FROM report r JOIN question q ON q.template_id = r.template_id AND q.type = 'ATTACHMENT' WHERE r.id = $1 RETURNING id, question_id`,
      [report.id, await userId('provider.private@insyn.example')],
    );
    await app.ds.query(
      `INSERT INTO answer (report_id, question_id, template_id, value) SELECT $1, $2, template_id, to_jsonb($3::text) FROM report WHERE id = $1`,
      [report.id, file.question_id, file.id],
    );
    const before = (await notificationsOf('reviewer@insyn.example')).length;
    const res = await provider.gql('mutation($id: ID!, $v: Int!) { submitReport(reportId: $id, expectedVersion: $v) { reference } }', {
      id: report.id,
      v: report.version,
    });
    expect(res.errors).toBeUndefined();
    const after = await notificationsOf('reviewer@insyn.example');
    expect(after.length).toBe(before + 1);
    expect(after[after.length - 1]).toMatchObject({ kind: 'REPORT_SUBMITTED', report_id: report.id });
  });

  it('opening a round notifies each provider user about their report', async () => {
    const admin = await app.login('admin@insyn.example');
    const [template] = await app.ds.query(`SELECT id FROM report_template WHERE name LIKE 'Självdeklaration tandvård%'`);
    const created = await admin.gql(
      `mutation($t: ID!, $o: DateTime!, $d: DateTime!) { createFollowUpRound(input: { name: "Hälsoval T1", period: "2026-T1", templateId: $t,
         agreementForms: [LOV, IN_HOUSE], opensAt: $o, dueAt: $d }) { id } }`,
      { t: template.id, o: new Date().toISOString(), d: new Date(Date.now() + 30 * 86400_000).toISOString() },
    );
    expect(created.errors).toBeUndefined();
    const before = (await notificationsOf('provider.inhouse@insyn.example')).length;
    const opened = await admin.gql('mutation($id: ID!) { openFollowUpRound(id: $id) { status } }', { id: created.data!.createFollowUpRound.id });
    expect(opened.errors).toBeUndefined();
    const inhouse = await notificationsOf('provider.inhouse@insyn.example');
    expect(inhouse.length - before).toBe(18); // one per in-house health centre report
    expect(inhouse[inhouse.length - 1]).toMatchObject({ kind: 'ROUND_OPENED', title: 'Ny uppföljning: Hälsoval T1' });
  });
});

describe('review events', () => {
  it('tell the provider users when a reviewer starts a thread, requests changes (with the reason) or approves', async () => {
    const reviewer = await app.login('reviewer@insyn.example');
    const [report] = await app.ds.query(
      `SELECT r.id, r.reference FROM report r JOIN agreement a ON a.id = r.agreement_id
       JOIN follow_up_round f ON f.id = r.round_id AND f.name = 'Uppföljning Hälsoval 2025' WHERE a.reference = 'UB-HV-2024-03'`,
    );
    const thread = await reviewer.gql('mutation($id: ID!) { addComment(input: { reportId: $id, body: "Hur räknade ni?" }) { id } }', { id: report.id });
    expect(thread.errors).toBeUndefined();
    const returned = await reviewer.gql('mutation($id: ID!) { requestChanges(reportId: $id, reason: "Bifoga rätt berättelse.") { status } }', {
      id: report.id,
    });
    expect(returned.errors).toBeUndefined();
    const [changes] = await app.ds.query(
      `SELECT n.title, n.body FROM notification n JOIN app_user u ON u.id = n.user_id
       WHERE u.email = 'provider.inhouse@insyn.example' AND n.kind = 'CHANGES_REQUESTED' AND n.report_id = $1`,
      [report.id],
    );
    expect(changes.title).toBe(`Komplettering begärd: ${report.reference}`);
    expect(changes.body).toContain('Skäl: Bifoga rätt berättelse.');
    const [started] = await app.ds.query(
      `SELECT count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
       WHERE u.email = 'provider.inhouse@insyn.example' AND n.kind = 'THREAD_STARTED' AND n.report_id = $1`,
      [report.id],
    );
    expect(started.n).toBe(1);
  });
});

describe('in the app', () => {
  it('lists a user\'s own notifications with an unread count, and marks them read', async () => {
    const provider = await app.login('provider.private@insyn.example');
    const list = await provider.gql('{ unreadNotificationCount notifications(first: 2) { totalCount edges { node { id title readAt link } } pageInfo { hasNextPage } } }');
    expect(list.errors).toBeUndefined();
    const total = list.data!.notifications.totalCount;
    expect(list.data!.unreadNotificationCount).toBe(total);
    const first = list.data!.notifications.edges[0].node;
    expect(first.link).toMatch(/^\/rapporter\//);
    const marked = await provider.gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [first.id] });
    // The region's users are taken to the review of a report, not to the provider's editor.
    const reviewerLinks = await (await app.login('reviewer@insyn.example')).gql('{ notifications(first: 20) { edges { node { link reportId } } } }');
    const aboutReports = reviewerLinks.data!.notifications.edges.map((e: any) => e.node).filter((n: any) => n.reportId);
    expect(aboutReports.length).toBeGreaterThan(0);
    for (const n of aboutReports) expect(n.link).toBe(`/granskning/${n.reportId}`);
    expect(marked.data!.markNotificationsRead).toBe(1);
    expect((await provider.gql('{ unreadNotificationCount }')).data!.unreadNotificationCount).toBe(total - 1);
    // Someone else's notification cannot be marked.
    const other = await app.login('reviewer@insyn.example');
    expect((await other.gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [first.id] })).data!.markNotificationsRead).toBe(0);
  });

  it('lets a user turn off e-mail they do not want, but not the required kinds', async () => {
    const reviewer = await app.login('reviewer@insyn.example');
    const off = await reviewer.gql('mutation { setNotificationPreference(kind: "REVIEW_WAITING", email: false) }');
    expect(off.errors).toBeUndefined();
    const refused = await reviewer.gql('mutation { setNotificationPreference(kind: "OVERDUE", email: false) }');
    expect(refused.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'kind' })]);
    const prefs = await reviewer.gql('{ notificationPreferences { kind email required } }');
    expect(prefs.data!.notificationPreferences).toContainEqual({ kind: 'REVIEW_WAITING', email: false, required: false });
    expect(prefs.data!.notificationPreferences).toContainEqual({ kind: 'OVERDUE', email: true, required: true });
  });

  it('tells a user the language their e-mail is in, as they set it, in any browser', async () => {
    const auditor = await app.login('auditor@insyn.example');
    expect((await auditor.gql('{ viewer { language } }')).data!.viewer.language).toBe('sv');
    expect((await auditor.gql('mutation { setLanguage(language: "en") }')).errors).toBeUndefined();
    const elsewhere = await app.login('auditor@insyn.example');
    expect((await elsewhere.gql('{ viewer { language } }')).data!.viewer.language).toBe('en');
    const refused = await auditor.gql('mutation { setLanguage(language: "de") }');
    expect(refused.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'language' })]);
    expect((await auditor.gql('{ viewer { language } }')).data!.viewer.language).toBe('en');
  });
});

describe('e-mail', () => {
  it('is written as .eml files without SMTP, each outbox row once, in the user\'s language', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-mail-'));
    const privateUserId = await userId('provider.private@insyn.example');
    const config = loadConfig({ INSYN_DATA_DIR: dataDir, DATABASE_URL: app.db.url });
    await app.ds.query(`UPDATE app_user SET language = 'en' WHERE email = 'provider.private@insyn.example'`);
    await app.ds.transaction((em) =>
      notify(em, { kind: 'REPORT_APPROVED', userIds: [privateUserId], reportId: null, params: { report: 'RAP-2025-99999' } }),
    );
    const pending = await app.ds.query('SELECT count(*)::int AS n FROM email_outbox WHERE sent_at IS NULL');
    const mailer = createMailer(config, testLog);
    const sent = await Promise.all([
      deliverOutbox(app.ds, mailer, 'https://insyn.example', testLog, 1000),
      deliverOutbox(app.ds, mailer, 'https://insyn.example', testLog, 1000),
    ]);
    expect(sent[0] + sent[1]).toBe(pending[0].n);
    const files = fs.readdirSync(path.join(dataDir, 'mail'));
    expect(files).toHaveLength(pending[0].n);
    // Quoted-printable wraps long lines; undo that to read the text as the recipient does.
    const read = (file: string) => fs.readFileSync(path.join(dataDir, 'mail', file), 'utf8').replace(/=\r?\n/g, '');
    const reviewerMail = read(files.find((f) => f.includes('reviewer'))!);
    expect(reviewerMail).toMatch(/^To: reviewer@insyn\.example\r?$/m);
    expect(reviewerMail).toContain('https://insyn.example/granskning/');
    const english = files.map(read).find((m) => m.includes('RAP-2025-99999'))!;
    expect(english).toMatch(/^Subject: Approved: RAP-2025-99999\r?$/m);
    expect(english).toContain('The region has approved report RAP-2025-99999.');
    expect(await deliverOutbox(app.ds, mailer, 'https://insyn.example', testLog)).toBe(0);
  });
});

describe('paging', () => {
  it('pages through many notifications made in the same instant without gaps or repeats', async () => {
    const id = await userId('analyst@insyn.example');
    await app.ds.query(
      `INSERT INTO notification (user_id, kind, title, body, link) SELECT $1, 'ROUND_OPENED', 'N' || g, 'B', '/' FROM generate_series(1, 23) g`,
      [id],
    );
    const analyst = await app.login('analyst@insyn.example');
    const titles: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: any = await analyst.gql('query($a: String) { notifications(first: 5, after: $a) { pageInfo { hasNextPage endCursor } edges { node { title } } } }', { a: after });
      titles.push(...res.data.notifications.edges.map((e: any) => e.node.title));
      if (!res.data.notifications.pageInfo.hasNextPage) break;
      after = res.data.notifications.pageInfo.endCursor;
    }
    expect(titles).toHaveLength(23);
    expect(new Set(titles).size).toBe(23);
  });
});
