import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { GoverningDocument, Goal, Guideline, Indicator, Program, Target } from './entities.js';
import { programService } from './service.js';

/** The program and its indicators are public information: readable without login. */
@Resolver()
export class ProgramQueries {
  @Query(() => [Program], { description: 'Programs for providers, newest term first.' })
  programs(@Ctx() ctx: Context): Promise<Program[]> {
    return programService.programs(ctx);
  }

  @Query(() => Program, { nullable: true })
  program(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Program> {
    return programService.program(ctx, id);
  }

  @Query(() => [GoverningDocument], { description: 'Council decisions Insyn works under.' })
  governingDocuments(@Ctx() ctx: Context): Promise<GoverningDocument[]> {
    return programService.governingDocuments(ctx);
  }

  @Query(() => [Indicator], { description: 'Indicators, by code.' })
  indicators(@Ctx() ctx: Context): Promise<Indicator[]> {
    return programService.indicators(ctx);
  }

  @Query(() => Indicator, { nullable: true })
  indicator(@Ctx() ctx: Context, @Arg('code', () => String) code: string): Promise<Indicator> {
    return programService.indicator(ctx, code);
  }
}

@Resolver(() => Program)
export class ProgramFields {
  @FieldResolver(() => [Goal])
  goals(@Root() program: Program, @Ctx() ctx: Context): Promise<Goal[]> {
    return ctx.loaders.goalsByProgram.load(program.id);
  }

  @FieldResolver(() => [Guideline])
  guidelines(@Root() program: Program, @Ctx() ctx: Context): Promise<Guideline[]> {
    return ctx.loaders.guidelinesByProgram.load(program.id);
  }
}

@Resolver(() => Goal)
export class GoalFields {
  @FieldResolver(() => [Guideline], { description: 'Guidelines that serve this goal.' })
  guidelines(@Root() goal: Goal, @Ctx() ctx: Context): Promise<Guideline[]> {
    return ctx.loaders.guidelinesByGoal.load(goal.id);
  }

  @FieldResolver(() => [Indicator], { description: 'Indicators that measure this goal.' })
  indicators(@Root() goal: Goal, @Ctx() ctx: Context): Promise<Indicator[]> {
    return ctx.loaders.indicatorsByGoal.load(goal.id);
  }
}

@Resolver(() => Guideline)
export class GuidelineFields {
  @FieldResolver(() => Goal, { nullable: true })
  goal(@Root() guideline: Guideline, @Ctx() ctx: Context): Promise<Goal | null> | null {
    return guideline.goalId ? ctx.loaders.goalById.load(guideline.goalId) : null;
  }
}

@Resolver(() => Indicator)
export class IndicatorFields {
  @FieldResolver(() => Goal, { nullable: true })
  goal(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<Goal | null> | null {
    return indicator.goalId ? ctx.loaders.goalById.load(indicator.goalId) : null;
  }

  @FieldResolver(() => Target, { nullable: true, description: 'The target for one year, if set.' })
  async target(
    @Root() indicator: Indicator,
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
  ): Promise<Target | null> {
    const targets = await ctx.loaders.targetsByIndicator.load(indicator.id);
    return targets.find((t) => t.year === year) ?? null;
  }

  @FieldResolver(() => [Target], { description: 'All yearly targets, by year.' })
  targets(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<Target[]> {
    return ctx.loaders.targetsByIndicator.load(indicator.id);
  }
}
