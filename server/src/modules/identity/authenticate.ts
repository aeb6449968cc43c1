import type { Request } from 'express';
import { parse as parseCookie } from 'cookie';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type Role } from '@insyn/shared';
import type { Config } from '../../app/config.js';
import { SESSION_COOKIE, hashSecret, type Viewer } from '../../common/auth.js';

interface Row {
  user_id: string;
  token_id: string | null;
  email: string;
  name: string;
  roles: Role[];
  provider_id: string | null;
  stale: boolean;
}

function toViewer(row: Row, kind: Viewer['kind']): Viewer {
  return {
    kind,
    userId: row.user_id,
    tokenId: row.token_id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    providerId: row.provider_id,
  };
}

export function bearerToken(req: Request): string | null {
  const header = req.header('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : '';
}

export function sessionToken(req: Request): string | null {
  const header = req.header('cookie');
  if (!header) return null;
  return parseCookie(header)[SESSION_COOKIE] ?? null;
}

/**
 * The viewer of a request: an API token (`Authorization: Bearer …`) or a session cookie.
 * A bad, expired or revoked token is refused; an expired session reads as logged out.
 */
export async function resolveViewer(em: EntityManager, req: Request, config: Config): Promise<Viewer | null> {
  const bearer = bearerToken(req);
  if (bearer !== null) {
    const rows: Row[] = bearer
      ? await em.query(
          `SELECT u.id AS user_id, t.id AS token_id, u.email, u.name, t.roles, u.provider_id,
                  (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
           FROM api_token t JOIN app_user u ON u.id = t.owner_id
           WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active
             -- A token stops working when its owner may no longer hold tokens.
             AND u.roles && ARRAY['ADMIN', 'ANALYST']::text[]`,
          [hashSecret(bearer)],
        )
      : [];
    if (!rows.length) {
      throw new GraphQLError('The API token is invalid, expired or revoked', {
        extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    }
    if (rows[0].stale) await em.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [rows[0].token_id]);
    return toViewer(rows[0], 'TOKEN');
  }

  const session = sessionToken(req);
  if (!session) return null;
  const hash = hashSecret(session);
  const rows: Row[] = await em.query(
    `SELECT u.id AS user_id, NULL AS token_id, u.email, u.name, u.roles, u.provider_id,
            (s.last_seen_at < now() - interval '1 minute') AS stale
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
       AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
    [hash, config.SESSION_IDLE_MINUTES],
  );
  if (!rows.length) return null;
  if (rows[0].stale) await em.query('UPDATE user_session SET last_seen_at = now() WHERE token_hash = $1', [hash]);
  return toViewer(rows[0], 'USER');
}
