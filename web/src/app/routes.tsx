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

// Everything behind the login, and every address no public route has: the logged-in area's chunk
// holds their routes (features/access/LoggedInRoutes.tsx), their pages' places and their texts.
export const LoggedInRoutes = lazy(() => import('../features/access/AccessArea').then((m) => ({ default: m.LoggedInRoutes })));

// Public results: a municipality's units, a unit's results, the comparison, open data and insight
// requests, with their texts (the "public" namespace) loaded by PublicArea.
export const PublicArea = lazy(() => import('../features/public/PublicArea'));
export const MunicipalityPage = lazy(() => import('../features/public/MunicipalityPage'));
export const UnitResultsPage = lazy(() => import('../features/public/UnitResultsPage'));
export const ComparisonPage = lazy(() => import('../features/public/ComparisonPage'));
export const OpenDataPage = lazy(() => import('../features/public/OpenDataPage'));
export const InsightRequestPage = lazy(() => import('../features/public/InsightRequestPage'));
export const InsightStatusPage = lazy(() => import('../features/public/InsightStatusPage'));
