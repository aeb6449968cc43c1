import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum InsightRequestStatus {
  RECEIVED = 'RECEIVED',
  REGISTERED = 'REGISTERED',
  FORWARDED = 'FORWARDED',
  ANSWERED = 'ANSWERED',
  DECIDED = 'DECIDED',
  CLOSED = 'CLOSED',
}
registerEnumType(InsightRequestStatus, {
  name: 'InsightRequestStatus',
  description: 'RECEIVED → REGISTERED → FORWARDED (private providers) → ANSWERED → DECIDED → CLOSED; in-house: REGISTERED → ANSWERED.',
});

export enum InsightDecision {
  DISCLOSED = 'DISCLOSED',
  PARTLY_DISCLOSED = 'PARTLY_DISCLOSED',
  REFUSED = 'REFUSED',
}
registerEnumType(InsightDecision, { name: 'InsightDecision', description: 'The region\'s secrecy review (sekretessprövning) of a request.' });

export enum InsightEventKind {
  RECEIVED = 'RECEIVED',
  REGISTERED = 'REGISTERED',
  FORWARDED = 'FORWARDED',
  REMINDED = 'REMINDED',
  ANSWERED = 'ANSWERED',
  DECIDED = 'DECIDED',
  CLOSED = 'CLOSED',
}
registerEnumType(InsightEventKind, { name: 'InsightEventKind' });

@ObjectType({ description: 'Insynsbegäran: a request from the public for information about a provider. Plain text, never HTML.' })
@Entity({ name: 'insight_request' })
export class InsightRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'E.g. INS-2026-0001.' })
  @Column({ type: 'text' })
  reference: string;

  @Field(() => String)
  @Column({ type: 'text' })
  subject: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'provider_id', type: 'uuid', nullable: true })
  providerId: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'requester_email', type: 'text', nullable: true })
  requesterEmail: string | null;

  @Field(() => String, { description: 'The requester\'s language for e-mail: sv or en.' })
  @Column({ type: 'text' })
  language: string;

  @Field(() => InsightRequestStatus)
  @Column({ type: 'text' })
  status: InsightRequestStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true })
  registeredAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true })
  forwardedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the provider is to answer by.' })
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The answer (of the provider, or of the region for in-house units).' })
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredById: string | null;

  @Field(() => InsightDecision, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decision: InsightDecision | null;

  @Field(() => String, { nullable: true, description: 'E.g. OSL 31 kap. 16 §; required unless DISCLOSED.' })
  @Column({ name: 'legal_ground', type: 'text', nullable: true })
  legalGround: string | null;

  @Field(() => String, { nullable: true, description: 'How to appeal; required unless DISCLOSED.' })
  @Column({ name: 'appeal_note', type: 'text', nullable: true })
  appealNote: string | null;

  @Field(() => String, { nullable: true, description: 'The decision as the requester reads it.' })
  @Column({ name: 'decision_text', type: 'text', nullable: true })
  decisionText: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why a request was closed without a decision (withdrawn, not a request).' })
  @Column({ name: 'close_note', type: 'text', nullable: true })
  closeNote: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back with every step.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Date, { description: 'When the request was received.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  receivedAt: Date;
}

@ObjectType({ description: 'One step in an insight request\'s timeline.' })
@Entity({ name: 'insight_request_event' })
export class InsightRequestEvent {
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Field(() => InsightEventKind)
  @Column({ type: 'text' })
  kind: InsightEventKind;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Public note (e.g. why a request was closed).' })
  @Column({ name: 'public_note', type: 'text', nullable: true })
  note: string | null;
}

@ObjectType({ description: 'A part of the provider\'s answer it marks as a business secret, with its reason. Never public.' })
@Entity({ name: 'insight_request_secret_part' })
export class InsightSecretPart {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'integer' })
  position: number;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;

  @Field(() => String)
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
