import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/pagination.js';
import { Ownership } from '../masterdata/enums.js';
import { Report } from './entities.js';
import { ReportStatus } from './enums.js';

export const ReportConnection = ConnectionType(Report, 'Report');
export type ReportConnection = InstanceType<typeof ReportConnection>;

@InputType()
export class ReportFilter {
  @Field(() => [ReportStatus], { nullable: true })
  status?: ReportStatus[] | null;

  @Field(() => ID, { nullable: true })
  roundId?: string | null;

  @Field(() => ID, { nullable: true })
  providerId?: string | null;

  @Field(() => [Ownership], { nullable: true })
  ownership?: Ownership[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Past due and not yet submitted (or returned for changes).' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Reports with a unit in this municipality (SCB code).' })
  municipalityCode?: string | null;

  @Field(() => ID, { nullable: true })
  choiceSystemId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: assigned to me; false: assigned to nobody.' })
  assignedToMe?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: reports of closed rounds only; false: of rounds still planned or open.' })
  roundClosed?: boolean | null;
}

@InputType({ description: 'One answer to save. value: JSON whose shape the question type fixes; null clears it.' })
export class AnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => JSONResolver, { nullable: true })
  value?: unknown;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Boolean, { nullable: true })
  confidentialityRequested?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why the answer should be kept confidential (OSL 31:16).' })
  confidentialityReason?: string | null;
}

@ObjectType({ description: 'How far a report has come.' })
export class ReportProgress {
  @Field(() => Int)
  answered: number;

  @Field(() => Int)
  required: number;

  @Field(() => Int)
  requiredAnswered: number;

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'Reports of a round by status and ownership.' })
export class StatusCount {
  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  overdue: number;
}
