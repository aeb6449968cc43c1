import { graphql } from '../../gql';
import type { AssessmentRating, Direction, IndicatorUnit, Ownership, TargetColour, UnitKind } from '../../gql/graphql';

/**
 * The shapes the public pages' components take (the generated types of their queries fit them).
 * Each page holds its own queries, so each chunk carries only its own documents. The fragment
 * PublicValueFields is defined here once for codegen, and spread by the pages' queries.
 */

export interface PublicIndicator {
  id: string;
  code: string;
  name: string;
  definition: string;
  unit: IndicatorUnit;
  direction: Direction;
  source?: string | null;
}

export interface PublicValueData {
  id: string;
  indicator: Pick<PublicIndicator, 'id' | 'code' | 'name' | 'unit'> | null;
  question: string;
  questionEn: string | null;
  period: string;
  value: number | null;
  text: string | null;
  textEn: string | null;
  flag: boolean | null;
  target: number | null;
  colour: TargetColour | null;
  suppressed: boolean;
  suppressionReason: string | null;
  corrected: boolean;
}


export interface PublicUnitData {
  id: string;
  name: string;
  kind: UnitKind;
  ownership: Ownership;
  providerId: string;
  providerName: string;
  city: string | null;
  municipality: { code: string; name: string };
  keyIndicators: PublicValueData[];
}



export interface PublicCorrectionData {
  indicator: Pick<PublicIndicator, 'id' | 'code' | 'name' | 'unit'> | null;
  questionCode: string;
  question: string;
  period: string;
  oldValue: number | null;
  newValue: number | null;
  oldText: string | null;
  newText: string | null;
  oldSuppressed: boolean;
  newSuppressed: boolean;
  version: number;
  date: string;
  reason: string;
}

export interface PublicUnitDetailData {
  unit: Omit<PublicUnitData, 'keyIndicators'>;
  periods: string[];
  results: PublicValueData[];
  series: {
    indicator: Pick<PublicIndicator, 'id' | 'code' | 'name' | 'unit' | 'direction'>;
    values: Pick<PublicValueData, 'id' | 'period' | 'value' | 'target' | 'colour' | 'suppressed' | 'suppressionReason'>[];
    trend: 'IMPROVING' | 'WORSENING' | 'UNCHANGED' | null }[];
  assessments: { goal: { id: string; code: string; title: string }; rating: AssessmentRating; motivation: string | null; period: string; assessedAt: string }[];
  responses: { period: string; body: string; providerName: string; acceptedAt: string }[];
  corrections: PublicCorrectionData[];
  jointUnits: string[];
  indicators: PublicIndicator[];
}



export interface ComparisonData {
  indicator: PublicIndicator;
  period: string;
  rows: {
    unitId: string;
    unitName: string;
    jointly: boolean;
    providerId: string;
    providerName: string;
    ownership: Ownership;
    municipalityCode: string;
    value: number | null;
    target: number | null;
    colour: TargetColour | null;
    suppressed: boolean;
  }[];
  byOwnership: { ownership: Ownership; count: number; mean: number | null; median: number | null }[];
}



export interface SubmitInsightRequestInput {
  subject: string;
  description: string;
  providerId?: string | null;
  unitId?: string | null;
  email?: string | null;
  language?: string | null;
}

export interface SubmittedInsightRequestData {
  reference: string;
  trackingCode: string;
  receivedAt: string;
}


export type InsightStatus = 'RECEIVED' | 'REGISTERED' | 'FORWARDED' | 'ANSWERED' | 'DECIDED' | 'CLOSED';
export type InsightDecision = 'DISCLOSED' | 'PARTLY_DISCLOSED' | 'REFUSED';
export type InsightEventKind = 'RECEIVED' | 'REGISTERED' | 'FORWARDED' | 'REMINDED' | 'ANSWERED' | 'DECIDED' | 'CLOSED';

export interface PublicInsightRequestData {
  reference: string;
  subject: string;
  status: InsightStatus;
  providerName: string | null;
  unitName: string | null;
  receivedAt: string;
  dueAt: string | null;
  decision: InsightDecision | null;
  legalGround: string | null;
  appealNote: string | null;
  decisionText: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  events: { kind: InsightEventKind; at: string; note: string | null }[];
}

export const PublicValueFragment = graphql(`
  fragment PublicValueFields on PublicValue {
    id question questionEn period value text textEn flag target colour suppressed suppressionReason corrected
    indicator { id code name unit }
  }
`);
