import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { access } from '../../common/access.js';
import type { Context } from '../../app/context.js';
import { Goal } from '../program/entities.js';
import { Question, Report } from '../reporting/entities.js';
import { Comment, CommentThread, GoalAssessment, ReportDecision } from './entities.js';
import { AddCommentInput, AnswerChange, GoalAssessmentInput, Person, ReportEvent } from './inputs.js';
import { reviewService } from './service.js';

@Resolver()
export class ReviewResolver {
  @Query(() => [Person], { description: 'Active reviewers (and administrators), by name: whom a report can be assigned to.' })
  async reviewers(@Ctx() ctx: Context): Promise<Person[]> {
    await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR']);
    return ctx.em.query(
      `SELECT id, name FROM app_user WHERE active AND roles && ARRAY['REVIEWER', 'ADMIN']::text[] ORDER BY name, id LIMIT 500`,
    );
  }

  @Mutation(() => Report, { description: 'Returns a submitted report to the provider, with a reason they see.' })
  requestChanges(
    @Ctx() ctx: Context,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<Report> {
    return reviewService.requestChanges(ctx, reportId, reason);
  }

  @Mutation(() => Report, { description: 'Approves a submitted report with an assessment of each goal the template covers.' })
  approveReport(
    @Ctx() ctx: Context,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('assessments', () => [GoalAssessmentInput]) assessments: GoalAssessmentInput[],
  ): Promise<Report> {
    return reviewService.approveReport(ctx, reportId, assessments);
  }

  @Mutation(() => Report, { description: 'Lets the provider change one question of an approved report.' })
  reopenQuestion(
    @Ctx() ctx: Context,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('questionId', () => ID) questionId: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<Report> {
    return reviewService.reopenQuestion(ctx, reportId, questionId, reason);
  }

  @Mutation(() => Comment, { description: 'Starts a thread (reportId, questionId?) or replies in one (threadId).' })
  addComment(@Ctx() ctx: Context, @Arg('input', () => AddCommentInput) input: AddCommentInput): Promise<Comment> {
    return reviewService.addComment(ctx, input);
  }

  @Mutation(() => CommentThread)
  resolveThread(@Ctx() ctx: Context, @Arg('threadId', () => ID) threadId: string): Promise<CommentThread> {
    return reviewService.setThreadResolved(ctx, threadId, true);
  }

  @Mutation(() => CommentThread)
  reopenThread(@Ctx() ctx: Context, @Arg('threadId', () => ID) threadId: string): Promise<CommentThread> {
    return reviewService.setThreadResolved(ctx, threadId, false);
  }

  @Mutation(() => [Report], { description: 'Assigns reports to a reviewer; reviewerId null unassigns.' })
  assignReports(
    @Ctx() ctx: Context,
    @Arg('reportIds', () => [ID]) reportIds: string[],
    @Arg('reviewerId', () => ID, { nullable: true }) reviewerId: string | null,
  ): Promise<Report[]> {
    return reviewService.assign(ctx, reportIds, reviewerId);
  }
}

@Resolver(() => Report)
export class ReportReviewFields {
  @FieldResolver(() => [CommentThread])
  threads(@Root() r: Report, @Ctx() ctx: Context): Promise<CommentThread[]> {
    return ctx.loaders.threadsByReport.load(r.id);
  }

  @FieldResolver(() => Int, { description: 'Threads not yet resolved.' })
  async openThreadCount(@Root() r: Report, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.threadsByReport.load(r.id)).filter((t) => !t.resolvedAt).length;
  }

  @FieldResolver(() => [ReportDecision], { description: 'Every decision, oldest first.' })
  decisions(@Root() r: Report, @Ctx() ctx: Context): Promise<ReportDecision[]> {
    return ctx.loaders.decisionsByReport.load(r.id);
  }

  @FieldResolver(() => [GoalAssessment], { description: 'The assessments of the latest approval.' })
  async assessments(@Root() r: Report, @Ctx() ctx: Context): Promise<GoalAssessment[]> {
    const approvals = (await ctx.loaders.decisionsByReport.load(r.id)).filter((d) => d.kind === 'APPROVED');
    const latest = approvals[approvals.length - 1];
    if (!latest) return [];
    const assessments = (await ctx.loaders.assessmentsByReport.load(r.id)).filter((a) => a.decisionId === latest.id);
    const goals = await ctx.loaders.goalById.loadMany(assessments.map((a) => a.goalId));
    const position = new Map(goals.map((g) => (g && !(g instanceof Error) ? [g.id, g.position] : ['', 0])));
    return assessments.sort((a, b) => (position.get(a.goalId) ?? 0) - (position.get(b.goalId) ?? 0));
  }

  @FieldResolver(() => [ReportEvent], { description: 'The report\'s history: opening, first save, submissions, decisions.' })
  history(@Root() r: Report, @Ctx() ctx: Context): Promise<ReportEvent[]> {
    return ctx.loaders.historyByReport.load(r.id);
  }

  @FieldResolver(() => [AnswerChange], { description: 'Each question\'s answer in the previous and the latest submission.' })
  async changes(
    @Root() r: Report,
    @Ctx() ctx: Context,
    @Arg('changedOnly', () => Boolean, { defaultValue: false }) changedOnly: boolean,
  ): Promise<AnswerChange[]> {
    const [submissions, questions] = await Promise.all([ctx.loaders.submissionsByReport.load(r.id), ctx.loaders.questionsByTemplate.load(r.templateId)]);
    if (submissions.length < 2) return [];
    const [previous, current] = submissions.slice(-2).map((s) => new Map(s.answers.map((a) => [a.questionId, a.value])));
    const sections = await ctx.loaders.sectionsByTemplate.load(r.templateId);
    const order = new Map(sections.map((s) => [s.id, s.position]));
    return [...questions]
      .sort((a, b) => (order.get(a.sectionId)! - order.get(b.sectionId)!) || a.position - b.position)
      .map((question) => {
        const before = previous.get(question.id) ?? null;
        const after = current.get(question.id) ?? null;
        return { question, previous: before, current: after, changed: JSON.stringify(before) !== JSON.stringify(after) };
      })
      .filter((c) => !changedOnly || c.changed);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The reviewer the report is assigned to.' })
  async assignedTo(@Root() r: Report, @Ctx() ctx: Context): Promise<Person | null> {
    const user = r.assignedToId ? await ctx.loaders.userById.load(r.assignedToId) : null;
    return user ? { id: user.id, name: user.name } : null;
  }
}

@Resolver(() => CommentThread)
export class CommentThreadFields {
  @FieldResolver(() => Question, { nullable: true, description: 'The question the thread is about; null for the whole report.' })
  question(@Root() t: CommentThread, @Ctx() ctx: Context): Promise<Question | null> | null {
    return t.questionId ? ctx.loaders.questionById.load(t.questionId) : null;
  }

  @FieldResolver(() => Boolean)
  resolved(@Root() t: CommentThread): boolean {
    return t.resolvedAt !== null;
  }

  @FieldResolver(() => [Comment])
  comments(@Root() t: CommentThread, @Ctx() ctx: Context): Promise<Comment[]> {
    return ctx.loaders.commentsByThread.load(t.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the answer changed after the thread started.' })
  async answerChanged(@Root() t: CommentThread, @Ctx() ctx: Context): Promise<boolean> {
    if (!t.questionId) return false;
    const answer = (await ctx.loaders.answersByReport.load(t.reportId)).find((a) => a.questionId === t.questionId);
    return JSON.stringify(answer?.value ?? null) !== JSON.stringify(t.answerAtStart ?? null);
  }
}

@Resolver(() => Comment)
export class CommentFields {
  @FieldResolver(() => String)
  async authorName(@Root() c: Comment, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.userById.load(c.authorId))?.name ?? '';
  }
}

@Resolver(() => ReportDecision)
export class ReportDecisionFields {
  @FieldResolver(() => Question, { nullable: true, description: 'The reopened question.' })
  question(@Root() d: ReportDecision, @Ctx() ctx: Context): Promise<Question | null> | null {
    return d.questionId ? ctx.loaders.questionById.load(d.questionId) : null;
  }

  @FieldResolver(() => String)
  async decidedByName(@Root() d: ReportDecision, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.userById.load(d.decidedById))?.name ?? '';
  }
}

@Resolver(() => GoalAssessment)
export class GoalAssessmentFields {
  @FieldResolver(() => Goal)
  async goal(@Root() a: GoalAssessment, @Ctx() ctx: Context): Promise<Goal> {
    return (await ctx.loaders.goalById.load(a.goalId))!;
  }
}
