import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';
import { Direction, GoalCategory, IndicatorUnit, Obligation, ServiceArea } from './enums.js';

@InputType()
export class GoalInput {
  @Field(() => ID, { nullable: true, description: 'Existing goal to keep; omit for a new goal.' })
  id?: string | null;

  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => GoalCategory)
  category: GoalCategory;
}

@InputType()
export class GuidelineInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  code: string;

  @Field(() => String)
  text: string;

  @Field(() => Obligation)
  obligation: Obligation;

  @Field(() => String, { nullable: true, description: 'Code of the goal the guideline serves.' })
  goalCode?: string | null;
}

@InputType({ description: 'A draft program: the whole text with its goals and guidelines, in order.' })
export class ProgramDraftInput {
  @Field(() => String)
  title: string;

  @Field(() => Int)
  termStart: number;

  @Field(() => Int)
  termEnd: number;

  @Field(() => String)
  decisionReference: string;

  @Field(() => [GoalInput])
  goals: GoalInput[];

  @Field(() => [GuidelineInput])
  guidelines: GuidelineInput[];
}

@InputType()
export class AdoptProgramInput {
  @Field(() => String)
  decidedBy: string;

  @Field(() => LocalDateScalar)
  decidedAt: string;
}

@InputType()
export class IndicatorInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  definition?: string | null;

  @Field(() => IndicatorUnit, { nullable: true })
  unit?: IndicatorUnit | null;

  @Field(() => Direction, { nullable: true })
  direction?: Direction | null;

  @Field(() => ServiceArea, { nullable: true })
  serviceArea?: ServiceArea | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => ID, { nullable: true })
  goalId?: string | null;
}

@InputType()
export class TargetInput {
  @Field(() => Int)
  year: number;

  @Field(() => Float)
  value: number;

  @Field(() => Float, { description: 'Values beyond this (on the worse side) are red; between it and the target, amber.' })
  amberThreshold: number;
}
