import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../identity/enums.js';

export enum AssessmentRating {
  MET = 'MET',
  PARTLY_MET = 'PARTLY_MET',
  NOT_MET = 'NOT_MET',
  NOT_ASSESSED = 'NOT_ASSESSED',
}
registerEnumType(AssessmentRating, { name: 'AssessmentRating' });

export enum DecisionKind {
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  QUESTION_REOPENED = 'QUESTION_REOPENED',
}
registerEnumType(DecisionKind, { name: 'DecisionKind' });

@ObjectType({ description: 'A reviewer\'s decision on a report. Never altered: a new decision is a new row.' })
@Entity({ name: 'report_decision' })
export class ReportDecision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Field(() => DecisionKind)
  @Column({ type: 'text' })
  kind: DecisionKind;

  @Field(() => String, { nullable: true, description: 'Shown to the provider.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId: string | null;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedById: string;

  @Field(() => Date)
  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}

@ObjectType({ description: 'The reviewer\'s assessment of one program goal for a report.' })
@Entity({ name: 'goal_assessment' })
export class GoalAssessment {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Field(() => AssessmentRating)
  @Column({ type: 'text' })
  rating: AssessmentRating;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  motivation: string | null;
}

@ObjectType({ description: 'A conversation about one question of a report, or about the whole report.' })
@Entity({ name: 'comment_thread' })
export class CommentThread {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'answer_at_start', type: 'jsonb', nullable: true })
  answerAtStart: unknown;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById: string | null;
}

@ObjectType({ description: 'One comment. Plain text with line breaks; never rendered as HTML.' })
@Entity({ name: 'comment' })
export class Comment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Field(() => Role)
  @Column({ name: 'author_role', type: 'text' })
  authorRole: Role;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
