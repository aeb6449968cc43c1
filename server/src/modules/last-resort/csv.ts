/**
 * The listing import file: UTF-8 (with or without BOM), `;` or `,` between columns, a header row
 * naming the columns. Columns: `hsa_id` or `unit_id` (one of them), `year`, `month` (optional,
 * 1–12; empty for the whole year), `listed_persons` (a whole number ≥ 0).
 */
import { parseWhole, readCsv, readUnitYear, type RowProblem } from '../../common/csv.js';

export const LISTING_CSV_MAX_BYTES = 900 * 1024;
export const LISTING_CSV_MAX_ROWS = 20_000;

export interface ListingRow {
  /** Line number in the file (the header is line 1). */
  line: number;
  hsaId: string | null;
  unitId: string | null;
  year: number;
  month: number | null;
  listedPersons: number;
}

export type { RowProblem };

/** Parses and checks every row; returns the rows, or every problem found (nothing partial). */
export function parseListingCsv(text: string): { rows: ListingRow[]; problems: RowProblem[] } {
  const read = readCsv(text, {
    known: ['hsa_id', 'unit_id', 'year', 'month', 'listed_persons'],
    oneOf: [['hsa_id', 'unit_id']],
    required: ['year', 'listed_persons'],
    maxRows: LISTING_CSV_MAX_ROWS,
  });
  const problems = [...read.problems];
  if (!read.rows.length) return { rows: [], problems };
  const rows: ListingRow[] = [];
  const seen = new Map<string, number>();
  for (const row of read.rows) {
    const { line, get } = row;
    const before = problems.length;
    const { hsaId, unitId, year } = readUnitYear(row, problems);
    const monthText = get('month');
    const month = monthText === '' ? null : parseWhole(monthText);
    if (month !== null && !(month >= 1 && month <= 12)) problems.push({ line, column: 'month', message: 'A month 1–12, or empty for the whole year' });
    const listedPersons = parseWhole(get('listed_persons'));
    if (!(listedPersons >= 0 && listedPersons <= 10_000_000)) problems.push({ line, column: 'listed_persons', message: 'A whole number, 0 or more' });
    if (problems.length > before) continue;
    const key = `${unitId ?? hsaId}|${year}|${month ?? ''}`;
    if (seen.has(key)) {
      problems.push({ line, column: unitId ? 'unit_id' : 'hsa_id', message: `Same unit and period as line ${seen.get(key)}` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, hsaId, unitId, year, month, listedPersons });
  }
  return { rows, problems };
}
