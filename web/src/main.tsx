import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './app/apollo';
import { initI18n } from './app/i18n';
import './styles/app.css';

const i18n = await initI18n();
const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} i18n={i18n} />
  </StrictMode>,
);
