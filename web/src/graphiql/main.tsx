import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql.css';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Same-origin fetcher for the Insyn API. JSON content type satisfies the server's CSRF
 * prevention; the session cookie goes along, so logged-in users query with their own rights.
 */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

const defaultQuery = `# Insyn GraphQL API. Run with the play button or Ctrl-Enter;
# the Docs panel on the left lists every type and field.
query Providers {
  providers(first: 5) {
    totalCount
    edges {
      node {
        name
        orgNumber
        ownership
        units { name kind municipality { code name } }
      }
    }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultEditorToolsVisibility={false}>
      <GraphiQL.Logo>
        <a href="/" className="insyn-graphiql-logo">
          Insyn API
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
