import { createHash } from 'node:crypto';
import type { CompensationInput, CompensationMethod, UnitEconomics } from './entities.js';

/** Money is whole kronor (SEK): sums and differences are exact integers. */
export function reimbursementOf(e: Pick<UnitEconomics, 'capitation' | 'visitFees' | 'goalRelated' | 'vatCompensation' | 'other'>): number {
  return e.capitation + e.visitFees + e.goalRelated + e.vatCompensation + e.other;
}

/**
 * deficit × share / 100 in whole kronor, rounded to the nearest krona (half up), computed exactly:
 * the share has at most two decimals, so deficit × hundredths of a percent / 10 000 is the exact
 * value in ten-thousandths of a krona.
 */
export function shareOfDeficit(deficit: number, sharePercent: number): { exact: number; rounded: number } {
  const hundredths = BigInt(Math.round(sharePercent * 100));
  const tenThousandths = BigInt(deficit) * hundredths;
  return { exact: Number(tenThousandths) / 10_000, rounded: Number((tenThousandths + 5_000n) / 10_000n) };
}

export interface ProposalFacts {
  year: number;
  method: CompensationMethod | null;
  /** The holder is the only unit of the choice system in the municipality that year. */
  soleProvider: boolean;
  unitCount: number;
  /** Where the coverage figures come from, e.g. "Berg, Hälsoval 2025". */
  coverageDetail: string;
  holderName: string;
  economics: UnitEconomics | null;
}

export interface ProposalResult {
  amount: number | null;
  inputs: CompensationInput[];
  missing: string[];
  reason: string | null;
  /** A stable hash of the method version and every input: what a decision is made on. */
  fingerprint: string;
}

/**
 * A stable hash of the method version id and every input value (with its source and record), so
 * that a decision can name the proposal its decider saw and be refused when it has changed.
 */
export function fingerprintOf(methodId: string | null, inputs: readonly CompensationInput[]): string {
  const values = inputs.map((i) => [i.key, i.amount, i.number, i.text, i.source, i.sourceDetail]);
  return createHash('sha256').update(JSON.stringify([methodId, values])).digest('hex').slice(0, 32);
}

const input = (key: string, source: string, sourceDetail: string | null, value: { amount?: number | null; number?: number | null; text?: string | null }): CompensationInput => ({
  key,
  amount: value.amount ?? null,
  number: value.number ?? null,
  text: value.text ?? null,
  source,
  sourceDetail,
});

/**
 * What the method in force gives, in whole kronor, with every input it used.
 * FIXED_AMOUNT: the fixed amount. SOLE_PROVIDER_DEFICIT: when the holder is the sole provider,
 * deficit = max(0, full cost − reimbursement) of the holder that year, amount = deficit ×
 * share / 100 (share 100 when none) rounded to the nearest krona (half up; the DEFICIT_SHARE
 * input shows the exact value and the rounding), at most the cap; not sole provider: 0.
 */
export function computeProposal(f: ProposalFacts): ProposalResult {
  const result = compute(f);
  return { ...result, fingerprint: fingerprintOf(f.method?.id ?? null, result.inputs) };
}

function compute(f: ProposalFacts): Omit<ProposalResult, 'fingerprint'> {
  const inputs: CompensationInput[] = [];
  const coverage = [
    input('SOLE_PROVIDER', 'COVERAGE', f.coverageDetail, { text: f.soleProvider ? 'YES' : 'NO' }),
    input('UNIT_COUNT', 'COVERAGE', f.coverageDetail, { number: f.unitCount }),
  ];
  const m = f.method;
  if (!m) return { amount: null, inputs: coverage, missing: ['METHOD'], reason: 'NO_METHOD' };
  const methodDetail = `v${m.version}, ${m.decisionReference}`;
  inputs.push(input('METHOD', 'METHOD', methodDetail, { text: m.method }));
  inputs.push(input('VALID_FROM_YEAR', 'METHOD', methodDetail, { number: m.validFromYear }));
  if (m.method === 'FIXED_AMOUNT') {
    const amount = m.fixedAmount ?? 0;
    inputs.push(input('FIXED_AMOUNT', 'METHOD', methodDetail, { amount }));
    inputs.push(input('AMOUNT', 'CALCULATION', null, { amount }));
    return { amount, inputs, missing: [], reason: null };
  }
  inputs.push(...coverage);
  if (!f.soleProvider) {
    inputs.push(input('AMOUNT', 'CALCULATION', null, { amount: 0 }));
    return { amount: 0, inputs, missing: [], reason: 'NOT_SOLE_PROVIDER' };
  }
  const e = f.economics;
  if (!e) return { amount: null, inputs, missing: ['ECONOMICS'], reason: 'MISSING_INPUTS' };
  const economicsDetail = `${f.holderName} ${f.year}, v${e.version} (${e.source})`;
  inputs.push(
    input('CAPITATION', 'UNIT_ECONOMICS', economicsDetail, { amount: e.capitation }),
    input('VISIT_FEES', 'UNIT_ECONOMICS', economicsDetail, { amount: e.visitFees }),
    input('GOAL_RELATED', 'UNIT_ECONOMICS', economicsDetail, { amount: e.goalRelated }),
    input('VAT_COMPENSATION', 'UNIT_ECONOMICS', economicsDetail, { amount: e.vatCompensation }),
    input('OTHER', 'UNIT_ECONOMICS', economicsDetail, { amount: e.other }),
  );
  const reimbursement = reimbursementOf(e);
  inputs.push(input('REIMBURSEMENT', 'CALCULATION', null, { amount: reimbursement }));
  inputs.push(input('FULL_COST', 'UNIT_ECONOMICS', economicsDetail, { amount: e.fullCost }));
  if (e.fullCost === null) return { amount: null, inputs, missing: ['FULL_COST'], reason: 'MISSING_INPUTS' };
  const deficit = Math.max(0, e.fullCost - reimbursement);
  inputs.push(input('DEFICIT', 'CALCULATION', null, { amount: deficit }));
  const share = m.sharePercent ?? 100;
  inputs.push(input('SHARE_PERCENT', 'METHOD', m.sharePercent === null ? `${methodDetail} (100)` : methodDetail, { number: share }));
  const part = shareOfDeficit(deficit, share);
  inputs.push(input('DEFICIT_SHARE', 'CALCULATION', null, { amount: part.rounded, number: part.exact, text: part.exact === part.rounded ? null : 'ROUNDED' }));
  let amount = part.rounded;
  let reason: string | null = deficit === 0 ? 'NO_DEFICIT' : null;
  if (m.capAmount !== null) {
    inputs.push(input('CAP_AMOUNT', 'METHOD', methodDetail, { amount: m.capAmount }));
    if (amount > m.capAmount) {
      amount = m.capAmount;
      reason = 'CAPPED';
    }
  }
  inputs.push(input('AMOUNT', 'CALCULATION', null, { amount }));
  return { amount, inputs, missing: [], reason };
}
