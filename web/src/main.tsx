import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './app/apollo';
import { initI18n } from './app/i18n';
import './styles/app.css';

const i18n = await initI18n();
const client = createApolloClient();

// A render error React recovered from is still an error in Insyn's code: report what caused it
// (React's own report names only the recovery), so it can be found and fixed.
createRoot(document.getElementById('root')!, {
  onRecoverableError: (error, info) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    console.error('Recovered from a render error:', cause instanceof Error ? `${cause.name}: ${cause.message}\n${cause.stack ?? ''}` : cause, info.componentStack ?? '');
  },
}).render(
  <StrictMode>
    <App client={client} i18n={i18n} />
  </StrictMode>,
);
