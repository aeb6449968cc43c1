import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';
import { CompensationMethodKind } from './entities.js';

@InputType({ description: 'Economics of a unit and year, in whole kronor (SEK). A component left out is 0.' })
export class UnitEconomicsInput {
  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK).' })
  capitation?: number | null;

  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK).' })
  visitFees?: number | null;

  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK).' })
  goalRelated?: number | null;

  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK); not for in-house units.' })
  vatCompensation?: number | null;

  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK).' })
  other?: number | null;

  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK); in-house units only.' })
  fullCost?: number | null;
}

@InputType()
export class UnitEconomicsFilter {
  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@InputType({ description: 'A new version of an obligation\'s compensation method.' })
export class CompensationMethodInput {
  @Field(() => Int)
  validFromYear: number;

  @Field(() => CompensationMethodKind)
  method: CompensationMethodKind;

  @Field(() => Int, { nullable: true, description: 'FIXED_AMOUNT only (required there): the amount per year, whole kronor (SEK).' })
  fixedAmount?: number | null;

  @Field(() => Float, { nullable: true, description: 'SOLE_PROVIDER_DEFICIT only: percent of the deficit, over 0 and at most 100 (none = 100).' })
  sharePercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'SOLE_PROVIDER_DEFICIT only: the most paid in a year, whole kronor (SEK) (none = no cap).' })
  capAmount?: number | null;

  @Field(() => String)
  decisionReference: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A compensation decision; a decision in force for the obligation and year must be named in replacesId.' })
export class DecideCompensationInput {
  @Field(() => ID)
  obligationId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Whole kronor (SEK).' })
  amount: number;

  @Field(() => String)
  basis: string;

  @Field(() => String)
  decisionReference: string;

  @Field(() => LocalDateScalar)
  decidedOn: string;

  @Field(() => ID, { nullable: true, description: 'The decision in force that this one replaces.' })
  replacesId?: string | null;

  @Field(() => String, { description: 'The fingerprint of the proposal the decider saw (CompensationProposal.fingerprint); CONFLICT when the proposal has changed since.' })
  fingerprint: string;
}
