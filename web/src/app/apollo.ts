import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { ErrorCode } from '@insyn/shared';
import { tap } from 'rxjs';
import { ViewerQuery } from './viewer';

/** The normalised cache with Insyn's type policies. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // "Visa fler" appends the next page; each filter has its own list.
          providers: relayStylePagination(['filter']),
          users: relayStylePagination(['filter']),
          auditEvents: relayStylePagination(['filter']),
          // Each filter and each order has its own list (a queue by submission time is another list).
          reports: relayStylePagination(['filter', 'orderBy']),
          notifications: relayStylePagination(['unreadOnly']),
          insightRequests: relayStylePagination(['filter']),
          lastResortObligations: relayStylePagination(['filter']),
        },
      },
      Municipality: { keyFields: ['code'] },
    },
  });
}

/**
 * When a page's query hears that the session has ended (it expired, or an administrator ended
 * it), the app forgets the viewer, so the pages behind the login send the user to log in again.
 * A failed save does not: its form stays as the user left it, with a message.
 */
export function sessionLink(cache: InMemoryCache): ApolloLink {
  return new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap((result) => {
        const isQuery = operation.query.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query');
        if (!isQuery) return;
        if (result.errors?.some((e) => e.extensions?.['code'] === ErrorCode.UNAUTHENTICATED)) {
          cache.writeQuery({ query: ViewerQuery, data: { viewer: null } });
        }
      }),
    ),
  );
}

/**
 * One client for the SPA. Same origin only (the CSP allows nothing else); the session cookie is
 * sent with every request (credentials: same-origin). Apollo Client sends
 * `content-type: application/json`, which the server's CSRF prevention requires.
 */
export function createApolloClient(link: ApolloLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' })): ApolloClient {
  const cache = createCache();
  return new ApolloClient({ link: ApolloLink.from([sessionLink(cache), link]), cache });
}
