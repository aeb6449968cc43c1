import type { ReactNode } from 'react';
import { ApolloLink, type FetchResult } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { Role } from '@insyn/shared';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Observable } from 'rxjs';
import { createApolloClient } from '../app/apollo';
import { initI18n, loadNamespace, type Language } from '../app/i18n';
import { Layout } from '../app/Layout';

export interface Operation {
  operationName: string;
  variables: Record<string, unknown>;
}

/** Answers each GraphQL operation from a handler: a result, or an Error for a network failure. */
export type Handler = (op: Operation) => FetchResult | Error | Promise<FetchResult | Error>;

export function handlerLink(handler: Handler, calls: Operation[] = []): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        const op = { operationName: operation.operationName ?? '', variables: operation.variables };
        calls.push(op);
        Promise.resolve(handler(op)).then((result) => {
          if (result instanceof Error) observer.error(result);
          else {
            observer.next(result);
            observer.complete();
          }
        });
      }),
  );
}

function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

interface RenderOptions {
  url: string;
  handler: Handler;
  language?: Language;
  /** Load the texts of the logged-in pages (the "access" namespace) first. */
  access?: boolean;
}

async function setup({ handler, language = 'sv', access }: RenderOptions) {
  const i18n = await initI18n(language);
  if (access) await loadNamespace(i18n, 'access', language);
  const calls: Operation[] = [];
  const client = createApolloClient(handlerLink(handler, calls));
  return { i18n, calls, client };
}

/** Renders a page as the app does: i18n, Apollo with the app's cache policies, and a router. */
export async function renderPage(element: ReactNode, options: RenderOptions & { path: string }) {
  const { i18n, calls, client } = await setup(options);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <MemoryRouter initialEntries={[options.url]}>
          <Routes>
            <Route path={options.path} element={element} />
            <Route path="*" element={<p>other page</p>} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, calls, i18n, client };
}

/** Renders routes inside the app shell (header, menu, footer). */
export async function renderInShell(routes: ReactNode, options: RenderOptions) {
  const { i18n, calls, client } = await setup(options);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <MemoryRouter initialEntries={[options.url]}>
          <Layout>
            <Routes>{routes}</Routes>
          </Layout>
          <LocationProbe />
        </MemoryRouter>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, calls, i18n, client };
}

/** The answer to the app's Viewer query for a user with these roles (null: not logged in). */
export function viewerResult(roles: Role[] | null, overrides: { mustChangePassword?: boolean; id?: string; name?: string } = {}): FetchResult {
  if (!roles) return { data: { viewer: null } };
  return {
    data: {
      viewer: {
        __typename: 'Viewer',
        id: overrides.id ?? 'viewer-1',
        email: 'person@insyn.example',
        name: overrides.name ?? 'Pat Person',
        roles,
        mustChangePassword: overrides.mustChangePassword ?? false,
        provider: roles.includes('PROVIDER') ? { __typename: 'Provider', id: 'p1', name: 'Hede Läkarhus AB' } : null,
      },
    },
  };
}

/** A GraphQL error answer with `extensions`. */
export function gqlError(code: string, extensions: Record<string, unknown> = {}, message = code): FetchResult {
  return { errors: [{ message, extensions: { code, ...extensions } }], data: null } as unknown as FetchResult;
}
