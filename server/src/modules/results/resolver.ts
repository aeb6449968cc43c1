import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Municipality } from '../masterdata/entities.js';
import { Ownership } from '../masterdata/enums.js';
import { Goal, Indicator } from '../program/entities.js';
import { resultsService } from './service.js';
import { Comparison, PublicAssessment, PublicCorrection, PublicSeries, PublicUnit, PublicUnitDetail, PublicValue } from './types.js';

/** Published results for the public pages: no login, nothing but what has been published. */
@Resolver()
export class PublicResultsQueries {
  @Query(() => [PublicUnit], { description: 'Units with their latest key values, by name; filter by municipality and ownership.' })
  publicUnits(
    @Ctx() ctx: Context,
    @Arg('municipalityCode', () => String, { nullable: true }) municipalityCode: string | null,
    @Arg('ownership', () => [Ownership], { nullable: true }) ownership: Ownership[] | null,
  ): Promise<PublicUnit[]> {
    return resultsService.publicUnits(ctx, municipalityCode ?? null, ownership ?? null);
  }

  @Query(() => PublicUnitDetail, { nullable: true, description: 'The public page of one unit: results per period, trend, assessments, response, corrections.' })
  publicUnit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<PublicUnitDetail> {
    return resultsService.publicUnit(ctx, id);
  }

  @Query(() => Comparison, { description: 'One indicator and period: every published unit side by side, and mean and median per ownership.' })
  publicComparison(
    @Ctx() ctx: Context,
    @Arg('indicatorCode', () => String) indicatorCode: string,
    @Arg('period', () => String) period: string,
    @Arg('municipalityCode', () => String, { nullable: true }) municipalityCode: string | null,
  ): Promise<Comparison> {
    return resultsService.publicComparison(ctx, indicatorCode, period, municipalityCode ?? null);
  }

  @Query(() => [String], { description: 'Periods with published values, newest first.' })
  publicPeriods(@Ctx() ctx: Context): Promise<string[]> {
    return resultsService.publicPeriods(ctx);
  }

  @Query(() => [Indicator], { description: 'Indicators with published values (in the period, when given), by name.' })
  publicIndicators(@Ctx() ctx: Context, @Arg('period', () => String, { nullable: true }) period: string | null): Promise<Indicator[]> {
    return resultsService.publicIndicators(ctx, period ?? null);
  }
}

@Resolver(() => PublicUnit)
export class PublicUnitFields {
  @FieldResolver(() => Municipality)
  async municipality(@Root() unit: PublicUnit, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.municipalityByCode.load(unit.municipalityCode))!;
  }

  @FieldResolver(() => [PublicValue])
  keyIndicators(@Root() unit: PublicUnit, @Ctx() ctx: Context): Promise<PublicValue[]> {
    return resultsService.keyIndicators(ctx, unit.id);
  }
}

@Resolver(() => PublicValue)
export class PublicValueFields {
  @FieldResolver(() => Indicator, { nullable: true })
  indicator(@Root() v: PublicValue, @Ctx() ctx: Context): Promise<Indicator | null> | null {
    return v.indicatorId ? ctx.loaders.indicatorById.load(v.indicatorId) : null;
  }
}

@Resolver(() => PublicCorrection)
export class PublicCorrectionFields {
  @FieldResolver(() => Indicator, { nullable: true })
  indicator(@Root() c: PublicCorrection, @Ctx() ctx: Context): Promise<Indicator | null> | null {
    return c.indicatorId ? ctx.loaders.indicatorById.load(c.indicatorId) : null;
  }
}

@Resolver(() => PublicSeries)
export class PublicSeriesFields {
  @FieldResolver(() => Indicator)
  async indicator(@Root() s: PublicSeries, @Ctx() ctx: Context): Promise<Indicator> {
    return s.indicator ?? (await ctx.loaders.indicatorById.load(s.indicatorId))!;
  }
}

@Resolver(() => PublicAssessment)
export class PublicAssessmentFields {
  @FieldResolver(() => Goal)
  async goal(@Root() a: PublicAssessment, @Ctx() ctx: Context): Promise<Goal> {
    return (await ctx.loaders.goalById.load(a.goalId))!;
  }
}
