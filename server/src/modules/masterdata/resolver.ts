import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Agreement, ChoiceSystem, Municipality, Provider, Unit } from './entities.js';
import { ProviderFilter, UnitFilter } from './inputs.js';
import { masterDataService } from './service.js';
import { ProviderConnection, UnitConnection } from './types.js';

/** Master data is public information: readable without login. */
@Resolver()
export class MasterDataQueries {
  @Query(() => [Municipality], { description: 'The municipalities of the region, by name.' })
  municipalities(@Ctx() ctx: Context): Promise<Municipality[]> {
    return masterDataService.municipalities(ctx);
  }

  @Query(() => [ChoiceSystem], { description: 'Valfrihetssystem of the region.' })
  choiceSystems(@Ctx() ctx: Context): Promise<ChoiceSystem[]> {
    return masterDataService.choiceSystems(ctx);
  }

  @Query(() => ProviderConnection)
  providers(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProviderFilter, { nullable: true }) filter: ProviderFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 50, at most 500.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ProviderConnection> {
    return masterDataService.providers(ctx, filter, first, after);
  }

  @Query(() => Provider, { nullable: true })
  provider(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Provider> {
    return masterDataService.provider(ctx, id);
  }

  @Query(() => UnitConnection)
  units(
    @Ctx() ctx: Context,
    @Arg('filter', () => UnitFilter, { nullable: true }) filter: UnitFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 50, at most 500.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<UnitConnection> {
    return masterDataService.units(ctx, filter, first, after);
  }

  @Query(() => Unit, { nullable: true })
  unit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Unit> {
    return masterDataService.unit(ctx, id);
  }
}

@Resolver(() => Provider)
export class ProviderFields {
  @FieldResolver(() => [Unit])
  units(@Root() provider: Provider, @Ctx() ctx: Context): Promise<Unit[]> {
    return ctx.loaders.unitsByProvider.load(provider.id);
  }

  @FieldResolver(() => [Agreement])
  agreements(@Root() provider: Provider, @Ctx() ctx: Context): Promise<Agreement[]> {
    return ctx.loaders.agreementsByProvider.load(provider.id);
  }
}

@Resolver(() => Unit)
export class UnitFields {
  @FieldResolver(() => Municipality)
  async municipality(@Root() unit: Unit, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.municipalityByCode.load(unit.municipalityCode))!;
  }

  @FieldResolver(() => Provider)
  async provider(@Root() unit: Unit, @Ctx() ctx: Context): Promise<Provider> {
    return (await ctx.loaders.providerById.load(unit.providerId))!;
  }
}

@Resolver(() => Agreement)
export class AgreementFields {
  @FieldResolver(() => ChoiceSystem, { nullable: true })
  choiceSystem(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<ChoiceSystem | null> | null {
    return agreement.choiceSystemId ? ctx.loaders.choiceSystemById.load(agreement.choiceSystemId) : null;
  }

  @FieldResolver(() => Provider)
  async provider(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<Provider> {
    return (await ctx.loaders.providerById.load(agreement.providerId))!;
  }

  @FieldResolver(() => [Unit], { description: 'Units the agreement covers.' })
  units(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<Unit[]> {
    return ctx.loaders.unitsByAgreement.load(agreement.id);
  }
}
