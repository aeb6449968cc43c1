import { Arg, Ctx, Field, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { Agreement, ChoiceSystem, Provider } from '../masterdata/entities.js';
import { Goal, Guideline, Indicator, Program } from '../program/entities.js';
import { TargetColour } from '../program/enums.js';
import { targetColour } from '@insyn/shared';
import { Answer, Attachment, FollowUpRound, Question, Report, ReportTemplate, Section, Submission } from './entities.js';
import { ReportOrder, ReportStatus, TemplateStatus } from './enums.js';
import { CreateFollowUpRoundInput } from './round-inputs.js';
import { roundService } from './rounds.js';
import { attachmentService } from './attachments.js';
import { canEdit, reportService, selectedRelations } from './reports.js';
import { ReportTemplateInput } from './template-inputs.js';
import { templateService } from './templates.js';
import { AnswerInput, ReportConnection, ReportFilter, ReportProgress, StatusCount } from './types.js';
import { indicatorValue } from './values.js';

/** Kept here for existing importers; the reading itself lives in values.ts. */
export { indicatorValue };

@ObjectType({ description: 'Which questions give evidence for a goal.' })
class GoalCoverage {
  @Field(() => Goal)
  goal: Goal;

  @Field(() => [Question])
  questions: Question[];
}

@ObjectType({ description: 'Which questions give evidence for a guideline.' })
class GuidelineCoverage {
  @Field(() => Guideline)
  guideline: Guideline;

  @Field(() => [Question])
  questions: Question[];
}

@ObjectType({ description: 'How a template covers the adopted program: goals and guidelines with and without questions.' })
class TemplateCoverage {
  @Field(() => Program, { nullable: true })
  program: Program | null;

  @Field(() => [GoalCoverage])
  goals: GoalCoverage[];

  @Field(() => [GuidelineCoverage])
  guidelines: GuidelineCoverage[];
}

@Resolver()
export class ReportingResolver {
  @Query(() => [ReportTemplate], { description: 'Report templates, newest version first within each template.' })
  async reportTemplates(
    @Ctx() ctx: Context,
    @Arg('status', () => [TemplateStatus], { nullable: true }) status: TemplateStatus[] | null,
  ): Promise<ReportTemplate[]> {
    await access.user(ctx);
    const qb = ctx.em.getRepository(ReportTemplate).createQueryBuilder('t');
    if (status?.length) qb.where('t.status IN (:...status)', { status });
    return qb.orderBy('t.name', 'ASC').addOrderBy('t.template_version', 'DESC').limit(500).getMany();
  }

  @Query(() => ReportTemplate, { nullable: true })
  async reportTemplate(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ReportTemplate> {
    await access.user(ctx);
    const t = isId(id) ? await ctx.loaders.templateById.load(id) : null;
    if (!t) throw notFound('Template');
    return t;
  }

  @Query(() => [FollowUpRound], { description: 'Follow-up rounds, newest first.' })
  async followUpRounds(@Ctx() ctx: Context): Promise<FollowUpRound[]> {
    await access.user(ctx);
    return ctx.em.getRepository(FollowUpRound).find({ order: { opensAt: 'DESC', id: 'ASC' }, take: 500 });
  }

  @Query(() => FollowUpRound, { nullable: true })
  async followUpRound(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<FollowUpRound> {
    await access.user(ctx);
    const r = isId(id) ? await ctx.loaders.roundById.load(id) : null;
    if (!r) throw notFound('Follow-up round');
    return r;
  }

  @Query(() => ReportConnection, { description: 'Reports the viewer may read, by due date.' })
  reports(
    @Ctx() ctx: Context,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('orderBy', () => ReportOrder, { defaultValue: ReportOrder.DUE_AT }) orderBy: ReportOrder,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReportConnection> {
    return reportService.reports(ctx, filter, first, after, orderBy, selectedRelations(info, 'edges', 'node'));
  }

  @Query(() => Report, { nullable: true })
  report(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo): Promise<Report> {
    return reportService.readableReport(ctx, id, selectedRelations(info));
  }

  @Mutation(() => ReportTemplate, { description: 'ADMIN: a new template (version 1, draft).' })
  createReportTemplate(@Ctx() ctx: Context, @Arg('input', () => ReportTemplateInput) input: ReportTemplateInput): Promise<ReportTemplate> {
    return templateService.create(ctx, input);
  }

  @Mutation(() => ReportTemplate, { description: 'ADMIN: saves a draft template (sections and questions in order).' })
  saveReportTemplateDraft(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The template\'s editVersion.' }) expectedVersion: number,
    @Arg('input', () => ReportTemplateInput) input: ReportTemplateInput,
  ): Promise<ReportTemplate> {
    return templateService.saveDraft(ctx, id, expectedVersion, input);
  }

  @Mutation(() => ReportTemplate, { description: 'ADMIN: publishes a draft; it is frozen from then on.' })
  publishReportTemplate(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<ReportTemplate> {
    return templateService.publish(ctx, id, expectedVersion);
  }

  @Mutation(() => ReportTemplate, { description: 'ADMIN: a new draft version copied from a template.' })
  createReportTemplateVersion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ReportTemplate> {
    return templateService.newVersion(ctx, id);
  }

  @Mutation(() => FollowUpRound, { description: 'ADMIN or REVIEWER: plans a follow-up round.' })
  createFollowUpRound(@Ctx() ctx: Context, @Arg('input', () => CreateFollowUpRoundInput) input: CreateFollowUpRoundInput): Promise<FollowUpRound> {
    return roundService.create(ctx, input);
  }

  @Mutation(() => FollowUpRound, { description: 'Creates one report per agreement in scope; opening again creates nothing new.' })
  openFollowUpRound(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<FollowUpRound> {
    return roundService.open(ctx, id);
  }

  @Mutation(() => Report, { description: 'Saves answers; CONFLICT when expectedVersion is stale.' })
  saveAnswers(
    @Ctx() ctx: Context,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('answers', () => [AnswerInput]) answers: AnswerInput[],
  ): Promise<Report> {
    return reportService.saveAnswers(ctx, reportId, expectedVersion, answers);
  }

  @Mutation(() => Boolean, { description: 'Removes an uploaded file while the report is editable (its answer is cleared).' })
  deleteAttachment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return attachmentService.remove(ctx, id);
  }

  @Mutation(() => Submission, { description: 'Submits the report; the receipt is the reference and the received time.' })
  submitReport(
    @Ctx() ctx: Context,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<Submission> {
    return reportService.submitReport(ctx, reportId, expectedVersion);
  }
}

@Resolver(() => ReportTemplate)
export class ReportTemplateFields {
  @FieldResolver(() => [Section])
  sections(@Root() t: ReportTemplate, @Ctx() ctx: Context): Promise<Section[]> {
    return ctx.loaders.sectionsByTemplate.load(t.id);
  }

  @FieldResolver(() => TemplateCoverage, { description: 'Goals and guidelines of the adopted program, with the questions that cover each.' })
  async coverage(@Root() t: ReportTemplate, @Ctx() ctx: Context): Promise<TemplateCoverage> {
    const [program] = await ctx.em.query(`SELECT id FROM program WHERE status = 'ADOPTED' ORDER BY term_start DESC LIMIT 1`);
    if (!program) return { program: null, goals: [], guidelines: [] };
    const [prog, goals, guidelines, unordered, sections] = await Promise.all([
      ctx.em.getRepository(Program).findOneBy({ id: program.id }),
      ctx.loaders.goalsByProgram.load(program.id),
      ctx.loaders.guidelinesByProgram.load(program.id),
      ctx.loaders.questionsByTemplate.load(t.id),
      ctx.loaders.sectionsByTemplate.load(t.id),
    ]);
    // In template order: by section position (not by section id), then question position.
    const sectionPosition = new Map(sections.map((s) => [s.id, s.position]));
    const questions = [...unordered].sort((a, b) => sectionPosition.get(a.sectionId)! - sectionPosition.get(b.sectionId)! || a.position - b.position);
    return {
      program: prog,
      goals: goals.map((goal) => ({ goal, questions: questions.filter((q) => q.goalId === goal.id) })),
      guidelines: guidelines.map((guideline) => ({ guideline, questions: questions.filter((q) => q.guidelineId === guideline.id) })),
    };
  }
}

@Resolver(() => Section)
export class SectionFields {
  @FieldResolver(() => [Question])
  questions(@Root() s: Section, @Ctx() ctx: Context): Promise<Question[]> {
    return ctx.loaders.questionsBySection.load(s.id);
  }
}

@Resolver(() => Question)
export class QuestionFields {
  @FieldResolver(() => Goal, { nullable: true })
  goal(@Root() q: Question, @Ctx() ctx: Context): Promise<Goal | null> | null {
    return q.goalId ? ctx.loaders.goalById.load(q.goalId) : null;
  }

  @FieldResolver(() => Guideline, { nullable: true })
  guideline(@Root() q: Question, @Ctx() ctx: Context): Promise<Guideline | null> | null {
    return q.guidelineId ? ctx.loaders.guidelineById.load(q.guidelineId) : null;
  }

  @FieldResolver(() => Indicator, { nullable: true })
  indicator(@Root() q: Question, @Ctx() ctx: Context): Promise<Indicator | null> | null {
    return q.indicatorId ? ctx.loaders.indicatorById.load(q.indicatorId) : null;
  }
}

@Resolver(() => FollowUpRound)
export class FollowUpRoundFields {
  @FieldResolver(() => ReportTemplate)
  async template(@Root() r: FollowUpRound, @Ctx() ctx: Context): Promise<ReportTemplate> {
    return (await ctx.loaders.templateById.load(r.templateId))!;
  }

  @FieldResolver(() => ChoiceSystem, { nullable: true })
  choiceSystem(@Root() r: FollowUpRound, @Ctx() ctx: Context): Promise<ChoiceSystem | null> | null {
    return r.choiceSystemId ? ctx.loaders.choiceSystemById.load(r.choiceSystemId) : null;
  }

  @FieldResolver(() => [StatusCount], { description: 'Reports the viewer may read, by status and ownership.' })
  async statusCounts(@Root() r: FollowUpRound, @Ctx() ctx: Context): Promise<StatusCount[]> {
    const scope = access.providerScope(await ctx.auth.viewer());
    return ctx.em.query(
      `SELECT r.status, p.ownership, count(*)::int AS count,
              count(*) FILTER (WHERE r.due_at < now() AND r.status IN ('NOT_STARTED', 'DRAFT', 'CHANGES_REQUESTED'))::int AS overdue
       FROM report r JOIN provider p ON p.id = r.provider_id
       WHERE r.round_id = $1 AND ($2 OR r.provider_id = ANY($3))
       GROUP BY r.status, p.ownership ORDER BY r.status, p.ownership`,
      [r.id, scope.all, scope.all ? [] : scope.providerIds],
    );
  }
}

@Resolver(() => Report)
export class ReportFields {
  @FieldResolver(() => FollowUpRound)
  async round(@Root() r: Report, @Ctx() ctx: Context): Promise<FollowUpRound> {
    return (await ctx.loaders.roundById.load(r.roundId))!;
  }

  @FieldResolver(() => Agreement)
  async agreement(@Root() r: Report, @Ctx() ctx: Context): Promise<Agreement> {
    return (await ctx.loaders.agreementById.load(r.agreementId))!;
  }

  @FieldResolver(() => Provider)
  async provider(@Root() r: Report, @Ctx() ctx: Context): Promise<Provider> {
    return (await ctx.loaders.providerById.load(r.providerId))!;
  }

  @FieldResolver(() => ReportTemplate, { description: 'The template version the report was opened with.' })
  async template(@Root() r: Report, @Ctx() ctx: Context): Promise<ReportTemplate> {
    return (await ctx.loaders.templateById.load(r.templateId))!;
  }

  @FieldResolver(() => [Answer])
  answers(@Root() r: Report, @Ctx() ctx: Context): Promise<Answer[]> {
    return ctx.loaders.answersByReport.load(r.id);
  }

  @FieldResolver(() => [Attachment], { description: 'Uploaded files still in use.' })
  async attachments(@Root() r: Report, @Ctx() ctx: Context): Promise<Attachment[]> {
    return (await ctx.loaders.attachmentsByReport.load(r.id)).filter((a) => !a.deletedAt);
  }

  @FieldResolver(() => [Submission], { description: 'Every submission, oldest first.' })
  submissions(@Root() r: Report, @Ctx() ctx: Context): Promise<Submission[]> {
    return ctx.loaders.submissionsByReport.load(r.id);
  }

  @FieldResolver(() => ReportProgress)
  progress(@Root() r: Report, @Ctx() ctx: Context): Promise<ReportProgress> {
    return ctx.loaders.progressByReport.load(r.id);
  }

  @FieldResolver(() => Boolean, { description: 'Past due and not submitted.' })
  overdue(@Root() r: Report): boolean {
    return new Date(r.dueAt).getTime() < Date.now() && [ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.CHANGES_REQUESTED].includes(r.status);
  }

  @FieldResolver(() => Boolean)
  async viewerCanEdit(@Root() r: Report, @Ctx() ctx: Context): Promise<boolean> {
    return canEdit(await ctx.auth.viewer(), r);
  }

  @FieldResolver(() => Boolean)
  async viewerCanReview(@Root() r: Report, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = await ctx.auth.viewer();
    return !!viewer && viewer.kind === 'USER' && (viewer.roles.includes('REVIEWER') || viewer.roles.includes('ADMIN')) && r.status === ReportStatus.SUBMITTED;
  }
}

@ObjectType({ description: 'An indicator answer read against its target: the computed value and its colour.' })
class IndicatorReading {
  @Field(() => Indicator)
  indicator: Indicator;

  @Field(() => Float, { nullable: true, description: 'Percent for PERCENT indicators, per 1,000 for RATE_PER_1000, else the value.' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'The target for the period\'s year.' })
  target: number | null;

  @Field(() => Float, { nullable: true })
  amberThreshold: number | null;

  @Field(() => TargetColour, { nullable: true })
  colour: TargetColour | null;
}

@Resolver(() => Answer)
export class AnswerFields {
  @FieldResolver(() => Question)
  async question(@Root() a: Answer, @Ctx() ctx: Context): Promise<Question> {
    return (await ctx.loaders.questionById.load(a.questionId))!;
  }

  @FieldResolver(() => IndicatorReading, { nullable: true, description: 'For answers linked to an indicator: the value against the target.' })
  async reading(@Root() a: Answer, @Ctx() ctx: Context): Promise<IndicatorReading | null> {
    const question = await ctx.loaders.questionById.load(a.questionId);
    if (!question?.indicatorId) return null;
    const [indicator, report] = await Promise.all([ctx.loaders.indicatorById.load(question.indicatorId), ctx.loaders.reportById.load(a.reportId)]);
    if (!indicator || !report) return null;
    const round = await ctx.loaders.roundById.load(report.roundId);
    const year = Number(round?.period.slice(0, 4));
    const target = (await ctx.loaders.targetsByIndicator.load(indicator.id)).find((t) => t.year === year) ?? null;
    const value = indicatorValue(a.value, indicator.unit);
    return {
      indicator,
      value,
      target: target?.value ?? null,
      amberThreshold: target?.amberThreshold ?? null,
      colour: value !== null && target ? (targetColour(value, target, indicator.direction) as TargetColour) : null,
    };
  }
}

@Resolver(() => Submission)
export class SubmissionFields {
  @FieldResolver(() => [Answer], { description: 'The answers as they were at submit.' })
  answers(@Root() s: Submission): Answer[] {
    return s.answers.map((a) => ({
      reportId: s.reportId,
      questionId: a.questionId,
      value: a.value,
      note: a.note,
      confidentialityRequested: a.confidentialityRequested,
      confidentialityReason: a.confidentialityReason,
      updatedAt: null,
    }));
  }
}
