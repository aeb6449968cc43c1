/** One bad row of a refused listing file, as the import page lists it. */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

/**
 * The bad rows of a refused import, from the error's fields (`csv.<line>.<column>`), in file
 * order; a field about the whole file (path `csv`) is line 0.
 */
export function rowErrors(fields: readonly { path: string; message: string }[] | undefined): RowError[] {
  if (!fields) return [];
  return fields
    .map((f) => {
      const m = /^csv\.(\d+)\.?(.*)$/.exec(f.path);
      return m ? { line: Number(m[1]), column: m[2] ?? '', message: f.message } : { line: 0, column: '', message: f.message };
    })
    .sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
}

/** The example file offered for download: every column, a yearly and a monthly row. */
export function exampleCsv(unitId = '00000000-0000-4000-8000-000000000000'): string {
  return `unit_id;year;month;listed_persons\n${unitId};2025;;4210\n${unitId};2025;1;4187\n`;
}
