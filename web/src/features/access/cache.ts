import type { ApolloCache } from '@apollo/client';

type ListRef = string | { typename: string; id: string; field: string };

/**
 * After adding something to a list, forget the cached lists it belongs to: root fields (every
 * filter and page) or a field of one object ("Provider:1".units), so each list shows the new
 * item the next time it is shown.
 */
export function forgetLists(...lists: ListRef[]) {
  return (cache: ApolloCache) => {
    for (const list of lists) {
      if (typeof list === 'string') cache.evict({ id: 'ROOT_QUERY', fieldName: list });
      else cache.evict({ id: cache.identify({ __typename: list.typename, id: list.id }), fieldName: list.field });
    }
    cache.gc();
  };
}
