import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/pagination.js';
import { Ownership } from '../masterdata/enums.js';
import { ReportStatus } from '../reporting/enums.js';

export enum FactDimension {
  INDICATOR = 'INDICATOR',
  PERIOD = 'PERIOD',
  MUNICIPALITY = 'MUNICIPALITY',
  OWNERSHIP = 'OWNERSHIP',
  PROVIDER = 'PROVIDER',
  UNIT = 'UNIT',
}
registerEnumType(FactDimension, { name: 'FactDimension', description: 'A dimension facts can be filtered and grouped by.' });

@InputType({ description: 'Which facts: every list narrows the facts to its values (an empty or absent list does not filter).' })
export class FactFilter {
  @Field(() => [String], { nullable: true })
  indicatorCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: '2025, 2025-T1, 2025-H1, 2025-Q1 or 2025-M01.' })
  periods?: string[] | null;

  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[] | null;

  @Field(() => [Ownership], { nullable: true })
  ownership?: Ownership[] | null;

  @Field(() => [ID], { nullable: true })
  providerIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'false: also the indicator answers of reports not yet published.' })
  publishedOnly?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Only facts changed after this time, for incremental loads.' })
  updatedAfter?: Date | null;
}

@ObjectType({ description: 'One indicator value of one report, with its dimensions.' })
export class Fact {
  @Field(() => ID, { description: 'The fact: report and question. Stays the same when a published value is corrected.' })
  id: string;

  @Field(() => String)
  indicatorCode: string;

  @Field(() => String)
  indicatorName: string;

  @Field(() => String)
  period: string;

  @Field(() => ID)
  providerId: string;

  @Field(() => String)
  providerName: string;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => ID, { nullable: true, description: 'Null when several units reported jointly.' })
  unitId: string | null;

  @Field(() => String, { nullable: true })
  unitName: string | null;

  @Field(() => String)
  municipalityCode: string;

  @Field(() => String)
  municipalityName: string;

  @Field(() => Float, { nullable: true, description: 'Percent for PERCENT indicators, per 1,000 for RATE_PER_1000, else the number. Null when suppressed.' })
  value: number | null;

  @Field(() => Float, { nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  denominator: number | null;

  @Field(() => Float, { nullable: true, description: 'The target for the period\'s year.' })
  target: number | null;

  @Field(() => Boolean, { description: 'True when the value is withheld from this caller (fewer than 5 cases).' })
  suppressed: boolean;

  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date)
  updatedAt: Date;

  reportId: string;
  questionId: string;
}

export const FactConnection = ConnectionType(Fact, 'Fact');
export type FactConnection = InstanceType<typeof FactConnection>;

@ObjectType({ description: 'The value of one dimension in an aggregate row.' })
export class DimensionValue {
  @Field(() => FactDimension)
  dimension: FactDimension;

  @Field(() => String, { nullable: true, description: 'Code, period, ownership or id; null for the unit of joint reports.' })
  value: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the indicator, municipality, provider or unit.' })
  label: string | null;
}

@ObjectType({ description: 'Count, mean, median, min, max and sum of the values (suppressed ones left out) of one group.' })
export class AggregateRow {
  @Field(() => [DimensionValue], { description: 'One value per groupBy dimension, in that order.' })
  key: DimensionValue[];

  @Field(() => Int, { description: 'Number of values that are not suppressed.' })
  count: number;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field(() => Float, { nullable: true })
  median: number | null;

  @Field(() => Float, { nullable: true })
  sum: number | null;
}
