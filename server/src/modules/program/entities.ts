import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../common/scalars.js';
import { Direction, DocumentKind, GoalCategory, IndicatorUnit, Obligation, ProgramStatus, ServiceArea } from './enums.js';

@ObjectType({ description: 'A council decision Insyn works under (the program, the equal-conditions rules, …).' })
@Entity({ name: 'governing_document' })
export class GoverningDocument {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => DocumentKind)
  @Column({ type: 'text' })
  kind: DocumentKind;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { description: 'Diarienummer, e.g. RS/383/2021.' })
  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Field(() => String)
  @Column({ name: 'decided_by', type: 'text' })
  decidedBy: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'decided_at', type: 'date', nullable: true })
  decidedAt: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  summary: string;
}

@ObjectType({ description: 'Program for providers (KL 5 kap. 3 §): goals, guidelines, follow-up and insight.' })
@Entity({ name: 'program' })
export class Program {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => Int)
  @Column({ name: 'term_start', type: 'integer' })
  termStart: number;

  @Field(() => Int)
  @Column({ name: 'term_end', type: 'integer' })
  termEnd: number;

  @Field(() => String)
  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'decided_at', type: 'date', nullable: true })
  decidedAt: string | null;

  @Field(() => ProgramStatus)
  @Column({ type: 'text' })
  status: ProgramStatus;

  @Field(() => Int, { description: 'Version of the program text within its decision reference.' })
  @Column({ name: 'program_version', type: 'integer' })
  programVersion: number;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Mål in the program.' })
@Entity({ name: 'goal' })
export class Goal {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => GoalCategory)
  @Column({ type: 'text' })
  category: GoalCategory;

  @Column({ type: 'integer' })
  position: number;
}

@ObjectType({ description: 'Riktlinje in the program: what providers shall or should do.' })
@Entity({ name: 'guideline' })
export class Guideline {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;

  @Field(() => Obligation)
  @Column({ type: 'text' })
  obligation: Obligation;

  @Column({ type: 'integer' })
  position: number;
}

@ObjectType({ description: 'Indikator: a measurable value with a unit, a direction and yearly targets.' })
@Entity({ name: 'indicator' })
export class Indicator {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String)
  @Column({ type: 'text' })
  definition: string;

  @Field(() => IndicatorUnit)
  @Column({ type: 'text' })
  unit: IndicatorUnit;

  @Field(() => Direction)
  @Column({ type: 'text' })
  direction: Direction;

  @Field(() => ServiceArea)
  @Column({ name: 'service_area', type: 'text' })
  serviceArea: ServiceArea;

  @Field(() => String, { nullable: true, description: 'Where the values come from.' })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Målvärde for one year. Values between the amber threshold and the target are amber.' })
@Entity({ name: 'target' })
export class Target {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Float)
  @Column({ type: 'numeric', precision: 14, scale: 4 })
  value: number;

  @Field(() => Float)
  @Column({ name: 'amber_threshold', type: 'numeric', precision: 14, scale: 4 })
  amberThreshold: number;
}
