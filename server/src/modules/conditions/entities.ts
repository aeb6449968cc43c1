import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars.js';

@ObjectType({ description: 'One decided version of a governing document: its conditions and the decision behind them. Never changed; a change is a new version.' })
@Entity({ name: 'governing_document_version' })
export class GoverningDocumentVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Field(() => Int, { description: '1 for the first decision, then one more for each change.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => String, { description: 'Diarienummer of the decision, e.g. RS/383/2021.' })
  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Field(() => String, { description: 'Who decided, e.g. Regionfullmäktige or Regionstyrelsen.' })
  @Column({ name: 'decided_by', type: 'text' })
  decidedBy: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'decided_at', type: 'date' })
  decidedAt: string;

  @Field(() => String, { nullable: true, description: 'What the decision changed, in a sentence or two.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeScalar, { description: 'When the version was recorded in Insyn.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'One condition (villkor) of a governing document version, e.g. V3.' })
@Entity({ name: 'governing_document_condition' })
export class Condition {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'integer' })
  position: number;

  @Field(() => String, { description: 'Code of the condition (V1, V2, …); the same code across versions is the same condition.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  heading: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;
}

export enum ConditionChange {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ConditionChange, { name: 'ConditionChange', description: 'How a condition differs between two versions.' });

export enum DiffSegmentKind {
  SAME = 'SAME',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(DiffSegmentKind, { name: 'DiffSegmentKind' });

@ObjectType({ description: 'A run of words that is the same in both versions, or only in the new (ADDED) or the old (REMOVED).' })
export class DiffSegment {
  @Field(() => DiffSegmentKind)
  kind: DiffSegmentKind;

  @Field(() => String)
  text: string;
}

@ObjectType({ description: 'One condition code compared between two versions.' })
export class ConditionDiff {
  @Field(() => String)
  code: string;

  @Field(() => ConditionChange)
  change: ConditionChange;

  @Field(() => String, { nullable: true, description: 'Heading in the older version (null when ADDED).' })
  oldHeading: string | null;

  @Field(() => String, { nullable: true, description: 'Heading in the newer version (null when REMOVED).' })
  newHeading: string | null;

  @Field(() => String, { nullable: true, description: 'Text in the older version (null when ADDED).' })
  oldText: string | null;

  @Field(() => String, { nullable: true, description: 'Text in the newer version (null when REMOVED).' })
  newText: string | null;

  @Field(() => [DiffSegment], { description: 'Word-level difference of the heading.' })
  headingSegments: DiffSegment[];

  @Field(() => [DiffSegment], { description: 'Word-level difference of the text: SAME, ADDED and REMOVED runs in reading order.' })
  segments: DiffSegment[];
}

@ObjectType({ description: 'Two versions of a governing document compared condition by condition.' })
export class DocumentDiff {
  @Field(() => ID)
  documentId: string;

  @Field(() => GoverningDocumentVersion)
  from: GoverningDocumentVersion;

  @Field(() => GoverningDocumentVersion)
  to: GoverningDocumentVersion;

  @Field(() => [ConditionDiff], { description: 'In the order of the newer version; removed conditions where they stood in the older one.' })
  conditions: ConditionDiff[];
}
