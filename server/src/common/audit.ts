import type { EntityManager } from 'typeorm';
import type { Context } from '../app/context.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** When nobody is logged in (a failed login), who the event concerns. */
  actorLabel?: string;
  actorUserId?: string | null;
}

/**
 * Writes one audit event with the given entity manager, so it commits or rolls back with the
 * change it records.
 */
export async function recordAudit(em: EntityManager, ctx: Context, entry: AuditEntry): Promise<void> {
  const viewer = await ctx.auth.viewer();
  const actorUserId = entry.actorUserId !== undefined ? entry.actorUserId : (viewer?.userId ?? null);
  const actorLabel =
    entry.actorLabel ?? (viewer ? (viewer.kind === 'TOKEN' ? `token:${viewer.email}` : viewer.email) : 'anonymous');
  await em.query(
    `INSERT INTO audit_event (actor_label, actor_user_id, actor_token_id, action, entity_type, entity_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actorLabel,
      actorUserId,
      viewer?.tokenId ?? null,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
      ctx.requestId,
    ],
  );
}

/** Only the fields that changed, before and after. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
