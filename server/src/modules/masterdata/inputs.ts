import { Field, InputType } from 'type-graphql';
import { Ownership, UnitKind } from './enums.js';

@InputType({ description: 'Filter for providers; all given conditions must hold.' })
export class ProviderFilter {
  @Field(() => String, { nullable: true, description: 'Providers with at least one unit in this municipality (SCB code).' })
  municipalityCode?: string | null;

  @Field(() => [Ownership], { nullable: true })
  ownership?: Ownership[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or the organisationsnummer.' })
  search?: string | null;
}

@InputType({ description: 'Filter for units; all given conditions must hold.' })
export class UnitFilter {
  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field(() => [Ownership], { nullable: true, description: 'Ownership of the unit\'s provider.' })
  ownership?: Ownership[] | null;

  @Field(() => String, { nullable: true })
  providerId?: string | null;

  @Field(() => [UnitKind], { nullable: true })
  kind?: UnitKind[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the unit name.' })
  search?: string | null;
}
