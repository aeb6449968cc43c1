/**
 * Where the code of each page (and area) behind the login is: loaded with the logged-in area, so
 * the code every public page loads does not carry the list (app/routes.tsx looks pages up here).
 */
export const loggedInPages = {
  AccountPage: () => import('../account/AccountPage'),
  ChangePasswordPage: () => import('../account/ChangePasswordPage'),
  AdminHomePage: () => import('../admin/AdminHomePage'),
  UsersPage: () => import('../admin/users/UsersPage'),
  UserCreatePage: () => import('../admin/users/UserCreatePage'),
  UserEditPage: () => import('../admin/users/UserEditPage'),
  ProvidersAdminPage: () => import('../admin/providers/ProvidersAdminPage'),
  ProviderFormPage: () => import('../admin/providers/ProviderFormPage'),
  UnitFormPage: () => import('../admin/providers/UnitFormPage'),
  AgreementFormPage: () => import('../admin/providers/AgreementFormPage'),
  ChoiceSystemsPage: () => import('../admin/choice-systems/ChoiceSystemsPage'),
  ChoiceSystemFormPage: () => import('../admin/choice-systems/ChoiceSystemFormPage'),
  ProgramsAdminPage: () => import('../admin/programs/ProgramsAdminPage'),
  ProgramEditPage: () => import('../admin/programs/ProgramEditPage'),
  IndicatorsAdminPage: () => import('../admin/indicators/IndicatorsAdminPage'),
  IndicatorFormPage: () => import('../admin/indicators/IndicatorFormPage'),
  AuditTrailPage: () => import('../audit/AuditTrailPage'),
  ApiTokensPage: () => import('../tokens/ApiTokensPage'),
  ReportingArea: () => import('../reporting/ReportingArea'),
  MyReportsPage: () => import('../reporting/MyReportsPage'),
  ReportPage: () => import('../reporting/ReportPage'),
  ReceiptPage: () => import('../reporting/ReceiptPage'),
  RoundsPage: () => import('../reporting/rounds/RoundsPage'),
  RoundFormPage: () => import('../reporting/rounds/RoundFormPage'),
  RoundPage: () => import('../reporting/rounds/RoundPage'),
  TemplatesAdminPage: () => import('../admin/templates/TemplatesAdminPage'),
  TemplateEditPage: () => import('../admin/templates/TemplateEditPage'),
  ReviewArea: () => import('../review/ReviewArea'),
  ReviewQueuePage: () => import('../review/ReviewQueuePage'),
  ReviewReportPage: () => import('../review/ReviewReportPage'),
  NotificationsArea: () => import('../notifications/NotificationsArea'),
  NotificationsPage: () => import('../notifications/NotificationsPage'),
  InsightArea: () => import('../insight-requests/InsightArea'),
  InsightRequestsPage: () => import('../insight-requests/InsightRequestsPage'),
  InsightRequestDetailPage: () => import('../insight-requests/InsightRequestPage'),
};

export type LoggedInPages = typeof loggedInPages;
