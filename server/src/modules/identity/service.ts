import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { serialize as serializeCookie } from 'cookie';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ErrorCode, Roles, type Role } from '@insyn/shared';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { diff, recordAudit } from '../../common/audit.js';
import { SESSION_COOKIE, TOKEN_PREFIX, hashSecret, newSecret, type Viewer } from '../../common/auth.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badField, badUserInput, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { decodeCursor, keysetPage, pageSize, type Connection } from '../../common/pagination.js';
import { lockForUpdate, updateVersioned } from '../../common/versioned.js';
import { parseInput } from '../../common/zod-input.js';
import { ApiToken, User } from './entities.js';
import type { CreateUserInput, UpdateUserInput, UserFilter } from './types.js';
import { sessionToken } from './authenticate.js';

export const PASSWORD_MIN = 12;
const ARGON2 = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 }; // argon2id, OWASP minimum
// Verified when the e-mail address is unknown, so that the answer takes as long either way.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

function temporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'E-mail address is too long')
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter a valid e-mail address');
const password = z
  .string()
  .min(PASSWORD_MIN, `The password must have at least ${PASSWORD_MIN} characters`)
  .max(200, 'The password is too long');
const name = z.string().trim().min(1, 'Enter a name').max(200, 'The name is too long');
const roles = z.array(z.enum(Roles)).min(1, 'Choose at least one role');
const id = z.string().refine(isId, 'Not a valid id');

function checkProviderRole(r: Role[], providerId: string | null | undefined, prefix = 'input'): void {
  if (r.includes('PROVIDER') && !providerId) throw badField(`${prefix}.providerId`, 'A provider user must belong to a provider');
  if (!r.includes('PROVIDER') && providerId) throw badField(`${prefix}.providerId`, 'Only provider users belong to a provider');
}

const USER_CONSTRAINTS: Record<string, [string, string]> = {
  app_user_email_key: ['input.email', 'A user with this e-mail address already exists'],
  app_user_provider_id_fkey: ['input.providerId', 'No such provider'],
};

function rateLimited(retryAfter: number, ctx: Context): GraphQLError {
  ctx.res?.setHeader('Retry-After', String(retryAfter));
  return new GraphQLError('Too many failed logins. Wait a while and try again.', {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfter },
  });
}

function setSessionCookie(ctx: Context, token: string | null): void {
  if (!ctx.res) return;
  const secure = ctx.config.COOKIE_SECURE === 'auto' ? Boolean(ctx.req?.secure) : ctx.config.COOKIE_SECURE === 'true';
  ctx.res.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, token ?? '', {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: token ? ctx.config.SESSION_ABSOLUTE_HOURS * 3600 : 0,
    }),
  );
}

export function viewerFromUser(user: Pick<User, 'id' | 'email' | 'name' | 'roles' | 'providerId'>): Viewer {
  return { kind: 'USER', userId: user.id, tokenId: null, email: user.email, name: user.name, roles: user.roles, providerId: user.providerId };
}

export const identityService = {
  /**
   * Checks e-mail and password, rate-limited per account and per address. On success a new
   * session (new id) replaces any session the browser had.
   */
  async login(ctx: Context, rawEmail: string, rawPassword: string): Promise<User> {
    const address = (rawEmail ?? '').trim().toLowerCase();
    const window = ctx.config.LOGIN_WINDOW_MINUTES;
    const [limits] = await ctx.em.query(
      `WITH last_ok AS (SELECT max(at) AS at FROM login_attempt WHERE email = $1 AND success)
       SELECT
         (SELECT count(*) FROM login_attempt a, last_ok WHERE a.email = $1 AND NOT a.success
            AND a.at > now() - make_interval(mins => $3) AND (last_ok.at IS NULL OR a.at > last_ok.at)) AS account_failures,
         (SELECT count(*) FROM login_attempt WHERE ip = $2 AND NOT success AND at > now() - make_interval(mins => $3)) AS address_failures,
         (SELECT ceil(extract(epoch FROM min(at) + make_interval(mins => $3) - now()))::int FROM login_attempt
            WHERE (email = $1 OR ip = $2) AND NOT success AND at > now() - make_interval(mins => $3)) AS retry_after`,
      [address, ctx.ip, window],
    );
    if (
      limits.account_failures >= ctx.config.LOGIN_MAX_FAILURES_PER_ACCOUNT ||
      limits.address_failures >= ctx.config.LOGIN_MAX_FAILURES_PER_ADDRESS
    ) {
      await ctx.em.transaction(async (em) => {
        await em.query('INSERT INTO login_attempt (email, ip, success) VALUES ($1, $2, false)', [address, ctx.ip]);
        await recordAudit(em, ctx, {
          action: 'LOGIN_RATE_LIMITED',
          entityType: 'User',
          entityId: null,
          actorLabel: address || 'anonymous',
          actorUserId: null,
          after: { email: address, ip: ctx.ip },
        });
      });
      throw rateLimited(Math.max(1, limits.retry_after ?? window * 60), ctx);
    }

    const rows: (User & { passwordHash: string | null })[] = await ctx.em.query(
      `SELECT id, email, name, roles, provider_id AS "providerId", active, password_hash AS "passwordHash"
       FROM app_user WHERE email = $1`,
      [address],
    );
    const user = rows[0];
    dummyHash ??= hash(randomBytes(16).toString('hex'), ARGON2);
    const ok = await verify(user?.passwordHash ?? (await dummyHash), rawPassword ?? '').catch(() => false);
    if (!user || !user.active || !user.passwordHash || !ok) {
      await ctx.em.transaction(async (em) => {
        await em.query('INSERT INTO login_attempt (email, ip, success) VALUES ($1, $2, false)', [address, ctx.ip]);
        await recordAudit(em, ctx, {
          action: 'LOGIN_FAILED',
          entityType: 'User',
          entityId: user?.id ?? null,
          actorLabel: address || 'anonymous',
          actorUserId: null,
          after: { email: address, ip: ctx.ip },
        });
      });
      throw new GraphQLError('Wrong e-mail address or password', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
    }

    const token = newSecret();
    const previous = ctx.req ? sessionToken(ctx.req) : null;
    await ctx.em.transaction(async (em) => {
      if (previous) {
        await em.query('UPDATE user_session SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL', [hashSecret(previous)]);
      }
      await em.query(
        `INSERT INTO user_session (token_hash, user_id, expires_at, ip, user_agent)
         VALUES ($1, $2, now() + make_interval(hours => $3), $4, $5)`,
        [hashSecret(token), user.id, ctx.config.SESSION_ABSOLUTE_HOURS, ctx.ip, ctx.req?.header('user-agent')?.slice(0, 300) ?? null],
      );
      await em.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [user.id]);
      await em.query('INSERT INTO login_attempt (email, ip, success) VALUES ($1, $2, true)', [address, ctx.ip]);
      await recordAudit(em, ctx, {
        action: 'LOGIN',
        entityType: 'User',
        entityId: user.id,
        actorLabel: user.email,
        actorUserId: user.id,
        after: { ip: ctx.ip },
      });
    });
    setSessionCookie(ctx, token);
    ctx.auth.set(viewerFromUser(user));
    return (await ctx.em.getRepository(User).findOneBy({ id: user.id }))!;
  },

  async logout(ctx: Context): Promise<boolean> {
    const token = ctx.req ? sessionToken(ctx.req) : null;
    // A cookie of a session that already ended is cleared, but there is nobody to log out.
    if (token && !(await ctx.auth.viewer())) setSessionCookie(ctx, null);
    const viewer = await access.requireSession(ctx);
    if (token) {
      await ctx.em.transaction(async (em) => {
        const ended: [unknown[], number] = await em.query(
          'UPDATE user_session SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL RETURNING user_id',
          [hashSecret(token)],
        );
        if (ended[1] > 0) await recordAudit(em, ctx, { action: 'LOGOUT', entityType: 'User', entityId: viewer.userId });
      });
    }
    setSessionCookie(ctx, null);
    ctx.auth.set(null);
    return true;
  },

  async viewer(ctx: Context): Promise<User | null> {
    const viewer = await ctx.auth.viewer();
    if (!viewer) return null;
    return ctx.loaders.userById.load(viewer.userId);
  },

  async changePassword(ctx: Context, current: string, next: string): Promise<boolean> {
    const viewer = await access.requireSession(ctx);
    const nextPassword = parseInput(password, next, 'newPassword');
    const [row] = await ctx.em.query('SELECT password_hash FROM app_user WHERE id = $1', [viewer.userId]);
    if (!row?.password_hash || !(await verify(row.password_hash, current ?? '').catch(() => false))) {
      throw badField('currentPassword', 'The current password is wrong');
    }
    if (current === nextPassword) throw badField('newPassword', 'Choose a password different from the current one');
    const hashed = await hashPassword(nextPassword);
    await ctx.em.transaction(async (em) => {
      await em.query(
        'UPDATE app_user SET password_hash = $2, must_change_password = false, updated_at = now(), version = version + 1 WHERE id = $1',
        [viewer.userId, hashed],
      );
      // Other sessions (another browser, perhaps someone else's) end; this one goes on.
      const current = ctx.req ? sessionToken(ctx.req) : null;
      await em.query(
        'UPDATE user_session SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL AND token_hash <> $2',
        [viewer.userId, current ? hashSecret(current) : ''],
      );
      await recordAudit(em, ctx, { action: 'PASSWORD_CHANGED', entityType: 'User', entityId: viewer.userId });
    });
    return true;
  },

  async users(ctx: Context, filter: UserFilter | null, first: number | null, after: string | null): Promise<Connection<User>> {
    const viewer = await access.require(ctx, ['ADMIN', 'AUDITOR', 'PROVIDER']);
    pageSize(first);
    decodeCursor(after, 2);
    if (filter?.providerId != null && !isId(filter.providerId)) throw badField('filter.providerId', 'Not a valid id');
    const scope = access.providerScope(viewer);
    const qb = ctx.em.getRepository(User).createQueryBuilder('u');
    if (!scope.all) qb.andWhere('u.provider_id IN (:...scope)', { scope: scope.providerIds.length ? scope.providerIds : ['00000000-0000-0000-0000-000000000000'] });
    if (filter?.providerId) qb.andWhere('u.provider_id = :pid', { pid: filter.providerId });
    if (filter?.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter?.active != null) qb.andWhere('u.active = :active', { active: filter.active });
    const search = filter?.search?.trim();
    if (search) qb.andWhere("(u.name ILIKE :q ESCAPE '\\' OR u.email ILIKE :q ESCAPE '\\')", { q: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return keysetPage(qb, { first, after, keys: ['u.name', 'u.id'], keyOf: (u) => [u.name, u.id] });
  },

  async user(ctx: Context, userId: string): Promise<User> {
    const viewer = await access.user(ctx);
    const user = isId(userId) ? await ctx.loaders.userById.load(userId) : null;
    const mayRead = access.has(viewer, 'ADMIN') || access.has(viewer, 'AUDITOR') || user?.id === viewer.userId;
    if (!user || (!mayRead && !(access.has(viewer, 'PROVIDER') && user.providerId && user.providerId === viewer.providerId))) {
      throw notFound('User');
    }
    return user;
  },

  async createUser(ctx: Context, input: CreateUserInput): Promise<{ user: User; temporaryPassword: string | null }> {
    await access.requireWriter(ctx, ['ADMIN']);
    const data = parseInput(
      z.object({ email, name, roles, providerId: id.nullish(), password: password.nullish() }),
      input,
    );
    checkProviderRole(data.roles, data.providerId);
    const temporary = data.password ? null : temporaryPassword();
    const passwordHash = await hashPassword(data.password ?? temporary!);
    const userId = await ctx.em
      .transaction(async (em) => {
        const [row] = await em.query(
          `INSERT INTO app_user (email, name, roles, provider_id, password_hash, must_change_password)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [data.email, data.name, data.roles, data.providerId ?? null, passwordHash, temporary !== null],
        );
        await recordAudit(em, ctx, {
          action: 'USER_CREATED',
          entityType: 'User',
          entityId: row.id,
          after: { email: data.email, name: data.name, roles: data.roles, providerId: data.providerId ?? null },
        });
        return row.id as string;
      })
      .catch((e) => mapConstraintError(e, USER_CONSTRAINTS));
    const user = (await ctx.em.getRepository(User).findOneBy({ id: userId }))!;
    return { user, temporaryPassword: temporary };
  },

  async updateUser(ctx: Context, userId: string, expectedVersion: number, input: UpdateUserInput): Promise<User> {
    const viewer = await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(userId)) throw notFound('User');
    const data = parseInput(
      z.object({ name: name.nullish(), roles: roles.nullish(), providerId: id.nullish(), active: z.boolean().nullish() }),
      input,
    );
    await ctx.em
      .transaction(async (em) => {
        const before = await lockForUpdate<{ version: number; name: string; roles: Role[]; provider_id: string | null; active: boolean }>(
          em,
          'app_user',
          userId,
          expectedVersion,
          'User',
        );
        const next = {
          name: data.name ?? before.name,
          roles: data.roles ?? before.roles,
          providerId: input.providerId === undefined ? before.provider_id : (data.providerId ?? null),
          active: data.active ?? before.active,
        };
        // Changing roles away from PROVIDER drops the provider unless one is given.
        if (!next.roles.includes('PROVIDER') && input.providerId === undefined) next.providerId = null;
        checkProviderRole(next.roles, next.providerId);
        if (userId === viewer.userId && (!next.active || !next.roles.includes('ADMIN'))) {
          throw badUserInput([{ path: 'input.roles', message: 'You cannot remove your own administrator rights or deactivate yourself' }]);
        }
        const changes = diff(
          { name: before.name, roles: before.roles, providerId: before.provider_id, active: before.active },
          next,
        );
        if (!changes) return;
        await updateVersioned(em, 'app_user', userId, expectedVersion, {
          name: next.name,
          roles: next.roles,
          provider_id: next.providerId,
          active: next.active,
        });
        if (!next.active || JSON.stringify(before.roles) !== JSON.stringify(next.roles)) {
          // New rights take effect at the next login; a deactivated user is logged out at once.
          await em.query('UPDATE user_session SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [userId]);
        }
        await recordAudit(em, ctx, {
          action: before.active && !next.active ? 'USER_DEACTIVATED' : 'USER_UPDATED',
          entityType: 'User',
          entityId: userId,
          ...changes,
        });
      })
      .catch((e) => mapConstraintError(e, USER_CONSTRAINTS));
    return (await ctx.em.getRepository(User).findOneBy({ id: userId }))!;
  },

  async resetPassword(ctx: Context, userId: string): Promise<{ user: User; temporaryPassword: string }> {
    await access.requireWriter(ctx, ['ADMIN']);
    const user = isId(userId) ? await ctx.em.getRepository(User).findOneBy({ id: userId }) : null;
    if (!user) throw notFound('User');
    const temporary = temporaryPassword();
    const hashed = await hashPassword(temporary);
    await ctx.em.transaction(async (em) => {
      await em.query(
        'UPDATE app_user SET password_hash = $2, must_change_password = true, version = version + 1, updated_at = now() WHERE id = $1',
        [userId, hashed],
      );
      await em.query('UPDATE user_session SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [userId]);
      await recordAudit(em, ctx, { action: 'PASSWORD_RESET', entityType: 'User', entityId: userId });
    });
    return { user: (await ctx.em.getRepository(User).findOneBy({ id: userId }))!, temporaryPassword: temporary };
  },

  async apiTokens(ctx: Context, ownerId: string | null, includeInactive: boolean): Promise<ApiToken[]> {
    const viewer = await access.require(ctx, ['ADMIN', 'AUDITOR', 'ANALYST']);
    const mayReadAll = access.has(viewer, 'ADMIN') || access.has(viewer, 'AUDITOR');
    if (ownerId != null && !isId(ownerId)) throw badField('ownerId', 'Not a valid id');
    const qb = ctx.em.getRepository(ApiToken).createQueryBuilder('t');
    if (!mayReadAll) qb.andWhere('t.owner_id = :me', { me: viewer.userId });
    if (ownerId) qb.andWhere('t.owner_id = :owner', { owner: ownerId });
    if (!includeInactive) qb.andWhere('t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())');
    return qb.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'ASC').limit(500).getMany();
  },

  async createApiToken(
    ctx: Context,
    args: { name: string; expiresAt: Date | null; ownerId: string | null; roles: Role[] | null },
  ): Promise<{ token: string; apiToken: ApiToken }> {
    await access.require(ctx, ['ADMIN', 'ANALYST']);
    const viewer = await access.requireSession(ctx);
    const isAdmin = access.has(viewer, 'ADMIN');
    const tokenName = parseInput(name, args.name, 'name');
    if (args.expiresAt && args.expiresAt.getTime() <= Date.now()) throw badField('expiresAt', 'The expiry must be in the future');
    if (args.ownerId != null && !isAdmin) throw badField('ownerId', 'Only an administrator creates tokens for others');
    if (args.roles != null && !isAdmin) throw badField('roles', 'Only an administrator gives a token more than ANALYST');
    if (args.ownerId != null && !isId(args.ownerId)) throw badField('ownerId', 'No such user');
    const tokenRoles = args.roles?.length ? [...new Set(args.roles)] : ['ANALYST'];
    if (tokenRoles.includes('PROVIDER')) throw badField('roles', 'API tokens cannot act as a provider');
    const token = newSecret(TOKEN_PREFIX);
    const tokenId = await ctx.em
      .transaction(async (em) => {
        const [row] = await em.query(
          `INSERT INTO api_token (name, token_hash, owner_id, roles, created_by, expires_at)
           SELECT $1, $2, u.id, $4, $5, $6 FROM app_user u WHERE u.id = $3 AND u.active RETURNING id`,
          [tokenName, hashSecret(token), args.ownerId ?? viewer.userId, tokenRoles, viewer.userId, args.expiresAt],
        );
        if (!row) throw badField('ownerId', 'No such active user');
        await recordAudit(em, ctx, {
          action: 'API_TOKEN_CREATED',
          entityType: 'ApiToken',
          entityId: row.id,
          after: { name: tokenName, ownerId: args.ownerId ?? viewer.userId, roles: tokenRoles, expiresAt: args.expiresAt },
        });
        return row.id as string;
      })
      .catch((e) => mapConstraintError(e, { api_token_active_name: ['name', 'You already have an active token with this name'] }));
    return { token, apiToken: (await ctx.em.getRepository(ApiToken).findOneBy({ id: tokenId }))! };
  },

  async revokeApiToken(ctx: Context, tokenId: string): Promise<boolean> {
    const viewer = await access.require(ctx, ['ADMIN', 'ANALYST']);
    const token = isId(tokenId) ? await ctx.em.getRepository(ApiToken).findOneBy({ id: tokenId }) : null;
    if (!token || (!access.has(viewer, 'ADMIN') && token.ownerId !== viewer.userId)) throw notFound('API token');
    if (token.revokedAt) return true;
    await ctx.em.transaction(async (em) => {
      await em.query('UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [tokenId]);
      await recordAudit(em, ctx, { action: 'API_TOKEN_REVOKED', entityType: 'ApiToken', entityId: tokenId });
    });
    return true;
  },
};
