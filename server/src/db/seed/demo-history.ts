/**
 * Demo history: closed half-year follow-up rounds 2023-H1 … 2025-H2 for Hälsoval and for dental
 * care for children and young adults, with every report submitted, approved with goal assessments
 * and published, so the public pages and charts have a history to show. Every name and figure is
 * ILLUSTRATIVE (see demo-data.ts): the values come from a seeded pseudo-random generator, not from
 * any real unit.
 *
 * Also planted here: a CANARY (DEMO_CANARY) that must never reach the public — a number in an
 * answer whose confidentiality request the region granted, a text on a question that is not public,
 * and a numerator in a report that is approved but not published.
 */
import { createHash } from 'node:crypto';
import { targetColour } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import type { AttachmentStore } from '../../modules/reporting/storage.js';
import { correctValue, publishReportValues } from '../../modules/publication/derive.js';
import { dentalTemplate, primaryCareTemplate } from './demo-templates.js';
import { indicators } from './demo-data.js';

/**
 * Values planted in the demo data that no public query, page or file may ever show.
 * - `confidential`: the numerator of an answer (question 1.1) in a published report whose
 *   confidentiality request the region granted.
 * - `hiddenText`: part of a TEXT answer (question 4.5, not public) in the same published report.
 * - `unpublished`: the numerator of an indicator answer (T1.2) in an approved, unpublished report.
 */
export const DEMO_CANARY = {
  confidential: { numerator: 987654, denominator: 990000, agreement: 'LOV-HV-2010-002', period: '2025-H2', question: '1.1' },
  hiddenText: { text: 'KANARIE-EJ-PUBLIK', agreement: 'LOV-HV-2010-002', period: '2025-H2', question: '4.5' },
  unpublished: { numerator: 987653, denominator: 990000, agreement: 'UB-TV-2024', period: '2026-H1', question: 'T1.2' },
  /** The strings to look for in public output. */
  strings: ['987654', 'KANARIE-EJ-PUBLIK', '987653'],
} as const;

/** The published half-year periods, oldest first. */
export const DEMO_PUBLISHED_PERIODS = ['2023-H1', '2023-H2', '2024-H1', '2024-H2', '2025-H1', '2025-H2'] as const;
/** A dental round that is reviewed but not yet published. */
const UNPUBLISHED_PERIOD = '2026-H1';

/** Published values corrected afterwards, with the reason (the old version stays). */
export const DEMO_CORRECTIONS = [
  {
    agreement: 'UB-HV-2024-13',
    period: '2024-H2',
    question: '1.1',
    reason: 'Telefonisystemets rapport saknade återuppringningar i december. Rättat efter ny körning av rapporten.',
    at: '2025-04-22T10:15:00+02:00',
  },
  {
    agreement: 'LOV-HV-2017-011',
    period: '2024-H1',
    question: '3.5',
    reason: 'Resultatet från fel enkätomgång hade angetts. Rättat till enkäten hösten 2024.',
    at: '2024-11-05T14:00:00+01:00',
  },
] as const;

type Period = (typeof DEMO_PUBLISHED_PERIODS)[number] | typeof UNPUBLISHED_PERIOD;

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers: the same key gives the same number on every load.

function seedOf(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32LE(0);
}

/** mulberry32 over the key's hash: a small, fast generator that is the same everywhere. */
function rng(key: string): () => number {
  let a = seedOf(key);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

// ---------------------------------------------------------------------------------------------
// Rounds

interface RoundSpec {
  period: Period;
  choiceSystem: 'HALSOVAL' | 'TANDVARD_BUV';
  templateName: string;
  name: string;
  opensAt: string;
  dueAt: string;
  /** Submissions arrive from this day on. */
  submitFrom: string;
  /** Publication day of the round's reports (none for the unpublished round). */
  publishOn: string | null;
}

function roundSpecs(): RoundSpec[] {
  const specs: RoundSpec[] = [];
  const periods: Period[] = [...DEMO_PUBLISHED_PERIODS, UNPUBLISHED_PERIOD];
  for (const period of periods) {
    const year = Number(period.slice(0, 4));
    const h1 = period.endsWith('H1');
    const half = h1 ? 'första halvåret' : 'andra halvåret';
    // H1 is reported in August and published in October; H2 in February and published in April.
    const dates = h1
      ? { opensAt: `${year}-07-01T08:00:00+02:00`, dueAt: `${year}-08-31T23:59:00+02:00`, submitFrom: `${year}-08-10T09:00:00+02:00`, publishOn: `${year}-10-02T09:30:00+02:00` }
      : { opensAt: `${year + 1}-01-15T08:00:00+01:00`, dueAt: `${year + 1}-02-28T23:59:00+01:00`, submitFrom: `${year + 1}-02-05T09:00:00+01:00`, publishOn: `${year + 1}-04-03T09:30:00+02:00` };
    const published = period !== UNPUBLISHED_PERIOD;
    if (published) {
      specs.push({ period, choiceSystem: 'HALSOVAL', templateName: primaryCareTemplate.name, name: `Uppföljning Hälsoval ${year}, ${half}`, ...dates });
    }
    specs.push({
      period,
      choiceSystem: 'TANDVARD_BUV',
      templateName: dentalTemplate.name,
      name: `Uppföljning tandvård barn och unga vuxna ${year}, ${half}`,
      ...dates,
      publishOn: published ? dates.publishOn : null,
    });
  }
  return specs;
}

// ---------------------------------------------------------------------------------------------
// Answers

interface QuestionRow {
  id: string;
  template_id: string;
  code: string;
  type: string;
  options: { key: string }[] | null;
  indicator_code: string | null;
  direction: string | null;
  goal_id: string | null;
  goal_code: string | null;
}

interface ReportRow {
  id: string;
  template_id: string;
  agreement_id: string;
  provider_id: string;
  reference: string;
  agreement: string;
  period: Period;
  ownership: string;
  listed: number;
  units: number;
}

/** How an agreement's results look over the years: level (−1 weak … 1 strong) and trend per year. */
const PROFILES: Record<string, { level: number; trend: number }> = {
  'LOV-HV-2012-004': { level: -0.7, trend: 0.9 }, // Jämtvård: weak start, clearly improving
  'LOV-HV-2017-011': { level: 0.6, trend: -0.9 }, // Hede: good, getting worse
  'LOV-HV-2010-002': { level: 0.9, trend: 0.1 }, // Storsjöhälsan: good throughout
  'LOV-HV-2016-009': { level: 0.2, trend: 0.6 }, // Lit: improving
  'LOV-HV-2019-007': { level: -0.1, trend: 0 }, // Funäsdalen: middling, stable
  'LOV-HV-2021-015': { level: -0.6, trend: -0.5 }, // Stugun: weak, getting worse
  'UB-HV-2024-05': { level: 0.3, trend: -0.8 }, // Sveg: getting worse
  'UB-HV-2024-10': { level: -0.9, trend: 0.4 }, // Gäddede: remote, weak but improving
  'UB-HV-2024-13': { level: 0.8, trend: 0.3 }, // Lugnvik: strong
  'UB-HV-2024-17': { level: 0.9, trend: 0.2 }, // Frösö: strong
  'UB-TV-2024': { level: 0.3, trend: 0.2 },
  'LOV-TV-2014-003': { level: -0.4, trend: 0.7 },
};

/** Reading model per indicator: centre, spread, bounds, regional drift per half year, better direction. */
const MODEL: Record<string, { centre: number; spread: number; lo: number; hi: number; drift: number; lowerBetter?: boolean }> = {
  'TEL-SAMEDAY': { centre: 90, spread: 7, lo: 62, hi: 100, drift: 0.4 },
  'MED-ASSESS-3D': { centre: 89, spread: 7, lo: 65, hi: 100, drift: 0.3 },
  'FIXED-GP': { centre: 38, spread: 11, lo: 12, hi: 78, drift: 1.6 },
  'ANTIBIOTICS-1000': { centre: 262, spread: 38, lo: 150, hi: 390, drift: -3.5, lowerBetter: true },
  'NPE-OVERALL': { centre: 85, spread: 4.5, lo: 70, hi: 96, drift: 0.1 },
  'LICENSE-CHECK': { centre: 97, spread: 4, lo: 80, hi: 100, drift: 0.3 },
  'CARIES-FREE-6': { centre: 78, spread: 4, lo: 62, hi: 92, drift: 0.2 },
  'DENTAL-RECALL': { centre: 90, spread: 4.5, lo: 72, hi: 99.5, drift: 0.2 },
};

const TEXTS = {
  reach: [
    'Vi erbjuder drop-in för vaccination och hälsosamtal en kväll i veckan, med tolk på arabiska, somaliska och tigrinja.',
    'Distriktssköterskan gör hembesök hos äldre med många läkemedel och samarbetar med kommunens hemtjänst.',
    'Vi bjuder in 40-, 50- och 60-åringar till hälsosamtal och påminner per brev den som inte svarat.',
    'Vi samarbetar med samebyarna om mottagningstider under kalvmärkning och flytt, och erbjuder tolk på sydsamiska.',
    'Diabetessköterskan når patienter i byarna med videobesök och hembesök när vägarna är dåliga.',
    'Vi har öppet på lördagar under turistsäsongen och tar emot säsongsarbetare utan att de behöver lista sig först.',
  ],
  competence: [
    'Två distriktssköterskor har gått vidareutbildning i astma och KOL.',
    'All personal har gått HLR-utbildning och en utbildning i suicidprevention.',
    'ST-läkarna har handledning varje vecka; en specialistsjuksköterska i diabetes har anställts.',
    'Utbildning i bemötande och i journalsystemets nya version för all personal.',
  ],
  comments: [
    'Inga övriga kommentarer.',
    'Rekryteringen av läkare är fortsatt svår; vi har anställt en läkare från Norge under perioden.',
    'Vi har bytt telefonisystem under perioden, vilket påverkade tillgängligheten några veckor.',
    'Vi vill ta upp glesbygdstillägget vid nästa dialogmöte.',
  ],
  dental: [
    'Vi har infört sms-påminnelser inför revisionsbesök.',
    'Tandhygienisterna besöker förskolor med information om munhälsa.',
    'Inga övriga kommentarer.',
  ],
};

const CONFIDENTIAL_REASON = 'Innehåller uppgifter om våra affärsförhållanden (OSL 31 kap. 16 §).';

interface Generated {
  value: unknown;
  note: string | null;
  confidential: boolean;
  reason: string | null;
}

function periodIndex(period: Period): number {
  return period === UNPUBLISHED_PERIOD ? 6 : DEMO_PUBLISHED_PERIODS.indexOf(period);
}

/** The reading (percent, or per 1,000) an agreement reaches on an indicator in a period. */
function reading(report: ReportRow, indicator: string, t: number): number {
  const m = MODEL[indicator];
  const base = rng(`profile|${report.agreement}`);
  const profile = PROFILES[report.agreement] ?? { level: between(base, -0.7, 0.8), trend: between(base, -0.6, 0.6) };
  const offset = between(rng(`offset|${report.agreement}|${indicator}`), -0.45, 0.45);
  const noise = between(rng(`noise|${report.agreement}|${indicator}|${t}`), -1, 1);
  const quality = profile.level + offset + (profile.trend * (t - 2.5)) / 2.5;
  const sign = m.lowerBetter ? -1 : 1;
  return clamp(m.centre + sign * m.spread * quality + m.drift * t + noise * m.spread * 0.22, m.lo, m.hi);
}

function ratio(denominator: number, percent: number): { numerator: number; denominator: number } {
  return { numerator: Math.min(denominator, Math.round((denominator * percent) / 100)), denominator };
}

function indicatorAnswer(report: ReportRow, indicator: string, t: number): { numerator: number; denominator: number } {
  const r = rng(`size|${report.agreement}|${indicator}|${t}`);
  const listed = report.listed;
  const value = reading(report, indicator, t);
  switch (indicator) {
    case 'TEL-SAMEDAY':
      return ratio(Math.round(listed * between(r, 0.5, 0.7)), value);
    case 'MED-ASSESS-3D':
      return ratio(Math.round(listed * between(r, 0.12, 0.18)), value);
    case 'FIXED-GP':
      return ratio(listed, value);
    case 'ANTIBIOTICS-1000':
      // Dispensed prescriptions in a year against listed patients: read as per 1,000.
      return { numerator: Math.round((listed * value) / 1000), denominator: listed };
    case 'NPE-OVERALL':
      return ratio(Math.round(clamp(listed * 0.02, 45, 260) * between(r, 0.85, 1.15)), value);
    case 'LICENSE-CHECK': {
      // Gäddede is small: four licensed staff, a count too small to publish. Funäsdalen had six in 2023.
      if (report.agreement === 'UB-HV-2024-10') return { numerator: t === 3 ? 3 : 4, denominator: 4 };
      if (report.agreement === 'LOV-HV-2019-007' && t === 0) return { numerator: 4, denominator: 6 };
      return ratio(Math.max(8, Math.round((listed / 330) * between(r, 0.9, 1.1))), value);
    }
    case 'CARIES-FREE-6':
      // About 1.1 % of the listed children turn six in a half year and are examined.
      return ratio(Math.round(listed * between(r, 0.01, 0.012)), value);
    case 'DENTAL-RECALL':
      return ratio(Math.round(listed * between(r, 0.42, 0.5)), value);
    default:
      return ratio(100, value);
  }
}

function halfYearDate(period: Period, r: () => number): string {
  const year = period.slice(0, 4);
  const month = period.endsWith('H1') ? 2 + Math.floor(r() * 4) : 8 + Math.floor(r() * 4);
  return `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r() * 27)).padStart(2, '0')}`;
}

/** An illustrative answer to every question, deterministic per agreement, period and question. */
function answerFor(report: ReportRow, q: QuestionRow, attachmentId: string | null): Generated {
  const t = periodIndex(report.period);
  const r = rng(`answer|${report.agreement}|${report.period}|${q.code}`);
  const plain = (value: unknown): Generated => ({ value, note: null, confidential: false, reason: null });
  const inHouse = report.ownership === 'IN_HOUSE';
  const fte = Math.round((report.listed / 1900) * between(rng(`fte|${report.agreement}|${t}`), 0.8, 1.1) * 10) / 10;
  // The canary: a granted confidentiality request and a text that is not public, in one published report.
  if (report.agreement === DEMO_CANARY.confidential.agreement && report.period === DEMO_CANARY.confidential.period) {
    if (q.code === DEMO_CANARY.confidential.question) {
      return {
        value: { numerator: DEMO_CANARY.confidential.numerator, denominator: DEMO_CANARY.confidential.denominator },
        note: 'Samtalsvolymen omfattar även vår digitala mottagning.',
        confidential: true,
        reason: 'Samtalsvolymerna visar hur stor vår digitala mottagning är, en affärshemlighet (OSL 31 kap. 16 §).',
      };
    }
    if (q.code === DEMO_CANARY.hiddenText.question) {
      return plain(`Internt (${DEMO_CANARY.hiddenText.text}): två sjuksköterskor slutar under våren; rekrytering pågår.`);
    }
  }
  if (report.agreement === DEMO_CANARY.unpublished.agreement && report.period === DEMO_CANARY.unpublished.period && q.code === DEMO_CANARY.unpublished.question) {
    return plain({ numerator: DEMO_CANARY.unpublished.numerator, denominator: DEMO_CANARY.unpublished.denominator });
  }
  if (q.type === 'INDICATOR_VALUE') return plain(indicatorAnswer(report, q.indicator_code!, t));
  switch (q.code) {
    case '1.3': {
      const hours = Math.round(between(r, 18, 32) + report.units * 3 + t * 0.5);
      return { value: hours, note: report.period.endsWith('H2') && r() < 0.3 ? 'Utökad telefontid under influensasäsongen.' : null, confidential: false, reason: null };
    }
    case '1.4': {
      const ways = ['telefon', '1177'];
      if (t >= 2 || r() < 0.4) ways.push('chatt');
      if (r() < 0.3 + t * 0.1) ways.push('video');
      if (r() < 0.25) ways.push('drop-in');
      return plain(ways);
    }
    case '1.5':
      return plain(!(report.units === 1 && report.listed < 2500 && report.period.endsWith('H1') && r() < 0.6));
    case '2.1':
    case '4.4':
    case '5.1':
      return plain(r() > (q.code === '5.1' ? 0.15 : 0.05));
    case '2.2':
    case 'T2.2':
      return plain(attachmentId);
    case '2.3':
      return plain(Math.floor(r() * r() * 4));
    case '2.5':
      return plain(halfYearDate(report.period, r));
    case '3.2':
      return plain(pick(r, inHouse ? ['alltid', 'alltid', 'oftast', 'oftast', 'ibland'] : ['alltid', 'oftast', 'oftast', 'ibland', 'sallan']));
    case '3.3':
      return plain(pick(r, TEXTS.reach));
    case '3.4':
      return plain(Math.round(between(r, 28, 52) * 10) / 10);
    case '4.2':
      return plain(Math.max(1, fte));
    case '4.3':
      // In-house units inland lean more on agency doctors.
      return plain(Math.round(clamp(between(r, 0, 18) + (inHouse && report.listed < 4000 ? 20 : 0) - t * 1.5, 0, 60) * 10) / 10);
    case '4.5':
      return plain(pick(r, TEXTS.competence));
    case '5.2':
      return plain(Math.round(between(r, 160, 620) - t * 12));
    case '5.3':
      return plain(Math.floor(r() * r() * 5));
    case '5.4':
      return plain(pick(r, ['ja', 'ja', 'ja', 'delvis', 'inga']));
    case '5.5': {
      const text = pick(r, TEXTS.comments);
      const confidential = text.includes('glesbygdstillägget') && !inHouse;
      return { value: text, note: null, confidential, reason: confidential ? CONFIDENTIAL_REASON : null };
    }
    case 'T1.3':
      return plain(report.listed);
    case 'T1.4':
      return plain(true);
    case 'T2.3':
      return plain(r() > 0.05);
    case 'T2.4':
      return plain(pick(r, TEXTS.dental));
    default:
      throw new Error(`Demo history: no answer for question ${q.code}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Review: goal assessments from the values

type Rating = 'MET' | 'PARTLY_MET' | 'NOT_MET';
type Motivations = Record<string, Record<Rating, string>>;

const MOTIVATIONS: Motivations = {
  M1: {
    MET: 'Telefontillgänglighet och medicinsk bedömning når målvärdena.',
    PARTLY_MET: 'Tillgängligheten ligger nära målvärdet men når det inte fullt ut.',
    NOT_MET: 'Tillgängligheten ligger klart under målvärdet. Regionen begär en åtgärdsplan.',
  },
  M2: {
    MET: 'Ledningssystem finns och antibiotikaförskrivningen ligger inom målet.',
    PARTLY_MET: 'Antibiotikaförskrivningen ligger något över målvärdet.',
    NOT_MET: 'Kraven på patientsäkerhetsarbete eller antibiotikaförskrivning uppfylls inte. Regionen begär en åtgärdsplan.',
  },
  M3: {
    MET: 'Andelen med fast läkarkontakt når årets målvärde.',
    PARTLY_MET: 'Andelen med fast läkarkontakt ökar men når inte årets målvärde.',
    NOT_MET: 'För få listade har en fast läkarkontakt. Följs upp vid nästa dialogmöte.',
  },
  M4: {
    MET: 'Legitimationen är kontrollerad för all legitimerad personal.',
    PARTLY_MET: 'Legitimationskontrollen är nästan fullständig; komplettera.',
    NOT_MET: 'Legitimationskontroll saknas för flera medarbetare.',
  },
  M5: {
    MET: 'Miljöplan med mätbara mål finns.',
    PARTLY_MET: 'Miljöplanen saknar mätbara mål.',
    NOT_MET: 'Miljöplan saknas.',
  },
  M6: {
    MET: 'Begäranden om insyn besvaras i tid och personalen känner till meddelarfriheten.',
    PARTLY_MET: 'Alla begäranden om insyn besvarades inte inom avtalad tid.',
    NOT_MET: 'Personalen har inte informerats om meddelarfriheten.',
  },
  M7: {
    MET: 'Patienternas helhetsintryck når målvärdet.',
    PARTLY_MET: 'Helhetsintrycket ligger nära målvärdet.',
    NOT_MET: 'Helhetsintrycket ligger under målvärdet. Regionen begär en analys.',
  },
};

/** Dental care is assessed against the same goals, with its own indicators. */
const DENTAL_MOTIVATIONS: Motivations = {
  ...MOTIVATIONS,
  M1: {
    MET: 'Barnen undersöks inom sina revisionsintervall och akuttid erbjuds samma dag.',
    PARTLY_MET: 'Revisionsintervallen hålls inte fullt ut.',
    NOT_MET: 'För många barn undersöks inte inom sitt revisionsintervall. Regionen begär en åtgärdsplan.',
  },
  M2: {
    MET: 'Patientsäkerhetsberättelsen har lämnats.',
    PARTLY_MET: 'Patientsäkerhetsberättelsen är ofullständig.',
    NOT_MET: 'Patientsäkerhetsberättelsen saknas.',
  },
  M3: {
    MET: 'Andelen kariesfria sexåringar når målvärdet.',
    PARTLY_MET: 'Andelen kariesfria sexåringar ligger nära målvärdet.',
    NOT_MET: 'Andelen kariesfria sexåringar ligger under målvärdet. Följs upp vid nästa dialogmöte.',
  },
  M6: {
    MET: 'Personalen har informerats om meddelarfriheten.',
    PARTLY_MET: 'Informationen om meddelarfriheten har inte nått all personal.',
    NOT_MET: 'Personalen har inte informerats om meddelarfriheten.',
  },
};

/** Yes/no answers that a goal requires. */
const REQUIRED_YES = ['2.1', '4.4', '5.1', 'T2.3'];

/** The reviewer's rating of a goal, read from the answers: all targets met, most missed, or in between. */
function ratingFor(answers: { q: QuestionRow; value: unknown }[], targets: Map<string, { value: number; amber: number }>, year: number): Rating {
  if (answers.some(({ q, value }) => REQUIRED_YES.includes(q.code) && value === false)) return 'NOT_MET';
  const colours: string[] = [];
  for (const { q, value } of answers) {
    if (q.type !== 'INDICATOR_VALUE' || !q.indicator_code) continue;
    const { numerator, denominator } = value as { numerator: number; denominator: number };
    const scale = q.indicator_code === 'ANTIBIOTICS-1000' ? 1000 : 100;
    const target = targets.get(`${q.indicator_code}|${year}`);
    if (target) {
      const direction = q.direction as 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
      colours.push(targetColour((numerator / denominator) * scale, { value: target.value, amberThreshold: target.amber }, direction));
    }
  }
  let rating: Rating = 'MET';
  if (colours.some((c) => c !== 'GREEN')) rating = colours.filter((c) => c === 'RED').length * 2 > colours.length ? 'NOT_MET' : 'PARTLY_MET';
  const late = answers.some(({ q, value }) => q.code === '5.4' && (value === 'delvis' || value === 'nej'));
  return late && rating === 'MET' ? 'PARTLY_MET' : rating;
}

// ---------------------------------------------------------------------------------------------

/** A tiny valid PDF: the patient safety report attached to every historical report. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const DEMO_PDF_SHA256 = createHash('sha256').update(DEMO_PDF).digest('hex');

const addDays = (iso: string | Date, days: number, hours = 0): Date =>
  new Date(new Date(iso).getTime() + (days * 24 + hours) * 3600_000);

/** Targets for years the demo indicators did not yet have (an upgraded database gets them too). */
async function ensureTargets(em: EntityManager): Promise<void> {
  const rows = indicators.flatMap((i) => i.targets.map((t) => ({ code: i.code, year: t.year, value: t.value, amber: t.amber })));
  await em.query(
    `INSERT INTO target (indicator_id, year, value, amber_threshold)
     SELECT i.id, x.year, x.value, x.amber FROM jsonb_to_recordset($1::jsonb) AS x(code text, year int, value numeric, amber numeric)
     JOIN indicator i ON i.code = x.code
     ON CONFLICT (indicator_id, year) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/**
 * Loads the published history in a fixed number of statements per step (one per table), plus
 * publishReportValues per report. Runs in the caller's transaction.
 */
export async function insertDemoHistory(em: EntityManager, store: AttachmentStore): Promise<Record<string, number>> {
  await ensureTargets(em);
  const specs = roundSpecs();
  const [reviewer] = await em.query(`SELECT id FROM app_user WHERE email = 'reviewer@insyn.example'`);
  const [fallbackPrivate] = await em.query(`SELECT id FROM app_user WHERE email = 'provider.private@insyn.example'`);
  const [fallbackInHouse] = await em.query(`SELECT id FROM app_user WHERE email = 'provider.inhouse@insyn.example'`);

  // Rounds, closed, with their templates (the demo templates by name, the first published version).
  const rounds: { id: string; period: Period; template_id: string; opens_at: Date; due_at: Date; name: string }[] = await em.query(
    `INSERT INTO follow_up_round (name, period, template_id, choice_system_id, opens_at, due_at, status, opened_at, created_at, updated_at)
     SELECT x.name, x.period,
            (SELECT t.id FROM report_template t WHERE t.name = x.template AND t.status <> 'DRAFT' ORDER BY t.template_version LIMIT 1),
            (SELECT id FROM choice_system WHERE code = x.choice_system), x.opens_at, x.due_at, 'CLOSED', x.opens_at,
            x.opens_at - interval '21 days', x.due_at + interval '30 days'
     FROM jsonb_to_recordset($1::jsonb) AS x(name text, period text, template text, choice_system text, opens_at timestamptz, due_at timestamptz)
     RETURNING id, period, template_id, opens_at, due_at, name`,
    [JSON.stringify(specs.map((s) => ({ name: s.name, period: s.period, template: s.templateName, choice_system: s.choiceSystem, opens_at: s.opensAt, due_at: s.dueAt })))],
  );
  const specOf = new Map(rounds.map((r) => [r.id, specs.find((s) => s.name === r.name)!]));

  // One report per agreement in scope and valid during the round, as opening a round makes them.
  const reports: ReportRow[] = await em.query(
    `WITH made AS (
       INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, due_at, created_at)
       SELECT 'RAP-' || left(f.period, 4) || '-' || lpad(nextval('report_reference_seq')::text, 5, '0'), f.id, a.id, a.provider_id, f.template_id, f.due_at, f.opens_at
       FROM follow_up_round f JOIN agreement a ON a.choice_system_id = f.choice_system_id
       WHERE f.id = ANY($1::uuid[]) AND a.in_program_scope AND a.form = ANY(f.agreement_forms)
         AND a.valid_from <= f.due_at::date AND (a.valid_to IS NULL OR a.valid_to >= f.opens_at::date)
       ORDER BY f.opens_at, f.name, a.reference
       RETURNING id, template_id, agreement_id, provider_id, reference, round_id)
     SELECT m.id, m.template_id, m.agreement_id, m.provider_id, m.reference, a.reference AS agreement, f.period, p.ownership,
            (SELECT count(*)::int FROM agreement_unit au WHERE au.agreement_id = a.id) AS units
     FROM made m JOIN agreement a ON a.id = m.agreement_id JOIN follow_up_round f ON f.id = m.round_id JOIN provider p ON p.id = m.provider_id
     ORDER BY f.opens_at, f.name, a.reference`,
    [rounds.map((r) => r.id)],
  );
  const roundOf = new Map<string, string>();
  {
    const rows: { id: string; round_id: string }[] = await em.query('SELECT id, round_id FROM report WHERE round_id = ANY($1::uuid[])', [rounds.map((r) => r.id)]);
    for (const row of rows) roundOf.set(row.id, row.round_id);
  }
  // Listed patients per agreement: larger in Östersund, smaller inland; several units add up.
  const unitRows: { agreement: string; name: string; municipality_code: string }[] = await em.query(
    `SELECT a.reference AS agreement, u.name, u.municipality_code FROM agreement_unit au JOIN agreement a ON a.id = au.agreement_id JOIN unit u ON u.id = au.unit_id`,
  );
  for (const report of reports) {
    const units = unitRows.filter((u) => u.agreement === report.agreement);
    let listed = 0;
    for (const u of units) {
      const r = rng(`listed|${u.name}`);
      const dental = u.name.includes('Folktandvården') || u.name.includes('Tand');
      const big = u.municipality_code === '2380';
      listed += dental ? Math.round(between(r, big ? 6000 : 1800, big ? 9000 : 3200)) : u.name.startsWith('Gäddede') ? 1150 : Math.round(between(r, big ? 7500 : 2000, big ? 12000 : 5500));
    }
    // A little change from period to period, the same for every indicator.
    report.listed = Math.round(listed * (1 + 0.01 * periodIndex(report.period) * between(rng(`growth|${report.agreement}`), -0.6, 1)));
  }

  const questions: QuestionRow[] = await em.query(
    `SELECT q.id, q.template_id, q.code, q.type, q.options, i.code AS indicator_code, i.direction, q.goal_id, g.code AS goal_code
     FROM question q JOIN template_section s ON s.id = q.section_id LEFT JOIN indicator i ON i.id = q.indicator_id LEFT JOIN goal g ON g.id = q.goal_id
     WHERE q.template_id = ANY($1::uuid[]) ORDER BY s.position, q.position`,
    [[...new Set(rounds.map((r) => r.template_id))]],
  );
  const targetRows: { code: string; year: number; value: string; amber_threshold: string }[] = await em.query(
    'SELECT i.code, t.year, t.value, t.amber_threshold FROM target t JOIN indicator i ON i.id = t.indicator_id',
  );
  const targets = new Map(targetRows.map((t) => [`${t.code}|${t.year}`, { value: Number(t.value), amber: Number(t.amber_threshold) }]));
  const providerUsers: { provider_id: string; id: string }[] = await em.query(
    `SELECT DISTINCT ON (provider_id) provider_id, id FROM app_user WHERE provider_id IS NOT NULL AND 'PROVIDER' = ANY(roles) ORDER BY provider_id, created_at, id`,
  );
  const authorOf = (r: ReportRow): string =>
    providerUsers.find((u) => u.provider_id === r.provider_id)?.id ?? (r.ownership === 'IN_HOUSE' ? fallbackInHouse.id : fallbackPrivate.id);

  // The patient safety report, one file per report (written to the store side by side).
  const attachmentQuestions = questions.filter((q) => q.type === 'ATTACHMENT');
  const keys = await Promise.all(reports.map(() => store.put(DEMO_PDF)));
  const attachments: { id: string; report_id: string }[] = await em.query(
    `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by, created_at)
     SELECT x.report_id, x.question_id, x.file_name, 'application/pdf', $2, $3, x.storage_key, x.created_by, x.created_at
     FROM jsonb_to_recordset($1::jsonb) AS x(report_id uuid, question_id uuid, file_name text, storage_key text, created_by uuid, created_at timestamptz)
     RETURNING id, report_id`,
    [
      JSON.stringify(
        reports.map((r, i) => {
          const spec = specOf.get(roundOf.get(r.id)!)!;
          return {
            report_id: r.id,
            question_id: attachmentQuestions.find((q) => q.template_id === r.template_id)!.id,
            file_name: `patientsakerhetsberattelse-${r.period.slice(0, 4)}.pdf`,
            storage_key: keys[i],
            created_by: authorOf(r),
            created_at: addDays(spec.submitFrom, -2),
          };
        }),
      ),
      DEMO_PDF.length,
      DEMO_PDF_SHA256,
    ],
  );
  const attachmentOf = new Map(attachments.map((a) => [a.report_id, a.id]));

  // Answers, submissions, approval with goal assessments, confidentiality decisions.
  const answerRows: unknown[] = [];
  const submissionRows: unknown[] = [];
  const reportUpdates: unknown[] = [];
  const decisionRows: { report_id: string; template_id: string; decided_by: string; decided_at: Date }[] = [];
  const assessments = new Map<string, { goal_id: string; rating: Rating; motivation: string }[]>();
  const confidentialityRows: unknown[] = [];
  const publishAt = new Map<string, Date>();
  for (const [k, report] of reports.entries()) {
    const spec = specOf.get(roundOf.get(report.id)!)!;
    const author = authorOf(report);
    const receivedAt = addDays(spec.submitFrom, (k * 7) % 20, (k * 5) % 8);
    const approvedAt = addDays(receivedAt, 6 + (k % 9), 2);
    const answeredAt = addDays(receivedAt, -1);
    const snapshot = [];
    const given: { q: QuestionRow; value: unknown }[] = [];
    for (const q of questions.filter((x) => x.template_id === report.template_id)) {
      const a = answerFor(report, q, attachmentOf.get(report.id) ?? null);
      given.push({ q, value: a.value });
      answerRows.push({
        report_id: report.id,
        question_id: q.id,
        template_id: report.template_id,
        value: a.value,
        note: a.note,
        confidentiality_requested: a.confidential,
        confidentiality_reason: a.reason,
        updated_at: answeredAt,
        updated_by: author,
      });
      snapshot.push({ questionId: q.id, code: q.code, value: a.value, note: a.note, confidentialityRequested: a.confidential, confidentialityReason: a.reason });
      if (a.confidential) {
        const canary = q.code === DEMO_CANARY.confidential.question;
        // The region grants most requests; one about the rural supplement is refused (it is not secret).
        const granted = canary || q.code !== '5.5' || k % 3 !== 0;
        confidentialityRows.push({
          report_id: report.id,
          template_id: report.template_id,
          question_id: q.id,
          granted,
          reason: granted
            ? 'Uppgiften rör utförarens affärsförhållanden och kan skada utföraren om den lämnas ut (OSL 31 kap. 16 §).'
            : 'Uppgiften avser regionens egen ersättning och är inte en affärshemlighet. Fritexten publiceras ändå inte.',
          decided_by: reviewer.id,
          decided_at: addDays(approvedAt, 0, -1),
        });
      }
    }
    submissionRows.push({ report_id: report.id, received_at: receivedAt, submitted_by: author, answers: snapshot });
    reportUpdates.push({ id: report.id, submitted_at: receivedAt, approved_at: approvedAt, assigned_to: reviewer.id });
    decisionRows.push({ report_id: report.id, template_id: report.template_id, decided_by: reviewer.id, decided_at: approvedAt });
    const year = Number(report.period.slice(0, 4));
    const goalIds = [...new Set(given.filter((g) => g.q.goal_id).map((g) => g.q.goal_id!))];
    assessments.set(
      report.id,
      goalIds.map((goalId) => {
        const inGoal = given.filter((g) => g.q.goal_id === goalId);
        const rating = ratingFor(inGoal, targets, year);
        const texts = inGoal[0].q.code.startsWith('T') ? DENTAL_MOTIVATIONS : MOTIVATIONS;
        return { goal_id: goalId, rating, motivation: texts[inGoal[0].q.goal_code!][rating] };
      }),
    );
    if (spec.publishOn) publishAt.set(report.id, addDays(spec.publishOn, k % 4, (k * 3) % 6));
  }

  await em.query(
    `INSERT INTO answer (report_id, question_id, template_id, value, note, confidentiality_requested, confidentiality_reason, updated_at, updated_by)
     SELECT report_id, question_id, template_id, value, note, confidentiality_requested, confidentiality_reason, updated_at, updated_by
     FROM jsonb_to_recordset($1::jsonb) AS x(report_id uuid, question_id uuid, template_id uuid, value jsonb, note text,
          confidentiality_requested boolean, confidentiality_reason text, updated_at timestamptz, updated_by uuid)`,
    [JSON.stringify(answerRows)],
  );
  await em.query(
    `INSERT INTO submission (report_id, reference, received_at, report_version, submitted_by, answers)
     SELECT x.report_id, 'UPP-' || to_char(x.received_at AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-' || lpad(nextval('submission_reference_seq')::text, 6, '0'),
            x.received_at, 2, x.submitted_by, x.answers
     FROM jsonb_to_recordset($1::jsonb) AS x(report_id uuid, received_at timestamptz, submitted_by uuid, answers jsonb)
     ORDER BY x.received_at`,
    [JSON.stringify(submissionRows)],
  );
  await em.query(
    `UPDATE report r SET status = 'APPROVED', version = 3, submitted_at = x.submitted_at, approved_at = x.approved_at,
            assigned_to = x.assigned_to, updated_at = x.approved_at
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, submitted_at timestamptz, approved_at timestamptz, assigned_to uuid)
     WHERE r.id = x.id`,
    [JSON.stringify(reportUpdates)],
  );
  const decisions: { id: string; report_id: string }[] = await em.query(
    `INSERT INTO report_decision (report_id, template_id, kind, submission_id, decided_by, decided_at)
     SELECT x.report_id, x.template_id, 'APPROVED', (SELECT s.id FROM submission s WHERE s.report_id = x.report_id), x.decided_by, x.decided_at
     FROM jsonb_to_recordset($1::jsonb) AS x(report_id uuid, template_id uuid, decided_by uuid, decided_at timestamptz)
     RETURNING id, report_id`,
    [JSON.stringify(decisionRows)],
  );
  const assessmentRows = decisions.flatMap((d) => assessments.get(d.report_id)!.map((a) => ({ decision_id: d.id, report_id: d.report_id, ...a })));
  await em.query(
    `INSERT INTO goal_assessment (decision_id, report_id, goal_id, rating, motivation)
     SELECT decision_id, report_id, goal_id, rating, motivation
     FROM jsonb_to_recordset($1::jsonb) AS x(decision_id uuid, report_id uuid, goal_id uuid, rating text, motivation text)`,
    [JSON.stringify(assessmentRows)],
  );
  if (confidentialityRows.length) {
    await em.query(
      `INSERT INTO confidentiality_decision (report_id, template_id, question_id, granted, reason, decided_by, decided_at)
       SELECT report_id, template_id, question_id, granted, reason, decided_by, decided_at
       FROM jsonb_to_recordset($1::jsonb) AS x(report_id uuid, template_id uuid, question_id uuid, granted boolean, reason text, decided_by uuid, decided_at timestamptz)`,
      [JSON.stringify(confidentialityRows)],
    );
  }

  // Publication: the same derivation as publishReport, one report at a time.
  let published = 0;
  let values = 0;
  for (const report of reports) {
    const at = publishAt.get(report.id);
    if (!at) continue;
    const result = await publishReportValues(em, { reportId: report.id, publishedBy: reviewer.id, publishedAt: at, kind: 'PUBLISHED' });
    published++;
    values += result.values;
  }

  // The 2025 reports the demo shows as already published get their publication too (their
  // confidentiality requests granted first), at the time they were marked published.
  const earlier: { id: string; template_id: string; published_at: Date }[] = await em.query(
    `SELECT r.id, r.template_id, r.published_at FROM report r
     WHERE r.status = 'PUBLISHED' AND NOT r.round_id = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.report_id = r.id)
     ORDER BY r.published_at, r.id`,
    [rounds.map((r) => r.id)],
  );
  for (const r of earlier) {
    await em.query(
      `INSERT INTO confidentiality_decision (report_id, template_id, question_id, granted, reason, decided_by, decided_at)
       SELECT a.report_id, a.template_id, a.question_id, true, $2, $3, $4::timestamptz - interval '1 hour'
       FROM answer a WHERE a.report_id = $1 AND a.confidentiality_requested
         AND NOT EXISTS (SELECT 1 FROM confidentiality_decision d WHERE d.report_id = a.report_id AND d.question_id = a.question_id)`,
      [r.id, 'Uppgiften rör utförarens affärsförhållanden (OSL 31 kap. 16 §).', reviewer.id, r.published_at],
    );
    const result = await publishReportValues(em, { reportId: r.id, publishedBy: reviewer.id, publishedAt: r.published_at ?? undefined, kind: 'PUBLISHED' });
    published++;
    values += result.values;
  }

  // Corrections: a new version with the reason; the old one stays.
  const reportOf = (agreement: string, period: string) => reports.find((r) => r.agreement === agreement && r.period === period)!;
  for (const c of DEMO_CORRECTIONS) {
    const report = reportOf(c.agreement, c.period);
    const q = questions.find((x) => x.template_id === report.template_id && x.code === c.question)!;
    const old = answerFor(report, q, null).value as { numerator: number; denominator: number };
    // The first figure was too low: the corrected numerator adds what was missing.
    const value = { numerator: Math.min(old.denominator, Math.round(old.numerator + old.denominator * 0.04)), denominator: old.denominator };
    await correctValue(em, { reportId: report.id, questionId: q.id, value, reason: c.reason, correctedBy: reviewer.id, correctedAt: new Date(c.at) });
  }

  // Public responses from Jämtvård: one accepted and shown, one waiting for the reviewer.
  const jamtvard = (period: string) => reportOf('LOV-HV-2012-004', period);
  const accepted = jamtvard('2025-H1');
  const pending = jamtvard('2025-H2');
  await em.query(
    `INSERT INTO public_response (report_id, provider_id, body, status, submitted_by, submitted_at, decided_by, decided_at, version)
     VALUES ($1, $2, $3, 'ACCEPTED', $4, $5, $6, $7, 2),
            ($8, $9, $10, 'PENDING', $4, $11, NULL, NULL, 1)`,
    [
      accepted.id,
      accepted.provider_id,
      'Vi har sedan 2023 byggt ut telefontiden och infört återuppringning i alla tre hälsocentraler. Resultaten har förbättrats varje halvår och vi fortsätter arbetet med fast läkarkontakt.',
      authorOf(accepted),
      addDays(publishAt.get(accepted.id)!, 8),
      reviewer.id,
      addDays(publishAt.get(accepted.id)!, 11),
      pending.id,
      pending.provider_id,
      'Telefontillgängligheten påverkades i januari av ett byte av telefonisystem. Felet är åtgärdat och vi följer upp varje vecka.',
      addDays(publishAt.get(pending.id)!, 6),
    ],
  );

  return {
    rounds: rounds.length,
    reports: reports.length,
    answers: answerRows.length,
    publishedReports: published,
    publishedValues: values,
    corrections: DEMO_CORRECTIONS.length,
    publicResponses: 2,
    confidentialityDecisions: confidentialityRows.length,
  };
}
