import { Comment, CommentThread, GoalAssessment, ReportDecision } from './entities.js';
import {
  CommentFields,
  CommentThreadFields,
  GoalAssessmentFields,
  ReportDecisionFields,
  ReportReviewFields,
  ReviewResolver,
} from './resolver.js';

export const review = {
  entities: [ReportDecision, GoalAssessment, CommentThread, Comment],
  resolvers: [ReviewResolver, ReportReviewFields, CommentThreadFields, CommentFields, ReportDecisionFields, GoalAssessmentFields],
} as const;
