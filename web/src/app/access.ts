import type { Role } from '@insyn/shared';
import { Roles } from '@insyn/shared';
import { paths } from './routes';

/**
 * Who may use which part of the app. The server decides what each role may read and change; this
 * only decides what the app offers, so nobody is sent to a page that would refuse them.
 */
export const areaRoles = {
  /** Master data, programs, indicators, users: administrators. */
  admin: ['ADMIN'],
  /** The user list: administrators; auditors read it. */
  users: ['ADMIN', 'AUDITOR'],
  audit: ['ADMIN', 'AUDITOR'],
  apiTokens: ['ADMIN', 'ANALYST'],
  account: Roles,
  /** "Mina rapporter": the provider's own reports. */
  reports: ['PROVIDER'],
  /** One report and its receipts: its provider, and the region's roles that read every report. */
  reportRead: ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER'],
  /** Follow-up rounds and their reports: the region plans them; auditors read them. */
  rounds: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  /** Planning and opening rounds. */
  roundsEdit: ['ADMIN', 'REVIEWER'],
  /** The review queue and the review of a report: the region reviews; auditors read. */
  review: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  /** Insight requests: the region handles them, auditors read them, providers answer those forwarded to them. */
  insightRequests: ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER'],
  /** The last-resort register and coverage: the region keeps it, auditors read it. */
  lastResort: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  lastResortEdit: ['ADMIN', 'REVIEWER'],
  /** The neutrality report and the annual report to the board: the region reads; ADMIN and REVIEWER adopt and publish. */
  followUp: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  followUpEdit: ['ADMIN', 'REVIEWER'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof areaRoles;

export function mayUse(roles: readonly Role[] | undefined, area: Area): boolean {
  return Boolean(roles?.some((r) => (areaRoles[area] as readonly Role[]).includes(r)));
}

export type NavKey =
  | 'start'
  | 'program'
  | 'indicators'
  | 'providers'
  | 'compare'
  | 'insight'
  | 'reports'
  | 'rounds'
  | 'review'
  | 'insightRequests'
  | 'lastResort'
  | 'followUp'
  | 'admin'
  | 'users'
  | 'audit'
  | 'apiTokens'
  | 'account';

export interface NavItem {
  key: NavKey;
  to: string;
  /** Marks the link current only on its own path, not below it. */
  end?: boolean;
  /** Shown to everyone, logged in or not. */
  public?: boolean;
}

const publicItems: NavItem[] = [
  { key: 'start', to: paths.start, end: true, public: true },
  { key: 'program', to: paths.program, public: true },
  { key: 'indicators', to: paths.indicators, public: true },
  { key: 'providers', to: paths.providers, public: true },
  { key: 'compare', to: paths.compare, public: true },
  { key: 'insight', to: paths.insight, public: true },
];

/**
 * The main menu: the public pages for everyone, then what the user's roles allow. Auditors, who
 * may read the user list but administer nothing, get "Users" instead of "Administration".
 */
export function mainNavItems(roles: readonly Role[] | null | undefined): NavItem[] {
  if (!roles) return publicItems;
  const items = [...publicItems];
  // The day's work first: a provider's reports, the region's follow-up rounds.
  if (mayUse(roles, 'reports')) items.push({ key: 'reports', to: paths.myReports });
  if (mayUse(roles, 'rounds')) items.push({ key: 'rounds', to: paths.rounds });
  if (mayUse(roles, 'review')) items.push({ key: 'review', to: paths.review });
  if (mayUse(roles, 'insightRequests')) items.push({ key: 'insightRequests', to: paths.insightRequests });
  if (mayUse(roles, 'lastResort')) items.push({ key: 'lastResort', to: paths.lastResort });
  if (mayUse(roles, 'followUp')) items.push({ key: 'followUp', to: paths.regionAnnualReports });
  if (mayUse(roles, 'admin')) items.push({ key: 'admin', to: paths.admin });
  else if (mayUse(roles, 'users')) items.push({ key: 'users', to: paths.users });
  if (mayUse(roles, 'audit')) items.push({ key: 'audit', to: paths.audit });
  if (mayUse(roles, 'apiTokens')) items.push({ key: 'apiTokens', to: paths.apiTokens });
  items.push({ key: 'account', to: paths.account });
  return items;
}

/** Where a user starts after logging in when they did not come from a page. */
export function startPathFor(roles: readonly Role[]): string {
  if (mayUse(roles, 'admin')) return paths.admin;
  if (mayUse(roles, 'reports')) return paths.myReports;
  if (mayUse(roles, 'roundsEdit')) return paths.rounds;
  if (mayUse(roles, 'audit')) return paths.audit;
  if (mayUse(roles, 'apiTokens')) return paths.apiTokens;
  return paths.account;
}

/**
 * A return address from the URL (?till=…), only when it is a path of this app: never another
 * site ("//evil.example", "https://…"), never the login page itself.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if ([...value].some((c) => c.charCodeAt(0) < 32)) return null;
  const path = value.split(/[?#]/)[0]!;
  if (path === paths.login) return null;
  return value;
}

/** The login page's address, remembering where to go back to. */
export function loginPath(returnTo?: string | null): string {
  const back = safeReturnPath(returnTo);
  return back && back !== paths.start ? `${paths.login}?${RETURN_PARAM}=${encodeURIComponent(back)}` : paths.login;
}

export const RETURN_PARAM = 'till';
/** Set on the login page after logging out, to say so. */
export const LOGGED_OUT_PARAM = 'utloggad';
