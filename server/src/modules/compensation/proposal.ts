import type { CompensationInput, CompensationMethod, UnitEconomics } from './entities.js';

/** Whole öre from kronor (two decimals at most), so sums and shares are exact. */
export const toOre = (kr: number): bigint => BigInt(Math.round(kr * 100));
export const toKronor = (ore: bigint): number => Number(ore) / 100;

export function reimbursementOf(e: Pick<UnitEconomics, 'capitation' | 'visitFees' | 'goalRelated' | 'vatCompensation' | 'other'>): number {
  return toKronor(toOre(e.capitation) + toOre(e.visitFees) + toOre(e.goalRelated) + toOre(e.vatCompensation) + toOre(e.other));
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
 * What the method in force gives, with every input it used.
 * FIXED_AMOUNT: the fixed amount. SOLE_PROVIDER_DEFICIT: when the holder is the sole provider,
 * deficit = max(0, full cost − reimbursement) of the holder that year, amount = deficit ×
 * share / 100 (share 100 when none), at most the cap; not sole provider: 0.
 */
export function computeProposal(f: ProposalFacts): ProposalResult {
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
  const reimbursement = toOre(e.capitation) + toOre(e.visitFees) + toOre(e.goalRelated) + toOre(e.vatCompensation) + toOre(e.other);
  inputs.push(input('REIMBURSEMENT', 'CALCULATION', null, { amount: toKronor(reimbursement) }));
  inputs.push(input('FULL_COST', 'UNIT_ECONOMICS', economicsDetail, { amount: e.fullCost }));
  if (e.fullCost === null) return { amount: null, inputs, missing: ['FULL_COST'], reason: 'MISSING_INPUTS' };
  const fullCost = toOre(e.fullCost);
  const deficit = fullCost > reimbursement ? fullCost - reimbursement : 0n;
  inputs.push(input('DEFICIT', 'CALCULATION', null, { amount: toKronor(deficit) }));
  const share = m.sharePercent ?? 100;
  inputs.push(input('SHARE_PERCENT', 'METHOD', m.sharePercent === null ? `${methodDetail} (100)` : methodDetail, { number: share }));
  // öre × hundredths of a percent / 10 000, rounded half up.
  const shareHundredths = BigInt(Math.round(share * 100));
  let amount = (deficit * shareHundredths + 5_000n) / 10_000n;
  let reason: string | null = deficit === 0n ? 'NO_DEFICIT' : null;
  if (m.capAmount !== null) {
    inputs.push(input('CAP_AMOUNT', 'METHOD', methodDetail, { amount: m.capAmount }));
    const cap = toOre(m.capAmount);
    if (amount > cap) {
      amount = cap;
      reason = 'CAPPED';
    }
  }
  inputs.push(input('AMOUNT', 'CALCULATION', null, { amount: toKronor(amount) }));
  return { amount: toKronor(amount), inputs, missing: [], reason };
}
