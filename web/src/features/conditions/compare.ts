/** What the public page of the equal-conditions rules works out from the versions and a diff. */

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';
export type SegmentKind = 'SAME' | 'ADDED' | 'REMOVED';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

/**
 * The two versions to compare: those in the address when they exist, otherwise the one before the
 * latest and the latest (or the only one twice).
 */
export function pickPair(versions: number[], from: string | null, to: string | null): { from: number; to: number } | null {
  if (!versions.length) return null;
  const sorted = [...versions].sort((a, b) => a - b);
  const valid = (value: string | null) => {
    const n = value === null ? NaN : Number(value);
    return Number.isInteger(n) && sorted.includes(n) ? n : null;
  };
  const latest = sorted[sorted.length - 1]!;
  const before = sorted.length > 1 ? sorted[sorted.length - 2]! : latest;
  return { from: valid(from) ?? before, to: valid(to) ?? latest };
}

/** How many conditions of each kind of change. */
export function countChanges(conditions: { change: ChangeKind }[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { ADDED: 0, REMOVED: 0, CHANGED: 0, UNCHANGED: 0 };
  for (const c of conditions) counts[c.change] += 1;
  return counts;
}

/**
 * The runs of one side of a word-level diff: the older side shows what was the same and what was
 * removed, the newer side what was the same and what was added.
 */
export function sideOf(segments: Segment[], side: 'old' | 'new'): Segment[] {
  const hidden: SegmentKind = side === 'old' ? 'ADDED' : 'REMOVED';
  return segments.filter((s) => s.kind !== hidden);
}
