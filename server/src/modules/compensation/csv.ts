/**
 * The unit economics import file: UTF-8 (with or without BOM), `;` or `,` between columns, a
 * header row naming the columns. Columns: `hsa_id` or `unit_id` (one of them), `year`, and the
 * amounts in whole kronor (SEK) `capitation`, `visit_fees`, `goal_related`, `vat_compensation`,
 * `other`, `full_cost` (at least one of them). Spaces (also non-breaking) between thousands are
 * fine, and so is a decimal part of zeros ("1 234 567,00", "1234567.00"); öre are refused. With
 * `,` between columns, quote amounts written with a comma. An empty amount is 0; an empty
 * `full_cost` means not reported. One row per unit and year. Only the amount columns the header
 * names are written over stored economics; a column left out keeps what is stored (a new row
 * gets 0, and no full cost, for it).
 */
import { readCsv, readUnitYear, type RowProblem } from '../../common/csv.js';

export const ECONOMICS_CSV_MAX_BYTES = 900 * 1024;
export const ECONOMICS_CSV_MAX_ROWS = 10_000;
/**
 * The most one amount may be, in whole kronor: the five reimbursement components together stay
 * within the API's Int (2 147 483 647).
 */
export const MAX_KRONOR = 400_000_000;

export const KRONOR_MESSAGES = {
  notAmount: 'An amount in whole kronor, 0 or more (1 234 567)',
  ore: 'Whole kronor, without öre (1 234 567, not 1 234 567,50)',
  tooLarge: 'At most 400 000 000 kronor',
} as const;

/**
 * An amount in whole kronor as people write it: spaces (also non-breaking) between thousands and
 * a decimal part of zeros after `,` or `.` are fine ("1 234 567,00"). A decimal part with öre,
 * and anything else (signs, letters, three decimals), is a problem.
 */
export function parseKronor(cell: string): { value: number } | { problem: keyof typeof KRONOR_MESSAGES } {
  const s = cell.replace(/[\s\u00a0\u202f]/g, '');
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return { problem: 'notAmount' };
  if (m[2] !== undefined && Number(m[2]) !== 0) return { problem: 'ore' };
  const value = Number(m[1]);
  return value > MAX_KRONOR ? { problem: 'tooLarge' } : { value };
}

export const COMPONENT_COLUMNS = ['capitation', 'visit_fees', 'goal_related', 'vat_compensation', 'other'] as const;
export const AMOUNT_COLUMNS = [...COMPONENT_COLUMNS, 'full_cost'] as const;
export type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

export interface EconomicsRow {
  line: number;
  hsaId: string | null;
  unitId: string | null;
  year: number;
  capitation: number;
  visitFees: number;
  goalRelated: number;
  vatCompensation: number;
  other: number;
  fullCost: number | null;
}

/**
 * Parses and checks every row; returns the rows and the amount columns the header names, or every
 * problem found (nothing partial).
 */
export function parseEconomicsCsv(text: string): { rows: EconomicsRow[]; columns: AmountColumn[]; problems: RowProblem[] } {
  const read = readCsv(text, {
    known: ['hsa_id', 'unit_id', 'year', ...AMOUNT_COLUMNS],
    oneOf: [['hsa_id', 'unit_id'], [...AMOUNT_COLUMNS]],
    required: ['year'],
    maxRows: ECONOMICS_CSV_MAX_ROWS,
  });
  const problems = [...read.problems];
  if (!read.rows.length) return { rows: [], columns: [], problems };
  const columns = AMOUNT_COLUMNS.filter((c) => read.rows[0].has(c));
  const rows: EconomicsRow[] = [];
  const seen = new Map<string, number>();
  for (const row of read.rows) {
    const { line, get } = row;
    const before = problems.length;
    const { hsaId, unitId, year } = readUnitYear(row, problems);
    const amounts: Record<string, number | null> = {};
    for (const column of AMOUNT_COLUMNS) {
      const cell = get(column);
      if (cell === '') {
        amounts[column] = column === 'full_cost' ? null : 0;
        continue;
      }
      const read = parseKronor(cell);
      if ('problem' in read) problems.push({ line, column, message: KRONOR_MESSAGES[read.problem] });
      else amounts[column] = read.value;
    }
    if (problems.length > before) continue;
    const key = `${(unitId ?? hsaId)!.toLowerCase()}|${year}`;
    if (seen.has(key)) {
      problems.push({ line, column: unitId ? 'unit_id' : 'hsa_id', message: `Same unit and year as line ${seen.get(key)}` });
      continue;
    }
    seen.set(key, line);
    rows.push({
      line,
      hsaId,
      unitId: unitId?.toLowerCase() ?? null,
      year,
      capitation: amounts.capitation!,
      visitFees: amounts.visit_fees!,
      goalRelated: amounts.goal_related!,
      vatCompensation: amounts.vat_compensation!,
      other: amounts.other!,
      fullCost: amounts.full_cost,
    });
  }
  return { rows, columns, problems };
}
