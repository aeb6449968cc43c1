import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context.js';
import { groupedBy } from '../../common/loaders.js';
import { isAnswered } from '../reporting/values.js';
import { ConfidentialityDecision, PublicResponse, PublishedValue } from './entities.js';

/** One correction: a published version and the one it superseded. */
export interface CorrectionRow {
  reportId: string;
  questionId: string;
  version: number;
  oldValue: unknown;
  oldValueNumber: number | null;
  oldSuppressed: boolean;
  newValue: unknown;
  newValueNumber: number | null;
  newSuppressed: boolean;
  suppressionReason: string | null;
  reason: string;
  correctedAt: Date;
  correctedById: string;
}

function createPublicationLoaders(em: EntityManager) {
  return {
    /** The current published values of each report (no correction superseded them), in template order. */
    currentValuesByReport: new DataLoader<string, PublishedValue[]>(async (ids) => {
      const rows = await em
        .getRepository(PublishedValue)
        .createQueryBuilder('v')
        .innerJoin('question', 'q', 'q.id = v.question_id')
        .innerJoin('template_section', 's', 's.id = q.section_id')
        .where('v.report_id IN (:...ids)', { ids: [...ids] })
        .andWhere('NOT EXISTS (SELECT 1 FROM published_value n WHERE n.supersedes_id = v.id)')
        .orderBy('s.position', 'ASC')
        .addOrderBy('q.position', 'ASC')
        .getMany();
      return ids.map((id) => rows.filter((r) => r.reportId === id));
    }),
    /** Every correction of each report, oldest first. */
    correctionsByReport: new DataLoader<string, CorrectionRow[]>(async (ids) => {
      const rows: CorrectionRow[] = await em.query(
        `SELECT n.report_id AS "reportId", n.question_id AS "questionId", n.version,
                o.value AS "oldValue", o.value_number AS "oldValueNumber", o.suppressed AS "oldSuppressed",
                n.value AS "newValue", n.value_number AS "newValueNumber", n.suppressed AS "newSuppressed",
                n.suppression_reason AS "suppressionReason",
                p.reason, p.published_at AS "correctedAt", p.published_by AS "correctedById"
         FROM published_value n
         JOIN published_value o ON o.id = n.supersedes_id
         JOIN publication p ON p.id = n.publication_id
         WHERE n.report_id = ANY($1)
         ORDER BY p.published_at, n.version, n.id`,
        [[...ids]],
      );
      return ids.map((id) => rows.filter((r) => r.reportId === id));
    }),
    responsesByReport: groupedBy<PublicResponse, string>(em, PublicResponse, 'reportId', { submittedAt: 'DESC', id: 'ASC' }),
    confidentialityDecisionsByReport: groupedBy<ConfidentialityDecision, string>(em, ConfidentialityDecision, 'reportId', {
      decidedAt: 'ASC',
      id: 'ASC',
    }),
    /** How many answered questions of each report request confidentiality and have no decision yet. */
    pendingConfidentialityByReport: new DataLoader<string, number>(async (ids) => {
      const rows: { report_id: string; value: unknown }[] = await em.query(
        `SELECT a.report_id, a.value FROM answer a
         WHERE a.report_id = ANY($1) AND a.confidentiality_requested
           AND NOT EXISTS (SELECT 1 FROM confidentiality_decision d WHERE d.report_id = a.report_id AND d.question_id = a.question_id)`,
        [[...ids]],
      );
      return ids.map((id) => rows.filter((r) => r.report_id === id && isAnswered(r.value)).length);
    }),
  };
}

export type PublicationLoaders = ReturnType<typeof createPublicationLoaders>;

const perRequest = new WeakMap<object, PublicationLoaders>();

/** The publication loaders of the request (made on first use, like the others once per request). */
export function publicationLoaders(ctx: Context): PublicationLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    loaders = createPublicationLoaders(ctx.em);
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders;
}
