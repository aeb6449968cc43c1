import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { ChoiceSystem, Municipality, Unit } from '../masterdata/entities.js';
import {
  LastResortObligation,
  LastResortObligationConnection,
  ListingImportResult,
  MunicipalityCoverage,
  UnitListing,
} from './entities.js';
import { LastResortObligationFilter, LastResortObligationInput } from './inputs.js';
import { lastResortService } from './service.js';

@Resolver(() => LastResortObligation)
export class LastResortResolver {
  @Query(() => LastResortObligationConnection, {
    description: 'The last-resort register (public information), by municipality and start date.',
  })
  lastResortObligations(
    @Ctx() ctx: Context,
    @Arg('filter', () => LastResortObligationFilter, { nullable: true }) filter: LastResortObligationFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return lastResortService.obligations(ctx, filter, first, after);
  }

  @Query(() => LastResortObligation, { description: 'One obligation of the register (public).' })
  lastResortObligation(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<LastResortObligation> {
    return lastResortService.obligation(ctx, id);
  }

  @Query(() => [MunicipalityCoverage], { description: 'ADMIN, REVIEWER, AUDITOR: every municipality\'s coverage in a year.' })
  lastResortCoverage(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<MunicipalityCoverage[]> {
    return lastResortService.coverage(ctx, year);
  }

  @Query(() => [UnitListing], { description: 'ADMIN, REVIEWER, AUDITOR: listed persons of a unit, by year and month.' })
  unitListings(
    @Ctx() ctx: Context,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
  ): Promise<UnitListing[]> {
    return lastResortService.listings(ctx, unitId, year);
  }

  @Mutation(() => LastResortObligation, { description: 'ADMIN, REVIEWER: a new obligation.' })
  createLastResortObligation(
    @Ctx() ctx: Context,
    @Arg('input', () => LastResortObligationInput) input: LastResortObligationInput,
  ): Promise<LastResortObligation> {
    return lastResortService.create(ctx, input);
  }

  @Mutation(() => LastResortObligation, { description: 'ADMIN, REVIEWER: changes an obligation (CONFLICT when changed since).' })
  updateLastResortObligation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => LastResortObligationInput) input: LastResortObligationInput,
  ): Promise<LastResortObligation> {
    return lastResortService.update(ctx, id, expectedVersion, input);
  }

  @Mutation(() => LastResortObligation, { description: 'ADMIN, REVIEWER: ends an obligation; validTo is its last day.' })
  endLastResortObligation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('validTo', () => LocalDateScalar) validTo: string,
  ): Promise<LastResortObligation> {
    return lastResortService.end(ctx, id, expectedVersion, validTo);
  }

  @Mutation(() => UnitListing, { description: 'ADMIN, REVIEWER: listed persons of a unit for a year (no month) or a month.' })
  setListedPersons(
    @Ctx() ctx: Context,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('year', () => Int) year: number,
    @Arg('month', () => Int, { nullable: true }) month: number | null,
    @Arg('listedPersons', () => Int) listedPersons: number,
  ): Promise<UnitListing> {
    return lastResortService.setListedPersons(ctx, unitId, year, month, listedPersons);
  }

  @Mutation(() => ListingImportResult, {
    description:
      'ADMIN, REVIEWER: imports listed persons from CSV text (UTF-8, `;` or `,`; columns hsa_id or unit_id, year, month (optional), listed_persons). Any bad row: BAD_USER_INPUT listing every bad row (path csv.<line>.<column>) and nothing stored.',
  })
  importListings(@Ctx() ctx: Context, @Arg('csv', () => String) csv: string): Promise<ListingImportResult> {
    return lastResortService.importListings(ctx, csv);
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() o: LastResortObligation, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.municipalityByCode.load(o.municipalityCode))!;
  }

  @FieldResolver(() => Unit, { description: 'The holder of the obligation.' })
  async unit(@Root() o: LastResortObligation, @Ctx() ctx: Context): Promise<Unit> {
    return (await ctx.loaders.unitById.load(o.unitId))!;
  }

  @FieldResolver(() => ChoiceSystem)
  async choiceSystem(@Root() o: LastResortObligation, @Ctx() ctx: Context): Promise<ChoiceSystem> {
    return (await ctx.loaders.choiceSystemById.load(o.choiceSystemId))!;
  }
}
