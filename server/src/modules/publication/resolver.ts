import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Municipality, Unit } from '../masterdata/entities.js';
import { Indicator } from '../program/entities.js';
import { TargetColour } from '../program/enums.js';
import { Question, Report } from '../reporting/entities.js';
import { colourOf } from './derive.js';
import { ConfidentialityDecision, PublicResponse, PublishedValue } from './entities.js';
import { publicationLoaders } from './loaders.js';
import { assertReadable, publicationService } from './service.js';
import { CorrectPublishedValueInput, Correction, PublicationPreview } from './types.js';

@Resolver()
export class PublicationResolver {
  @Query(() => PublicationPreview, { description: 'ADMIN, REVIEWER, AUDITOR: exactly what the public will see of the report, and what is held back.' })
  publicationPreview(@Ctx() ctx: Context, @Arg('reportId', () => ID) reportId: string): Promise<PublicationPreview> {
    return publicationService.preview(ctx, reportId);
  }

  @Mutation(() => ConfidentialityDecision, { description: 'Grants (never published) or refuses a confidentiality request, with a reason.' })
  decideConfidentiality(
    @Ctx() ctx: Context,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('questionId', () => ID) questionId: string,
    @Arg('granted', () => Boolean) granted: boolean,
    @Arg('reason', () => String) reason: string,
  ): Promise<ConfidentialityDecision> {
    return publicationService.decideConfidentiality(ctx, reportId, questionId, granted, reason);
  }

  @Mutation(() => Report, { description: 'Publishes an approved report whose confidentiality requests are decided; once only.' })
  publishReport(@Ctx() ctx: Context, @Arg('reportId', () => ID) reportId: string): Promise<Report> {
    return publicationService.publish(ctx, reportId);
  }

  @Mutation(() => PublishedValue, { description: 'Corrects a published value: a new version with the reason; the old one stays in the log.' })
  correctPublishedValue(@Ctx() ctx: Context, @Arg('input', () => CorrectPublishedValueInput) input: CorrectPublishedValueInput): Promise<PublishedValue> {
    return publicationService.correct(ctx, input);
  }

  @Mutation(() => PublicResponse, { description: 'The provider\'s short public response to its published results (plain text, at most 2,000 characters); replaces a pending one.' })
  submitPublicResponse(@Ctx() ctx: Context, @Arg('reportId', () => ID) reportId: string, @Arg('body', () => String) body: string): Promise<PublicResponse> {
    return publicationService.submitResponse(ctx, reportId, body);
  }

  @Mutation(() => PublicResponse, { description: 'Accepts a pending public response (it replaces the one shown) or rejects it with a reason.' })
  decidePublicResponse(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<PublicResponse> {
    return publicationService.decideResponse(ctx, id, accept, reason ?? null);
  }
}

@Resolver(() => Report)
export class ReportPublicationFields {
  @FieldResolver(() => [PublishedValue], { description: 'The current published values (corrections applied), in template order.' })
  async publishedValues(@Root() r: Report, @Ctx() ctx: Context): Promise<PublishedValue[]> {
    await assertReadable(ctx, r);
    return publicationLoaders(ctx).currentValuesByReport.load(r.id);
  }

  @FieldResolver(() => [Correction], { description: 'Every correction of a published value, oldest first.' })
  async corrections(@Root() r: Report, @Ctx() ctx: Context): Promise<Correction[]> {
    await assertReadable(ctx, r);
    return publicationLoaders(ctx).correctionsByReport.load(r.id);
  }

  @FieldResolver(() => [PublicResponse], { description: 'The provider\'s public responses, newest first.' })
  async publicResponses(@Root() r: Report, @Ctx() ctx: Context): Promise<PublicResponse[]> {
    await assertReadable(ctx, r);
    return publicationLoaders(ctx).responsesByReport.load(r.id);
  }

  @FieldResolver(() => [ConfidentialityDecision], { description: 'Every confidentiality decision, oldest first (the latest per question counts).' })
  async confidentialityDecisions(@Root() r: Report, @Ctx() ctx: Context): Promise<ConfidentialityDecision[]> {
    await assertReadable(ctx, r);
    return publicationLoaders(ctx).confidentialityDecisionsByReport.load(r.id);
  }

  @FieldResolver(() => Boolean, { description: 'A reviewer or administrator, the report APPROVED and every confidentiality request decided.' })
  viewerCanPublish(@Root() r: Report, @Ctx() ctx: Context): Promise<boolean> {
    return publicationService.viewerCanPublish(ctx, r);
  }
}

@Resolver(() => PublishedValue)
export class PublishedValueFields {
  @FieldResolver(() => Question)
  async question(@Root() v: PublishedValue, @Ctx() ctx: Context): Promise<Question> {
    return (await ctx.loaders.questionById.load(v.questionId))!;
  }

  @FieldResolver(() => Indicator, { nullable: true })
  indicator(@Root() v: PublishedValue, @Ctx() ctx: Context): Promise<Indicator | null> | null {
    return v.indicatorId ? ctx.loaders.indicatorById.load(v.indicatorId) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit; null when the agreement\'s units reported jointly.' })
  unit(@Root() v: PublishedValue, @Ctx() ctx: Context): Promise<Unit | null> | null {
    return v.unitId ? ctx.loaders.unitById.load(v.unitId) : null;
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() v: PublishedValue, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.municipalityByCode.load(v.municipalityCode))!;
  }

  @FieldResolver(() => TargetColour, { nullable: true, description: 'The value against the target of the period\'s year.' })
  async colour(@Root() v: PublishedValue, @Ctx() ctx: Context): Promise<TargetColour | null> {
    if (v.suppressed || v.valueNumber === null || !v.indicatorId) return null;
    const [indicator, targets] = await Promise.all([ctx.loaders.indicatorById.load(v.indicatorId), ctx.loaders.targetsByIndicator.load(v.indicatorId)]);
    const target = targets.find((t) => t.year === Number(v.period.slice(0, 4)));
    return colourOf(v.valueNumber, target ? { value: Number(target.value), amberThreshold: Number(target.amberThreshold) } : null, indicator?.direction ?? null) as TargetColour | null;
  }
}

@Resolver(() => Correction)
export class CorrectionFields {
  @FieldResolver(() => Question)
  async question(@Root() c: Correction, @Ctx() ctx: Context): Promise<Question> {
    return (await ctx.loaders.questionById.load(c.questionId))!;
  }

  @FieldResolver(() => String)
  async correctedByName(@Root() c: Correction, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.userById.load(c.correctedById))?.name ?? '';
  }
}

@Resolver(() => ConfidentialityDecision)
export class ConfidentialityDecisionFields {
  @FieldResolver(() => Question)
  async question(@Root() d: ConfidentialityDecision, @Ctx() ctx: Context): Promise<Question> {
    return (await ctx.loaders.questionById.load(d.questionId))!;
  }

  @FieldResolver(() => String)
  async decidedByName(@Root() d: ConfidentialityDecision, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.userById.load(d.decidedById))?.name ?? '';
  }
}

@Resolver(() => PublicResponse)
export class PublicResponseFields {
  @FieldResolver(() => String)
  async submittedByName(@Root() p: PublicResponse, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.userById.load(p.submittedById))?.name ?? '';
  }

  @FieldResolver(() => String, { nullable: true })
  async decidedByName(@Root() p: PublicResponse, @Ctx() ctx: Context): Promise<string | null> {
    return p.decidedById ? ((await ctx.loaders.userById.load(p.decidedById))?.name ?? '') : null;
  }
}
