import { NetworkStatus } from '@apollo/client';
import { useCallback, useState } from 'react';

interface PageInfo {
  endCursor?: string | null;
  hasNextPage: boolean;
}

export interface LoadMoreState {
  /** There is a next page, and the list is not being replaced by a new search. */
  hasMore: boolean;
  /** The next page is on its way. */
  loading: boolean;
  /** The last attempt failed; `load` tries again. */
  failed: boolean;
  load: () => Promise<void>;
  /** Forgets a failed attempt (a new filter starts a new list). */
  reset: () => void;
}

/**
 * "Visa fler" of a cursor-paginated list: fetches the page after the last one shown (Apollo merges
 * it into the list by the field's relayStylePagination policy), one request at a time.
 */
export function useLoadMore(
  pageInfo: PageInfo | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
  networkStatus: NetworkStatus,
  searching = false,
): LoadMoreState {
  const [failed, setFailed] = useState(false);
  const loading = networkStatus === NetworkStatus.fetchMore;
  const cursor = pageInfo?.endCursor ?? null;
  const load = useCallback(async () => {
    if (!cursor || loading) return;
    setFailed(false);
    try {
      await fetchMore({ variables: { after: cursor } });
    } catch {
      setFailed(true);
    }
  }, [cursor, loading, fetchMore]);
  const reset = useCallback(() => setFailed(false), []);
  return { hasMore: Boolean(pageInfo?.hasNextPage) && !searching, loading, failed, load, reset };
}
