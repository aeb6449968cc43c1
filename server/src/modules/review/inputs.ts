import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AssessmentRating } from './entities.js';
import { Question } from '../reporting/entities.js';

@InputType()
export class GoalAssessmentInput {
  @Field(() => ID)
  goalId: string;

  @Field(() => AssessmentRating)
  rating: AssessmentRating;

  @Field(() => String, { nullable: true })
  motivation?: string | null;
}

@InputType({ description: 'A new thread (reportId, questionId optional) or a reply (threadId).' })
export class AddCommentInput {
  @Field(() => ID)
  reportId: string;

  @Field(() => ID, { nullable: true })
  questionId?: string | null;

  @Field(() => ID, { nullable: true })
  threadId?: string | null;

  @Field(() => String)
  body: string;
}

@ObjectType({ description: 'One question\'s answer in the previous and in the latest submission.' })
export class AnswerChange {
  @Field(() => Question)
  question: Question;

  @Field(() => JSONResolver, { nullable: true })
  previous: unknown;

  @Field(() => JSONResolver, { nullable: true })
  current: unknown;

  @Field(() => Boolean)
  changed: boolean;
}

@ObjectType({ description: 'One step in a report\'s history.' })
export class ReportEvent {
  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'E.g. ROUND_OPENED, REPORT_SUBMITTED, CHANGES_REQUESTED, REPORT_APPROVED, QUESTION_REOPENED.' })
  action: string;

  @Field(() => String)
  actorName: string;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'Receipt reference, for submissions.' })
  reference: string | null;
}

@ObjectType({ description: 'A person named in a report (a reviewer): name only, nothing of their account.' })
export class Person {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}
