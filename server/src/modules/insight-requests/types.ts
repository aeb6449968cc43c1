import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/pagination.js';
import { InsightDecision, InsightEventKind, InsightRequest, InsightRequestStatus } from './entities.js';

@InputType({ description: 'An insight request from the public. Plain text; the provider and unit are optional.' })
export class SubmitInsightRequestInput {
  @Field(() => String, { description: 'At most 200 characters.' })
  subject: string;

  @Field(() => String, { description: 'At most 5,000 characters.' })
  description: string;

  @Field(() => ID, { nullable: true })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A unit of the provider (the provider follows from the unit).' })
  unitId?: string | null;

  @Field(() => String, { nullable: true, description: 'For e-mail at each step; optional.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'sv (default) or en: the language of the e-mail.' })
  language?: string | null;
}

@ObjectType({ description: 'The receipt of a new insight request. The tracking code is shown this once and never again.' })
export class SubmittedInsightRequest {
  @Field(() => String)
  reference: string;

  @Field(() => String, { description: 'Keep it: it is the only way to follow the request. Not stored in readable form.' })
  trackingCode: string;

  @Field(() => Date)
  receivedAt: Date;
}

@ObjectType({ description: 'A step of the public timeline.' })
export class PublicInsightEvent {
  @Field(() => InsightEventKind)
  kind: InsightEventKind;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: 'What the requester sees by tracking code: public facts only.' })
export class PublicInsightRequest {
  @Field(() => String)
  reference: string;

  @Field(() => String)
  subject: string;

  @Field(() => InsightRequestStatus)
  status: InsightRequestStatus;

  @Field(() => String, { nullable: true })
  providerName: string | null;

  @Field(() => String, { nullable: true })
  unitName: string | null;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => InsightDecision, { nullable: true })
  decision: InsightDecision | null;

  @Field(() => String, { nullable: true })
  legalGround: string | null;

  @Field(() => String, { nullable: true })
  appealNote: string | null;

  @Field(() => String, { nullable: true })
  decisionText: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => [PublicInsightEvent])
  events: PublicInsightEvent[];
}

@InputType()
export class InsightRequestFilter {
  @Field(() => [InsightRequestStatus], { nullable: true })
  status?: InsightRequestStatus[] | null;

  @Field(() => ID, { nullable: true })
  providerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Forwarded and past the due date.' })
  overdue?: boolean | null;
}

@InputType({ description: 'A part of the answer that is a business secret, and why.' })
export class InsightSecretPartInput {
  @Field(() => String)
  text: string;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: 'One step in an insight request\'s timeline, with who took it.' })
export class InsightRequestStep {
  @Field(() => InsightEventKind)
  kind: InsightEventKind;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true, description: 'Null for the requester (and reminders sent by the system).' })
  actorName: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

export const InsightRequestConnection = ConnectionType(InsightRequest, 'InsightRequest');
export type InsightRequestConnection = InstanceType<typeof InsightRequestConnection>;
