import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { renderPage, viewerResult, type Operation } from '../../test/render';
import { loadNamespace } from '../../app/i18n';
import ReviewQueuePage from './ReviewQueuePage';

/** The queue as ReviewArea shows it: once its texts are loaded. */
function WithTexts() {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void Promise.all([loadNamespace(i18n, 'review', 'sv'), loadNamespace(i18n, 'reporting', 'sv')]).then(() => setReady(true));
  }, [i18n]);
  return ready ? <ReviewQueuePage /> : null;
}

async function open(url: string, calls: Operation[]) {
  await renderPage(<WithTexts />, { path: '/granskning', url, handler: handler(calls), access: true });
}

function report(id: string, reference: string, ownership: string) {
  return {
    __typename: 'Report',
    id,
    reference,
    status: 'SUBMITTED',
    dueAt: '2026-12-15T12:00:00.000Z',
    submittedAt: '2026-11-06T09:00:00.000Z',
    overdue: false,
    openThreadCount: 2,
    provider: { __typename: 'Provider', id: `p-${id}`, name: `Utförare ${reference}`, ownership },
    round: { __typename: 'FollowUpRound', id: 'round-1', name: 'Uppföljning Hälsoval 2025', period: '2025' },
    agreement: { __typename: 'Agreement', id: `a-${id}`, reference: `AV-${id}`, units: [{ __typename: 'Unit', id: `u-${id}`, name: `Enhet ${id}` }] },
    assignedTo: null,
  };
}

function list(nodes: ReturnType<typeof report>[]) {
  return {
    data: {
      reports: {
        __typename: 'ReportConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node) => ({ __typename: 'ReportEdge', cursor: `c-${node.id}`, node })),
      },
    },
  };
}

const count = (n: number) => ({ __typename: 'ReportConnection', totalCount: n });

function handler(calls: Operation[]) {
  return (op: Operation) => {
    calls.push(op);
    switch (op.operationName) {
      case 'Viewer':
        return viewerResult(['REVIEWER'], { name: 'Rasmus Granskare' });
      case 'ReviewQueueFilterOptions':
        return {
          data: {
            followUpRounds: [{ __typename: 'FollowUpRound', id: 'round-1', name: 'Uppföljning Hälsoval 2025', period: '2025' }],
            choiceSystems: [{ __typename: 'ChoiceSystem', id: 'cs-1', name: 'Hälsoval' }],
            municipalities: [{ __typename: 'Municipality', code: '2380', name: 'Östersund' }],
          },
        };
      case 'ReviewQueueReviewers':
        return {
          data: {
            reviewers: [
              { __typename: 'Person', id: 'u-anna', name: 'Anna Administratör' },
              { __typename: 'Person', id: 'u-sara', name: 'Sara Granskare' },
            ],
          },
        };
      case 'InsightWork':
        return { data: { insightRequests: { __typename: 'InsightRequestConnection', totalCount: 0 } } };
      case 'ReviewQueueCounts':
        return { data: { NOT_STARTED: count(4), DRAFT: count(3), SUBMITTED: count(2), CHANGES_REQUESTED: count(1), APPROVED: count(0), PUBLISHED: count(5) } };
      case 'ReviewQueue': {
        const filter = op.variables['filter'] as { ownership?: string[] };
        return filter.ownership?.[0] === 'PRIVATE' ? list([report('r2', 'RAP-2', 'PRIVATE')]) : list([report('r1', 'RAP-1', 'IN_HOUSE'), report('r2', 'RAP-2', 'PRIVATE')]);
      }
      default:
        return new Error(op.operationName);
    }
  };
}

describe('the review queue', () => {
  it('reads its filter from the URL, writes changes back, and shows the counts per status', async () => {
    const calls: Operation[] = [];
    await open('/granskning?kommun=2380', calls);
    expect(await screen.findByText('Visar 2 av 2. Längst väntande först.')).toBeTruthy();
    const first = calls.find((c) => c.operationName === 'ReviewQueue')!;
    expect(first.variables['filter']).toEqual({ status: ['SUBMITTED'], municipalityCode: '2380' });
    expect(first.variables['orderBy']).toBe('SUBMITTED_AT');
    // The counts leave the status out and keep the rest.
    const counts = calls.find((c) => c.operationName === 'ReviewQueueCounts')!;
    expect(counts.variables['submitted']).toEqual({ status: ['SUBMITTED'], municipalityCode: '2380' });
    expect(counts.variables['approved']).toEqual({ status: ['APPROVED'], municipalityCode: '2380' });
    const nav = screen.getByRole('navigation', { name: 'Antal per status' });
    await waitFor(() => expect(within(nav).getByRole('link', { current: true }).textContent).toBe('Inskickad 2'));

    fireEvent.change(screen.getByLabelText('Driftform'), { target: { value: 'PRIVATE' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/granskning?driftform=PRIVATE&kommun=2380'));
    expect(await screen.findByText('Visar 1 av 1. Längst väntande först.')).toBeTruthy();

    fireEvent.click(within(nav).getByRole('link', { name: /Komplettering begärd/ }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/granskning?status=CHANGES_REQUESTED&driftform=PRIVATE&kommun=2380'));

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/granskning?status=alla&driftform=PRIVATE&kommun=2380'));
    fireEvent.click(screen.getByRole('button', { name: 'Rensa filtret' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/granskning'));
  });

  it('selects rows for bulk assignment and says what is missing before sending', async () => {
    const calls: Operation[] = [];
    await open('/granskning', calls);
    expect(await screen.findByText('Visar 2 av 2. Längst väntande först.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tilldela' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Välj minst en rapport.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Välj RAP-1' }));
    expect(screen.getByTestId('selected-count').textContent).toBe('1 rapport vald');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Välj alla som visas' }));
    expect(screen.getByTestId('selected-count').textContent).toBe('2 rapporter valda');
    fireEvent.click(screen.getByRole('button', { name: 'Tilldela' }));
    expect(await screen.findByText('Välj vem rapporterna ska tilldelas.')).toBeTruthy();
    expect(screen.getByLabelText(/Handläggare/).getAttribute('aria-invalid')).toBe('true');
    // A reviewer chooses themselves or any other reviewer.
    expect(screen.getByRole('option', { name: 'Rasmus Granskare (jag)' })).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Sara Granskare' })).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'ReviewQueueReviewers')).toBe(true);
  });
});
