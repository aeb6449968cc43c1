import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../common/scalars.js';
import { AgreementForm, Ownership, UnitKind } from './enums.js';

@ObjectType({ description: 'Kommun, identified by its SCB code.' })
@Entity({ name: 'municipality' })
export class Municipality {
  @Field(() => String, { description: 'Four-digit SCB code, e.g. 2380 for Östersund.' })
  @PrimaryColumn({ type: 'char', length: 4 })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'Two-digit SCB county code (23 = Jämtlands län).' })
  @Column({ name: 'county_code', type: 'char', length: 2 })
  countyCode: string;

  @Field(() => String)
  @Column({ name: 'county_name', type: 'text' })
  countyName: string;
}

@ObjectType({ description: 'Utförare: an organisation that carries out a service, in-house or private.' })
@Entity({ name: 'provider' })
export class Provider {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'Organisationsnummer, NNNNNN-NNNN.' })
  @Column({ name: 'org_number', type: 'char', length: 11 })
  orgNumber: string;

  @Field(() => Ownership)
  @Column({ type: 'text' })
  ownership: Ownership;

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Vårdenhet: a health centre, dental clinic or other place where care is given.' })
@Entity({ name: 'unit' })
export class Unit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => UnitKind)
  @Column({ type: 'text' })
  kind: UnitKind;

  @Field(() => String, { nullable: true, description: 'HSA-id of the unit, when it has one.' })
  @Column({ name: 'hsa_id', type: 'text', nullable: true })
  hsaId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'street_address', type: 'text', nullable: true })
  streetAddress: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Valfrihetssystem (LOV): Hälsoval, vårdval tandvård barn och unga vuxna.' })
@Entity({ name: 'choice_system' })
export class ChoiceSystem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the choice system started.' })
  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'Avtal or uppdragsbeskrivning between the region and a provider.' })
@Entity({ name: 'agreement' })
export class Agreement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'choice_system_id', type: 'uuid', nullable: true })
  choiceSystemId: string | null;

  @Field(() => AgreementForm)
  @Column({ type: 'text' })
  form: AgreementForm;

  @Field(() => String)
  @Column({ type: 'text' })
  reference: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => Boolean, { description: 'False for agreements outside the program (LOF), see outOfScopeReason.' })
  @Column({ name: 'in_program_scope', type: 'boolean' })
  inProgramScope: boolean;

  @Field(() => String, { nullable: true })
  @Column({ name: 'out_of_scope_reason', type: 'text', nullable: true })
  outOfScopeReason: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;
}

@Entity({ name: 'agreement_unit' })
export class AgreementUnit {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;
}
