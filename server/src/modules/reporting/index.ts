import { Answer, Attachment, FollowUpRound, Question, Report, ReportTemplate, Section, Submission } from './entities.js';
import {
  AnswerFields,
  FollowUpRoundFields,
  QuestionFields,
  ReportFields,
  ReportingResolver,
  ReportTemplateFields,
  SectionFields,
  SubmissionFields,
} from './resolver.js';

export const reporting = {
  entities: [ReportTemplate, Section, Question, FollowUpRound, Report, Answer, Attachment, Submission],
  resolvers: [ReportingResolver, ReportTemplateFields, SectionFields, QuestionFields, FollowUpRoundFields, ReportFields, AnswerFields, SubmissionFields],
} as const;
