import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../common/scalars.js';
import { ConnectionType } from '../../common/pagination.js';
import { Municipality, Unit } from '../masterdata/entities.js';
import { Ownership } from '../masterdata/enums.js';

@ObjectType({
  description:
    'Sistahandsansvar: the unit that must keep care going in a municipality and choice system, whoever else leaves, and the minimum service it keeps.',
})
@Entity({ name: 'last_resort_obligation' })
export class LastResortObligation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode: string;

  @Column({ name: 'choice_system_id', type: 'uuid' })
  choiceSystemId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Field(() => String, { description: 'The minimum service, in words.' })
  @Column({ name: 'minimum_service', type: 'text' })
  minimumService: string;

  @Field(() => Int, { nullable: true, description: 'Opening days per week the holder must keep (1–7).' })
  @Column({ name: 'opening_days_per_week', type: 'integer', nullable: true })
  openingDaysPerWeek: number | null;

  @Field(() => String, { nullable: true, description: 'Staffing the holder must keep.' })
  @Column({ type: 'text', nullable: true })
  staffing: string | null;

  @Field(() => String, { nullable: true, description: 'Services the holder must offer.' })
  @Column({ type: 'text', nullable: true })
  services: string | null;

  @Field(() => String)
  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of validity; none while it runs on.' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;
}

export const LastResortObligationConnection = ConnectionType(LastResortObligation, 'LastResortObligation');

@ObjectType({ description: 'Listed persons of one unit for a year (month empty) or one month of it.' })
export class UnitListing {
  @Field(() => ID)
  unitId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true })
  month: number | null;

  @Field(() => Int)
  listedPersons: number;

  @Field(() => String, { description: 'MANUAL, IMPORT or SEED.' })
  source: string;
}

@ObjectType({ description: 'One unit in the coverage view of a year.' })
export class CoverageUnit {
  @Field(() => Unit)
  unit: Unit;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => [String], { description: 'Codes of the choice systems the unit is in that year (by its agreements).' })
  choiceSystemCodes: string[];

  @Field(() => Int, { nullable: true, description: 'Listed persons that year: the yearly figure, else the latest month; none without data.' })
  listedPersons: number | null;
}

@ObjectType({ description: 'Listed persons of one ownership form in a municipality.' })
export class OwnershipListing {
  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int)
  units: number;

  @Field(() => Int)
  listedPersons: number;
}

@ObjectType({ description: 'One choice system in one municipality in the coverage view.' })
export class ChoiceSystemCoverage {
  @Field(() => String)
  choiceSystemCode: string;

  @Field(() => String)
  choiceSystemName: string;

  @Field(() => Int, { description: 'Units of the choice system in the municipality that year.' })
  unitCount: number;

  @Field(() => LastResortObligation, { nullable: true })
  obligation: LastResortObligation | null;

  @Field(() => Boolean, { description: 'The obligation holder is the only unit of the choice system in the municipality.' })
  soleProvider: boolean;

  @Field(() => Unit, {
    nullable: true,
    description: 'The one unit whose closing would leave the municipality without care in this choice system.',
  })
  singlePointOfFailure: Unit | null;
}

@ObjectType({ description: 'A municipality in the coverage view of a year.' })
export class MunicipalityCoverage {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => [Unit], { description: 'Units in the municipality in any choice system that year.' })
  units: Unit[];

  @Field(() => [CoverageUnit], { description: 'The same units with ownership and listed persons.' })
  unitCoverage: CoverageUnit[];

  @Field(() => [LastResortObligation], { description: 'Obligations valid on some day of the year.' })
  obligations: LastResortObligation[];

  @Field(() => Boolean, { description: 'For some choice system, the obligation holder is the only unit there.' })
  soleProvider: boolean;

  @Field(() => Int, { nullable: true, description: 'Listed persons of all its units that year; none without data.' })
  listedPersons: number | null;

  @Field(() => [OwnershipListing])
  listedByOwnership: OwnershipListing[];

  @Field(() => [ChoiceSystemCoverage])
  choiceSystems: ChoiceSystemCoverage[];

  @Field(() => [Unit], { description: 'Units whose closing alone would leave the municipality without care in a choice system.' })
  singlePointsOfFailure: Unit[];
}

@ObjectType({ description: 'What an import stored.' })
export class ListingImportResult {
  @Field(() => Int)
  rows: number;

  @Field(() => Int)
  units: number;

  @Field(() => [Int])
  years: number[];
}
