import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@insyn/shared';

/** Who is asking: a logged-in user, or an API token acting for its owner. */
export interface Viewer {
  kind: 'USER' | 'TOKEN';
  userId: string;
  tokenId: string | null;
  email: string;
  name: string;
  roles: Role[];
  /** The provider a PROVIDER user belongs to. */
  providerId: string | null;
}

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets (session ids, API tokens) are stored only as SHA-256 hashes. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export const SESSION_COOKIE = 'insyn_session';
export const TOKEN_PREFIX = 'insyn_';
