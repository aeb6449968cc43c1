import { GraphQLError } from 'graphql';
import { ErrorCode, type Role } from '@insyn/shared';
import type { Context } from '../app/context.js';
import type { Viewer } from './auth.js';
import { notFound } from './errors.js';

/** Roles that may change data. AUDITOR and ANALYST only read. */
const WRITERS: readonly Role[] = ['ADMIN', 'REVIEWER', 'PROVIDER'];
/** Roles that read every provider's non-public data. */
const READ_ALL: readonly Role[] = ['ADMIN', 'REVIEWER', 'AUDITOR'];

export type ProviderScope = { all: true } | { all: false; providerIds: string[] };

/**
 * The one place that decides who may do what. Every query and mutation that is not public goes
 * through these helpers; an object outside the viewer's scope is NOT_FOUND, exactly like an id
 * that does not exist, so ids cannot be probed.
 */
export const access = {
  async user(ctx: Context): Promise<Viewer> {
    const viewer = await ctx.auth.viewer();
    if (!viewer) {
      throw new GraphQLError('Log in to do this', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
    }
    return viewer;
  },

  /** The viewer, when they have at least one of the roles; FORBIDDEN otherwise. */
  async require(ctx: Context, roles: readonly Role[]): Promise<Viewer> {
    const viewer = await access.user(ctx);
    if (!roles.some((r) => viewer.roles.includes(r))) {
      throw new GraphQLError('You do not have permission to do this', { extensions: { code: ErrorCode.FORBIDDEN } });
    }
    return viewer;
  },

  /**
   * The viewer, when they are a person logged in with a session; an API token is FORBIDDEN
   * (it has no password to change, no session to end, and does not mint further tokens).
   */
  async requireSession(ctx: Context): Promise<Viewer> {
    const viewer = await access.user(ctx);
    if (viewer.kind !== 'USER') {
      throw new GraphQLError('Log in as a person to do this; an API token cannot', { extensions: { code: ErrorCode.FORBIDDEN } });
    }
    return viewer;
  },

  /** Like `require`, for changes: AUDITOR and ANALYST never change anything. */
  async requireWriter(ctx: Context, roles: readonly Role[]): Promise<Viewer> {
    return access.require(
      ctx,
      roles.filter((r) => WRITERS.includes(r)),
    );
  },

  has(viewer: Viewer | null, role: Role): boolean {
    return viewer?.roles.includes(role) ?? false;
  },

  /** Whose non-public provider data the viewer may read. */
  providerScope(viewer: Viewer | null): ProviderScope {
    if (viewer && READ_ALL.some((r) => viewer.roles.includes(r))) return { all: true };
    if (viewer?.providerId) return { all: false, providerIds: [viewer.providerId] };
    return { all: false, providerIds: [] };
  },

  inScope(scope: ProviderScope, providerId: string | null): boolean {
    return scope.all || (providerId !== null && scope.providerIds.includes(providerId));
  },

  /** Throws NOT_FOUND unless the viewer may read non-public data of this provider. */
  async assertProvider(ctx: Context, providerId: string | null, what = 'Object'): Promise<void> {
    const scope = access.providerScope(await ctx.auth.viewer());
    if (!access.inScope(scope, providerId)) throw notFound(what);
  },
};
