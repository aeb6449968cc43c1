import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode } from 'graphql';
import type { Context } from '../../app/context.js';

/** Root fields whose whole answer is public and the same for everyone: master data and published results. */
const PUBLIC_ROOT_FIELDS = new Set([
  '__typename',
  'municipalities',
  'indicators',
  'publicUnits',
  'publicUnit',
  'publicComparison',
  'publicPeriods',
  'publicIndicators',
  // Adopted neutrality reports and published annual reports: the same for everyone (never drafts).
  'neutralityReport',
  'neutralityReports',
  'annualReport',
  'annualReports',
]);

/** How long shared caches may keep a public answer. */
export const PUBLIC_MAX_AGE = 60;

/**
 * Cache headers of GraphQL responses (instead of Apollo's cache-control plugin): a query sent with
 * GET, without an API token, that asks only for public root fields and succeeds may be cached by
 * anyone for a minute (`Cache-Control: public, max-age=60`); every other response is `no-store`.
 */
export function publicCachePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, contextValue }) {
          const publicAnswer =
            request.http?.method === 'GET' &&
            !contextValue.req?.header('authorization') &&
            operation?.operation === OperationTypeNode.QUERY &&
            operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value)) &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors;
          response.http.headers.set('cache-control', publicAnswer ? `public, max-age=${PUBLIC_MAX_AGE}` : 'no-store');
        },
      };
    },
  };
}
