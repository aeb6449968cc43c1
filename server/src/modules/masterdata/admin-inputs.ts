import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';
import { AgreementForm, Ownership, UnitKind } from './enums.js';

@InputType()
export class ProviderInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisationsnummer, checked (Luhn).' })
  orgNumber?: string | null;

  @Field(() => Ownership, { nullable: true })
  ownership?: Ownership | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@InputType()
export class UnitInput {
  @Field(() => ID, { nullable: true, description: 'Only when creating: units do not move between providers.' })
  providerId?: string | null;

  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => UnitKind, { nullable: true })
  kind?: UnitKind | null;

  @Field(() => String, { nullable: true })
  hsaId?: string | null;

  @Field(() => String, { nullable: true })
  streetAddress?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;
}

@InputType()
export class AgreementInput {
  @Field(() => ID, { nullable: true, description: 'Only when creating.' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true })
  choiceSystemId?: string | null;

  @Field(() => AgreementForm, { nullable: true })
  form?: AgreementForm | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The provider\'s units the agreement covers.' })
  unitIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the agreement is outside the program. Required for LOF; any other agreement with a reason is outside too.',
  })
  outOfScopeReason?: string | null;
}

@InputType()
export class ChoiceSystemInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startedOn?: string | null;
}
