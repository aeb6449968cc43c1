import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** The normalised cache with Insyn's type policies. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // "Visa fler" appends the next page; each filter has its own list.
          providers: relayStylePagination(['filter']),
        },
      },
      Municipality: { keyFields: ['code'] },
    },
  });
}

/**
 * One client for the SPA. Same origin only (the CSP allows nothing else); Apollo Client sends
 * `content-type: application/json`, which the server's CSRF prevention requires.
 */
export function createApolloClient(link: ApolloLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' })): ApolloClient {
  return new ApolloClient({ link, cache: createCache() });
}
