import { Suspense } from 'react';
import type { i18n as I18n } from 'i18next';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { Layout } from './Layout';
import {
  AccessibilityPage,
  AnnualReportPage,
  ComparisonPage,
  ConditionsPage,
  IndicatorsPage,
  InsightRequestPage,
  InsightStatusPage,
  LoggedInRoutes,
  LoginPage,
  MunicipalityPage,
  NeutralityPage,
  OpenDataPage,
  ProgramPage,
  ProviderPage,
  ProvidersPage,
  PublicArea,
  StartPage,
  UnitResultsPage,
} from './routes';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';
import { Loading } from '../shared/ui/QueryStates';

export function App({ client, i18n }: { client: ApolloClient; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <BrowserRouter>
          <Layout>
            <Pages />
          </Layout>
        </BrowserRouter>
      </ApolloProvider>
    </I18nextProvider>
  );
}

function Pages() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <ErrorBoundary
      resetKey={pathname}
      title={t('common.pageErrorTitle')}
      body={t('common.pageErrorBody')}
      reloadLabel={t('common.reload')}
    >
      <Suspense fallback={<Loading label={t('common.loadingPage')} />}>
        <Routes>
          <Route path="/" element={<StartPage />} />
          <Route path="/program" element={<ProgramPage />} />
          <Route path="/indikatorer" element={<IndicatorsPage />} />
          <Route path="/utforare" element={<ProvidersPage />} />
          <Route path="/utforare/:id" element={<ProviderPage />} />
          <Route path="/tillganglighet" element={<AccessibilityPage />} />
          <Route path="/likvardiga-villkor" element={<ConditionsPage />} />
          <Route path="/logga-in" element={<LoginPage />} />
          <Route path="/konkurrensneutralitet" element={<NeutralityPage />} />
          <Route path="/systemuppfoljning" element={<AnnualReportPage />} />
          {/* Public results and insight requests: no login, their texts load with PublicArea. */}
          <Route element={<PublicArea />}>
            <Route path="/kommun/:code" element={<MunicipalityPage />} />
            <Route path="/enhet/:unitId" element={<UnitResultsPage />} />
            <Route path="/jamfor" element={<ComparisonPage />} />
            <Route path="/oppna-data" element={<OpenDataPage />} />
            <Route path="/insyn" element={<InsightRequestPage />} />
            <Route path="/insyn/status" element={<InsightStatusPage />} />
          </Route>
          {/* Behind the login, and every address not above: the logged-in area's own routes. */}
          <Route path="*" element={<LoggedInRoutes />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
