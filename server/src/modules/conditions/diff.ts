import { diffWords } from 'diff';
import { ConditionChange, DiffSegmentKind, type ConditionDiff, type DiffSegment } from './entities.js';

export interface ConditionText {
  code: string;
  heading: string;
  text: string;
}

/** Word-level difference of two texts as SAME / ADDED / REMOVED runs, adjacent runs of one kind merged. */
export function wordSegments(before: string, after: string): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const part of diffWords(before, after)) {
    const kind = part.added ? DiffSegmentKind.ADDED : part.removed ? DiffSegmentKind.REMOVED : DiffSegmentKind.SAME;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += part.value;
    else if (part.value) out.push({ kind, text: part.value });
  }
  return out;
}

const whole = (kind: DiffSegmentKind, text: string): DiffSegment[] => (text ? [{ kind, text }] : []);

/**
 * Compares two lists of conditions by code: in the order of the newer list, with a removed
 * condition placed after the condition that preceded it in the older list.
 */
export function diffConditions(from: ConditionText[], to: ConditionText[]): ConditionDiff[] {
  const old = new Map(from.map((c) => [c.code, c]));
  const current = new Set(to.map((c) => c.code));
  const result: ConditionDiff[] = to.map((c) => {
    const o = old.get(c.code);
    if (!o) {
      return {
        code: c.code,
        change: ConditionChange.ADDED,
        oldHeading: null,
        newHeading: c.heading,
        oldText: null,
        newText: c.text,
        headingSegments: whole(DiffSegmentKind.ADDED, c.heading),
        segments: whole(DiffSegmentKind.ADDED, c.text),
      };
    }
    const same = o.heading === c.heading && o.text === c.text;
    return {
      code: c.code,
      change: same ? ConditionChange.UNCHANGED : ConditionChange.CHANGED,
      oldHeading: o.heading,
      newHeading: c.heading,
      oldText: o.text,
      newText: c.text,
      headingSegments: o.heading === c.heading ? whole(DiffSegmentKind.SAME, c.heading) : wordSegments(o.heading, c.heading),
      segments: o.text === c.text ? whole(DiffSegmentKind.SAME, c.text) : wordSegments(o.text, c.text),
    };
  });
  from.forEach((o, i) => {
    if (current.has(o.code)) return;
    const removed: ConditionDiff = {
      code: o.code,
      change: ConditionChange.REMOVED,
      oldHeading: o.heading,
      newHeading: null,
      oldText: o.text,
      newText: null,
      headingSegments: whole(DiffSegmentKind.REMOVED, o.heading),
      segments: whole(DiffSegmentKind.REMOVED, o.text),
    };
    // After the nearest earlier condition of the older list that is already placed.
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = result.findIndex((r) => r.code === from[j].code);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    result.splice(at, 0, removed);
  });
  return result;
}
