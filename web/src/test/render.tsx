import type { ReactNode } from 'react';
import { ApolloLink, type FetchResult } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Observable } from 'rxjs';
import { createApolloClient } from '../app/apollo';
import { initI18n, type Language } from '../app/i18n';

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

/** Renders a page as the app does: i18n, Apollo with the app's cache policies, and a router. */
export async function renderPage(
  element: ReactNode,
  { path, url, handler, language = 'sv' }: { path: string; url: string; handler: Handler; language?: Language },
) {
  const i18n = await initI18n(language);
  const calls: Operation[] = [];
  const client = createApolloClient(handlerLink(handler, calls));
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path={path} element={element} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, calls, i18n, client };
}
