import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { biService } from './service.js';
import { AggregateRow, FactConnection, FactDimension, FactFilter } from './types.js';

/** The BI read model: facts and aggregates for ANALYST tokens and the region's sessions. */
@Resolver()
export class BiQueries {
  @Query(() => FactConnection, { description: 'Indicator facts in a stable order (report, question). Same facts as GET /export/facts.csv.' })
  indicatorFacts(
    @Ctx() ctx: Context,
    @Arg('filter', () => FactFilter, { nullable: true }) filter: FactFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 50, at most 500.' }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<FactConnection> {
    return biService.indicatorFacts(ctx, filter ?? null, first ?? null, after ?? null);
  }

  @Query(() => [AggregateRow], { description: 'Count, mean, median, min, max and sum of the facts per group; suppressed values are left out.' })
  indicatorAggregates(
    @Ctx() ctx: Context,
    @Arg('filter', () => FactFilter, { nullable: true }) filter: FactFilter | null,
    @Arg('groupBy', () => [FactDimension]) groupBy: FactDimension[],
  ): Promise<AggregateRow[]> {
    return biService.indicatorAggregates(ctx, filter ?? null, groupBy);
  }
}
