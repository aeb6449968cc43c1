import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { byKey, groupedBy } from '../../common/loaders.js';
import { entityRows } from '../../common/rows.js';
import { Answer, Attachment, FollowUpRound, Question, Report, ReportTemplate, Section, Submission } from './entities.js';
import type { ReportProgress } from './types.js';

export function createReportingLoaders(em: EntityManager) {
  const questionById = byKey<Question, string>(em, Question, 'id');
  // A report's answers with their questions in one statement: whoever reads answers reads what
  // they answer, and the questions go to questionById for the answers' field resolvers.
  const answerRows = entityRows(em, Answer);
  const questionRows = entityRows(em, Question);
  const answersSql = `SELECT ${answerRows.columns('a')}, ${questionRows.columns('q')}
    FROM answer a JOIN question q ON q.id = a.question_id WHERE a.report_id = ANY($1) ORDER BY a.question_id`;
  const answersByReport = new DataLoader<string, Answer[]>(async (reportIds) => {
    const rows: Record<string, unknown>[] = await em.query(answersSql, [[...reportIds]]);
    const byReport = new Map<string, Answer[]>();
    for (const row of rows) {
      const answer = answerRows.read(row, 'a')!;
      const question = questionRows.read(row, 'q')!;
      questionById.prime(question.id, question);
      const list = byReport.get(answer.reportId);
      if (list) list.push(answer);
      else byReport.set(answer.reportId, [answer]);
    }
    return reportIds.map((id) => byReport.get(id) ?? []);
  });
  return {
    reportById: byKey<Report, string>(em, Report, 'id'),
    roundById: byKey<FollowUpRound, string>(em, FollowUpRound, 'id'),
    templateById: byKey<ReportTemplate, string>(em, ReportTemplate, 'id'),
    questionById,
    sectionsByTemplate: groupedBy<Section, string>(em, Section, 'templateId', { position: 'ASC' }),
    questionsBySection: groupedBy<Question, string>(em, Question, 'sectionId', { position: 'ASC' }),
    questionsByTemplate: groupedBy<Question, string>(em, Question, 'templateId', { sectionId: 'ASC', position: 'ASC' }),
    answersByReport,
    submissionsByReport: groupedBy<Submission, string>(em, Submission, 'reportId', { receivedAt: 'ASC' }),
    attachmentsByReport: groupedBy<Attachment, string>(em, Attachment, 'reportId', { createdAt: 'ASC' }),
    progressByReport: new DataLoader<string, ReportProgress>(async (ids) => {
      const rows: { id: string; total: number; required: number; answered: number; required_answered: number }[] = await em.query(
        `SELECT r.id,
                count(q.id)::int AS total,
                count(q.id) FILTER (WHERE q.required)::int AS required,
                count(a.question_id) FILTER (WHERE a.value IS NOT NULL AND a.value <> 'null'::jsonb AND a.value <> '""'::jsonb AND a.value <> '[]'::jsonb)::int AS answered,
                count(a.question_id) FILTER (WHERE q.required AND a.value IS NOT NULL AND a.value <> 'null'::jsonb AND a.value <> '""'::jsonb AND a.value <> '[]'::jsonb)::int AS required_answered
         FROM report r
         JOIN question q ON q.template_id = r.template_id
         LEFT JOIN answer a ON a.report_id = r.id AND a.question_id = q.id
         WHERE r.id = ANY($1)
         GROUP BY r.id`,
        [[...ids]],
      );
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const r = map.get(id);
        return { total: r?.total ?? 0, required: r?.required ?? 0, answered: r?.answered ?? 0, requiredAnswered: r?.required_answered ?? 0 };
      });
    }),
  };
}
