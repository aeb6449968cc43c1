/** A table as CSV for spreadsheets: semicolons, quoted where needed, CRLF lines, with a BOM so Excel reads UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (v: string | number | null | undefined): string => {
    if (v === null || v === undefined) return '';
    const text = typeof v === 'number' ? String(v) : v;
    // A leading =, +, - or @ would be a formula in a spreadsheet (CSV injection).
    const safe = /^[=+\-@]/.test(text) && typeof v !== 'number' ? `'${text}` : text;
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** A file name from a table title: "Konkurrensneutralitet 2024 – ersättning" → "konkurrensneutralitet-2024-ersattning.csv". */
export function csvFileName(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'tabell'}.csv`;
}

/** Starts a download of the text as a file, made in the browser. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
