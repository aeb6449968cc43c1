import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Municipality } from '../masterdata/entities.js';
import { Ownership, UnitKind } from '../masterdata/enums.js';
import { Goal, Indicator } from '../program/entities.js';
import { TargetColour } from '../program/enums.js';
import { AssessmentRating } from '../review/entities.js';

export enum Trend {
  IMPROVING = 'IMPROVING',
  WORSENING = 'WORSENING',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(Trend, {
  name: 'Trend',
  description: 'How the latest value compares with the one before, read in the indicator\'s direction.',
});

@ObjectType({ description: 'One published value as the public sees it: a number, a text or a suppressed value.' })
export class PublicValue {
  @Field(() => ID, { description: 'The published version shown (a correction is a new version).' })
  id: string;

  indicatorId: string | null;
  reportId: string;
  questionId: string;

  @Field(() => Indicator, { nullable: true, description: 'The indicator the value measures, when the question has one.' })
  indicator?: Indicator | null;

  @Field(() => String, { description: 'Question code in the follow-up template, e.g. 1.1.' })
  questionCode: string;

  @Field(() => String, { description: 'The question, in Swedish.' })
  question: string;

  @Field(() => String, { nullable: true, description: 'The question in English, when translated.' })
  questionEn: string | null;

  @Field(() => String, { description: 'Period of the follow-up: 2025, 2025-T1, 2025-H2, …' })
  period: string;

  @Field(() => Float, { nullable: true, description: 'The number: percent for PERCENT indicators, per 1,000 for RATE_PER_1000. Null when suppressed or not a number.' })
  value: number | null;

  @Field(() => String, { nullable: true, description: 'A published text, date or chosen option(s) (Swedish labels).' })
  text: string | null;

  @Field(() => String, { nullable: true, description: 'The chosen option(s) with English labels, when translated.' })
  textEn: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A yes/no answer.' })
  flag: boolean | null;

  @Field(() => Float, { nullable: true, description: 'The target for the period\'s year.' })
  target: number | null;

  @Field(() => TargetColour, { nullable: true, description: 'The value read against the target. Never the only signal: show the value and the target too.' })
  colour: TargetColour | null;

  @Field(() => Boolean, { description: 'True when the value is too small to publish (a count or numerator under 5).' })
  suppressed: boolean;

  @Field(() => String, { nullable: true, description: 'Why the value is suppressed: SMALL_COUNT.' })
  suppressionReason: string | null;

  @Field(() => Boolean, { description: 'True when this value replaced an earlier published value (see the correction log).' })
  corrected: boolean;

  @Field(() => Date)
  publishedAt: Date;

  /** For ordering within a report. */
  sectionPosition: number;
  questionPosition: number;
}

@ObjectType({ description: 'A unit on the public pages: master data and its latest key values.' })
export class PublicUnit {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => ID)
  providerId: string;

  @Field(() => String)
  providerName: string;

  @Field(() => String, { nullable: true })
  city: string | null;

  municipalityCode: string;

  @Field(() => Municipality)
  municipality?: Municipality;

  @Field(() => [PublicValue], { description: 'The latest published period\'s values of up to three indicators (template order).' })
  keyIndicators?: PublicValue[];
}

@ObjectType({ description: 'One indicator over the published periods of a unit.' })
export class PublicSeries {
  indicatorId: string;

  @Field(() => Indicator)
  indicator?: Indicator;

  @Field(() => [PublicValue], { description: 'One value per period, oldest first.' })
  values: PublicValue[];

  @Field(() => Trend, { nullable: true, description: 'The latest value against the one before; null with fewer than two numbers.' })
  trend: Trend | null;
}

@ObjectType({ description: 'The region\'s assessment of one program goal in an approved and published report.' })
export class PublicAssessment {
  goalId: string;

  @Field(() => Goal)
  goal?: Goal;

  @Field(() => AssessmentRating)
  rating: AssessmentRating;

  @Field(() => String, { nullable: true })
  motivation: string | null;

  @Field(() => String)
  period: string;

  @Field(() => Date)
  assessedAt: Date;
}

@ObjectType({ description: 'The provider\'s public response to its published results, as accepted by the region.' })
export class PublicResponseText {
  @Field(() => String)
  period: string;

  @Field(() => String, { description: 'Plain text; never rendered as HTML.' })
  body: string;

  @Field(() => String)
  providerName: string;

  @Field(() => Date)
  acceptedAt: Date;
}

@ObjectType({ description: 'One correction of a published value: the old and the new value, when and why.' })
export class PublicCorrection {
  indicatorId: string | null;

  @Field(() => Indicator, { nullable: true })
  indicator?: Indicator | null;

  @Field(() => String)
  questionCode: string;

  @Field(() => String)
  question: string;

  @Field(() => String)
  period: string;

  @Field(() => Float, { nullable: true })
  oldValue: number | null;

  @Field(() => Float, { nullable: true })
  newValue: number | null;

  @Field(() => String, { nullable: true, description: 'The old value when it was a text.' })
  oldText: string | null;

  @Field(() => String, { nullable: true, description: 'The new value when it is a text.' })
  newText: string | null;

  @Field(() => Boolean)
  oldSuppressed: boolean;

  @Field(() => Boolean)
  newSuppressed: boolean;

  @Field(() => Int, { description: 'The published version the correction created (2 for the first correction).' })
  version: number;

  @Field(() => Date)
  date: Date;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: 'Everything the public unit page shows.' })
export class PublicUnitDetail {
  @Field(() => PublicUnit)
  unit: PublicUnit;

  @Field(() => [String], { description: 'Published periods, newest first.' })
  periods: string[];

  @Field(() => [PublicValue], { description: 'All current published values, newest period first, in template order.' })
  results: PublicValue[];

  @Field(() => [PublicSeries], { description: 'Each indicator over the periods, for the trend chart.' })
  series: PublicSeries[];

  @Field(() => [PublicAssessment], { description: 'The region\'s assessment per goal, newest period first.' })
  assessments: PublicAssessment[];

  @Field(() => PublicResponseText, { nullable: true, description: 'The accepted response to the latest period that has one.' })
  response: PublicResponseText | null;

  @Field(() => [PublicResponseText], { description: 'Accepted responses, newest period first.' })
  responses: PublicResponseText[];

  @Field(() => [PublicCorrection], { description: 'Correction log, newest first.' })
  corrections: PublicCorrection[];

  @Field(() => [String], { description: 'When the unit reports jointly with others: the names of all units of the joint report.' })
  jointUnits: string[];

  @Field(() => [Indicator], { description: 'Definitions of the indicators shown, by name.' })
  indicators: Indicator[];
}

@ObjectType({ description: 'One published value of the compared indicator, side by side with the others.' })
export class ComparisonRow {
  @Field(() => ID, { description: 'The unit; for a joint report the first of its units by name.' })
  unitId: string;

  @Field(() => String, { description: 'The unit; for a joint report its units, by name.' })
  unitName: string;

  @Field(() => Boolean, { description: 'True when several units reported together.' })
  jointly: boolean;

  @Field(() => ID)
  providerId: string;

  @Field(() => String)
  providerName: string;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => String)
  municipalityCode: string;

  @Field(() => Float, { nullable: true, description: 'Null when suppressed.' })
  value: number | null;

  @Field(() => Float, { nullable: true })
  target: number | null;

  @Field(() => TargetColour, { nullable: true })
  colour: TargetColour | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({ description: 'The values of one ownership form: how many (suppressed ones not counted), mean and median.' })
export class OwnershipAggregate {
  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int, { description: 'Number of values that are not suppressed.' })
  count: number;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { nullable: true })
  median: number | null;
}

@ObjectType({ description: 'One indicator and period: every published unit side by side, and per ownership.' })
export class Comparison {
  @Field(() => Indicator)
  indicator: Indicator;

  @Field(() => String)
  period: string;

  @Field(() => [ComparisonRow])
  rows: ComparisonRow[];

  @Field(() => [OwnershipAggregate])
  byOwnership: OwnershipAggregate[];
}
