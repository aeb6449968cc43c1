import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { programAdmin } from './admin.js';
import { AdoptProgramInput, IndicatorInput, ProgramDraftInput, TargetInput } from './admin-inputs.js';
import { Indicator, Program, Target } from './entities.js';

/** ADMIN: the program, its versions, indicators and targets. */
@Resolver()
export class ProgramAdminResolver {
  @Mutation(() => Program, { description: 'Creates a draft program.' })
  createProgram(@Ctx() ctx: Context, @Arg('input', () => ProgramDraftInput) input: ProgramDraftInput): Promise<Program> {
    return programAdmin.createProgram(ctx, input);
  }

  @Mutation(() => Program, { description: 'Saves a draft program (its goals and guidelines too). Adopted programs are not edited.' })
  saveProgramDraft(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => ProgramDraftInput) input: ProgramDraftInput,
  ): Promise<Program> {
    return programAdmin.saveProgramDraft(ctx, id, expectedVersion, input);
  }

  @Mutation(() => Program, { description: 'Records the council decision; an adopted program of the same term is superseded.' })
  adoptProgram(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => AdoptProgramInput) input: AdoptProgramInput,
  ): Promise<Program> {
    return programAdmin.adoptProgram(ctx, id, expectedVersion, input);
  }

  @Mutation(() => Program, { description: 'Starts a new draft version from a program\'s text.' })
  createProgramVersion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Program> {
    return programAdmin.createProgramVersion(ctx, id);
  }

  @Mutation(() => Indicator)
  createIndicator(@Ctx() ctx: Context, @Arg('input', () => IndicatorInput) input: IndicatorInput): Promise<Indicator> {
    return programAdmin.createIndicator(ctx, input);
  }

  @Mutation(() => Indicator)
  updateIndicator(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => IndicatorInput) input: IndicatorInput,
  ): Promise<Indicator> {
    return programAdmin.updateIndicator(ctx, id, expectedVersion, input);
  }

  @Mutation(() => Target, { description: 'Sets the target of one year (creates or changes it).' })
  setIndicatorTarget(
    @Ctx() ctx: Context,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('input', () => TargetInput) input: TargetInput,
  ): Promise<Target> {
    return programAdmin.setIndicatorTarget(ctx, indicatorId, input);
  }
}
