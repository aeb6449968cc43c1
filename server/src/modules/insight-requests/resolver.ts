import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { Provider, Unit } from '../masterdata/entities.js';
import { InsightDecision, InsightRequest, InsightRequestEvent, InsightRequestStatus, InsightSecretPart } from './entities.js';
import { insightService } from './service.js';
import {
  InsightRequestConnection,
  InsightRequestFilter,
  InsightRequestStep,
  InsightSecretPartInput,
  PublicInsightRequest,
  SubmitInsightRequestInput,
  SubmittedInsightRequest,
} from './types.js';

/** Loaders of this module, one set per request. */
const loaders = new WeakMap<Context, ReturnType<typeof createLoaders>>();
function createLoaders(ctx: Context) {
  const grouped = <E extends { requestId: string }>(entity: new () => E, order: Record<string, 'ASC'>) =>
    new DataLoader<string, E[]>(async (ids) => {
      const rows = await ctx.em.getRepository(entity).find({ where: { requestId: In([...ids]) } as never, order: order as never });
      return ids.map((id) => rows.filter((r) => r.requestId === id));
    });
  return {
    events: grouped(InsightRequestEvent, { at: 'ASC', id: 'ASC' }),
    secretParts: grouped(InsightSecretPart, { position: 'ASC' }),
  };
}
function loadersOf(ctx: Context) {
  let l = loaders.get(ctx);
  if (!l) loaders.set(ctx, (l = createLoaders(ctx)));
  return l;
}

const isRegion = async (ctx: Context) => access.providerScope(await ctx.auth.viewer()).all;

@Resolver()
export class InsightRequestResolver {
  @Mutation(() => SubmittedInsightRequest, {
    description: 'Files an insight request (no login needed). Returns the reference and the tracking code, shown this once.',
  })
  submitInsightRequest(
    @Ctx() ctx: Context,
    @Arg('input', () => SubmitInsightRequestInput) input: SubmitInsightRequestInput,
  ): Promise<SubmittedInsightRequest> {
    return insightService.submit(ctx, input);
  }

  @Query(() => PublicInsightRequest, { nullable: true, description: 'The public status of a request, by its tracking code; null when the code names none.' })
  insightRequestStatus(@Ctx() ctx: Context, @Arg('trackingCode', () => String) trackingCode: string): Promise<PublicInsightRequest | null> {
    return insightService.status(ctx, trackingCode);
  }

  @Query(() => InsightRequestConnection, {
    description: 'Insight requests, newest first: all for the region (ADMIN, REVIEWER, AUDITOR); for a provider, those forwarded to it.',
  })
  insightRequests(
    @Ctx() ctx: Context,
    @Arg('filter', () => InsightRequestFilter, { nullable: true }) filter: InsightRequestFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<InsightRequestConnection> {
    return insightService.list(ctx, filter, first, after);
  }

  @Query(() => InsightRequest, { nullable: true })
  insightRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<InsightRequest> {
    return insightService.get(ctx, id);
  }

  @Mutation(() => InsightRequest, { description: 'RECEIVED → REGISTERED (diarieförd).' })
  registerInsightRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<InsightRequest> {
    return insightService.register(ctx, id, expectedVersion);
  }

  @Mutation(() => InsightRequest, {
    description: 'REGISTERED → FORWARDED to a provider that is not in-house, to answer by dueAt (default: 10 working days).',
  })
  forwardInsightRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('providerId', () => ID) providerId: string,
    @Arg('dueAt', () => Date, { nullable: true }) dueAt: Date | null,
  ): Promise<InsightRequest> {
    return insightService.forward(ctx, id, expectedVersion, providerId, dueAt ?? null);
  }

  @Mutation(() => InsightRequest, { description: 'Reminds the provider\'s users of a forwarded request.' })
  remindInsightRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<InsightRequest> {
    return insightService.remind(ctx, id);
  }

  @Mutation(() => InsightRequest, {
    description: 'The answer, with the parts that are business secrets: by the provider a request was forwarded to, or recorded by a reviewer.',
  })
  answerInsightRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('answer', () => String) answer: string,
    @Arg('secretParts', () => [InsightSecretPartInput], { defaultValue: [] }) secretParts: InsightSecretPartInput[],
  ): Promise<InsightRequest> {
    return insightService.answer(ctx, id, expectedVersion, answer, secretParts);
  }

  @Mutation(() => InsightRequest, { description: 'ANSWERED → DECIDED: the secrecy review. Legal ground and appeal note unless DISCLOSED.' })
  decideInsightRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('decision', () => InsightDecision) decision: InsightDecision,
    @Arg('legalGround', () => String, { nullable: true }) legalGround: string | null,
    @Arg('appealNote', () => String, { nullable: true }) appealNote: string | null,
    @Arg('text', () => String) text: string,
  ): Promise<InsightRequest> {
    return insightService.decide(ctx, id, expectedVersion, { decision, legalGround: legalGround ?? null, appealNote: appealNote ?? null, text });
  }

  @Mutation(() => InsightRequest, { description: 'Closes a decided request; an undecided one (withdrawn, not a request) with a public note.' })
  closeInsightRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ): Promise<InsightRequest> {
    return insightService.close(ctx, id, expectedVersion, note ?? null);
  }
}

@Resolver(() => InsightRequest)
export class InsightRequestFields {
  @FieldResolver(() => Provider, { nullable: true, description: 'The provider concerned (the one it was forwarded to, once forwarded).' })
  provider(@Root() r: InsightRequest, @Ctx() ctx: Context): Promise<Provider | null> | null {
    return r.providerId ? ctx.loaders.providerById.load(r.providerId) : null;
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() r: InsightRequest, @Ctx() ctx: Context): Promise<Unit | null> | null {
    return r.unitId ? ctx.loaders.unitById.load(r.unitId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The requester\'s address: for the region only, never for providers.' })
  async requesterEmail(@Root() r: InsightRequest, @Ctx() ctx: Context): Promise<string | null> {
    return (await isRegion(ctx)) ? r.requesterEmail : null;
  }

  @FieldResolver(() => [InsightSecretPart], { description: 'The parts of the answer marked as business secrets, with reasons.' })
  secretParts(@Root() r: InsightRequest, @Ctx() ctx: Context): Promise<InsightSecretPart[]> {
    return loadersOf(ctx).secretParts.load(r.id);
  }

  @FieldResolver(() => [InsightRequestStep], { description: 'The timeline, oldest first.' })
  async events(@Root() r: InsightRequest, @Ctx() ctx: Context): Promise<InsightRequestStep[]> {
    const events = await loadersOf(ctx).events.load(r.id);
    const users = await ctx.loaders.userById.loadMany(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    const names = new Map(users.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u.name] as const] : [])));
    return events.map((e) => ({ kind: e.kind, at: e.at, note: e.note, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null }));
  }

  @FieldResolver(() => String, { nullable: true })
  async answeredByName(@Root() r: InsightRequest, @Ctx() ctx: Context): Promise<string | null> {
    return r.answeredById ? ((await ctx.loaders.userById.load(r.answeredById))?.name ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Forwarded and past its due date.' })
  overdue(@Root() r: InsightRequest): boolean {
    return r.status === InsightRequestStatus.FORWARDED && r.dueAt !== null && new Date(r.dueAt) < new Date();
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may answer it now.' })
  async viewerCanAnswer(@Root() r: InsightRequest, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = await ctx.auth.viewer();
    if (!viewer || viewer.kind !== 'USER') return false;
    if (viewer.roles.includes('ADMIN') || viewer.roles.includes('REVIEWER')) {
      return r.status === InsightRequestStatus.REGISTERED || r.status === InsightRequestStatus.FORWARDED;
    }
    return viewer.roles.includes('PROVIDER') && viewer.providerId === r.providerId && r.status === InsightRequestStatus.FORWARDED;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer handles requests (registers, forwards, decides, closes).' })
  async viewerCanHandle(@Ctx() ctx: Context): Promise<boolean> {
    const viewer = await ctx.auth.viewer();
    return Boolean(viewer && (viewer.roles.includes('ADMIN') || viewer.roles.includes('REVIEWER')));
  }
}
