import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { masterDataAdmin } from './admin.js';
import { AgreementInput, ChoiceSystemInput, ProviderInput, UnitInput } from './admin-inputs.js';
import { Agreement, ChoiceSystem, Provider, Unit } from './entities.js';

/** ADMIN: changes to master data. Updates carry the version the editor saw (CONFLICT otherwise). */
@Resolver()
export class MasterDataAdminResolver {
  @Mutation(() => Provider)
  createProvider(@Ctx() ctx: Context, @Arg('input', () => ProviderInput) input: ProviderInput): Promise<Provider> {
    return masterDataAdmin.createProvider(ctx, input);
  }

  @Mutation(() => Provider)
  updateProvider(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => ProviderInput) input: ProviderInput,
  ): Promise<Provider> {
    return masterDataAdmin.updateProvider(ctx, id, expectedVersion, input);
  }

  @Mutation(() => Unit)
  createUnit(@Ctx() ctx: Context, @Arg('input', () => UnitInput) input: UnitInput): Promise<Unit> {
    return masterDataAdmin.createUnit(ctx, input);
  }

  @Mutation(() => Unit)
  updateUnit(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UnitInput) input: UnitInput,
  ): Promise<Unit> {
    return masterDataAdmin.updateUnit(ctx, id, expectedVersion, input);
  }

  @Mutation(() => Agreement)
  createAgreement(@Ctx() ctx: Context, @Arg('input', () => AgreementInput) input: AgreementInput): Promise<Agreement> {
    return masterDataAdmin.createAgreement(ctx, input);
  }

  @Mutation(() => Agreement)
  updateAgreement(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => AgreementInput) input: AgreementInput,
  ): Promise<Agreement> {
    return masterDataAdmin.updateAgreement(ctx, id, expectedVersion, input);
  }

  @Mutation(() => ChoiceSystem)
  createChoiceSystem(@Ctx() ctx: Context, @Arg('input', () => ChoiceSystemInput) input: ChoiceSystemInput): Promise<ChoiceSystem> {
    return masterDataAdmin.createChoiceSystem(ctx, input);
  }

  @Mutation(() => ChoiceSystem)
  updateChoiceSystem(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => ChoiceSystemInput) input: ChoiceSystemInput,
  ): Promise<ChoiceSystem> {
    return masterDataAdmin.updateChoiceSystem(ctx, id, expectedVersion, input);
  }
}
