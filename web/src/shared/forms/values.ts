/** A decimal number as people type it: "86,5", "86.5", "1 000", "−3". Null when it is not one. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** A number for an input field in the UI language: 86.5 → "86,5" in Swedish. */
export function decimalForInput(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return language === 'sv' ? text.replace('.', ',') : text;
}

/** A whole year, 2000–2100, or null. */
export function parseYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const year = Number(t);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** A calendar date "YYYY-MM-DD" that exists. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Empty text as null, for optional fields. */
export function orNull(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}
