import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage, type Operation } from '../../test/render';
import ProvidersPage from './ProvidersPage';
import ProviderPage from './ProviderPage';

const municipalities = {
  data: {
    municipalities: [
      { __typename: 'Municipality', code: '2380', name: 'Östersund' },
      { __typename: 'Municipality', code: '2361', name: 'Härjedalen' },
    ],
  },
};

function provider(id: string, name: string, ownership: string) {
  return {
    __typename: 'Provider',
    id,
    name,
    orgNumber: '556201-9488',
    ownership,
    units: [
      {
        __typename: 'Unit',
        id: `${id}-u`,
        name: `${name} enhet`,
        kind: 'HEALTH_CENTRE',
        municipality: { __typename: 'Municipality', code: '2380', name: 'Östersund' },
      },
    ],
    agreements: [
      {
        __typename: 'Agreement',
        id: `${id}-a`,
        reference: `LOF-${id}`,
        form: 'LOF',
        inProgramScope: false,
        outOfScopeReason: 'Nationell taxa.',
        choiceSystem: null,
      },
    ],
  };
}

function page(nodes: ReturnType<typeof provider>[], totalCount: number, hasNextPage = false) {
  return {
    data: {
      providers: {
        __typename: 'ProviderConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null },
        edges: nodes.map((node) => ({ __typename: 'ProviderEdge', cursor: `c-${node.id}`, node })),
      },
    },
  };
}

const inHouse = provider('p1', 'Primärvården', 'IN_HOUSE');
const privat = provider('p2', 'Hede Läkarhus AB', 'PRIVATE');

function filterOf(op: Operation) {
  return (op.variables['filter'] ?? {}) as { ownership?: string[]; municipalityCode?: string };
}

describe('providers page', () => {
  it('lists providers with the count, filters through the URL and shows the empty state', async () => {
    const { calls } = await renderPage(<ProvidersPage />, {
      path: '/utforare',
      url: '/utforare',
      handler: (op) => {
        if (op.operationName === 'ProviderFilters') return municipalities;
        const filter = filterOf(op);
        if (filter.municipalityCode === '2361') return page([], 0);
        if (filter.ownership?.join() === 'PRIVATE') return page([privat], 1);
        return page([inHouse, privat], 2);
      },
    });

    expect(await screen.findByText('Visar 2 av 2 utförare')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Visar 2 av 2 utförare');
    expect(screen.getAllByTestId('provider-card')).toHaveLength(2);
    expect(screen.getAllByText('Omfattas inte av programmet')).toHaveLength(2);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Privat' }));
    expect((screen.getByRole('checkbox', { name: 'Privat' }) as HTMLInputElement).checked).toBe(true);
    expect(await screen.findByText('Visar 1 av 1 utförare')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/utforare?driftform=PRIVATE');
    expect(calls.some((c) => c.operationName === 'ProvidersPage' && c.variables['first'] === 20)).toBe(true);

    await screen.findByRole('option', { name: 'Härjedalen' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kommun' }), { target: { value: '2361' } });
    expect(await screen.findByText('Inga utförare matchar filtret.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/utforare?kommun=2361&driftform=PRIVATE');

    fireEvent.click(screen.getAllByRole('button', { name: 'Rensa filter' })[0]!);
    expect(await screen.findByText('Visar 2 av 2 utförare')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/utforare');
  });

  it('loads the next page with the cursor and appends it', async () => {
    const { calls } = await renderPage(<ProvidersPage />, {
      path: '/utforare',
      url: '/utforare',
      handler: (op) => {
        if (op.operationName === 'ProviderFilters') return municipalities;
        return op.variables['after'] ? page([privat], 2) : page([inHouse], 2, true);
      },
    });
    expect(await screen.findByText('Visar 1 av 2 utförare')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Visa fler' }));
    expect(await screen.findByText('Visar 2 av 2 utförare')).toBeTruthy();
    expect(screen.getAllByTestId('provider-card').map((c) => c.querySelector('h3')?.textContent)).toEqual([
      'Primärvården',
      'Hede Läkarhus AB',
    ]);
    expect(calls.find((c) => c.variables['after'])?.variables['after']).toBe('c-p1');
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Hede Läkarhus AB'));
  });

  it('shows an error with a retry button when the API cannot be reached', async () => {
    let fail = true;
    await renderPage(<ProvidersPage />, {
      path: '/utforare',
      url: '/utforare',
      language: 'en',
      handler: (op) => {
        if (op.operationName === 'ProviderFilters') return municipalities;
        return fail ? new Error('network down') : page([inHouse], 1);
      },
    });
    expect(await screen.findByText('The information could not be loaded')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Showing 1 of 1 providers')).toBeTruthy();
  });
});

describe('provider page', () => {
  it('says so kindly when the provider does not exist', async () => {
    await renderPage(<ProviderPage />, {
      path: '/utforare/:id',
      url: '/utforare/finns-inte',
      handler: () => ({
        errors: [{ message: 'Provider not found', extensions: { code: 'NOT_FOUND' } }],
        data: { provider: null },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Utföraren hittades inte' })).toBeTruthy();
    expect(document.title).toBe('Utföraren hittades inte – Insyn');
  });
});
