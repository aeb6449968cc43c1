import { useTranslation } from 'react-i18next';
import type { LoadMoreState } from '../../shared/hooks/useLoadMore';
import { ErrorNotice } from '../../shared/ui/QueryStates';

/** "Visa fler" under a paginated list, and a retry when fetching the next page failed. */
export function ListMore({ more, testId = 'load-more' }: { more: LoadMoreState; testId?: string }) {
  const { t } = useTranslation('access');
  return (
    <>
      {more.failed && <ErrorNotice onRetry={() => void more.load()} />}
      {more.hasMore && (
        <div className="load-more">
          <button type="button" className="button button--secondary" onClick={() => void more.load()} aria-disabled={more.loading} data-testid={testId}>
            {more.loading ? t('common.loadingMore') : t('common.loadMore')}
          </button>
        </div>
      )}
    </>
  );
}
