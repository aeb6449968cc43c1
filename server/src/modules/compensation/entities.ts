import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ConnectionType } from '../../common/pagination.js';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars.js';
import { LastResortObligation } from '../last-resort/entities.js';

export enum CompensationMethodKind {
  FIXED_AMOUNT = 'FIXED_AMOUNT',
  SOLE_PROVIDER_DEFICIT = 'SOLE_PROVIDER_DEFICIT',
}
registerEnumType(CompensationMethodKind, {
  name: 'CompensationMethodKind',
  description:
    'FIXED_AMOUNT: a fixed sum each year. SOLE_PROVIDER_DEFICIT: when the holder is the only unit of the choice system in the municipality, a share of its deficit (full cost minus reimbursement), capped.',
});

@ObjectType({
  description:
    'Economics of one unit in one year, in whole kronor (SEK): reimbursement by component and, for in-house units, the full cost. Reimbursement = capitation + visitFees + goalRelated + vatCompensation + other.',
})
@Entity({ name: 'unit_economics' })
export class UnitEconomics {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int, { description: 'Capitation (ersättning per listad person), whole kronor (SEK).' })
  @Column({ type: 'bigint' })
  capitation: number;

  @Field(() => Int, { description: 'Visit fees and visit-based reimbursement, whole kronor (SEK).' })
  @Column({ name: 'visit_fees', type: 'bigint' })
  visitFees: number;

  @Field(() => Int, { description: 'Goal-related reimbursement, whole kronor (SEK).' })
  @Column({ name: 'goal_related', type: 'bigint' })
  goalRelated: number;

  @Field(() => Int, { description: 'VAT compensation (momskompensation), whole kronor (SEK); never for in-house units.' })
  @Column({ name: 'vat_compensation', type: 'bigint' })
  vatCompensation: number;

  @Field(() => Int, { description: 'Other reimbursement, whole kronor (SEK).' })
  @Column({ type: 'bigint' })
  other: number;

  @Field(() => Int, { nullable: true, description: 'Full cost of the year, whole kronor (SEK): in-house units only; none when not reported.' })
  @Column({ name: 'full_cost', type: 'bigint', nullable: true })
  fullCost: number | null;

  @Field(() => String, { description: 'MANUAL, IMPORT or SEED.' })
  @Column({ type: 'text' })
  source: string;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => DateTimeScalar)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const UnitEconomicsConnection = ConnectionType(UnitEconomics, 'UnitEconomics');

@ObjectType({ description: 'One version of the compensation method of an obligation (append-only).' })
@Entity({ name: 'compensation_method' })
export class CompensationMethod {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'obligation_id', type: 'uuid' })
  obligationId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Int, { description: 'First year the version applies to; it applies until a later version takes over.' })
  @Column({ name: 'valid_from_year', type: 'integer' })
  validFromYear: number;

  @Field(() => CompensationMethodKind)
  @Column({ type: 'text' })
  method: CompensationMethodKind;

  @Field(() => Int, { nullable: true, description: 'FIXED_AMOUNT: the amount per year, whole kronor (SEK).' })
  @Column({ name: 'fixed_amount', type: 'bigint', nullable: true })
  fixedAmount: number | null;

  @Field(() => Float, { nullable: true, description: 'SOLE_PROVIDER_DEFICIT: share of the deficit compensated, percent (none = 100).' })
  @Column({ name: 'share_percent', type: 'numeric', precision: 5, scale: 2, nullable: true })
  sharePercent: number | null;

  @Field(() => Int, { nullable: true, description: 'SOLE_PROVIDER_DEFICIT: the most paid in a year, whole kronor (SEK) (none = no cap).' })
  @Column({ name: 'cap_amount', type: 'bigint', nullable: true })
  capAmount: number | null;

  @Field(() => String)
  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'One input of a compensation proposal, with where it came from.' })
export class CompensationInput {
  @Field(() => String, {
    description:
      'What the input is (a key for the interface to name): METHOD, VALID_FROM_YEAR, FIXED_AMOUNT, SOLE_PROVIDER, UNIT_COUNT, CAPITATION, VISIT_FEES, GOAL_RELATED, VAT_COMPENSATION, OTHER, REIMBURSEMENT, FULL_COST, DEFICIT, SHARE_PERCENT, DEFICIT_SHARE, CAP_AMOUNT, AMOUNT. DEFICIT_SHARE is deficit × share / 100: amount rounded to the nearest krona (half up), number the exact value, text ROUNDED when the two differ.',
  })
  key: string;

  @Field(() => Int, { nullable: true, description: 'A sum in whole kronor (SEK).' })
  amount: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A number that is not whole kronor: a count, a percentage, or (DEFICIT_SHARE) the exact share of the deficit before it is rounded to whole kronor.',
  })
  number: number | null;

  @Field(() => String, { nullable: true, description: 'A text or code (a method, YES / NO, ROUNDED).' })
  text: string | null;

  @Field(() => String, { description: 'Where it came from: METHOD, UNIT_ECONOMICS, COVERAGE or CALCULATION.' })
  source: string;

  @Field(() => String, { nullable: true, description: 'Which record: a method version and decision, a unit and the version of its economics.' })
  sourceDetail: string | null;
}

@ObjectType({ description: 'A decision on the compensation of one obligation for one year (append-only; a correction replaces it).' })
@Entity({ name: 'compensation_decision' })
export class CompensationDecision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'obligation_id', type: 'uuid' })
  obligationId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  /** The holder of the obligation when decided. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Field(() => Int, { description: 'Whole kronor (SEK).' })
  @Column({ type: 'bigint' })
  amount: number;

  @Field(() => String, { description: 'The grounds of the decision, in words.' })
  @Column({ type: 'text' })
  basis: string;

  @Field(() => String)
  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Column({ name: 'method_id', type: 'uuid', nullable: true })
  methodId: string | null;

  @Field(() => [CompensationInput], { description: 'The inputs of the proposal the decision was made on, as they were then.' })
  @Column({ type: 'jsonb' })
  inputs: CompensationInput[];

  @Column({ name: 'replaces_id', type: 'uuid', nullable: true })
  replacesId: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const CompensationDecisionConnection = ConnectionType(CompensationDecision, 'CompensationDecision');

@ObjectType({ description: 'What the method in force gives for one obligation and year, with every input used.' })
export class CompensationProposal {
  @Field(() => LastResortObligation)
  obligation: LastResortObligation;

  @Field(() => Int)
  year: number;

  @Field(() => CompensationMethod, { nullable: true, description: 'The method in force that year; none when no version applies.' })
  method: CompensationMethod | null;

  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK); none when it cannot be computed (see missing).' })
  amount: number | null;

  @Field(() => Boolean, { description: 'The holder is the only unit of the choice system in the municipality that year.' })
  soleProvider: boolean;

  @Field(() => Int, { description: 'Units of the choice system in the municipality that year.' })
  unitCount: number;

  @Field(() => [CompensationInput], { description: 'Every input the amount was computed from, in order.' })
  inputs: CompensationInput[];

  @Field(() => [String], { description: 'What is missing for an amount: METHOD, ECONOMICS (of the holder that year), FULL_COST.' })
  missing: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Why the amount is what it is, when not plain: NO_METHOD, NOT_SOLE_PROVIDER, NO_DEFICIT, CAPPED, MISSING_INPUTS.',
  })
  reason: string | null;

  @Field(() => String, {
    description: 'A stable hash of the method version and every input value: send it with decideCompensation (CONFLICT when the proposal has changed since).',
  })
  fingerprint: string;

  @Field(() => CompensationDecision, { nullable: true, description: 'The decision in force for the obligation and year.' })
  decisionInForce: CompensationDecision | null;

  @Field(() => [CompensationDecision], { description: 'Every decision for the obligation and year, oldest first (replaced ones too).' })
  decisions: CompensationDecision[];
}

@ObjectType({ description: 'What an economics import stored.' })
export class EconomicsImportResult {
  @Field(() => Int)
  rows: number;

  @Field(() => Int)
  units: number;

  @Field(() => [Int])
  years: number[];
}
