import { JSONResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum PublicResponseStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PublicResponseStatus, {
  name: 'PublicResponseStatus',
  description: 'PENDING: waits for a reviewer. ACCEPTED: shown beside the results. REJECTED: with a reason. WITHDRAWN: replaced by a newer one.',
});

export enum WithheldReason {
  CONFIDENTIAL = 'CONFIDENTIAL',
  TEXT_NOT_PUBLIC = 'TEXT_NOT_PUBLIC',
  ATTACHMENT = 'ATTACHMENT',
}
registerEnumType(WithheldReason, {
  name: 'WithheldReason',
  description: 'Why an answer is never published: confidentiality granted, free text of a question not marked public, or a file.',
});

@ObjectType({ description: 'The region\'s decision on a confidentiality request. Never altered: a new decision is a new row, and the latest counts.' })
@Entity({ name: 'confidentiality_decision' })
export class ConfidentialityDecision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @Field(() => Boolean, { description: 'true: the answer is never published.' })
  @Column({ type: 'boolean' })
  granted: boolean;

  @Field(() => String)
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedById: string;

  @Field(() => Date)
  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}

@Entity({ name: 'publication' })
export class Publication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ type: 'text' })
  kind: 'PUBLISHED' | 'CORRECTED';

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedById: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}

@ObjectType({ description: 'One published value of a report: immutable; a correction is a new version.' })
@Entity({ name: 'published_value' })
export class PublishedValue {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @Field(() => Int, { description: '1 when published; each correction adds one.' })
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  period: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'text' })
  ownership: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Field(() => String)
  @Column({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode: string;

  @Column({ name: 'indicator_id', type: 'uuid', nullable: true })
  indicatorId: string | null;

  @Field(() => JSONResolver, { nullable: true, description: 'The answer as published; null when suppressed.' })
  @Column({ type: 'jsonb', nullable: true })
  value: unknown;

  @Field(() => Float, { nullable: true, description: 'The indicator reading (percent, per 1,000, …) or the number; null when suppressed.' })
  @Column({ name: 'value_number', type: 'double precision', nullable: true })
  valueNumber: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  denominator: number | null;

  @Field(() => Float, { nullable: true, description: 'The target for the period\'s year.' })
  @Column({ type: 'double precision', nullable: true })
  target: number | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  suppressed: boolean;

  @Field(() => String, { nullable: true, description: 'SMALL_COUNT: fewer than 5, not shown as a number.' })
  @Column({ name: 'suppression_reason', type: 'text', nullable: true })
  suppressionReason: string | null;

  @Field(() => Date)
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}

@ObjectType({ description: 'The provider\'s short public response to its published results; shown once a reviewer accepts it.' })
@Entity({ name: 'public_response' })
export class PublicResponse {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Field(() => String, { description: 'Plain text (line breaks kept); never rendered as HTML.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => PublicResponseStatus)
  @Column({ type: 'text' })
  status: PublicResponseStatus;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedById: string;

  @Field(() => Date)
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}
