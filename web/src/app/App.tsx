import { Suspense } from 'react';
import type { i18n as I18n } from 'i18next';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { Layout } from './Layout';
import {
  AccessArea,
  AccessibilityPage,
  ConditionsPage,
  AccountPage,
  AdminHomePage,
  AgreementFormPage,
  ApiTokensPage,
  AuditTrailPage,
  ChangePasswordPage,
  ChoiceSystemFormPage,
  ChoiceSystemsPage,
  IndicatorFormPage,
  IndicatorsAdminPage,
  IndicatorsPage,
  LoginPage,
  MyReportsPage,
  NotFoundPage,
  ProgramEditPage,
  ProgramPage,
  ProgramsAdminPage,
  ProviderFormPage,
  ProviderPage,
  ProvidersAdminPage,
  ProvidersPage,
  ReceiptPage,
  ReportingArea,
  ReportPage,
  RequireArea,
  RoundFormPage,
  RoundPage,
  RoundsPage,
  StartPage,
  TemplateEditPage,
  TemplatesAdminPage,
  UnitFormPage,
  UserCreatePage,
  UserEditPage,
  UsersPage,
} from './routes';
import { NotificationsArea, NotificationsPage, ReviewArea, ReviewQueuePage, ReviewReportPage } from './routes';
import { AnnualReportEditPage, AnnualReportPage, AnnualReportsAdminPage, FollowUpArea, NeutralityAdminPage, NeutralityPage } from './routes';
import { InsightArea, InsightRequestDetailPage, InsightRequestsPage } from './routes';
import { ConditionsAdoptPage, CoveragePage, LastResortArea, ListingImportPage, ObligationFormPage, ObligationsPage } from './routes';
import { CompensationPage, EconomicsPage } from './routes';
import { ComparisonPage, InsightRequestPage, InsightStatusPage, MunicipalityPage, OpenDataPage, PublicArea, UnitResultsPage } from './routes';
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
          {/* Behind the login: each group checks the roles before its pages load. */}
          <Route element={<AccessArea />}>
            <Route element={<RequireArea area="account" />}>
              <Route path="/konto" element={<AccountPage />} />
              <Route path="/konto/losenord" element={<ChangePasswordPage />} />
            </Route>
            <Route element={<RequireArea area="users" />}>
              <Route path="/admin/anvandare" element={<UsersPage />} />
            </Route>
            <Route element={<RequireArea area="admin" />}>
              <Route path="/admin" element={<AdminHomePage />} />
              <Route path="/admin/likvardiga-villkor" element={<ConditionsAdoptPage />} />
              <Route path="/admin/anvandare/ny" element={<UserCreatePage />} />
              <Route path="/admin/anvandare/:id" element={<UserEditPage />} />
              <Route path="/admin/utforare" element={<ProvidersAdminPage />} />
              <Route path="/admin/utforare/ny" element={<ProviderFormPage />} />
              <Route path="/admin/utforare/:id" element={<ProviderFormPage />} />
              <Route path="/admin/utforare/:id/enheter/ny" element={<UnitFormPage />} />
              <Route path="/admin/utforare/:id/enheter/:unitId" element={<UnitFormPage />} />
              <Route path="/admin/utforare/:id/avtal/ny" element={<AgreementFormPage />} />
              <Route path="/admin/utforare/:id/avtal/:agreementId" element={<AgreementFormPage />} />
              <Route path="/admin/valfrihetssystem" element={<ChoiceSystemsPage />} />
              <Route path="/admin/valfrihetssystem/ny" element={<ChoiceSystemFormPage />} />
              <Route path="/admin/valfrihetssystem/:id" element={<ChoiceSystemFormPage />} />
              <Route path="/admin/program" element={<ProgramsAdminPage />} />
              <Route path="/admin/program/ny" element={<ProgramEditPage />} />
              <Route path="/admin/program/:id" element={<ProgramEditPage />} />
              <Route path="/admin/indikatorer" element={<IndicatorsAdminPage />} />
              <Route path="/admin/indikatorer/ny" element={<IndicatorFormPage />} />
              <Route path="/admin/indikatorer/:id" element={<IndicatorFormPage />} />
              <Route element={<ReportingArea />}>
                <Route path="/admin/mallar" element={<TemplatesAdminPage />} />
                <Route path="/admin/mallar/ny" element={<TemplateEditPage />} />
                <Route path="/admin/mallar/:id" element={<TemplateEditPage />} />
              </Route>
            </Route>
            {/* Follow-up: the provider's reports; the region's rounds (read by auditors). */}
            <Route element={<ReportingArea />}>
              <Route element={<RequireArea area="reports" />}>
                <Route path="/rapporter" element={<MyReportsPage />} />
              </Route>
              <Route element={<RequireArea area="reportRead" />}>
                <Route path="/rapporter/:id" element={<ReportPage />} />
                <Route path="/rapporter/:id/kvitto/:submissionId" element={<ReceiptPage />} />
              </Route>
              <Route element={<RequireArea area="rounds" />}>
                <Route path="/uppfoljning" element={<RoundsPage />} />
                <Route path="/uppfoljning/:id" element={<RoundPage />} />
              </Route>
              <Route element={<RequireArea area="roundsEdit" />}>
                <Route path="/uppfoljning/ny" element={<RoundFormPage />} />
              </Route>
            </Route>
            {/* Review: the region's queue and the review of one report (auditors read); notifications for everyone. */}
            <Route element={<RequireArea area="review" />}>
              <Route element={<ReviewArea />}>
                <Route path="/granskning" element={<ReviewQueuePage />} />
                <Route path="/granskning/:id" element={<ReviewReportPage />} />
              </Route>
            </Route>
            {/* Insight requests: the region handles them (auditors read), providers answer those forwarded to them. */}
            <Route element={<RequireArea area="insightRequests" />}>
              <Route element={<InsightArea />}>
                <Route path="/insynsbegaran" element={<InsightRequestsPage />} />
                <Route path="/insynsbegaran/:id" element={<InsightRequestDetailPage />} />
              </Route>
            </Route>
            {/* The last-resort register: the region reads coverage; ADMIN and REVIEWER import listings. */}
            <Route element={<RequireArea area="lastResort" />}>
              <Route element={<LastResortArea />}>
                <Route path="/sistahandsansvar" element={<CoveragePage />} />
                <Route path="/sistahandsansvar/register" element={<ObligationsPage />} />
                <Route path="/sistahandsansvar/ekonomi" element={<EconomicsPage />} />
                <Route path="/sistahandsansvar/ersattning" element={<CompensationPage />} />
                <Route element={<RequireArea area="lastResortEdit" />}>
                  <Route path="/sistahandsansvar/listning" element={<ListingImportPage />} />
                  <Route path="/sistahandsansvar/register/ny" element={<ObligationFormPage />} />
                  <Route path="/sistahandsansvar/register/:id" element={<ObligationFormPage />} />
                </Route>
              </Route>
            </Route>
            {/* Follow-up reports: the region reads them (auditors too); ADMIN and REVIEWER adopt and publish. */}
            <Route element={<RequireArea area="followUp" />}>
              <Route element={<FollowUpArea />}>
                <Route path="/uppfoljning/konkurrensneutralitet" element={<NeutralityAdminPage />} />
                <Route path="/uppfoljning/arsrapporter" element={<AnnualReportsAdminPage />} />
                <Route path="/uppfoljning/arsrapporter/:id" element={<AnnualReportEditPage />} />
              </Route>
            </Route>
            <Route element={<RequireArea area="account" />}>
              <Route element={<NotificationsArea />}>
                <Route path="/notiser" element={<NotificationsPage />} />
              </Route>
            </Route>
            <Route element={<RequireArea area="audit" />}>
              <Route path="/granskningslogg" element={<AuditTrailPage />} />
            </Route>
            <Route element={<RequireArea area="apiTokens" />}>
              <Route path="/api-nycklar" element={<ApiTokensPage />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
