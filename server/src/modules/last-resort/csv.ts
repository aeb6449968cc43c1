/**
 * The listing import file: UTF-8 (with or without BOM), `;` or `,` between columns, a header row
 * naming the columns. Columns: `hsa_id` or `unit_id` (one of them), `year`, `month` (optional,
 * 1–12; empty for the whole year), `listed_persons` (a whole number ≥ 0).
 */
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

export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function splitLine(line: string, sep: string): string[] {
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

const whole = (v: string) => (/^\d+$/.test(v) ? Number(v) : NaN);

/** Parses and checks every row; returns the rows, or every problem found (nothing partial). */
export function parseListingCsv(text: string): { rows: ListingRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) return { rows: [], problems: [{ line: 1, column: '', message: 'The file is empty' }] };
  const header = lines[0];
  const sep = header.includes(';') ? ';' : ',';
  const names = splitLine(header, sep).map((h) => h.toLowerCase());
  const idx = (name: string) => names.indexOf(name);
  const known = new Set(['hsa_id', 'unit_id', 'year', 'month', 'listed_persons']);
  for (const n of names) if (!known.has(n)) problems.push({ line: 1, column: n, message: `Unknown column "${n}"` });
  if (idx('hsa_id') < 0 && idx('unit_id') < 0) problems.push({ line: 1, column: 'hsa_id', message: 'The file needs a column hsa_id or unit_id' });
  for (const required of ['year', 'listed_persons']) {
    if (idx(required) < 0) problems.push({ line: 1, column: required, message: `The file needs a column ${required}` });
  }
  if (problems.length) return { rows: [], problems };
  if (lines.length - 1 > LISTING_CSV_MAX_ROWS) {
    return { rows: [], problems: [{ line: 1, column: '', message: `At most ${LISTING_CSV_MAX_ROWS} rows per file` }] };
  }
  const rows: ListingRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const cells = splitLine(lines[i], sep);
    const get = (name: string) => (idx(name) >= 0 ? (cells[idx(name)] ?? '') : '');
    const before = problems.length;
    if (cells.length !== names.length) {
      problems.push({ line, column: '', message: `Expected ${names.length} columns, found ${cells.length}` });
      continue;
    }
    const hsaId = get('hsa_id') || null;
    const unitId = get('unit_id') || null;
    if (!hsaId && !unitId) problems.push({ line, column: idx('hsa_id') >= 0 ? 'hsa_id' : 'unit_id', message: 'Give the unit' });
    if (unitId && !UUID.test(unitId)) problems.push({ line, column: 'unit_id', message: 'Not a unit id' });
    if (hsaId && !/^SE\d{10}-[A-Za-z0-9]+$/.test(hsaId)) problems.push({ line, column: 'hsa_id', message: 'An HSA-id looks like SE2321000214-E123' });
    const year = whole(get('year'));
    if (!(year >= 2000 && year <= 2100)) problems.push({ line, column: 'year', message: 'A year between 2000 and 2100' });
    const monthText = get('month');
    const month = monthText === '' ? null : whole(monthText);
    if (month !== null && !(month >= 1 && month <= 12)) problems.push({ line, column: 'month', message: 'A month 1–12, or empty for the whole year' });
    const listedPersons = whole(get('listed_persons').replace(/\s/g, ''));
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
  if (!rows.length && !problems.length) problems.push({ line: 2, column: '', message: 'The file has no rows' });
  return { rows, problems };
}
