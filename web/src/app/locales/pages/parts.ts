import type { PageAccessibilityTexts } from './accessibility.sv';
import type { PageIndicatorsTexts } from './indicators.sv';
import type { PageLoginTexts } from './login.sv';
import type { PageNotFoundTexts } from './notFound.sv';
import type { PageProgramTexts } from './program.sv';
import type { PageStartTexts } from './start.sv';

/**
 * Texts of the default namespace that only one public page shows (and nothing behind the login):
 * they come with that page's code, in Swedish, instead of with the code every page loads; English
 * is fetched when chosen. No two parts, and no part and sv.ts, have a top-level key in common.
 */
export const PAGE_PARTS = ['start', 'program', 'indicators', 'accessibility', 'login', 'notFound'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

/** All parts together. */
export type PageTexts = PageStartTexts & PageProgramTexts & PageIndicatorsTexts & PageAccessibilityTexts & PageLoginTexts & PageNotFoundTexts;
