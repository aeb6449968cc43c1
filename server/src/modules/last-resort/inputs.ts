import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';

@InputType()
export class LastResortObligationInput {
  @Field(() => String, { nullable: true, description: 'Only when creating.' })
  municipalityCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only when creating.' })
  choiceSystemId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The holder: a unit in the municipality.' })
  unitId?: string | null;

  @Field(() => String, { nullable: true })
  minimumService?: string | null;

  @Field(() => Int, { nullable: true })
  openingDaysPerWeek?: number | null;

  @Field(() => String, { nullable: true })
  staffing?: string | null;

  @Field(() => String, { nullable: true })
  services?: string | null;

  @Field(() => String, { nullable: true })
  decisionReference?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo?: string | null;
}

@InputType()
export class LastResortObligationFilter {
  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Choice system code, e.g. HALSOVAL.' })
  choiceSystemCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only obligations valid on some day of this year.' })
  year?: number | null;
}
