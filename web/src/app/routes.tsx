import { lazy } from 'react';

/** Paths are Swedish, as the public sees them; each page is its own chunk. */
export const paths = {
  start: '/',
  program: '/program',
  indicators: '/indikatorer',
  providers: '/utforare',
  provider: (id: string) => `/utforare/${encodeURIComponent(id)}`,
  accessibility: '/tillganglighet',
} as const;

export const StartPage = lazy(() => import('../features/start/StartPage'));
export const ProgramPage = lazy(() => import('../features/program/ProgramPage'));
export const IndicatorsPage = lazy(() => import('../features/indicators/IndicatorsPage'));
export const ProvidersPage = lazy(() => import('../features/providers/ProvidersPage'));
export const ProviderPage = lazy(() => import('../features/providers/ProviderPage'));
export const AccessibilityPage = lazy(() => import('../features/accessibility/AccessibilityPage'));
export const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));
