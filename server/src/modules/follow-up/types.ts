import { SafeIntResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';
import { Ownership } from '../masterdata/enums.js';

export enum ProviderGroup {
  IN_HOUSE = 'IN_HOUSE',
  PRIVATE = 'PRIVATE',
}
registerEnumType(ProviderGroup, {
  name: 'ProviderGroup',
  description: 'In-house (egen regi) or private: every ownership that is not in-house (private, municipal company, non-profit) counts as private.',
});

export enum AnnualReportStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AnnualReportStatus, { name: 'AnnualReportStatus', description: 'DRAFT → ADOPTED (texts and figures frozen) → PUBLISHED (public).' });

/** The fixed sections of the annual report, in their order. */
export enum AnnualReportSectionKey {
  SUMMARY = 'SUMMARY',
  GOALS = 'GOALS',
  INDICATORS = 'INDICATORS',
  ROUNDS = 'ROUNDS',
  INSIGHT = 'INSIGHT',
  NEUTRALITY = 'NEUTRALITY',
  CONCLUSIONS = 'CONCLUSIONS',
}
registerEnumType(AnnualReportSectionKey, { name: 'AnnualReportSectionKey', description: 'The fixed sections of the annual report, in order.' });
export const SECTION_KEYS = Object.values(AnnualReportSectionKey);

// --- Neutrality figures ------------------------------------------------------------------------

@ObjectType({ description: 'Reimbursement per listed person of one ownership, in the county (municipality empty) or one municipality.' })
export class ReimbursementRow {
  @Field(() => String, {
    nullable: true,
    description: 'The choice system of the units (by their agreements that year; Hälsoval and dental care are paid and listed differently, so each has its own rows). Empty for units in none.',
  })
  choiceSystemCode: string | null;

  @Field(() => String, { nullable: true })
  choiceSystemName: string | null;

  @Field(() => String, { nullable: true, description: 'Empty for the whole county.' })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true })
  municipalityName: string | null;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int, { description: 'Units with economic figures for the year.' })
  units: number;

  @Field(() => Int, { description: 'Of them, units with listed persons for the year (the yearly figure, else the latest month).' })
  unitsWithListing: number;

  @Field(() => Int, { description: 'Listed persons of the units with listing.' })
  listedPersons: number;

  @Field(() => SafeIntResolver, {
    description:
      'Reimbursement of all the units, whole kronor (SEK): capitation, visit fees, goal-related, VAT compensation and other. A sum over many units: SafeInt, exact up to 2^53 − 1.',
  })
  reimbursement: number;

  @Field(() => SafeIntResolver, {
    description: 'Reimbursement of the units with listing, whole kronor (SEK): the numerator of perListedPerson. A sum over many units: SafeInt, exact up to 2^53 − 1.',
  })
  reimbursementOfListedUnits: number;

  @Field(() => Int, { nullable: true, description: 'Whole kronor (SEK) per listed person, rounded; empty without listed persons.' })
  perListedPerson: number | null;
}

@ObjectType({ description: 'Compensation for last-resort responsibility decided for the year (the decision in force).' })
export class CompensationRow {
  @Field(() => ID)
  obligationId: string;

  @Field(() => String)
  municipalityCode: string;

  @Field(() => String)
  municipalityName: string;

  @Field(() => String)
  choiceSystemCode: string;

  @Field(() => String)
  choiceSystemName: string;

  @Field(() => ID)
  unitId: string;

  @Field(() => String)
  unitName: string;

  @Field(() => String)
  providerName: string;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int, { description: 'Whole kronor (SEK), of one decision.' })
  amount: number;

  @Field(() => String)
  decisionReference: string;

  @Field(() => LocalDateScalar, { nullable: true })
  decidedOn: string | null;
}

@ObjectType({ description: 'One indicator and ownership over the published values of a year.' })
export class IndicatorOwnershipRow {
  @Field(() => String)
  indicatorCode: string;

  @Field(() => String)
  indicatorName: string;

  @Field(() => String, { description: 'PERCENT, COUNT, RATE_PER_1000, SEK, INDEX or DAYS.' })
  unit: string;

  @Field(() => String, { description: 'HIGHER_IS_BETTER or LOWER_IS_BETTER.' })
  direction: string;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int, { description: 'Published values (suppressed ones count for nothing).' })
  count: number;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { nullable: true })
  median: number | null;

  @Field(() => Float, { nullable: true, description: 'The target of the year.' })
  target: number | null;

  @Field(() => Int, { description: 'Values that meet the target.' })
  meetingTarget: number;
}

@ObjectType({ description: 'How the region reviewed the reports of one group in the year\'s follow-up rounds.' })
export class ReviewParityRow {
  @Field(() => ProviderGroup)
  group: ProviderGroup;

  @Field(() => Int, { description: 'Reports in the year\'s rounds.' })
  reports: number;

  @Field(() => Int, { description: 'Reports with at least one decision (approved or returned).' })
  reviewed: number;

  @Field(() => Float, { nullable: true, description: 'Median days from a submission to the decision on it (approval or return).' })
  medianDaysToDecision: number | null;

  @Field(() => Float, { nullable: true, description: 'Share (0–1) of the reviewed reports returned for changes at least once.' })
  returnedShare: number | null;

  @Field(() => Float, { nullable: true, description: 'Comment threads per report.' })
  threadsPerReport: number | null;

  @Field(() => Float, { nullable: true, description: 'Reminders (due soon, due today, overdue) per report, each reminder counted once whoever got it.' })
  remindersPerReport: number | null;

  @Field(() => Float, { nullable: true, description: 'Share (0–1) of reports first submitted after their due date, or not submitted by a past due date.' })
  overdueShare: number | null;
}

@ObjectType({ description: 'The figures of the neutrality report of a year: computed live, or frozen at adoption.' })
export class NeutralityFigures {
  @Field(() => Int)
  year: number;

  @Field(() => Date, { description: 'When the figures were computed.' })
  computedAt: Date;

  @Field(() => [ReimbursementRow], { description: 'County rows (municipality empty) first, then by municipality.' })
  reimbursement: ReimbursementRow[];

  @Field(() => [CompensationRow])
  compensation: CompensationRow[];

  @Field(() => SafeIntResolver, {
    description: 'Compensation for last-resort responsibility decided for the year, whole kronor (SEK). A sum over many decisions: SafeInt, exact up to 2^53 − 1.',
  })
  compensationTotal: number;

  @Field(() => [IndicatorOwnershipRow])
  indicators: IndicatorOwnershipRow[];

  @Field(() => Int, { description: 'Follow-up rounds of the year.' })
  rounds: number;

  @Field(() => [ReviewParityRow], { description: 'In-house, then private (every other ownership).' })
  review: ReviewParityRow[];
}

@ObjectType({ description: 'An adopted version of the neutrality report (konkurrensneutralitetsrapport) of a year: public.' })
export class NeutralityReport {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Adoptions of the year are numbered 1, 2, …; the highest is in force.' })
  version: number;

  @Field(() => String)
  decisionReference: string;

  @Field(() => LocalDateScalar)
  adoptedOn: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => NeutralityFigures, { description: 'The figures as they were at adoption.' })
  figures: NeutralityFigures;
}

// --- Annual report -----------------------------------------------------------------------------

@ObjectType({ description: 'Goal assessments of one goal and ownership: the latest approval of each report of the year.' })
export class GoalOwnershipRow {
  @Field(() => String)
  goalCode: string;

  @Field(() => String)
  goalTitle: string;

  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int)
  met: number;

  @Field(() => Int)
  partlyMet: number;

  @Field(() => Int)
  notMet: number;

  @Field(() => Int)
  notAssessed: number;
}

@ObjectType({ description: 'One follow-up round of the year and how its reports came in.' })
export class RoundTimelinessRow {
  @Field(() => String)
  name: string;

  @Field(() => String)
  period: string;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => Int)
  reports: number;

  @Field(() => Int, { description: 'Reports submitted at least once.' })
  submitted: number;

  @Field(() => Int, { description: 'Reports first submitted by their due date.' })
  submittedOnTime: number;

  @Field(() => Float, { nullable: true, description: 'submittedOnTime / reports (0–1).' })
  onTimeShare: number | null;
}

@ObjectType({ description: 'Timeliness of one ownership over the year\'s rounds.' })
export class OwnershipTimelinessRow {
  @Field(() => Ownership)
  ownership: Ownership;

  @Field(() => Int)
  reports: number;

  @Field(() => Int)
  submitted: number;

  @Field(() => Int)
  submittedOnTime: number;

  @Field(() => Float, { nullable: true })
  onTimeShare: number | null;
}

@ObjectType({ description: 'Insight requests received in the year and how they were decided.' })
export class InsightFigures {
  @Field(() => Int)
  received: number;

  @Field(() => Int, { description: 'Of them, decided (the requester has the region\'s answer).' })
  decided: number;

  @Field(() => Float, { nullable: true, description: 'Median days from receipt to the decision.' })
  medianDaysToDecision: number | null;

  @Field(() => Int)
  disclosed: number;

  @Field(() => Int)
  partlyDisclosed: number;

  @Field(() => Int)
  refused: number;
}

@ObjectType({ description: 'Reimbursement per listed person in the county in one choice system, in-house and the others together.' })
export class ChoiceSystemPerListedPerson {
  @Field(() => String)
  choiceSystemCode: string;

  @Field(() => String)
  choiceSystemName: string;

  @Field(() => Int, { nullable: true, description: 'In-house: whole kronor (SEK) per listed person.' })
  inHouse: number | null;

  @Field(() => Int, { nullable: true, description: 'Every other ownership together: whole kronor (SEK) per listed person.' })
  private: number | null;
}

@ObjectType({ description: 'Key figures of the neutrality report of the year: the adopted report when there is one, else live figures.' })
export class NeutralityKeyFigures {
  @Field(() => Int, { nullable: true, description: 'The adopted version the figures come from; empty when computed live.' })
  version: number | null;

  @Field(() => String, { nullable: true })
  decisionReference: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  adoptedOn: string | null;

  @Field(() => [ChoiceSystemPerListedPerson], { description: 'Reimbursement per listed person in the county, per choice system.' })
  perListedPerson: ChoiceSystemPerListedPerson[];

  @Field(() => SafeIntResolver, { description: 'Compensation for last-resort responsibility of the year, whole kronor (SEK): SafeInt, exact up to 2^53 − 1.' })
  compensationTotal: number;

  @Field(() => Float, { nullable: true })
  medianReviewDaysInHouse: number | null;

  @Field(() => Float, { nullable: true })
  medianReviewDaysPrivate: number | null;

  @Field(() => Float, { nullable: true })
  overdueShareInHouse: number | null;

  @Field(() => Float, { nullable: true })
  overdueSharePrivate: number | null;
}

@ObjectType({ description: 'The figures of the annual report: computed live while a draft, frozen at adoption.' })
export class AnnualReportFigures {
  @Field(() => Int)
  year: number;

  @Field(() => Date)
  computedAt: Date;

  @Field(() => [GoalOwnershipRow])
  goals: GoalOwnershipRow[];

  @Field(() => [IndicatorOwnershipRow])
  indicators: IndicatorOwnershipRow[];

  @Field(() => [RoundTimelinessRow])
  rounds: RoundTimelinessRow[];

  @Field(() => [OwnershipTimelinessRow])
  timeliness: OwnershipTimelinessRow[];

  @Field(() => InsightFigures)
  insight: InsightFigures;

  @Field(() => NeutralityKeyFigures)
  neutrality: NeutralityKeyFigures;
}

@ObjectType({ description: 'One free-text section of the annual report.' })
export class AnnualReportSection {
  @Field(() => AnnualReportSectionKey)
  key: AnnualReportSectionKey;

  @Field(() => String, { description: 'Plain text; paragraphs separated by blank lines.' })
  text: string;
}

@ObjectType({ description: 'The annual follow-up report to the board (systemuppföljning) of a program year.' })
export class AnnualReport {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => AnnualReportStatus)
  status: AnnualReportStatus;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back when saving.' })
  version: number;

  @Field(() => [AnnualReportSection], { description: 'Every section in its fixed order (empty text when not written).' })
  sections: AnnualReportSection[];

  @Field(() => String, { nullable: true })
  decisionReference: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  adoptedOn: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Boolean, { description: 'The figures are frozen (adopted); otherwise computed now.' })
  figuresFrozen: boolean;

  /** Frozen figures; live ones are computed by the field resolver. */
  frozenFigures: AnnualReportFigures | null;

  /** Whether the field resolver computes a draft's live figures (not in the list of reports). */
  liveFigures: boolean;
}
