import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { groupedBy } from '../../common/loaders.js';
import { isId } from '../../common/ids.js';
import { Comment, CommentThread, GoalAssessment, ReportDecision } from './entities.js';
import type { ReportEvent } from './inputs.js';

/** Report history comes from the audit trail: the same rows an auditor reads. */
const HISTORY_ACTIONS = [
  'ROUND_OPENED',
  'ANSWERS_SAVED',
  'REPORT_SUBMITTED',
  'CHANGES_REQUESTED',
  'REPORT_APPROVED',
  'QUESTION_REOPENED',
  'REPORT_PUBLISHED',
];

export function createReviewLoaders(em: EntityManager) {
  return {
    threadsByReport: groupedBy<CommentThread, string>(em, CommentThread, 'reportId', { createdAt: 'ASC', id: 'ASC' }),
    commentsByThread: groupedBy<Comment, string>(em, Comment, 'threadId', { createdAt: 'ASC', id: 'ASC' }),
    decisionsByReport: groupedBy<ReportDecision, string>(em, ReportDecision, 'reportId', { decidedAt: 'ASC', id: 'ASC' }),
    assessmentsByReport: groupedBy<GoalAssessment, string>(em, GoalAssessment, 'reportId', { goalId: 'ASC' }),
    historyByReport: new DataLoader<string, ReportEvent[]>(async (ids) => {
      // Saves are many; the history keeps the first save only (when work started). The opening is
      // recorded on the round: the ROUND_OPENED row of the transaction that created the report.
      const rows: { entity_id: string; at: Date; action: string; actor: string; after: Record<string, unknown> | null }[] = await em.query(
        `SELECT e.id, e.entity_id, e.at, e.action, coalesce(u.name, e.actor_label) AS actor, e.after
         FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
         WHERE e.entity_type = 'Report' AND e.entity_id = ANY($1) AND e.action = ANY($2)
           AND (e.action <> 'ANSWERS_SAVED' OR e.before->>'status' = 'NOT_STARTED')
         UNION ALL
         SELECT e.id, r.id::text, e.at, e.action, coalesce(u.name, e.actor_label), e.after
         FROM report r
         JOIN audit_event e ON e.entity_type = 'FollowUpRound' AND e.entity_id = r.round_id::text AND e.action = 'ROUND_OPENED' AND e.at = r.created_at
         LEFT JOIN app_user u ON u.id = e.actor_user_id
         WHERE r.id = ANY($3::uuid[])
         ORDER BY id`,
        [[...ids], HISTORY_ACTIONS, [...ids].filter(isId)],
      );
      return ids.map((id) =>
        rows
          .filter((r) => r.entity_id === id)
          .map((r) => ({
            at: r.at,
            action: r.action === 'ANSWERS_SAVED' ? 'WORK_STARTED' : r.action,
            actorName: r.actor,
            reason: typeof r.after?.reason === 'string' ? r.after.reason : null,
            reference: typeof r.after?.submission === 'string' ? r.after.submission : null,
          })),
      );
    }),
  };
}
