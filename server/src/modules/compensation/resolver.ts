import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { Ownership } from '../masterdata/enums.js';
import { Unit } from '../masterdata/entities.js';
import { LastResortObligation } from '../last-resort/entities.js';
import {
  CompensationDecision,
  CompensationDecisionConnection,
  CompensationMethod,
  CompensationProposal,
  EconomicsImportResult,
  UnitEconomics,
  UnitEconomicsConnection,
} from './entities.js';
import { CompensationMethodInput, DecideCompensationInput, UnitEconomicsFilter, UnitEconomicsInput } from './inputs.js';
import { reimbursementOf } from './proposal.js';
import { compensationLoaders, compensationService, methodInForce } from './service.js';

const REGION_READERS = ['ADMIN', 'REVIEWER', 'AUDITOR'] as const;

@Resolver(() => UnitEconomics)
export class UnitEconomicsResolver {
  @Query(() => UnitEconomicsConnection, { description: 'ADMIN, REVIEWER, AUDITOR: economics of the units in a year, by unit name.' })
  unitEconomics(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('filter', () => UnitEconomicsFilter, { nullable: true }) filter: UnitEconomicsFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return compensationService.economics(ctx, year, filter, first, after);
  }

  @Mutation(() => UnitEconomics, {
    description:
      'ADMIN, REVIEWER: a unit\'s economics for a year (every figure; a component left out is 0). expectedVersion: the version edited, none for new economics (CONFLICT when stale). VAT compensation is refused for in-house units and full cost for others.',
  })
  setUnitEconomics(
    @Ctx() ctx: Context,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('year', () => Int) year: number,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Arg('input', () => UnitEconomicsInput) input: UnitEconomicsInput,
  ): Promise<UnitEconomics> {
    return compensationService.setEconomics(ctx, unitId, year, expectedVersion, input);
  }

  @Mutation(() => EconomicsImportResult, {
    description:
      'ADMIN, REVIEWER: imports unit economics from CSV text (UTF-8, `;` or `,`; columns hsa_id or unit_id, year, capitation, visit_fees, goal_related, vat_compensation, other, full_cost; amounts in whole kronor (SEK), spaces between thousands and a zero decimal part such as 1 234 567,00 allowed, öre refused). Stored economics get only the amount columns the file has; the rest is kept. Any bad row: BAD_USER_INPUT listing every bad row (path csv.<line>.<column>) and nothing stored.',
  })
  importUnitEconomics(@Ctx() ctx: Context, @Arg('csv', () => String) csv: string): Promise<EconomicsImportResult> {
    return compensationService.importEconomics(ctx, csv);
  }

  @FieldResolver(() => Unit)
  async unit(@Root() e: UnitEconomics, @Ctx() ctx: Context): Promise<Unit> {
    return (await ctx.loaders.unitById.load(e.unitId))!;
  }

  @FieldResolver(() => Ownership, { description: 'Ownership of the unit\'s provider.' })
  async ownership(@Root() e: UnitEconomics, @Ctx() ctx: Context): Promise<Ownership> {
    const unit = (await ctx.loaders.unitById.load(e.unitId))!;
    return (await ctx.loaders.providerById.load(unit.providerId))!.ownership as Ownership;
  }

  @FieldResolver(() => Int, { description: 'Reimbursement of the year: the sum of the components, whole kronor (SEK).' })
  reimbursement(@Root() e: UnitEconomics): number {
    return reimbursementOf(e);
  }
}

@Resolver(() => CompensationMethod)
export class CompensationMethodResolver {
  @Query(() => [CompensationMethod], { description: 'ADMIN, REVIEWER, AUDITOR: every version of an obligation\'s compensation method, oldest first.' })
  compensationMethods(@Ctx() ctx: Context, @Arg('obligationId', () => ID) obligationId: string): Promise<CompensationMethod[]> {
    return compensationService.methods(ctx, obligationId);
  }

  @Mutation(() => CompensationMethod, {
    description:
      'ADMIN, REVIEWER: a new version of an obligation\'s compensation method; it applies from validFromYear until a later version takes over. expectedVersion: the latest version the editor saw (0 when none); CONFLICT when another version was added since.',
  })
  setCompensationMethod(
    @Ctx() ctx: Context,
    @Arg('obligationId', () => ID) obligationId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => CompensationMethodInput) input: CompensationMethodInput,
  ): Promise<CompensationMethod> {
    return compensationService.setMethod(ctx, obligationId, expectedVersion, input);
  }

  @FieldResolver(() => LastResortObligation)
  async obligation(@Root() m: CompensationMethod, @Ctx() ctx: Context): Promise<LastResortObligation> {
    return (await compensationLoaders(ctx).obligationById.load(m.obligationId))!;
  }
}

@Resolver(() => CompensationDecision)
export class CompensationDecisionResolver {
  @Query(() => [CompensationProposal], { description: 'ADMIN, REVIEWER, AUDITOR: what the method in force gives for every obligation valid in a year, with every input.' })
  compensationProposals(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<CompensationProposal[]> {
    return compensationService.proposals(ctx, year);
  }

  @Query(() => CompensationProposal, { description: 'ADMIN, REVIEWER, AUDITOR: the proposal for one obligation and year.' })
  compensationProposal(
    @Ctx() ctx: Context,
    @Arg('obligationId', () => ID) obligationId: string,
    @Arg('year', () => Int) year: number,
  ): Promise<CompensationProposal> {
    return compensationService.proposal(ctx, obligationId, year);
  }

  @Query(() => CompensationDecisionConnection, { description: 'ADMIN, REVIEWER, AUDITOR: compensation decisions of a year (replaced ones too), by decision date.' })
  compensationDecisions(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('obligationId', () => ID, { nullable: true }) obligationId: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return compensationService.decisions(ctx, year, obligationId, first, after);
  }

  @Mutation(() => CompensationDecision, {
    description:
      'ADMIN, REVIEWER: decides the compensation of an obligation for a year, keeping the proposal\'s inputs and method version. input.fingerprint names the proposal the decider saw; CONFLICT when the proposal has changed since (nothing stored). When a decision is in force it must be named in replacesId (CONFLICT when it has been replaced since).',
  })
  decideCompensation(@Ctx() ctx: Context, @Arg('input', () => DecideCompensationInput) input: DecideCompensationInput): Promise<CompensationDecision> {
    return compensationService.decide(ctx, input);
  }

  @FieldResolver(() => LastResortObligation)
  async obligation(@Root() d: CompensationDecision, @Ctx() ctx: Context): Promise<LastResortObligation> {
    return (await compensationLoaders(ctx).obligationById.load(d.obligationId))!;
  }

  @FieldResolver(() => Unit, { description: 'The holder of the obligation when decided (a later change of the obligation does not change it).' })
  async unit(@Root() d: CompensationDecision, @Ctx() ctx: Context): Promise<Unit> {
    return (await ctx.loaders.unitById.load(d.unitId))!;
  }

  @FieldResolver(() => CompensationMethod, { nullable: true, description: 'The method version in force when decided.' })
  method(@Root() d: CompensationDecision, @Ctx() ctx: Context): Promise<CompensationMethod | null> | null {
    return d.methodId ? compensationLoaders(ctx).methodById.load(d.methodId) : null;
  }

  @FieldResolver(() => CompensationDecision, { nullable: true, description: 'The decision this one replaced.' })
  replaces(@Root() d: CompensationDecision, @Ctx() ctx: Context): Promise<CompensationDecision | null> | null {
    return d.replacesId ? compensationLoaders(ctx).decisionById.load(d.replacesId) : null;
  }

  @FieldResolver(() => CompensationDecision, { nullable: true, description: 'The decision that replaced this one; none while it is in force.' })
  replacedBy(@Root() d: CompensationDecision, @Ctx() ctx: Context): Promise<CompensationDecision | null> {
    return compensationLoaders(ctx).replacementOf.load(d.id);
  }

  @FieldResolver(() => Boolean, { description: 'No other decision replaces this one.' })
  async inForce(@Root() d: CompensationDecision, @Ctx() ctx: Context): Promise<boolean> {
    return (await compensationLoaders(ctx).replacementOf.load(d.id)) === null;
  }
}

/** Compensation fields on the (public) register's obligations: for the region's reading roles only. */
@Resolver(() => LastResortObligation)
export class ObligationCompensationResolver {
  @FieldResolver(() => [CompensationMethod], { description: 'ADMIN, REVIEWER, AUDITOR: every version of the compensation method, oldest first.' })
  async compensationMethods(@Root() o: LastResortObligation, @Ctx() ctx: Context): Promise<CompensationMethod[]> {
    await access.require(ctx, [...REGION_READERS]);
    return compensationLoaders(ctx).methodsByObligation.load(o.id);
  }

  @FieldResolver(() => CompensationMethod, { nullable: true, description: 'ADMIN, REVIEWER, AUDITOR: the compensation method in force in a year.' })
  async compensationMethodForYear(
    @Root() o: LastResortObligation,
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
  ): Promise<CompensationMethod | null> {
    await access.require(ctx, [...REGION_READERS]);
    return methodInForce(await compensationLoaders(ctx).methodsByObligation.load(o.id), year);
  }
}
