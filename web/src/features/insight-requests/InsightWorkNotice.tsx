import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { InsightRequestStatus } from '../../gql/graphql';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { hasAnyRole, useViewer } from '../../app/viewer';
import { useTextsReady } from '../publication/useTexts';

const InsightWorkQuery = graphql(`
  query InsightWork($status: [InsightRequestStatus!]!) {
    insightRequests(filter: { status: $status }, first: 1) {
      totalCount
    }
  }
`);

/** What a provider answers; what waits for the region (not with the provider, not closed). */
export const PROVIDER_WORK: InsightRequestStatus[] = ['FORWARDED'];
export const REGION_WORK: InsightRequestStatus[] = ['RECEIVED', 'REGISTERED', 'ANSWERED', 'DECIDED'];

/**
 * On a start page that lists work: how many insight requests wait for the viewer, with a link to
 * them. Nothing when none do, and nothing while its texts load.
 */
export default function InsightWorkNotice() {
  return useTextsReady('publication') ? <Notice /> : null;
}

function Notice() {
  const { t } = useTranslation('publication');
  const { viewer } = useViewer();
  const provider = mayUse(viewer?.roles, 'reports');
  const region = hasAnyRole(viewer, ['REVIEWER', 'ADMIN']);
  const status = provider ? PROVIDER_WORK : REGION_WORK;
  // Its own small count, kept out of the cached lists of the insight request page.
  const { data } = useQuery(InsightWorkQuery, { variables: { status }, skip: !provider && !region, fetchPolicy: 'no-cache' });
  const count = data?.insightRequests.totalCount ?? 0;
  if (count === 0) return null;
  const to = provider ? `${paths.insightRequests}?status=FORWARDED` : paths.insightRequests;
  return (
    <p className="notice notice--info insight-work" data-testid="insight-work">
      <Link to={to}>{provider ? t('insight.startCard', { count }) : t('insight.waitingRegion', { count })}</Link>
    </p>
  );
}
