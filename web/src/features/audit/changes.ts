/** One changed field of an audit event, ready to show: what it was and what it became. */
export interface Change {
  field: string;
  before: unknown;
  after: unknown;
  /** Present in before / after. */
  hadBefore: boolean;
  hasAfter: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of an event's before and after, in the order they first appear. */
export function changesOf(before: unknown, after: unknown): Change[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((field) => ({ field, before: b[field], after: a[field], hadBefore: field in b, hasAfter: field in a }));
}

const MAX = 240;

/**
 * A value in words: empty for null, yes/no for booleans, lists joined, rows of a list by their
 * code or name, anything else as compact JSON (shortened when long).
 */
export function describeValue(
  value: unknown,
  words: { empty: string; yes: string; no: string; items: (n: number) => string },
  translate?: (value: string) => string,
): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return shorten(translate ? translate(value) : value);
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    if (value.every((v) => typeof v !== 'object' || v === null)) return shorten(value.map((v) => (typeof v === 'string' && translate ? translate(v) : String(v))).join(', '));
    const labels = value.map((v) => (isRecord(v) ? String(v['code'] ?? v['name'] ?? v['title'] ?? '') : '')).filter(Boolean);
    return shorten(labels.length === value.length ? `${words.items(value.length)}: ${labels.join(', ')}` : words.items(value.length));
  }
  return shorten(JSON.stringify(value));
}

function shorten(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
