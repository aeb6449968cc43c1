/**
 * Reading the CSV files users import (listed persons, unit economics): UTF-8 with or without
 * BOM, `;` or `,` between columns (whichever the header uses), double quotes around a cell
 * when it holds the separator, a header row naming the columns. Every problem is reported with
 * its line (the header is line 1) and column, so a file is stored whole or not at all.
 */

export interface RowProblem {
  /** Line number in the file (the header is line 1). */
  line: number;
  column: string;
  message: string;
}

export interface CsvRow {
  line: number;
  /** The trimmed cell of a column; '' when the file has no such column. */
  get(name: string): string;
  /** Whether the file has the column. */
  has(name: string): boolean;
}

/** Splits one line at the separator, honouring double quotes ("" is a quote inside quotes). */
export function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((v) => v.trim());
}

/**
 * Reads the header and the rows of a file. The header must name only `known` columns, all of
 * `required`, and one column of each `oneOf` group. Rows with the wrong number of cells are
 * problems; empty lines are skipped. With header problems no rows are returned.
 */
export function readCsv(
  text: string,
  options: { known: string[]; required: string[]; oneOf?: string[][]; maxRows: number },
): { rows: CsvRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) return { rows: [], problems: [{ line: 1, column: '', message: 'The file is empty' }] };
  const sep = lines[0].includes(';') ? ';' : ',';
  const names = splitCsvLine(lines[0], sep).map((h) => h.toLowerCase());
  const known = new Set(options.known);
  for (const n of names) if (!known.has(n)) problems.push({ line: 1, column: n, message: `Unknown column "${n}"` });
  for (const group of options.oneOf ?? []) {
    if (!group.some((n) => names.includes(n))) {
      problems.push({ line: 1, column: group[0], message: `The file needs a column ${group.join(' or ')}` });
    }
  }
  for (const required of options.required) {
    if (!names.includes(required)) problems.push({ line: 1, column: required, message: `The file needs a column ${required}` });
  }
  if (problems.length) return { rows: [], problems };
  if (lines.length - 1 > options.maxRows) {
    return { rows: [], problems: [{ line: 1, column: '', message: `At most ${options.maxRows} rows per file` }] };
  }
  const rows: CsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const cells = splitCsvLine(lines[i], sep);
    if (cells.length !== names.length) {
      problems.push({ line, column: '', message: `Expected ${names.length} columns, found ${cells.length}` });
      continue;
    }
    rows.push({
      line,
      has: (name) => names.includes(name),
      get: (name) => {
        const at = names.indexOf(name);
        return at >= 0 ? (cells[at] ?? '') : '';
      },
    });
  }
  if (!rows.length && !problems.length) problems.push({ line: 2, column: '', message: 'The file has no rows' });
  return { rows, problems };
}

/** A whole number written with digits only (spaces as thousands separators allowed); NaN otherwise. */
export function parseWhole(v: string): number {
  const s = v.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(s) ? Number(s) : NaN;
}

/**
 * An amount of at most two decimals, with `.` or `,` (Swedish) as the decimal sign and spaces
 * as thousands separators: "1 234,50", "1234.5", "0". NaN for anything else (signs included).
 */
export function parseDecimal(v: string): number {
  const s = v.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return NaN;
  return Number(s.replace(',', '.'));
}

/** An HSA-id looks like SE2321000214-E123. */
export const HSA_ID = /^SE\d{10}-[A-Za-z0-9]+$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The unit (column `hsa_id` or `unit_id`) and the year of a row of a per-unit-and-year file,
 * every problem with them added to `problems`.
 */
export function readUnitYear(row: CsvRow, problems: RowProblem[]): { hsaId: string | null; unitId: string | null; year: number } {
  const { line, get, has } = row;
  const hsaId = get('hsa_id') || null;
  const unitId = get('unit_id') || null;
  if (!hsaId && !unitId) problems.push({ line, column: has('hsa_id') ? 'hsa_id' : 'unit_id', message: 'Give the unit' });
  if (unitId && !UUID.test(unitId)) problems.push({ line, column: 'unit_id', message: 'Not a unit id' });
  if (hsaId && !HSA_ID.test(hsaId)) problems.push({ line, column: 'hsa_id', message: 'An HSA-id looks like SE2321000214-E123' });
  const year = parseWhole(get('year'));
  if (!(year >= 2000 && year <= 2100)) problems.push({ line, column: 'year', message: 'A year between 2000 and 2100' });
  return { hsaId, unitId, year };
}
