import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/routes';
import AccessArea, { RequireArea } from './AccessArea';
import { loggedInPages, type LoggedInPages } from './pages';

const page = (name: keyof LoggedInPages) => lazy(loggedInPages[name]);
const AccountPage = page('AccountPage');
const AdminHomePage = page('AdminHomePage');
const AgreementFormPage = page('AgreementFormPage');
const AnnualReportEditPage = page('AnnualReportEditPage');
const AnnualReportsAdminPage = page('AnnualReportsAdminPage');
const ApiTokensPage = page('ApiTokensPage');
const AuditTrailPage = page('AuditTrailPage');
const ChangePasswordPage = page('ChangePasswordPage');
const ChoiceSystemFormPage = page('ChoiceSystemFormPage');
const ChoiceSystemsPage = page('ChoiceSystemsPage');
const CompensationPage = page('CompensationPage');
const ConditionsAdoptPage = page('ConditionsAdoptPage');
const CoveragePage = page('CoveragePage');
const EconomicsPage = page('EconomicsPage');
const FollowUpArea = page('FollowUpArea');
const IndicatorFormPage = page('IndicatorFormPage');
const IndicatorsAdminPage = page('IndicatorsAdminPage');
const InsightArea = page('InsightArea');
const InsightRequestDetailPage = page('InsightRequestDetailPage');
const InsightRequestsPage = page('InsightRequestsPage');
const LastResortArea = page('LastResortArea');
const ListingImportPage = page('ListingImportPage');
const MyReportsPage = page('MyReportsPage');
const NeutralityAdminPage = page('NeutralityAdminPage');
const NotificationsArea = page('NotificationsArea');
const NotificationsPage = page('NotificationsPage');
const ObligationFormPage = page('ObligationFormPage');
const ObligationsPage = page('ObligationsPage');
const ProgramEditPage = page('ProgramEditPage');
const ProgramsAdminPage = page('ProgramsAdminPage');
const ProviderFormPage = page('ProviderFormPage');
const ProvidersAdminPage = page('ProvidersAdminPage');
const ReceiptPage = page('ReceiptPage');
const ReportPage = page('ReportPage');
const ReportingArea = page('ReportingArea');
const ReviewArea = page('ReviewArea');
const ReviewQueuePage = page('ReviewQueuePage');
const ReviewReportPage = page('ReviewReportPage');
const RoundFormPage = page('RoundFormPage');
const RoundPage = page('RoundPage');
const RoundsPage = page('RoundsPage');
const TemplateEditPage = page('TemplateEditPage');
const TemplatesAdminPage = page('TemplatesAdminPage');
const UnitFormPage = page('UnitFormPage');
const UserCreatePage = page('UserCreatePage');
const UserEditPage = page('UserEditPage');
const UsersPage = page('UsersPage');

/**
 * The pages behind the login, in the logged-in area's chunk: the code every public page loads has
 * only a catch-all route that loads this (an unknown address ends here too, as "not found").
 */
export function LoggedInRoutes() {
  return (
    <Routes>
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
  );
}
