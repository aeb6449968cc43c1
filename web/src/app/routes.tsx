import { lazy } from 'react';
import type { LoggedInPages } from '../features/access/pages';

const id = (value: string) => encodeURIComponent(value);

/** Paths are Swedish, as the public sees them; each page is its own chunk. */
export const paths = {
  start: '/',
  program: '/program',
  indicators: '/indikatorer',
  providers: '/utforare',
  provider: (providerId: string) => `/utforare/${id(providerId)}`,
  accessibility: '/tillganglighet',
  equalConditions: '/likvardiga-villkor',
  adoptConditions: '/admin/likvardiga-villkor',
  login: '/logga-in',
  account: '/konto',
  changePassword: '/konto/losenord',
  admin: '/admin',
  users: '/admin/anvandare',
  newUser: '/admin/anvandare/ny',
  user: (userId: string) => `/admin/anvandare/${id(userId)}`,
  adminProviders: '/admin/utforare',
  newProvider: '/admin/utforare/ny',
  adminProvider: (providerId: string) => `/admin/utforare/${id(providerId)}`,
  newUnit: (providerId: string) => `/admin/utforare/${id(providerId)}/enheter/ny`,
  unit: (providerId: string, unitId: string) => `/admin/utforare/${id(providerId)}/enheter/${id(unitId)}`,
  newAgreement: (providerId: string) => `/admin/utforare/${id(providerId)}/avtal/ny`,
  agreement: (providerId: string, agreementId: string) => `/admin/utforare/${id(providerId)}/avtal/${id(agreementId)}`,
  choiceSystems: '/admin/valfrihetssystem',
  newChoiceSystem: '/admin/valfrihetssystem/ny',
  choiceSystem: (choiceSystemId: string) => `/admin/valfrihetssystem/${id(choiceSystemId)}`,
  adminPrograms: '/admin/program',
  newProgram: '/admin/program/ny',
  adminProgram: (programId: string) => `/admin/program/${id(programId)}`,
  adminIndicators: '/admin/indikatorer',
  newIndicator: '/admin/indikatorer/ny',
  adminIndicator: (indicatorId: string) => `/admin/indikatorer/${id(indicatorId)}`,
  adminTemplates: '/admin/mallar',
  newTemplate: '/admin/mallar/ny',
  adminTemplate: (templateId: string) => `/admin/mallar/${id(templateId)}`,
  audit: '/granskningslogg',
  apiTokens: '/api-nycklar',
  myReports: '/rapporter',
  report: (reportId: string) => `/rapporter/${id(reportId)}`,
  receipt: (reportId: string, submissionId: string) => `/rapporter/${id(reportId)}/kvitto/${id(submissionId)}`,
  rounds: '/uppfoljning',
  newRound: '/uppfoljning/ny',
  round: (roundId: string) => `/uppfoljning/${id(roundId)}`,
  review: '/granskning',
  reviewReport: (reportId: string) => `/granskning/${id(reportId)}`,
  notifications: '/notiser',
  municipality: (code: string) => `/kommun/${id(code)}`,
  unitResults: (unitId: string) => `/enhet/${id(unitId)}`,
  compare: '/jamfor',
  openData: '/oppna-data',
  insight: '/insyn',
  insightStatus: '/insyn/status',
  insightRequests: '/insynsbegaran',
  insightRequest: (requestId: string) => `/insynsbegaran/${id(requestId)}`,
  lastResort: '/sistahandsansvar',
  lastResortImport: '/sistahandsansvar/listning',
  lastResortObligations: '/sistahandsansvar/register',
  lastResortObligationNew: '/sistahandsansvar/register/ny',
  lastResortObligation: (id: string) => `/sistahandsansvar/register/${id}`,
  compensationEconomics: '/sistahandsansvar/ekonomi',
  compensation: '/sistahandsansvar/ersattning',
  neutrality: '/konkurrensneutralitet',
  annualReports: '/systemuppfoljning',
  regionNeutrality: '/uppfoljning/konkurrensneutralitet',
  regionAnnualReports: '/uppfoljning/arsrapporter',
  regionAnnualReport: (reportId: string) => `/uppfoljning/arsrapporter/${id(reportId)}`,
} as const;

export const StartPage = lazy(() => import('../features/start/StartPage'));
export const ProgramPage = lazy(() => import('../features/program/ProgramPage'));
export const IndicatorsPage = lazy(() => import('../features/indicators/IndicatorsPage'));
export const ProvidersPage = lazy(() => import('../features/providers/ProvidersPage'));
export const ProviderPage = lazy(() => import('../features/providers/ProviderPage'));
export const AccessibilityPage = lazy(() => import('../features/accessibility/AccessibilityPage'));
export const ConditionsPage = lazy(() => import('../features/conditions/ConditionsPage'));
// The adopted neutrality reports and the published annual reports to the board (public, texts "followUp").
export const NeutralityPage = lazy(() => import('../features/follow-up/public/NeutralityPage'));
export const AnnualReportPage = lazy(() => import('../features/follow-up/public/AnnualReportPage'));
export const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));
export const LoginPage = lazy(() => import('../features/auth/LoginPage'));

// Everything behind the login: its own chunks, and its own texts (the "access" namespace).
export const AccessArea = lazy(() => import('../features/access/AccessArea'));
export const RequireArea = lazy(() => import('../features/access/AccessArea').then((m) => ({ default: m.RequireArea })));

/**
 * A page (or area) behind the login. Where its code is, is listed in the logged-in area's chunk
 * (features/access/pages.ts), which has loaded by then (AccessArea wraps these routes), so the
 * code every public page loads does not carry that list.
 */
function behindLogin(name: keyof LoggedInPages) {
  return lazy(() => import('../features/access/AccessArea').then((m) => m.loggedInPages[name]()));
}
export const AccountPage = behindLogin('AccountPage');
export const ChangePasswordPage = behindLogin('ChangePasswordPage');
export const AdminHomePage = behindLogin('AdminHomePage');
export const UsersPage = behindLogin('UsersPage');
export const UserCreatePage = behindLogin('UserCreatePage');
export const UserEditPage = behindLogin('UserEditPage');
export const ProvidersAdminPage = behindLogin('ProvidersAdminPage');
export const ProviderFormPage = behindLogin('ProviderFormPage');
export const UnitFormPage = behindLogin('UnitFormPage');
export const AgreementFormPage = behindLogin('AgreementFormPage');
export const ChoiceSystemsPage = behindLogin('ChoiceSystemsPage');
export const ChoiceSystemFormPage = behindLogin('ChoiceSystemFormPage');
export const ProgramsAdminPage = behindLogin('ProgramsAdminPage');
export const ProgramEditPage = behindLogin('ProgramEditPage');
export const IndicatorsAdminPage = behindLogin('IndicatorsAdminPage');
export const IndicatorFormPage = behindLogin('IndicatorFormPage');
export const AuditTrailPage = behindLogin('AuditTrailPage');
export const ApiTokensPage = behindLogin('ApiTokensPage');

// Follow-up: the provider's reports, the report editor and receipt, rounds, and the template builder,
// with their texts (the "reporting" namespace) loaded by ReportingArea.
export const ReportingArea = behindLogin('ReportingArea');
export const MyReportsPage = behindLogin('MyReportsPage');
export const ReportPage = behindLogin('ReportPage');
export const ReceiptPage = behindLogin('ReceiptPage');
export const RoundsPage = behindLogin('RoundsPage');
export const RoundFormPage = behindLogin('RoundFormPage');
export const RoundPage = behindLogin('RoundPage');
export const TemplatesAdminPage = behindLogin('TemplatesAdminPage');
export const TemplateEditPage = behindLogin('TemplateEditPage');

// Review: the reviewer's queue and the report review, with their texts (the "review" namespace,
// and "reporting" for statuses and answers) loaded by ReviewArea; notifications likewise.
export const ReviewArea = behindLogin('ReviewArea');
export const ReviewQueuePage = behindLogin('ReviewQueuePage');
export const ReviewReportPage = behindLogin('ReviewReportPage');
export const NotificationsArea = behindLogin('NotificationsArea');
export const NotificationsPage = behindLogin('NotificationsPage');

// Handling insight requests (the region) and answering them (providers), with their texts (the
// "publication" namespace) loaded by InsightArea.
export const InsightArea = behindLogin('InsightArea');
export const InsightRequestsPage = behindLogin('InsightRequestsPage');
export const InsightRequestDetailPage = behindLogin('InsightRequestDetailPage');

// The last-resort register: coverage per year and the listing import, with their texts ("lastResort").
export const LastResortArea = behindLogin('LastResortArea');
// The region's follow-up reports: neutrality figures and adoption, annual reports (texts "followUp").
export const FollowUpArea = behindLogin('FollowUpArea');
export const NeutralityAdminPage = behindLogin('NeutralityAdminPage');
export const AnnualReportsAdminPage = behindLogin('AnnualReportsAdminPage');
export const AnnualReportEditPage = behindLogin('AnnualReportEditPage');
export const CoveragePage = behindLogin('CoveragePage');
export const ListingImportPage = behindLogin('ListingImportPage');
export const ObligationsPage = behindLogin('ObligationsPage');
export const ObligationFormPage = behindLogin('ObligationFormPage');
// Compensation for the last-resort responsibility: unit economics, proposals, decisions and methods (texts "compensation").
export const EconomicsPage = behindLogin('EconomicsPage');
export const CompensationPage = behindLogin('CompensationPage');
// A new decided version of the equal-conditions rules (administrators).
export const ConditionsAdoptPage = behindLogin('ConditionsAdoptPage');

// Public results: a municipality's units, a unit's results, the comparison, open data and insight
// requests, with their texts (the "public" namespace) loaded by PublicArea.
export const PublicArea = lazy(() => import('../features/public/PublicArea'));
export const MunicipalityPage = lazy(() => import('../features/public/MunicipalityPage'));
export const UnitResultsPage = lazy(() => import('../features/public/UnitResultsPage'));
export const ComparisonPage = lazy(() => import('../features/public/ComparisonPage'));
export const OpenDataPage = lazy(() => import('../features/public/OpenDataPage'));
export const InsightRequestPage = lazy(() => import('../features/public/InsightRequestPage'));
export const InsightStatusPage = lazy(() => import('../features/public/InsightStatusPage'));
