import { JSONResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { TargetColour } from '../program/enums.js';
import { Question } from '../reporting/entities.js';
import { WithheldReason } from './entities.js';

@ObjectType({ description: 'One value as the public will see it once the report is published.' })
export class PublishedValuePreview {
  @Field(() => Question)
  question: Question;

  @Field(() => JSONResolver, { nullable: true, description: 'null when suppressed.' })
  value: unknown;

  @Field(() => Float, { nullable: true })
  valueNumber: number | null;

  @Field(() => Float, { nullable: true })
  target: number | null;

  @Field(() => TargetColour, { nullable: true })
  colour: TargetColour | null;

  @Field(() => Boolean)
  suppressed: boolean;

  @Field(() => String, { nullable: true })
  suppressionReason: string | null;
}

@ObjectType({ description: 'An answer that is never published, and why.' })
export class WithheldAnswer {
  @Field(() => Question)
  question: Question;

  @Field(() => WithheldReason)
  reason: WithheldReason;
}

@ObjectType({ description: 'Exactly what publishing the report would make public, and what is held back.' })
export class PublicationPreview {
  @Field(() => [PublishedValuePreview])
  values: PublishedValuePreview[];

  @Field(() => [WithheldAnswer])
  withheld: WithheldAnswer[];

  @Field(() => [Question], { description: 'Questions whose confidentiality request the region has not decided yet.' })
  pendingConfidentiality: Question[];

  @Field(() => Boolean, { description: 'APPROVED, every confidentiality request decided, not published yet.' })
  canPublish: boolean;

  @Field(() => String, { nullable: true, description: 'Why the report cannot be published now (English).' })
  blockedReason: string | null;
}

@ObjectType({ description: 'A correction of a published value: the old and the new version, with the reason.' })
export class Correction {
  questionId: string;

  @Field(() => Int, { description: 'The version the correction made.' })
  version: number;

  @Field(() => JSONResolver, { nullable: true })
  oldValue: unknown;

  @Field(() => Float, { nullable: true })
  oldValueNumber: number | null;

  @Field(() => Boolean)
  oldSuppressed: boolean;

  @Field(() => JSONResolver, { nullable: true })
  newValue: unknown;

  @Field(() => Float, { nullable: true })
  newValueNumber: number | null;

  @Field(() => Boolean)
  newSuppressed: boolean;

  @Field(() => String)
  reason: string;

  @Field(() => Date)
  correctedAt: Date;

  correctedById: string;
}

@InputType({ description: 'A corrected value of one published question, with the reason the public will read.' })
export class CorrectPublishedValueInput {
  @Field(() => ID)
  reportId: string;

  @Field(() => ID)
  questionId: string;

  @Field(() => JSONResolver, { nullable: true, description: 'Shaped as the question type fixes (see API docs).' })
  value: unknown;

  @Field(() => String)
  reason: string;
}
