import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '50' });
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id email name roles provider { name } } }';
const VIEWER = '{ viewer { email roles provider { name } } }';

describe('login', () => {
  it('logs in with e-mail and password, sets a safe session cookie, and logs out', async () => {
    const browser = app.client();
    expect((await browser.gql(VIEWER)).data!.viewer).toBeNull();
    const res = await browser.gql(LOGIN, { e: 'Provider.Private@insyn.example ', p: 'insyn-demo' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login).toMatchObject({ email: 'provider.private@insyn.example', roles: ['PROVIDER'], provider: { name: 'Jämtvård Hälsocentraler AB' } });
    const cookie = browser.last!.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^insyn_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // plain http here; Secure over https

    // The session survives a reload: a new request with the cookie knows the user.
    expect((await browser.gql(VIEWER)).data!.viewer.email).toBe('provider.private@insyn.example');

    const first = browser.cookie;
    await browser.gql(LOGIN, { e: 'provider.private@insyn.example', p: 'insyn-demo' });
    expect(browser.cookie).not.toBe(first); // a new session id at each login
    const stale = app.client();
    stale.cookie = first;
    expect((await stale.gql(VIEWER)).data!.viewer).toBeNull(); // the old one ended

    expect((await browser.gql('mutation { logout }')).data!.logout).toBe(true);
    expect(browser.cookie).toBeNull();
    const after = app.client();
    after.cookie = first;
    expect((await after.gql(VIEWER)).data!.viewer).toBeNull();
  });

  it('says only that e-mail or password was wrong, and audits the failure', async () => {
    const unknown = await app.client().gql(LOGIN, { e: 'nobody@insyn.example', p: 'insyn-demo' });
    const wrong = await app.client().gql(LOGIN, { e: 'auditor@insyn.example', p: 'wrong-password' });
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
    expect(wrong.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const [event] = await app.ds.query(`SELECT actor_label, entity_id FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor_label = 'auditor@insyn.example'`);
    expect(event.entity_id).toBeTruthy();
  });

  it('rate-limits failed logins per account with a retry time', async () => {
    const email = 'reviewer@insyn.example';
    for (let i = 0; i < 3; i++) await app.client().gql(LOGIN, { e: email, p: 'nope-nope-nope' });
    const limited = await app.client().gql(LOGIN, { e: email, p: 'insyn-demo' });
    expect(limited.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions.retryAfter).toBeGreaterThan(0);
    // Other accounts are not affected.
    expect((await app.client().gql(LOGIN, { e: 'analyst@insyn.example', p: 'insyn-demo' })).errors).toBeUndefined();
  });

  it('ends sessions after the idle time', async () => {
    const browser = await app.login('auditor@insyn.example');
    await app.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE ended_at IS NULL
                        AND user_id = (SELECT id FROM app_user WHERE email = 'auditor@insyn.example')`);
    expect((await browser.gql(VIEWER)).data!.viewer).toBeNull();
  });
});

describe('passwords and users', () => {
  it('stores argon2id hashes only', async () => {
    const rows = await app.ds.query(`SELECT password_hash FROM app_user`);
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lets an admin create a user with a temporary password that must be changed', async () => {
    const admin = await app.login('admin@insyn.example');
    const [hede] = await app.ds.query(`SELECT id FROM provider WHERE name = 'Hede Läkarhus AB'`);
    const created = await admin.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { temporaryPassword user { id email roles version mustChangePassword provider { name } } } }`,
      { input: { email: 'Ny.Person@Hede.example', name: 'Ny Person', roles: ['PROVIDER'], providerId: hede.id } },
    );
    expect(created.errors).toBeUndefined();
    const { user, temporaryPassword } = created.data!.createUser;
    expect(user).toMatchObject({ email: 'ny.person@hede.example', mustChangePassword: true, provider: { name: 'Hede Läkarhus AB' } });

    const person = await app.login('ny.person@hede.example', temporaryPassword);
    const weak = await person.gql('mutation { changePassword(currentPassword: "x", newPassword: "short") }');
    expect(weak.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'newPassword' })]);
    const ok = await person.gql(`mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "ett-långt-lösenord") }`, {
      c: temporaryPassword,
    });
    expect(ok.errors).toBeUndefined();
    await app.login('ny.person@hede.example', 'ett-långt-lösenord');

    // Deactivate (never delete): the user can no longer log in and their sessions end.
    const deactivated = await admin.gql(
      `mutation($id: ID!, $v: Int!) { updateUser(id: $id, expectedVersion: $v, input: { active: false }) { active version } }`,
      { id: user.id, v: user.version + 1 },
    );
    expect(deactivated.errors).toBeUndefined();
    expect((await person.gql(VIEWER)).data!.viewer).toBeNull();
    const again = await app.client().gql(LOGIN, { e: 'ny.person@hede.example', p: 'ett-långt-lösenord' });
    expect(again.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad user input at the field and stores nothing', async () => {
    const admin = await app.login('admin@insyn.example');
    const before = await app.ds.query('SELECT count(*) AS n FROM app_user');
    const res = await admin.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { email: 'not-an-address', name: ' ', roles: [] },
    });
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const paths = (res.errors![0].extensions.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['input.email', 'input.name', 'input.roles']);
    const noProvider = await admin.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { email: 'x@y.example', name: 'X', roles: ['PROVIDER'] },
    });
    expect(noProvider.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'input.providerId' })]);
    const duplicate = await admin.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { email: 'admin@insyn.example', name: 'Kopia', roles: ['AUDITOR'] },
    });
    expect(duplicate.errors![0].extensions.fields).toEqual([{ path: 'input.email', message: expect.stringMatching(/already exists/) }]);
    expect(await app.ds.query('SELECT count(*) AS n FROM app_user')).toEqual(before);
  });

  it('refuses a stale version with CONFLICT and the current version', async () => {
    const admin = await app.login('admin@insyn.example');
    const [u] = await app.ds.query(`SELECT id, version FROM app_user WHERE email = 'analyst@insyn.example'`);
    const save = (name: string) =>
      admin.gql(`mutation($id: ID!, $v: Int!, $n: String) { updateUser(id: $id, expectedVersion: $v, input: { name: $n }) { name version } }`, {
        id: u.id,
        v: u.version,
        n: name,
      });
    const [a, b] = await Promise.all([save('Ali A'), save('Ali B')]);
    const results = [a, b];
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const loser = results.find((r) => r.errors)!;
    expect(loser.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: u.version + 1 });
  });
});

describe('API tokens', () => {
  it('authenticates BI as ANALYST, shows the text once, records last use, and stops at once when revoked', async () => {
    const analyst = await app.login('analyst@insyn.example');
    const created = await analyst.gql(`mutation { createApiToken(name: "Power BI") { token apiToken { id name roles lastUsedAt } } }`);
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^insyn_/);
    expect(apiToken).toMatchObject({ name: 'Power BI', roles: ['ANALYST'], lastUsedAt: null });
    const stored = await app.ds.query('SELECT token_hash FROM api_token WHERE id = $1', [apiToken.id]);
    expect(stored[0].token_hash).not.toContain(token);

    const bi = app.client({ token });
    const me = await bi.gql('{ viewer { email roles } }');
    expect(me.data!.viewer).toEqual({ email: 'analyst@insyn.example', roles: ['ANALYST'] });
    const list = await analyst.gql('{ apiTokens { name lastUsedAt } }');
    expect(list.data!.apiTokens[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.data)).not.toContain(token);

    expect((await analyst.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id })).data!.revokeApiToken).toBe(true);
    const refused = await bi.gql('{ municipalities { code } }');
    expect(refused.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses expired tokens and lets only an admin create tokens for others', async () => {
    const analyst = await app.login('analyst@insyn.example');
    const past = await analyst.gql(`mutation { createApiToken(name: "Gammal", expiresAt: "2020-01-01T00:00:00Z") { token } }`);
    expect(past.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'expiresAt' })]);
    const forOther = await analyst.gql(`mutation($o: ID!) { createApiToken(name: "X", ownerId: $o) { token } }`, {
      o: (await app.ds.query(`SELECT id FROM app_user WHERE email = 'admin@insyn.example'`))[0].id,
    });
    expect(forOther.errors![0].extensions.code).toBe('BAD_USER_INPUT');

    const soon = await analyst.gql(`mutation($at: DateTime) { createApiToken(name: "Kort", expiresAt: $at) { token apiToken { id } } }`, {
      at: new Date(Date.now() + 60_000).toISOString(),
    });
    await app.ds.query(`UPDATE api_token SET expires_at = now() - interval '1 second', created_at = now() - interval '1 hour' WHERE id = $1`, [
      soon.data!.createApiToken.apiToken.id,
    ]);
    const expired = await app.client({ token: soon.data!.createApiToken.token }).gql('{ viewer { email } }');
    expect(expired.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('sessions and tokens follow the user', () => {
  it('ends the other sessions when the password changes', async () => {
    const admin = await app.login('admin@insyn.example');
    const created = await admin.gql(
      `mutation { createUser(input: { email: "byter@insyn.example", name: "Byter Lösen", roles: [REVIEWER], password: "första-lösenordet" }) { user { id } } }`,
    );
    expect(created.errors).toBeUndefined();
    const laptop = await app.login('byter@insyn.example', 'första-lösenordet');
    const phone = await app.login('byter@insyn.example', 'första-lösenordet');
    const changed = await laptop.gql('mutation { changePassword(currentPassword: "första-lösenordet", newPassword: "andra-lösenordet") }');
    expect(changed.errors).toBeUndefined();
    expect((await laptop.gql(VIEWER)).data!.viewer.email).toBe('byter@insyn.example');
    expect((await phone.gql(VIEWER)).data!.viewer).toBeNull();
  });

  it('stops an API token when its owner loses the right to hold one', async () => {
    const admin = await app.login('admin@insyn.example');
    const created = await admin.gql(
      `mutation { createUser(input: { email: "bi@insyn.example", name: "BI Person", roles: [ANALYST], password: "analys-lösenord" }) { user { id version } } }`,
    );
    const { id, version } = created.data!.createUser.user;
    const bi = await app.login('bi@insyn.example', 'analys-lösenord');
    const { token } = (await bi.gql('mutation { createApiToken(name: "Rapport") { token } }')).data!.createApiToken;
    expect((await app.client({ token }).gql(VIEWER)).data!.viewer.email).toBe('bi@insyn.example');
    const demoted = await admin.gql(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, expectedVersion: $v, input: { roles: [REVIEWER] }) { roles } }`, {
      id,
      v: version,
    });
    expect(demoted.errors).toBeUndefined();
    const refused = await app.client({ token }).gql(VIEWER);
    expect(refused.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
