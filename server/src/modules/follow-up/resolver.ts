import { Arg, Ctx, FieldResolver, ID, InputType, Field, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { followUpService } from './service.js';
import { AnnualReport, AnnualReportFigures, AnnualReportSectionKey, NeutralityFigures, NeutralityReport } from './types.js';

@InputType({ description: 'The text of one section of the annual report.' })
export class AnnualReportSectionInput {
  @Field(() => AnnualReportSectionKey)
  key: AnnualReportSectionKey;

  @Field(() => String, { description: 'Plain text, at most 20 000 characters; empty clears the section.' })
  text: string;
}

/** The neutrality report (public once adopted) and its live figures (the region). */
@Resolver(() => NeutralityReport)
export class NeutralityReportResolver {
  @Query(() => NeutralityFigures, { description: 'ADMIN, REVIEWER, AUDITOR: the neutrality figures of a year, computed now.' })
  neutralityFigures(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<NeutralityFigures> {
    return followUpService.neutralityFigures(ctx, year);
  }

  @Query(() => NeutralityReport, { nullable: true, description: 'Public: the adopted neutrality report of a year (its latest version), or null.' })
  neutralityReport(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<NeutralityReport | null> {
    return followUpService.neutralityReport(ctx, year);
  }

  @Query(() => [NeutralityReport], { description: 'Public: the adopted neutrality report of every year that has one, newest year first.' })
  neutralityReports(@Ctx() ctx: Context): Promise<NeutralityReport[]> {
    return followUpService.neutralityReports(ctx);
  }

  @Mutation(() => NeutralityReport, {
    description:
      'ADMIN, REVIEWER: adopts the neutrality report of a year with its figures as they are now (a new version). expectedVersion is the version in force the user saw (0 when none): CONFLICT when it is no longer the latest.',
  })
  adoptNeutralityReport(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('decisionReference', () => String) decisionReference: string,
    @Arg('adoptedOn', () => LocalDateScalar) adoptedOn: string,
    @Arg('expectedVersion', () => Int, { description: 'The version in force the user saw; 0 when the year has none.' }) expectedVersion: number,
  ): Promise<NeutralityReport> {
    return followUpService.adoptNeutralityReport(ctx, { year, decisionReference, adoptedOn, expectedVersion });
  }
}

/** The annual follow-up report to the board: public once published; drafts for the region. */
@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  @Query(() => AnnualReport, { nullable: true, description: 'Public: the published annual report of a year, or null (never a draft).' })
  annualReport(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<AnnualReport | null> {
    return followUpService.publishedAnnualReport(ctx, year);
  }

  @Query(() => [AnnualReport], { description: 'Public: every published annual report, newest year first.' })
  annualReports(@Ctx() ctx: Context): Promise<AnnualReport[]> {
    return followUpService.publishedAnnualReports(ctx);
  }

  @Query(() => [AnnualReport], { description: 'ADMIN, REVIEWER, AUDITOR: every annual report in any status, newest year first.' })
  regionAnnualReports(@Ctx() ctx: Context): Promise<AnnualReport[]> {
    return followUpService.regionAnnualReports(ctx);
  }

  @Query(() => AnnualReport, { description: 'ADMIN, REVIEWER, AUDITOR: one annual report in any status.' })
  regionAnnualReport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<AnnualReport> {
    return followUpService.regionAnnualReport(ctx, id);
  }

  @FieldResolver(() => AnnualReportFigures, {
    nullable: true,
    description:
      'Frozen at adoption; computed now while a draft. Empty for a draft in regionAnnualReports, which computes no live figures (live figures of a draft: regionAnnualReport(id)).',
  })
  figures(@Root() report: AnnualReport, @Ctx() ctx: Context): Promise<AnnualReportFigures | null> {
    return followUpService.figuresOf(ctx, report);
  }

  @Mutation(() => AnnualReport, { description: 'ADMIN, REVIEWER: starts the draft annual report of a year (one per year).' })
  createAnnualReport(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<AnnualReport> {
    return followUpService.create(ctx, year);
  }

  @Mutation(() => AnnualReport, { description: 'ADMIN, REVIEWER: saves texts of a draft (the sections given). CONFLICT on a stale version.' })
  saveAnnualReport(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('sections', () => [AnnualReportSectionInput]) sections: AnnualReportSectionInput[],
  ): Promise<AnnualReport> {
    return followUpService.save(ctx, id, expectedVersion, sections);
  }

  @Mutation(() => AnnualReport, { description: 'ADMIN, REVIEWER: adopts a draft with the board\'s decision; its texts and figures freeze. CONFLICT on a stale version.' })
  adoptAnnualReport(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('decisionReference', () => String) decisionReference: string,
    @Arg('adoptedOn', () => LocalDateScalar) adoptedOn: string,
  ): Promise<AnnualReport> {
    return followUpService.adopt(ctx, id, expectedVersion, { decisionReference, adoptedOn });
  }

  @Mutation(() => AnnualReport, { description: 'ADMIN, REVIEWER: publishes an adopted report to everyone. CONFLICT on a stale version.' })
  publishAnnualReport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number): Promise<AnnualReport> {
    return followUpService.publish(ctx, id, expectedVersion);
  }
}
