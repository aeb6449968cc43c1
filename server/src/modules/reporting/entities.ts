import { JSONResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementForm } from '../masterdata/enums.js';
import { ServiceArea } from '../program/enums.js';
import { QuestionType, ReportStatus, RoundStatus, TemplateStatus } from './enums.js';

@ObjectType({ description: 'One choice of a SINGLE_CHOICE or MULTI_CHOICE question.' })
export class ChoiceOption {
  @Field(() => String)
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { nullable: true })
  labelEn?: string | null;
}

@ObjectType({ description: 'Uppföljningsmall: a versioned form of sections and questions.' })
@Entity({ name: 'report_template' })
export class ReportTemplate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'Shared by all versions of the same template.' })
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Field(() => ServiceArea)
  @Column({ name: 'service_area', type: 'text' })
  serviceArea: ServiceArea;

  @Field(() => Int, { name: 'version', description: 'The template version (1, 2, …).' })
  @Column({ name: 'template_version', type: 'integer' })
  templateVersion: number;

  @Field(() => TemplateStatus)
  @Column({ type: 'text' })
  status: TemplateStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => Int, { name: 'editVersion', description: 'Version for optimistic locking of draft saves.' })
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType()
@Entity({ name: 'template_section' })
export class Section {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ type: 'integer' })
  position: number;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'title_en', type: 'text', nullable: true })
  titleEn: string | null;
}

@ObjectType({ description: 'One question of a template, with the goal, guideline or indicator it gives evidence for.' })
@Entity({ name: 'question' })
export class Question {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId: string;

  @Column({ type: 'integer' })
  position: number;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'text_en', type: 'text', nullable: true })
  textEn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  help: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'help_en', type: 'text', nullable: true })
  helpEn: string | null;

  @Field(() => QuestionType)
  @Column({ type: 'text' })
  type: QuestionType;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  required: boolean;

  @Field(() => [ChoiceOption], { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  options: ChoiceOption[] | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'min_value', type: 'numeric', nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'max_value', type: 'numeric', nullable: true })
  max: number | null;

  @Field(() => String, { nullable: true, description: 'Unit shown with the field, e.g. "st", "dagar", "%".' })
  @Column({ name: 'unit_label', type: 'text', nullable: true })
  unitLabel: string | null;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @Column({ name: 'guideline_id', type: 'uuid', nullable: true })
  guidelineId: string | null;

  @Column({ name: 'indicator_id', type: 'uuid', nullable: true })
  indicatorId: string | null;

  @Field(() => Boolean, { description: 'TEXT answers are published only when this is true; other types follow the publication rules.' })
  @Column({ name: 'public_answer', type: 'boolean', default: false })
  publicAnswer: boolean;
}

@ObjectType({ description: 'Uppföljningsomgång: one collection with a template, a period and dates.' })
@Entity({ name: 'follow_up_round' })
export class FollowUpRound {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'E.g. "2025", "2025-T2", "2025-H1".' })
  @Column({ type: 'text' })
  period: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ name: 'choice_system_id', type: 'uuid', nullable: true })
  choiceSystemId: string | null;

  @Field(() => [AgreementForm])
  @Column({ name: 'agreement_forms', type: 'text', array: true })
  agreementForms: AgreementForm[];

  @Field(() => Date)
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Field(() => Date)
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Field(() => RoundStatus)
  @Column({ type: 'text' })
  status: RoundStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Självdeklaration: one provider\'s answers for one agreement in one round.' })
@Entity({ name: 'report' })
export class Report {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Field(() => ReportStatus)
  @Column({ type: 'text' })
  status: ReportStatus;

  @Field(() => Int, { description: 'Send it back with saveAnswers and submitReport.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Date)
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'assigned_to', type: 'uuid', nullable: true })
  assignedToId: string | null;

  @Field(() => ID, { nullable: true, description: 'The one question the provider may change after a reviewer reopened it.' })
  @Column({ name: 'reopened_question_id', type: 'uuid', nullable: true })
  reopenedQuestionId: string | null;
}

@ObjectType({ description: 'The answer to one question.' })
@Entity({ name: 'answer' })
export class Answer {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @Field(() => JSONResolver, { nullable: true, description: 'Shape fixed by the question type (see API docs).' })
  @Column({ type: 'jsonb', nullable: true })
  value: unknown;

  @Field(() => String, { nullable: true, description: 'The provider\'s note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Boolean)
  @Column({ name: 'confidentiality_requested', type: 'boolean' })
  confidentialityRequested: boolean;

  @Field(() => String, { nullable: true })
  @Column({ name: 'confidentiality_reason', type: 'text', nullable: true })
  confidentialityReason: string | null;

  @Field(() => Date, { nullable: true, description: 'Last saved (not kept in submission snapshots).' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date | null;
}

@ObjectType({ description: 'An uploaded file; its id is the value of an ATTACHMENT answer.' })
@Entity({ name: 'attachment' })
export class Attachment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Field(() => ID)
  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @Field(() => String)
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Field(() => String)
  @Column({ name: 'media_type', type: 'text' })
  mediaType: string;

  @Field(() => Int)
  @Column({ type: 'bigint' })
  size: number;

  @Field(() => String)
  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

@ObjectType({ description: 'Inlämning: an immutable snapshot of all answers at submit, with its receipt.' })
@Entity({ name: 'submission' })
export class Submission {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Field(() => String, { description: 'Receipt reference, e.g. UPP-2025-000123.' })
  @Column({ type: 'text' })
  reference: string;

  @Field(() => Date)
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'report_version', type: 'integer' })
  reportVersion: number;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @Column({ type: 'jsonb' })
  answers: SnapshotAnswer[];
}

export interface SnapshotAnswer {
  questionId: string;
  code: string;
  value: unknown;
  note: string | null;
  confidentialityRequested: boolean;
  confidentialityReason: string | null;
}
