import type { PublicChooserTexts } from './chooser.sv';
import type { PublicCompareTexts } from './compare.sv';
import type { PublicInsightTexts } from './insight.sv';
import type { PublicMunicipalityTexts } from './municipality.sv';
import type { PublicOpenDataTexts } from './openData.sv';
import type { PublicSharedTexts } from './shared.sv';
import type { PublicStatusTexts } from './status.sv';
import type { PublicUnitTexts } from './unit.sv';

/**
 * The texts of the public results pages (the "public" namespace) come in parts, so that each page
 * downloads only what it shows: "shared" (breadcrumb, values, levels, periods) and one part per
 * page. No two parts have a top-level key in common.
 */
export const PUBLIC_PARTS = ['shared', 'chooser', 'municipality', 'unit', 'compare', 'openData', 'insight', 'status'] as const;
export type PublicPart = (typeof PUBLIC_PARTS)[number];

/** All parts together: the keys of the "public" namespace. */
export type PublicTexts = PublicSharedTexts &
  PublicChooserTexts &
  PublicMunicipalityTexts &
  PublicUnitTexts &
  PublicCompareTexts &
  PublicOpenDataTexts &
  PublicInsightTexts &
  PublicStatusTexts;
