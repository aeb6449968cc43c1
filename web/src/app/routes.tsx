import { lazy } from 'react';

const id = (value: string) => encodeURIComponent(value);

/** Paths are Swedish, as the public sees them; each page is its own chunk. */
export const paths = {
  start: '/',
  program: '/program',
  indicators: '/indikatorer',
  providers: '/utforare',
  provider: (providerId: string) => `/utforare/${id(providerId)}`,
  accessibility: '/tillganglighet',
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
} as const;

export const StartPage = lazy(() => import('../features/start/StartPage'));
export const ProgramPage = lazy(() => import('../features/program/ProgramPage'));
export const IndicatorsPage = lazy(() => import('../features/indicators/IndicatorsPage'));
export const ProvidersPage = lazy(() => import('../features/providers/ProvidersPage'));
export const ProviderPage = lazy(() => import('../features/providers/ProviderPage'));
export const AccessibilityPage = lazy(() => import('../features/accessibility/AccessibilityPage'));
export const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));
export const LoginPage = lazy(() => import('../features/auth/LoginPage'));

// Everything behind the login: its own chunks, and its own texts (the "access" namespace).
export const AccessArea = lazy(() => import('../features/access/AccessArea'));
export const RequireArea = lazy(() => import('../features/access/AccessArea').then((m) => ({ default: m.RequireArea })));
export const AccountPage = lazy(() => import('../features/account/AccountPage'));
export const ChangePasswordPage = lazy(() => import('../features/account/ChangePasswordPage'));
export const AdminHomePage = lazy(() => import('../features/admin/AdminHomePage'));
export const UsersPage = lazy(() => import('../features/admin/users/UsersPage'));
export const UserCreatePage = lazy(() => import('../features/admin/users/UserCreatePage'));
export const UserEditPage = lazy(() => import('../features/admin/users/UserEditPage'));
export const ProvidersAdminPage = lazy(() => import('../features/admin/providers/ProvidersAdminPage'));
export const ProviderFormPage = lazy(() => import('../features/admin/providers/ProviderFormPage'));
export const UnitFormPage = lazy(() => import('../features/admin/providers/UnitFormPage'));
export const AgreementFormPage = lazy(() => import('../features/admin/providers/AgreementFormPage'));
export const ChoiceSystemsPage = lazy(() => import('../features/admin/choice-systems/ChoiceSystemsPage'));
export const ChoiceSystemFormPage = lazy(() => import('../features/admin/choice-systems/ChoiceSystemFormPage'));
export const ProgramsAdminPage = lazy(() => import('../features/admin/programs/ProgramsAdminPage'));
export const ProgramEditPage = lazy(() => import('../features/admin/programs/ProgramEditPage'));
export const IndicatorsAdminPage = lazy(() => import('../features/admin/indicators/IndicatorsAdminPage'));
export const IndicatorFormPage = lazy(() => import('../features/admin/indicators/IndicatorFormPage'));
export const AuditTrailPage = lazy(() => import('../features/audit/AuditTrailPage'));
export const ApiTokensPage = lazy(() => import('../features/tokens/ApiTokensPage'));

// Follow-up: the provider's reports, the report editor and receipt, rounds, and the template builder,
// with their texts (the "reporting" namespace) loaded by ReportingArea.
export const ReportingArea = lazy(() => import('../features/reporting/ReportingArea'));
export const MyReportsPage = lazy(() => import('../features/reporting/MyReportsPage'));
export const ReportPage = lazy(() => import('../features/reporting/ReportPage'));
export const ReceiptPage = lazy(() => import('../features/reporting/ReceiptPage'));
export const RoundsPage = lazy(() => import('../features/reporting/rounds/RoundsPage'));
export const RoundFormPage = lazy(() => import('../features/reporting/rounds/RoundFormPage'));
export const RoundPage = lazy(() => import('../features/reporting/rounds/RoundPage'));
export const TemplatesAdminPage = lazy(() => import('../features/admin/templates/TemplatesAdminPage'));
export const TemplateEditPage = lazy(() => import('../features/admin/templates/TemplateEditPage'));

// Review: the reviewer's queue and the report review, with their texts (the "review" namespace,
// and "reporting" for statuses and answers) loaded by ReviewArea; notifications likewise.
export const ReviewArea = lazy(() => import('../features/review/ReviewArea'));
export const ReviewQueuePage = lazy(() => import('../features/review/ReviewQueuePage'));
export const ReviewReportPage = lazy(() => import('../features/review/ReviewReportPage'));
export const NotificationsArea = lazy(() => import('../features/notifications/NotificationsArea'));
export const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));

// Handling insight requests (the region) and answering them (providers), with their texts (the
// "publication" namespace) loaded by InsightArea.
export const InsightArea = lazy(() => import('../features/insight-requests/InsightArea'));
export const InsightRequestsPage = lazy(() => import('../features/insight-requests/InsightRequestsPage'));
export const InsightRequestDetailPage = lazy(() => import('../features/insight-requests/InsightRequestPage'));

// Public results: a municipality's units, a unit's results, the comparison, open data and insight
// requests, with their texts (the "public" namespace) loaded by PublicArea.
export const PublicArea = lazy(() => import('../features/public/PublicArea'));
export const MunicipalityPage = lazy(() => import('../features/public/MunicipalityPage'));
export const UnitResultsPage = lazy(() => import('../features/public/UnitResultsPage'));
export const ComparisonPage = lazy(() => import('../features/public/ComparisonPage'));
export const OpenDataPage = lazy(() => import('../features/public/OpenDataPage'));
export const InsightRequestPage = lazy(() => import('../features/public/InsightRequestPage'));
export const InsightStatusPage = lazy(() => import('../features/public/InsightStatusPage'));
